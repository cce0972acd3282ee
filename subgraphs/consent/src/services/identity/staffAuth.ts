/**
 * Staff login for EHR / pharmacy-system users: ID + password + TOTP second factor (docs/domain.md "Who takes part": a
 * second factor expected, mandatory by FY2027 under the MHLW security guideline 6.0; seed 2-1:
 * 電子カルテシステム/調剤システムのアクセス制限（ID・PW認証）). Guessing is slowed by loginThrottle.ts.
 *
 * The last used TOTP step is passed in and returned, so it can live in the database and any replica can
 * serve the next attempt (docs/scaling.md "Replicas (now)").
 */
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

export type TotpCheck =
  | { result: 'OK'; step: number }
  /** The code is right but its step was already used: refused, yet not a wrong credential. */
  | { result: 'REUSED'; retryAfterMs: number }
  | { result: 'WRONG' };

/**
 * Checks a code within ±1 step of `now`. `lastUsedStep` is the step of the last accepted code: a code of
 * that step (or an older one) is REUSED, so a shoulder-surfed code cannot be replayed within its window
 * (RFC 6238 §5.2: "MUST NOT accept the second attempt of the same OTP"). Store the OK step as the new
 * last used step. For REUSED, `retryAfterMs` is the time until the authenticator shows a usable code.
 */
export function checkTotp(secretBase32: string, code: string, now: Date, lastUsedStep?: number): TotpCheck {
  // Only ASCII digits of the right length reach the comparison (otpauth compares byte buffers).
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return { result: 'WRONG' };
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return { result: 'WRONG' };
  const step = totpStepAt(now) + delta;
  if (lastUsedStep !== undefined && step <= lastUsedStep) {
    return { result: 'REUSED', retryAfterMs: Math.max((lastUsedStep + 1) * TOTP_PERIOD_SECONDS * 1000 - now.getTime(), 0) };
  }
  return { result: 'OK', step };
}

export function verifyTotp(secretBase32: string, code: string, now: Date, lastUsedStep?: number): boolean {
  return checkTotp(secretBase32, code, now, lastUsedStep).result === 'OK';
}

/** `otpauth://totp/...` URI for enrolment by QR code. */
export function totpUri(secretBase32: string, account: string): string {
  return totpFor(secretBase32, account).toString();
}
