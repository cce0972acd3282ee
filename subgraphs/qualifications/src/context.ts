import type { BaseContext } from '@onshi/kit';
import type { PatientLoaders } from './services/patients';

export interface QualificationsContext extends BaseContext {
  loaders: PatientLoaders;
  /** Today's date (YYYY-MM-DD) for "in force" questions; the demo's as-of date in demo mode. */
  today: string;
}
