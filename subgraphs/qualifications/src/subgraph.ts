import path from 'node:path';
import type { SubgraphDefinition } from '@onshi/kit';
import type { QualificationsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildQualificationsSchema } from './schema';
import { createPatientLoaders } from './services/patients';
import { seedQualifications } from './services/seed';

export const qualificationsSubgraph: SubgraphDefinition<Tables, QualificationsContext> = {
  name: 'qualifications',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildQualificationsSchema,
  createContext: (base, deps) => ({ ...base, loaders: createPatientLoaders(deps.db), today: deps.demo.asOf }),
  seedDemo: seedQualifications,
};
