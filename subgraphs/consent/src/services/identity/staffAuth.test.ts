import { Secret, TOTP } from 'otpauth';
import { demoTotpSecret } from '@onshi/demo';
import {
  checkTotp,
  hashPassword,
  totpCode,
  totpStepAt,
  totpUri,
  verifyPassword,
  verifyTotp,
} from './staffAuth';

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
  const secret = demoTotpSecret('demo', 'doctor-0001');

  test('RFC 6238 test vector (SHA1, 59 s → 94287082 in 8 digits; 287082 in 6)', () => {
    const rfcSecret = Secret.fromUTF8('12345678901234567890').base32;
    expect(totpCode(rfcSecret, new Date(59_000))).toBe('287082');
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
    expect(verifyTotp(demoTotpSecret('demo', 'someone else'), code, NOW)).toBe(false);
  });

  test('a code already accepted is REUSED (with the wait until the next code), and so is an older one', () => {
    const code = totpCode(secret, NOW);
    const first = checkTotp(secret, code, NOW);
    expect(first).toEqual({ result: 'OK', step: totpStepAt(NOW) });
    if (first.result !== 'OK') throw new Error('unreachable');
    // NOW is 10 s into its step: the next code appears 20 s later.
    expect(checkTotp(secret, code, at(1000), first.step)).toEqual({ result: 'REUSED', retryAfterMs: 19_000 });
    expect(checkTotp(secret, totpCode(secret, at(-STEP_MS)), NOW, first.step)).toEqual({ result: 'REUSED', retryAfterMs: 20_000 });
    expect(checkTotp(secret, '000000' === code ? '111111' : '000000', NOW, first.step)).toEqual({ result: 'WRONG' });
    expect(verifyTotp(secret, totpCode(secret, at(STEP_MS)), at(STEP_MS), first.step)).toBe(true);
  });
});
