/**
 * The server-side checks of a card login: signature over a single-use challenge, PIN storage, and the 3-tries PIN
 * lock. The card holder's side — the demo's virtual My Number Card, its key derivation and its signature — is in the
 * demo package (`@onshi/demo` card.ts): production code verifies cards, it never holds one. The My Number itself is
 * never involved (docs/domain.md "Identity without the My Number": the identity chain starts at the certificate serial).
 */
import { KeyObject, createPublicKey, randomBytes, scrypt, timingSafeEqual, verify } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';

// ---------------------------------------------------------------------------------------------------
// Secret hashing (scrypt). One helper for card PINs and staff passwords.
// ---------------------------------------------------------------------------------------------------

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, ~0.3 s). */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Upper bound for parameters read back from storage, so a corrupted row cannot make us burn gigabytes. */
const MAX_N = 2 ** 20;

/** A stored hash that is not in the `scrypt$N$r$p$salt$hash` format: a data error, never a wrong secret. */
export class MalformedSecretHashError extends Error {
  constructor(reason: string) {
    super(`Malformed scrypt hash: ${reason}`);
    this.name = 'MalformedSecretHashError';
  }
}

function scryptAsync(secret: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  // The 128 * N * r bytes scrypt needs, plus headroom; Node's default maxmem (32 MiB) is below N = 2^17.
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, keyLength, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function assertParams(params: ScryptParams): void {
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N) throw new MalformedSecretHashError(`N=${params.N} is not a power of two up to 2^20`);
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > 32) throw new MalformedSecretHashError(`r=${params.r}`);
  if (!Number.isInteger(params.p) || params.p < 1 || params.p > 16) throw new MalformedSecretHashError(`p=${params.p}`);
}

/**
 * Hashes a secret as `scrypt$N$r$p$salt$hash` (salt and hash base64url), with a random salt, so the
 * parameters travel with the hash and can be raised later without invalidating stored rows.
 * Asynchronous on purpose: the synchronous scrypt would block the event loop of a serving replica.
 */
export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  assertParams(params);
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(secret, salt, HASH_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

function parseSecretHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || n === undefined || r === undefined || p === undefined || salt === undefined || hash === undefined) {
    throw new MalformedSecretHashError('expected scrypt$N$r$p$salt$hash');
  }
  const decimal = /^[1-9]\d*$/;
  if (!decimal.test(n) || !decimal.test(r) || !decimal.test(p)) throw new MalformedSecretHashError('parameters must be positive integers');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  assertParams(params);
  const base64url = /^[A-Za-z0-9_-]+$/;
  if (!base64url.test(salt) || !base64url.test(hash)) throw new MalformedSecretHashError('salt and hash must be base64url');
  const saltBytes = Buffer.from(salt, 'base64url');
  const hashBytes = Buffer.from(hash, 'base64url');
  if (saltBytes.length < 16 || hashBytes.length < 16) throw new MalformedSecretHashError('salt or hash too short');
  return { params, salt: saltBytes, hash: hashBytes };
}

/** Constant-time comparison against a stored `hashSecret` value. Throws MalformedSecretHashError on a bad row. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const { params, salt, hash } = parseSecretHash(stored);
  const candidate = await scryptAsync(secret, salt, hash.length, params);
  return timingSafeEqual(candidate, hash);
}

// ---------------------------------------------------------------------------------------------------
// PIN (暗証番号): 4 digits, 3 wrong tries lock the user certificate (docs/domain.md "Confirmation at the counter (資格確認)").
// ---------------------------------------------------------------------------------------------------

const PIN_FORMAT = /^\d{4}$/;
export const PIN_MAX_TRIES = 3;

export function isWellFormedPin(pin: string): boolean {
  return PIN_FORMAT.test(pin);
}

/**
 * A 4-digit PIN has only 10^4 values, so its hash alone cannot resist an offline search of a leaked
 * table; what protects it is the lock after 3 tries (and, on a real card, the chip). Hashing still keeps
 * PINs out of plain sight in backups and logs.
 */
export async function hashPin(pin: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  if (!isWellFormedPin(pin)) throw new RangeError('A PIN is exactly 4 digits');
  return hashSecret(pin, params);
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  if (!isWellFormedPin(pin)) return false;
  return verifySecret(pin, stored);
}

export interface PinState {
  failedAttempts: number;
  lockedAt?: Date;
}

