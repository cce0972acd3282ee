import type { BaseContext, Db } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { CheckupLoaders } from './store/checkups';

export interface CheckupsContext extends BaseContext {
  db: Db<Tables>;
  loaders: CheckupLoaders;
  /** Today's date (YYYY-MM-DD) for the 5-fiscal-year window; the demo's as-of date in demo mode. */
  today: string;
}
