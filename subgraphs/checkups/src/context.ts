import type { BaseContext, Db } from '@onshi/kit';
import type { Tables } from './db/tables';

export interface CheckupsContext extends BaseContext {
  db: Db<Tables>;
}
