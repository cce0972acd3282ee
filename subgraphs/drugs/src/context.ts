import type { BaseContext, Db } from '@onshi/kit';
import type { Tables } from './db/tables';

export interface DrugsContext extends BaseContext {
  db: Db<Tables>;
}
