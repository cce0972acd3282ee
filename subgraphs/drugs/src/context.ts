import type { BaseContext, Db } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { DrugLoaders } from './services/drugReads';
import type { DrugMaster } from './services/drugMaster';
import type { FacilityNameOf } from './services/facilities';

export interface DrugsContext extends BaseContext {
  db: Db<Tables>;
  /** Batched readers, new for every request. */
  loaders: DrugLoaders;
  master: DrugMaster;
  /** "Now" (fixed when DEMO_AS_OF is set). */
  now: () => Date;
  facilityNameOf: FacilityNameOf;
  /** Which patient ids exist (asked of consent's identity index); claims of others are refused. */
  knownPatients: (patientIds: readonly string[]) => Promise<ReadonlySet<string>>;
}
