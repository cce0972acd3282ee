/**
 * Staff login for EHR / pharmacy-system users: ID + password + TOTP second factor (DOMAIN.md "Consent":
 * second factor expected, mandatory by FY2027 under the MHLW security guideline 6.0; seed 2-1:
 * 電子カルテシステム/調剤システムのアクセス制限（ID・PW認証）), with a lockout against guessing.
 *
 * All state (failure counters, last used TOTP step) is passed in and returned, so it can live in the
 * database and any replica can serve the next attempt (ARCHITECTURE.md "Beyond one machine").
 */
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { DEFAULT_SCRYPT_PARAMS, hashSecret, verifySecret } from './card';
import type { ScryptParams } from './card';

// ---------------------------------------------------------------------------------------------------
// Passwords: the same scrypt format as card PINs (card.ts), one concept in one place.
// ---------------------------------------------------------------------------------------------------

/** Longer inputs are refused before hashing, so a megabyte "password" cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 1024;

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH) {
    throw new RangeError(`A password has 1 to ${PASSWORD_MAX_LENGTH} characters`);
  }
  return hashSecret(password, params);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH) return false;
  return verifySecret(password, stored);
}

// ---------------------------------------------------------------------------------------------------
// TOTP (RFC 6238): SHA1, 6 digits, 30 s — what every authenticator app accepts by default.
// ---------------------------------------------------------------------------------------------------

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side tolerates clock drift between the server and the staff member's phone. */
export const TOTP_WINDOW = 1;

function totpFor(secretBase32: string, label = 'staff'): TOTP {
  return new TOTP({
    issuer: 'Onshi',
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The code an authenticator shows at `now`. */
export function totpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}

/** The time step (counter) of `now`, for storing as the last used step. */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code belongs to, within ±1 step of `now`, or null. Store the returned step as the
 * staff member's last used step and pass it back as `lastUsedStep`: a code (or an older one) that was
 * already accepted is refused, so a shoulder-surfed code cannot be replayed within its window.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date, lastUsedStep?: number): number | null {
  // Only ASCII digits of the right length reach the comparison (otpauth compares byte buffers).
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStepAt(now) + delta;
  if (lastUsedStep !== undefined && step <= lastUsedStep) return null;
  return step;
}

export function verifyTotp(secretBase32: string, code: string, now: Date, lastUsedStep?: number): boolean {
  return matchTotpStep(secretBase32, code, now, lastUsedStep) !== null;
}

/** `otpauth://totp/...` URI for enrolment by QR code. */
export function totpUri(secretBase32: string, account: string): string {
  return totpFor(secretBase32, account).toString();
}

/**
 * Deterministic TOTP secret for documented demo accounts: base32 of sha256 (32 bytes, 256 bits).
 * The prefix keeps it from coinciding with any other value derived from the same seed string.
 * Real accounts get a random secret (`new Secret({ size: 20 }).base32`).
 */
export function demoTotpSecret(seed: string): string {
  const digest = createHash('sha256').update(`onshi-demo-totp:${seed}`).digest();
  return new Secret({ buffer: Uint8Array.from(digest).buffer }).base32;
}

// ---------------------------------------------------------------------------------------------------
// Lockout: 5 failures lock the account for 15 minutes; exponential back-off hints before that.
// ---------------------------------------------------------------------------------------------------

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;
/** First back-off hint after one failure; doubles with every further failure. */
export const LOGIN_BACKOFF_BASE_MS = 1000;

export interface LoginState {
  failures: number;
  lockedUntil?: Date;
}

export type LoginAttemptResult = 'OK' | 'WRONG_CREDENTIALS' | 'LOCKED';

export interface LoginAttemptOutcome {
  state: LoginState;
  result: LoginAttemptResult;
  /**
   * How long the client should wait before trying again: the rest of the lock when LOCKED, an
   * exponential hint (1 s, 2 s, 4 s, 8 s) after a wrong try, 0 after success. A hint for clients and
   * the gateway's rate limiter; the lock itself is what this function enforces.
   */
  retryAfterMs: number;
}

export function isLoginLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== undefined && now.getTime() < state.lockedUntil.getTime();
}

/**
 * One login attempt (`ok` = password and TOTP both right). While locked, every attempt — right or
 * wrong — answers LOCKED and leaves the lock as it is (no oracle, no extension by an attacker). After the
 * lock has run out the counter starts again from zero. A lock is answered on the 5th failure itself.
 */
export function applyLoginAttempt(state: LoginState, ok: boolean, now: Date): LoginAttemptOutcome {
  if (isLoginLocked(state, now) && state.lockedUntil !== undefined) {
    return { state, result: 'LOCKED', retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  }
  const failuresBefore = state.lockedUntil === undefined ? state.failures : 0;
  if (ok) return { state: { failures: 0 }, result: 'OK', retryAfterMs: 0 };
  const failures = failuresBefore + 1;
  if (failures >= LOGIN_MAX_FAILURES) {
    return { state: { failures, lockedUntil: new Date(now.getTime() + LOGIN_LOCK_MS) }, result: 'LOCKED', retryAfterMs: LOGIN_LOCK_MS };
  }
  return { state: { failures }, result: 'WRONG_CREDENTIALS', retryAfterMs: LOGIN_BACKOFF_BASE_MS * 2 ** (failures - 1) };
}
