import path from 'node:path';
import type { SubgraphDefinition } from '@onshi/kit';
import type { CheckupsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildCheckupsSchema } from './schema';
import { archiveRoutes } from './http/archiveRoutes';
import { checkupsRoutes } from './http/internalRoutes';
import { loadItemMasterTable, seedCheckups } from './services/seed';
import { createCheckupLoaders } from './store/checkups';

/** Today in Japan (fiscal years are Japanese dates), or the demo's fixed as-of date; asked per request, not at start-up. */

export const checkupsSubgraph: SubgraphDefinition<Tables, CheckupsContext> = {
  name: 'checkups',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildCheckupsSchema,
  createContext: (base, deps) => {
    const today = deps.clock.today();
    return { ...base, db: deps.db, loaders: createCheckupLoaders(deps.db, today), today };
  },
  seedDemo: seedCheckups,
  prepare: loadItemMasterTable,
  routes: (deps) => checkupsRoutes(deps, deps.clock.today),
  streamRoutes: (deps, authenticate) => archiveRoutes(deps, authenticate, deps.clock.today),
};
