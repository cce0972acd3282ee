import 'reflect-metadata';
import { runSubgraphProcess } from '@onshi/kit';
import { qualificationsSubgraph } from './subgraph';

runSubgraphProcess(qualificationsSubgraph);
