import type { BaseContext, CoverageLookup, Db, OwnerCategory, OwnerTarget } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { DrugLoaders } from './store/drugReads';
import type { DrugMaster } from './services/drugMaster';

export interface DrugsContext extends BaseContext {
  db: Db<Tables>;
  /** Batched readers, new for every request. */
  loaders: DrugLoaders;
  master: DrugMaster;
  /** "Now" (fixed when DEMO_AS_OF is set). */
  now: () => Date;
  /** Which patient ids exist (asked of consent's identity index); claims of others are refused. */
  knownPatients: (patientIds: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Coverage of persons in months of care (qualifications), asked once per ingest batch to route its claims. */
  coverage: CoverageLookup;
  /** Asks the decision point whether the caller may read this insurer's, facility's or the nation's list (logged); throws unless allowed. */
  requireOwnerRead: (category: OwnerCategory, target: OwnerTarget) => Promise<void>;
}
