import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Actor } from '@onshi/kit';

/** Access tokens are short-lived (issue: ≤ 15 min). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Whatever jose's importJWK yields on this platform (a WebCrypto CryptoKey on Node). */
type PrivateSigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKey {
  kid: string;
  privateKey: PrivateSigningKey;
  publicJwk: JWK;
}

/**
 * The Ed25519 token-signing key: read from `keyPath`, or generated there on first start (mode 0600).
 * Replicas share the key by sharing the file (or a secret store mounted at that path).
 */
export async function loadOrCreateSigningKey(keyPath: string): Promise<SigningKey> {
  let privateJwk: JWK;
  if (existsSync(keyPath)) {
    privateJwk = JSON.parse(readFileSync(keyPath, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `onshi-${Date.now().toString(36)}`, alg: 'EdDSA', use: 'sig' };
    mkdirSync(path.dirname(keyPath), { recursive: true });
    writeFileSync(keyPath, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid ?? 'onshi';
  const privateKey = await importJWK(privateJwk, 'EdDSA');
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' } };
}

export interface IssuedToken { accessToken: string; expiresAt: Date }

/** Signs an access token whose claims are exactly what the kit's verifier parses (ARCHITECTURE.md layer 1). */
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
