import type { BaseContext, Db, Logger } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { CardVerifier } from './services/cardVerification';
import type { ConsentFlags } from './services/consentFlags';
import type { InsurerChangeRelay } from './services/outbox';
import type { FacilityLoader } from './store/masters';
import type { createConfirmationLoader, PatientLoaders } from './store/patients';

export interface QualificationsContext extends BaseContext {
  loaders: PatientLoaders & { confirmations: ReturnType<typeof createConfirmationLoader>; facility: FacilityLoader };
  /** Today's date (YYYY-MM-DD) for "in force" questions; the demo's as-of date in demo mode. */
  today: string;
  db: Db<Tables>;
  logger: Logger;
  verifyCard: CardVerifier;
  /** This visit's consent flags from the consent subgraph (docs/contracts.md contract 5); '3' when it does not answer. */
  consentFlags(patientId: string, facilityCode: string, ask?: { withExpiry?: boolean }): Promise<ConsentFlags>;
  insurerChanges: InsurerChangeRelay;
}
