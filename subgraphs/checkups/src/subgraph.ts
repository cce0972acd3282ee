import path from 'node:path';
import type { SubgraphDefinition } from '@onshi/kit';
import type { CheckupsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildCheckupsSchema } from './schema';
import { checkupsRoutes } from './services/internalRoutes';
import { loadItemMasterTable, seedCheckups } from './services/seed';
import { createCheckupLoaders } from './services/store';

export const checkupsSubgraph: SubgraphDefinition<Tables, CheckupsContext> = {
  name: 'checkups',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildCheckupsSchema,
  createContext: (base, deps) => ({ ...base, db: deps.db, loaders: createCheckupLoaders(deps.db, deps.demo.asOf), today: deps.demo.asOf }),
  seedDemo: seedCheckups,
  prepare: loadItemMasterTable,
  routes: (deps) => checkupsRoutes(deps, () => deps.demo.asOf),
};
