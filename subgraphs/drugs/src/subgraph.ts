import path from 'node:path';
import { coverageClient, requireOwnerRead, type SubgraphDefinition } from '@onshi/kit';
import type { DrugsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildDrugsSchema } from './schema';
import { createDrugLoaders } from './store/drugReads';
import { loadDrugMaster } from './services/drugMaster';
import { syncDrugMasterTable } from './store/drugMasterStore';
import { knownPatientsClient } from './services/knownPatients';
import { drugsOperations } from './services/operations';
import { seedDrugs } from './services/seed';

export const drugsSubgraph: SubgraphDefinition<Tables, DrugsContext> = {
  name: 'drugs',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildDrugsSchema,
  createContext: (base, deps) => {
    const now = deps.clock.now;
    return {
      ...base, db: deps.db, master: loadDrugMaster(), now, loaders: createDrugLoaders(deps.db, now),
      knownPatients: knownPatientsClient(deps.config.CONSENT_URL, deps.config.INTERNAL_SECRET),
      coverage: coverageClient({ qualificationsUrl: deps.config.QUALIFICATIONS_SERVICE_URL, internalSecret: deps.config.INTERNAL_SECRET, requestId: base.requestId }),
      requireOwnerRead: (category, target) => requireOwnerRead(base, { consentUrl: deps.config.CONSENT_URL, internalSecret: deps.config.INTERNAL_SECRET }, category, target),
    };
  },
  // The master table mirrors data/drug-master.csv on every start, demo or not.
  prepare: async ({ db }) => void (await syncDrugMasterTable(db, loadDrugMaster())),
  seedDemo: seedDrugs,
  operations: (deps) => drugsOperations(deps.clock.now, loadDrugMaster, {
    knownPatients: knownPatientsClient(deps.config.CONSENT_URL, deps.config.INTERNAL_SECRET),
    coverage: coverageClient({ qualificationsUrl: deps.config.QUALIFICATIONS_SERVICE_URL, internalSecret: deps.config.INTERNAL_SECRET }),
  }),
};
