import path from 'node:path';
import { createLocalJWKSet } from 'jose';
import type { SubgraphDefinition, SubgraphDeps } from '@onshi/kit';
import type { ConsentContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildConsentSchema } from './schema';
import { hashSecret } from './services/identity/card';
import { createSecretBox, loadOrCreateSecretKey, type SecretBox } from './services/identity/secretBox';
import { checkpointIntervalMs, writeCheckpoint } from './services/audit/checkpoints';
import { ensureAuditHeads } from './services/policy/decisionPoint';
import { consentRoutes } from './http/internalRoutes';
import { ensureDemoReaders } from './services/demoReaders';
import { LoginThrottle } from './services/identity/loginThrottle';
import { createPatientListsLoader } from './services/policy/patientLists';
import { PAGE_MAX } from './schema/paging';
import { SearchThrottle } from './services/policy/specialSearchLog';
import { consentOperations } from './services/audit/operations';
import { DatabaseRevocationList } from './services/identity/revokedTokens';
import { ensureDemoFacilities, ensureDemoInsurers, refreshDemoConsent, seedConsent } from './services/seed';
import { keyFileVersion, loadOrCreateSigningKey, type SigningKey } from './services/identity/signing';

/** How often the key file is checked for a rotation (signing.ts rotateSigningKey). */
const KEY_RELOAD_INTERVAL_MS = 30_000;

let signingKey: SigningKey | undefined;
let dummySecretHash = '';
let secrets: SecretBox | undefined;
// Built on the shared state (Redis when configured) once the service starts.
let loginThrottle: LoginThrottle | undefined;
let searchThrottle: SearchThrottle | undefined;
function currentSecrets(): SecretBox {
  if (!secrets) throw new Error('secret key not loaded');
  return secrets;
}
function throttles(): { loginThrottle: LoginThrottle; searchThrottle: SearchThrottle } {
  if (!loginThrottle || !searchThrottle) throw new Error('throttles not ready');
  return { loginThrottle, searchThrottle };
}
function currentSigningKey(): SigningKey {
  if (!signingKey) throw new Error('signing key not loaded');
  return signingKey;
}

export function signingKeyPath(deps: SubgraphDeps<Tables>): string {
  return process.env.SIGNING_KEY_PATH || path.join(deps.config.DATA_DIR, 'consent', 'signing-key.json');
}

/** Background work of one replica: pick up a rotated key, checkpoint every chain head. Timers never keep the process alive. */
function startBackgroundWork(deps: SubgraphDeps<Tables>, keyPath: string): void {
  let keyVersion = keyFileVersion(keyPath);
  setInterval(() => {
    const version = keyFileVersion(keyPath);
    if (version === keyVersion) return;
    keyVersion = version;
    loadOrCreateSigningKey(keyPath).then(
      (key) => { signingKey = key; deps.logger.info({ kid: key.kid }, 'signing key rotated'); },
      (error: unknown) => deps.logger.error({ err: error }, 'could not reload the signing key'),
    );
  }, KEY_RELOAD_INTERVAL_MS).unref();
  setInterval(() => {
    writeCheckpoint(deps.db, new Date()).catch((error: unknown) => deps.logger.error({ err: error }, 'audit checkpoint failed'));
  }, checkpointIntervalMs()).unref();
}

export const consentSubgraph: SubgraphDefinition<Tables, ConsentContext> = {
  name: 'consent',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildConsentSchema,
  async seedDemo(deps) {
    await seedConsent(deps);
    await ensureDemoFacilities(deps);
    await ensureDemoInsurers(deps);
    // Before the day's demo consents: the readers' backdated first verifications decline consent (demoReaders.ts).
    await ensureDemoReaders(deps, await loadOrCreateSigningKey(signingKeyPath(deps)));
    await refreshDemoConsent(deps);
  },
  async prepare(deps) {
    const keyPath = signingKeyPath(deps);
    signingKey = await loadOrCreateSigningKey(keyPath);
    dummySecretHash = await hashSecret('no such account');
    loginThrottle = new LoginThrottle(deps.shared);
    searchThrottle = new SearchThrottle(deps.shared);
    secrets = createSecretBox(loadOrCreateSecretKey(deps.config.DATA_DIR));
    await ensureAuditHeads(deps.db);
    await writeCheckpoint(deps.db, new Date());
    startBackgroundWork(deps, keyPath);
  },
  createContext: (base, deps) => ({ ...base, db: deps.db, config: deps.config, signingKey: currentSigningKey(), secrets: currentSecrets(), ...throttles(), revocations: deps.shared.revocations, now: () => new Date(), dummySecretHash, lists: createPatientListsLoader(deps.db, PAGE_MAX) }),
  routes: (deps) => consentRoutes(deps, currentSigningKey, currentSecrets),
  operations: () => consentOperations,
  endsSessions: true,
  // Its queries log their decisions and refusals and record disaster searches: an ended token is refused before they run.
  queriesWrite: true,
  // The grouped access-log statement waits for chain heads' locks on a connection of its own (decisionPoint.ts).
  ownConnection: true,
  sessionRevocations: (db) => new DatabaseRevocationList(db),
  tokenKeys: () => async (header, token) => createLocalJWKSet({ keys: currentSigningKey().publishedJwks })(header, token),
};
