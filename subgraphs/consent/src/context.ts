import type { BaseContext, Db, ServiceConfig } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { SigningKey } from './services/signing';

export interface ConsentContext extends BaseContext {
  db: Db<Tables>;
  config: ServiceConfig;
  signingKey: SigningKey;
  now: () => Date;
  /** A stored-format hash of nothing, verified against when an account does not exist (equal timing). */
  dummySecretHash: string;
}
