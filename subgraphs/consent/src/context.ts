import type { BaseContext, Db, ServiceConfig } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { LoginThrottle } from './services/loginThrottle';
import type { SearchThrottle } from './services/specialSearchLog';
import type { SecretBox } from './services/secretBox';
import type { SigningKey } from './services/signing';

export interface ConsentContext extends BaseContext {
  db: Db<Tables>;
  config: ServiceConfig;
  signingKey: SigningKey;
  /** Opens TOTP seeds sealed at rest (secretBox.ts). */
  secrets: SecretBox;
  /** Failed staff logins per account and source (loginThrottle.ts); one per process. */
  loginThrottle: LoginThrottle;
  /** Disaster and emergency searches per staff member and facility (specialSearchLog.ts); one per process. */
  searchThrottle: SearchThrottle;
  now: () => Date;
  /** A stored-format hash of nothing, verified against when an account does not exist (equal timing). */
  dummySecretHash: string;
}
