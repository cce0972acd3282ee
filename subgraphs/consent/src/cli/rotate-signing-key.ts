/**
 * Rotates the token-signing key (tsx subgraphs/consent/src/cli/rotate-signing-key.ts): a new current key
 * in the key file (SIGNING_KEY_PATH, else DATA_DIR/consent/signing-key.json); the previous public keys
 * stay in the JWKS so tokens signed before keep verifying until they expire. Running consent replicas
 * pick the new file up within 30 s; verifiers refetch the JWKS on an unknown kid.
 */
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { rotateSigningKey } from '../services/identity/signing';

const keyPath = process.env.SIGNING_KEY_PATH || path.join(process.env.DATA_DIR || path.join(REPO_ROOT, '.data'), 'consent', 'signing-key.json');
rotateSigningKey(keyPath).then(
  (key) => process.stdout.write(`signing key rotated: current kid ${key.kid}, ${key.publishedJwks.length} keys published\n`),
  (error: unknown) => {
    process.stderr.write(`rotate-signing-key: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
