import { Secret, TOTP } from 'otpauth';
import {
  LOGIN_LOCK_MS,
  applyLoginAttempt,
  demoTotpSecret,
  hashPassword,
  isLoginLocked,
  matchTotpStep,
  totpCode,
  totpStepAt,
  totpUri,
  verifyPassword,
  verifyTotp,
} from './staffAuth';
import type { LoginState } from './staffAuth';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const NOW = new Date('2025-04-01T09:00:10.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const STEP_MS = 30_000;

describe('staff passwords (the scrypt format of card.ts)', () => {
  test('right and wrong password', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  test('Unicode is normalised (NFC) so the same password typed differently still matches', async () => {
    const stored = await hashPassword('パスワード', FAST);
    await expect(verifyPassword('パスワード'.normalize('NFD'), stored)).resolves.toBe(true);
  });

  test('empty and oversized passwords are refused', async () => {
    await expect(hashPassword('', FAST)).rejects.toThrow(RangeError);
    await expect(hashPassword('x'.repeat(1025), FAST)).rejects.toThrow(RangeError);
    await expect(verifyPassword('x'.repeat(1025), 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).resolves.toBe(false);
  });
});

describe('TOTP (SHA1, 6 digits, 30 s, ±1 step)', () => {
  const secret = demoTotpSecret('demo-doctor-0001');

  test('RFC 6238 test vector (SHA1, 59 s → 94287082 in 8 digits; 287082 in 6)', () => {
    const rfcSecret = Secret.fromUTF8('12345678901234567890').base32;
    expect(totpCode(rfcSecret, new Date(59_000))).toBe('287082');
  });

  test('demo secrets are deterministic base32 of 32 bytes', () => {
    expect(demoTotpSecret('demo-doctor-0001')).toBe(secret);
    expect(demoTotpSecret('demo-doctor-0002')).not.toBe(secret);
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(32);
  });

  test('agrees with an authenticator app configured from the URI', () => {
    const uri = totpUri(secret, 'doctor@1310112345');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Onshi:doctor%401310112345\?/);
    const app = new TOTP({ secret: Secret.fromBase32(secret) });
    expect(totpCode(secret, NOW)).toBe(app.generate({ timestamp: NOW.getTime() }));
  });

  test.each([
    ['the current step', 0, true],
    ['one step behind (clock drift)', -STEP_MS, true],
    ['one step ahead', STEP_MS, true],
    ['two steps behind', -2 * STEP_MS, false],
    ['two steps ahead', 2 * STEP_MS, false],
  ])('a code from %s: %s', (_name, offset, expected) => {
    expect(verifyTotp(secret, totpCode(secret, at(offset)), NOW)).toBe(expected);
  });

  test('malformed codes are refused', () => {
    const code = totpCode(secret, NOW);
    expect(verifyTotp(secret, '', NOW)).toBe(false);
    expect(verifyTotp(secret, `${code}0`, NOW)).toBe(false);
    expect(verifyTotp(secret, '１２３４５６', NOW)).toBe(false);
    expect(verifyTotp(demoTotpSecret('someone else'), code, NOW)).toBe(false);
  });

  test('a code already accepted cannot be replayed, nor an older one', () => {
    const code = totpCode(secret, NOW);
    const step = matchTotpStep(secret, code, NOW);
    expect(step).toBe(totpStepAt(NOW));
    if (step === null) throw new Error('unreachable');
    expect(verifyTotp(secret, code, at(1000), step)).toBe(false);
    expect(verifyTotp(secret, totpCode(secret, at(-STEP_MS)), NOW, step)).toBe(false);
    expect(verifyTotp(secret, totpCode(secret, at(STEP_MS)), at(STEP_MS), step)).toBe(true);
  });
});

describe('login lockout: 5 failures lock for 15 minutes', () => {
  test('back-off hints double, the 5th failure locks', () => {
    let state: LoginState = { failures: 0 };
    const hints: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const outcome = applyLoginAttempt(state, false, at(attempt * 1000));
      expect(outcome.result).toBe('WRONG_CREDENTIALS');
      hints.push(outcome.retryAfterMs);
      state = outcome.state;
    }
    expect(hints).toEqual([1000, 2000, 4000, 8000]);
    const fifth = applyLoginAttempt(state, false, NOW);
    expect(fifth).toEqual({ state: { failures: 5, lockedUntil: at(LOGIN_LOCK_MS) }, result: 'LOCKED', retryAfterMs: LOGIN_LOCK_MS });
    expect(isLoginLocked(fifth.state, NOW)).toBe(true);
  });

  test('while locked even the right credentials are refused, and the lock is not extended', () => {
    const locked: LoginState = { failures: 5, lockedUntil: at(LOGIN_LOCK_MS) };
    const right = applyLoginAttempt(locked, true, at(60_000));
    expect(right).toEqual({ state: locked, result: 'LOCKED', retryAfterMs: LOGIN_LOCK_MS - 60_000 });
    const wrong = applyLoginAttempt(locked, false, at(LOGIN_LOCK_MS - 1));
    expect(wrong).toEqual({ state: locked, result: 'LOCKED', retryAfterMs: 1 });
  });

  test('after 15 minutes the lock is over and counting starts again', () => {
    const locked: LoginState = { failures: 5, lockedUntil: at(LOGIN_LOCK_MS) };
    expect(isLoginLocked(locked, at(LOGIN_LOCK_MS))).toBe(false);
    expect(applyLoginAttempt(locked, false, at(LOGIN_LOCK_MS))).toEqual({ state: { failures: 1 }, result: 'WRONG_CREDENTIALS', retryAfterMs: 1000 });
    expect(applyLoginAttempt(locked, true, at(LOGIN_LOCK_MS))).toEqual({ state: { failures: 0 }, result: 'OK', retryAfterMs: 0 });
  });

  test('success resets the counter', () => {
    expect(applyLoginAttempt({ failures: 4 }, true, NOW)).toEqual({ state: { failures: 0 }, result: 'OK', retryAfterMs: 0 });
  });
});
