import path from 'node:path';
import { createLocalJWKSet } from 'jose';
import type { SubgraphDefinition } from '@onshi/kit';
import type { ConsentContext } from './context';
import { tables, type Tables } from './db/tables';
import { buildConsentSchema } from './schema';
import { consentRoutes } from './services/internalRoutes';
import { refreshDemoConsent, seedConsent } from './services/seed';
import { loadOrCreateSigningKey, type SigningKey } from './services/signing';

let signingKey: SigningKey | undefined;
function currentSigningKey(): SigningKey {
  if (!signingKey) throw new Error('signing key not loaded');
  return signingKey;
}

export const consentSubgraph: SubgraphDefinition<Tables, ConsentContext> = {
  name: 'consent',
  tables,
  migrationsFolder: path.join(__dirname, '../drizzle'),
  buildSchema: buildConsentSchema,
  async seedDemo(deps) {
    await seedConsent(deps);
    await refreshDemoConsent(deps);
  },
  async prepare(deps) {
    signingKey = await loadOrCreateSigningKey(process.env.SIGNING_KEY_PATH || path.join(deps.config.DATA_DIR, 'consent', 'signing-key.json'));
  },
  createContext: (base, deps) => ({ ...base, db: deps.db, config: deps.config, signingKey: currentSigningKey(), now: () => new Date() }),
  routes: (deps) => consentRoutes(deps, currentSigningKey),
  tokenKeys: () => createLocalJWKSet({ keys: [currentSigningKey().publicJwk] }),
};
