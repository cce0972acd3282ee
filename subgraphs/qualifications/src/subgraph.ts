import path from 'node:path';
import { STAFF_ROLES, type SubgraphDefinition, type SubgraphDeps } from '@onshi/kit';
import { loadQualificationsConfig } from './config';
import type { QualificationsContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildQualificationsSchema } from './schema';
import { createCardVerifier } from './services/cardVerification';
import { fetchConsentFlags } from './services/consentFlags';
import { qualificationsRoutes } from './http/internalRoutes';
import { createInsurerChangeRelay, type InsurerChangeRelay } from './services/outbox';
import { createFacilityLoader } from './store/masters';
import { createConfirmationLoader, createPatientLoaders } from './store/patients';
import { seedQualifications } from './services/seed';
import { databaseOutboxStore } from './store/outbox';

let relay: InsurerChangeRelay | undefined;
function insurerChangeRelay(): InsurerChangeRelay {
  if (!relay) throw new Error('insurer-change relay not started');
  return relay;
}

/** Staff see only their own facility's confirmation records; the patient (self) and the operator see all. */
function confirmationScope(base: { actor: { role: string; facilityCode?: string } | null }): string | null {
  const actor = base.actor;
  if (!actor || actor.role === 'PATIENT' || actor.role === 'ADMIN') return null;
  // Any other role reaching the field is filtered to its facility; without one it matches nothing.
  return actor.facilityCode ?? '';
}

/** Staff read a person through their latest confirmation at their own facility (qualificationAccess.ts). */
function staffFacility(base: { actor: { role: string; facilityCode?: string } | null }): string | null {
  const actor = base.actor;
  return actor && (STAFF_ROLES as readonly string[]).includes(actor.role) && actor.facilityCode ? actor.facilityCode : null;
}

export const qualificationsSubgraph: SubgraphDefinition<Tables, QualificationsContext> = {
  name: 'qualifications',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildQualificationsSchema,
  async prepare(deps: SubgraphDeps<Tables>) {
    const { CHECKUPS_URL } = loadQualificationsConfig();
    relay = createInsurerChangeRelay({ store: databaseOutboxStore(deps.db), subscriberUrls: [CHECKUPS_URL, deps.config.CONSENT_URL], internalSecret: deps.config.INTERNAL_SECRET, logger: deps.logger });
    // Events committed before a restart (or by a replica that died) are delivered now.
    relay.nudge();
  },
  createContext: (base, deps) => ({
    ...base,
    loaders: { ...createPatientLoaders(deps.db, staffFacility(base)), confirmations: createConfirmationLoader(deps.db, confirmationScope(base)), facility: createFacilityLoader(deps.db) },
    // Read per request: a process running past midnight in Japan answers with the new day (validity, age,
    // coverage in force). DEMO_AS_OF still pins the demo's day.
    today: deps.clock.today(),
    db: deps.db,
    logger: deps.logger,
    verifyCard: createCardVerifier(deps.config.CONSENT_URL),
    consentFlags: (patientId, facilityCode, ask) => fetchConsentFlags({ consentUrl: deps.config.CONSENT_URL, internalSecret: deps.config.INTERNAL_SECRET, requestId: base.requestId, logger: deps.logger }, patientId, facilityCode, ask),
    insurerChanges: insurerChangeRelay(),
  }),
  seedDemo: seedQualifications,
  routes: qualificationsRoutes,
};
