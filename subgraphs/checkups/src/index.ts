import 'reflect-metadata';
import { runSubgraphProcess } from '@onshi/kit';
import { checkupsSubgraph } from './subgraph';

runSubgraphProcess(checkupsSubgraph);
