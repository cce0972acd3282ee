import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Actor } from '@onshi/kit';

/** Access tokens are short-lived (issue: ≤ 15 min). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Retired public keys stay in the JWKS this long after a rotation, so tokens signed just before still verify. */
export const RETIRED_KEYS_KEPT = 2;

/** Whatever jose's importJWK yields on this platform (a WebCrypto CryptoKey on Node). */
type PrivateSigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKey {
  kid: string;
  privateKey: PrivateSigningKey;
  publicJwk: JWK;
  /** The JWKS: the current public key first, then the retired ones still accepted. */
  publishedJwks: JWK[];
}

/** The key file: the current private key and the public halves of retired keys (mode 0600). */
interface KeyFile { current: JWK; retired: JWK[] }

function publicHalf(privateJwk: JWK): JWK {
  const { d: _private, ...publicJwk } = privateJwk;
  return { ...publicJwk, kid: privateJwk.kid ?? 'onshi', alg: 'EdDSA', use: 'sig' };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `onshi-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`, alg: 'EdDSA', use: 'sig' };
}

function readKeyFile(keyPath: string): KeyFile {
  const parsed = JSON.parse(readFileSync(keyPath, 'utf8')) as Partial<KeyFile> & JWK;
  // The first slice stored a bare private JWK; read it as a file without retired keys.
  return parsed.current ? { current: parsed.current, retired: parsed.retired ?? [] } : { current: parsed, retired: [] };
}

function writeKeyFile(keyPath: string, file: KeyFile): void {
  mkdirSync(path.dirname(keyPath), { recursive: true });
  const temporary = `${keyPath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
  renameSync(temporary, keyPath);
}

/**
 * The Ed25519 token-signing key: read from `keyPath`, or generated there on first start (mode 0600).
 * Replicas share the key by sharing the file (or a secret store mounted at that path).
 */
export async function loadOrCreateSigningKey(keyPath: string): Promise<SigningKey> {
  if (!existsSync(keyPath)) writeKeyFile(keyPath, { current: await newPrivateJwk(), retired: [] });
  const file = readKeyFile(keyPath);
  const publicJwk = publicHalf(file.current);
  const kid = publicJwk.kid ?? 'onshi';
  const privateKey = await importJWK(file.current, 'EdDSA');
  return { kid, privateKey, publicJwk, publishedJwks: [publicJwk, ...file.retired] };
}

/**
 * Key rotation: a new current key; the old public key stays published (RETIRED_KEYS_KEPT) so tokens it
 * signed keep verifying until they expire. Running services pick the file up by its modification time.
 */
export async function rotateSigningKey(keyPath: string): Promise<SigningKey> {
  const previous = existsSync(keyPath) ? readKeyFile(keyPath) : undefined;
  const retired = previous ? [publicHalf(previous.current), ...previous.retired].slice(0, RETIRED_KEYS_KEPT) : [];
  writeKeyFile(keyPath, { current: await newPrivateJwk(), retired });
  return loadOrCreateSigningKey(keyPath);
}

export function keyFileVersion(keyPath: string): number {
  return existsSync(keyPath) ? statSync(keyPath).mtimeMs : 0;
}

export interface IssuedToken { accessToken: string; expiresAt: Date }

/** Signs an access token whose claims are exactly what the kit's verifier parses (docs/architecture.md "Who may see what: three layers", layer 1). */
export async function issueAccessToken(key: SigningKey, actor: Actor, now = new Date()): Promise<IssuedToken> {
  const { subject, ...claims } = actor;
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000);
  const accessToken = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
  return { accessToken, expiresAt };
}
