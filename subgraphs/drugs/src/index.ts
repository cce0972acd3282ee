import 'reflect-metadata';
import { runSubgraphProcess } from '@onshi/kit';
import { drugsSubgraph } from './subgraph';

runSubgraphProcess(drugsSubgraph);
