/**
 * The demo accounts' secrets, derived from the demo seed so the README can document them and the seeds, the demo
 * CLIs and the tests agree (README "Demo accounts"). Production accounts get random secrets, never these.
 */
import { createHash } from 'node:crypto';
import { Secret } from 'otpauth';

/** Documented demo password of every staff, operator and insurer account (README "Demo accounts"). */
export const DEMO_STAFF_PASSWORD = 'onshi-demo-pass';

/**
 * A demo staff account's TOTP secret: base32 of sha256 (32 bytes, 256 bits) of the seed and the account. The prefix
 * keeps it from coinciding with any other value derived from the same seed string. Real accounts get a random secret
 * (consent's staffAuth.ts).
 */
export function demoTotpSecret(seed: string, account: string): string {
  const digest = createHash('sha256').update(`onshi-demo-totp:${seed}:${account}`).digest();
  return new Secret({ buffer: Uint8Array.from(digest).buffer }).base32;
}

/** A demo PHR app's client secret (the consent seed stores its hash; the demo CLIs and tests log in with it). */
export function demoPhrAppSecret(seed: string, clientId: string): string {
  return `${seed}:${clientId}`;
}
