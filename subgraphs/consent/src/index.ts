import 'reflect-metadata';
import { runSubgraphProcess } from '@onshi/kit';
import { consentSubgraph } from './subgraph';

runSubgraphProcess(consentSubgraph);