export type PinAttemptResult = 'OK' | 'WRONG_PIN' | 'LOCKED';

export interface PinAttemptOutcome {
  state: PinState;
  result: PinAttemptResult;
  triesLeft: number;
}

export function isCardLocked(state: PinState): boolean {
  return state.lockedAt !== undefined || state.failedAttempts >= PIN_MAX_TRIES;
}

/**
 * One PIN attempt. A locked card stays locked whatever the PIN (the real card is unlocked at the
 * municipality, not by time), and a correct PIN on a locked card reveals nothing. The third wrong try
 * answers LOCKED. The caller persists `state` atomically (row lock or compare-and-set) so concurrent
 * replicas cannot each grant a fourth try.
 */
export function applyPinAttempt(state: PinState, correct: boolean, now: Date): PinAttemptOutcome {
  if (isCardLocked(state)) {
    const locked: PinState = { failedAttempts: Math.max(state.failedAttempts, PIN_MAX_TRIES), lockedAt: state.lockedAt ?? now };
    return { state: locked, result: 'LOCKED', triesLeft: 0 };
  }
  if (correct) return { state: { failedAttempts: 0 }, result: 'OK', triesLeft: PIN_MAX_TRIES };
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= PIN_MAX_TRIES) return { state: { failedAttempts, lockedAt: now }, result: 'LOCKED', triesLeft: 0 };
  return { state: { failedAttempts }, result: 'WRONG_PIN', triesLeft: PIN_MAX_TRIES - failedAttempts };
}

// ---------------------------------------------------------------------------------------------------
// The card's public key and signatures.
// ---------------------------------------------------------------------------------------------------

/** Ed25519 signatures are always 64 bytes (RFC 8032). */
const ED25519_SIGNATURE_BYTES = 64;

/** Accepts a JWK, a PEM `PUBLIC KEY`, or base64 SPKI DER. Throws if the stored key is not Ed25519. */
export function importCardPublicKey(key: JsonWebKey | string | KeyObject): KeyObject {
  let publicKey: KeyObject;
  if (typeof key === 'string') {
    publicKey = key.includes('-----BEGIN')
      ? createPublicKey({ key, format: 'pem' })
      : createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
  } else if (key instanceof KeyObject) {
    publicKey = key;
  } else {
    publicKey = createPublicKey({ key, format: 'jwk' });
  }
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('A card key must be an Ed25519 public key');
  }
  return publicKey;
}

/**
 * Server side of card login. A malformed signature from the client is simply not valid (false); a
 * malformed *stored* key is a data error and throws. Whether the challenge is still usable is a separate
 * check (`challengeStatus`), done before this one, and the challenge is marked used either way.
 */
export function verifyCardSignature(publicKey: JsonWebKey | string | KeyObject, challenge: string, signature: string): boolean {
  const key = importCardPublicKey(publicKey);
  if (!/^[A-Za-z0-9_-]+$/.test(signature)) return false;
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== ED25519_SIGNATURE_BYTES) return false;
  return verify(null, Buffer.from(challenge, 'utf8'), key, bytes);
}

// ---------------------------------------------------------------------------------------------------
// Challenges: single use, short-lived, so a captured signature cannot be replayed.
// ---------------------------------------------------------------------------------------------------

export const CHALLENGE_LIFETIME_MS = 2 * 60 * 1000;

/** 32 random bytes, base64url. Stored server-side (shared store, not memory) with issuedAt / usedAt. */
export function newChallenge(): string {
  return randomBytes(32).toString('base64url');
}

export type ChallengeStatus = 'USABLE' | 'USED' | 'EXPIRED' | 'NOT_YET_VALID';

/** Usable from issuedAt until (not including) issuedAt + 2 minutes, and only if never used. */
export function challengeStatus(challenge: { issuedAt: Date; usedAt?: Date }, now: Date): ChallengeStatus {
  if (challenge.usedAt !== undefined) return 'USED';
  const issued = challenge.issuedAt.getTime();
  const at = now.getTime();
  if (!(issued <= at)) return 'NOT_YET_VALID';
  if (!(at < issued + CHALLENGE_LIFETIME_MS)) return 'EXPIRED';
  return 'USABLE';
}

export function isChallengeUsable(challenge: { issuedAt: Date; usedAt?: Date }, now: Date): boolean {
  return challengeStatus(challenge, now) === 'USABLE';
}
