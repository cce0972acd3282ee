import type { BaseContext, Db, RevocationList, ServiceConfig } from '@onshi/kit';
import type { Tables } from './db/tables';
import type { LoginThrottle } from './services/identity/loginThrottle';
import type { PatientListsLoader } from './services/policy/patientLists';
import type { SearchThrottle } from './services/policy/specialSearchLog';
import type { SecretBox } from './services/identity/secretBox';
import type { SigningKey } from './services/identity/signing';

export interface ConsentContext extends BaseContext {
  db: Db<Tables>;
  config: ServiceConfig;
  signingKey: SigningKey;
  /** Opens TOTP seeds sealed at rest (secretBox.ts). */
  secrets: SecretBox;
  /** Failed staff logins per account and source (loginThrottle.ts); shared by the replicas through Redis when configured. */
  loginThrottle: LoginThrottle;
  /** Disaster and emergency searches per staff member and facility (specialSearchLog.ts); shared like the login throttle. */
  searchThrottle: SearchThrottle;
  /** Ended access tokens (logout, revoked PHR grants), honoured by every verifier at once (platform sharedState.ts). */
  revocations: RevocationList;
  now: () => Date;
  /** The person's own consents and PHR grants, batched into one statement per request tick (patientLists.ts). */
  lists: PatientListsLoader;
  /** A stored-format hash of nothing, verified against when an account does not exist (equal timing). */
  dummySecretHash: string;
}
