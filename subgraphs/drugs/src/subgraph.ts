import path from 'node:path';
import type { SubgraphDefinition } from '@onshi/kit';
import type { DrugsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildDrugsSchema } from './schema';

export const drugsSubgraph: SubgraphDefinition<Tables, DrugsContext> = {
  name: 'drugs',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildDrugsSchema,
  createContext: (base, deps) => ({ ...base, db: deps.db }),
};
