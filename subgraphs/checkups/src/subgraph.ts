import path from 'node:path';
import type { SubgraphDefinition } from '@onshi/kit';
import type { CheckupsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildCheckupsSchema } from './schema';

export const checkupsSubgraph: SubgraphDefinition<Tables, CheckupsContext> = {
  name: 'checkups',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildCheckupsSchema,
  createContext: (base, deps) => ({ ...base, db: deps.db }),
};
