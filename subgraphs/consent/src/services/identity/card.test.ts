import { generateKeyPairSync } from 'node:crypto';
import {
  CHALLENGE_LIFETIME_MS,
  DEFAULT_SCRYPT_PARAMS,
  MalformedSecretHashError,
  applyPinAttempt,
  challengeStatus,
  hashPin,
  hashSecret,
  isCardLocked,
  isChallengeUsable,
  newChallenge,
  verifyCardSignature,
  verifyPin,
  verifySecret,
} from './card';
import type { PinState } from './card';
import { createVirtualCard, signChallenge } from '@onshi/demo';

/** Cheap parameters keep the suite fast; one test below runs the production defaults. */
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const NOW = new Date('2025-04-01T09:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe('card signatures (the card holder\'s side is the demo package\'s virtual card)', () => {
  test('a signature verifies with the JWK, the SPKI and the PEM of the card key', () => {
    const card = createVirtualCard('demo-patient-0001');
    const challenge = newChallenge();
    const signature = signChallenge(card.privateKey, challenge);
    expect(verifyCardSignature(card.publicKeyJwk, challenge, signature)).toBe(true);
    expect(verifyCardSignature(card.publicKeySpki, challenge, signature)).toBe(true);
    expect(verifyCardSignature(card.publicKey.export({ format: 'pem', type: 'spki' }).toString(), challenge, signature)).toBe(true);
    expect(verifyCardSignature(card.publicKey, challenge, signature)).toBe(true);
  });

  test('another card key, another challenge or a tampered signature does not verify', () => {
    const card = createVirtualCard('demo-patient-0001');
    const otherCard = createVirtualCard('demo-patient-0002');
    const challenge = newChallenge();
    const signature = signChallenge(card.privateKey, challenge);
    expect(verifyCardSignature(otherCard.publicKeyJwk, challenge, signature)).toBe(false);
    expect(verifyCardSignature(card.publicKeyJwk, newChallenge(), signature)).toBe(false);
    const bytes = Buffer.from(signature, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(verifyCardSignature(card.publicKeyJwk, challenge, bytes.toString('base64url'))).toBe(false);
  });

  test('malformed signatures from a client are just invalid', () => {
    const card = createVirtualCard('demo-patient-0001');
    expect(verifyCardSignature(card.publicKeyJwk, 'c', '')).toBe(false);
    expect(verifyCardSignature(card.publicKeyJwk, 'c', 'not base64url!')).toBe(false);
    expect(verifyCardSignature(card.publicKeyJwk, 'c', Buffer.alloc(63).toString('base64url'))).toBe(false);
  });

  test('a stored key that is not Ed25519 is a data error', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => verifyCardSignature(publicKey, 'c', Buffer.alloc(64).toString('base64url'))).toThrow(TypeError);
  });
});

describe('challenges: single use, 2 minutes', () => {
  test('fresh challenges are random', () => {
    expect(newChallenge()).not.toBe(newChallenge());
    expect(Buffer.from(newChallenge(), 'base64url')).toHaveLength(32);
  });

  test.each([
    ['just issued', { issuedAt: NOW }, NOW, 'USABLE'],
    ['1 ms before expiry', { issuedAt: NOW }, at(CHALLENGE_LIFETIME_MS - 1), 'USABLE'],
    ['at 2 minutes', { issuedAt: NOW }, at(CHALLENGE_LIFETIME_MS), 'EXPIRED'],
    ['already used (replay)', { issuedAt: NOW, usedAt: at(1000) }, at(2000), 'USED'],
    ['issued in the future', { issuedAt: at(1000) }, NOW, 'NOT_YET_VALID'],
  ] as const)('%s → %s', (_name, challenge, now, expected) => {
    expect(challengeStatus(challenge, now)).toBe(expected);
    expect(isChallengeUsable(challenge, now)).toBe(expected === 'USABLE');
  });

  test('a replayed signature is refused by the used-challenge check although it still verifies', () => {
    const card = createVirtualCard('demo-patient-0001');
    const challenge: { value: string; issuedAt: Date; usedAt?: Date } = { value: newChallenge(), issuedAt: NOW };
    const signature = signChallenge(card.privateKey, challenge.value);
    // First login: usable, verifies, then marked used.
    expect(isChallengeUsable(challenge, at(1000))).toBe(true);
    expect(verifyCardSignature(card.publicKeyJwk, challenge.value, signature)).toBe(true);
    challenge.usedAt = at(1000);
    // Replay of the captured signature: the signature is still mathematically valid, the challenge is not.
    expect(verifyCardSignature(card.publicKeyJwk, challenge.value, signature)).toBe(true);
    expect(isChallengeUsable(challenge, at(2000))).toBe(false);
  });
});

describe('PIN storage (scrypt)', () => {
  test('format scrypt$N$r$p$salt$hash with a random salt', async () => {
    const first = await hashPin('1234', FAST);
    const second = await hashPin('1234', FAST);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });

  test('right and wrong PIN', async () => {
    const stored = await hashPin('1234', FAST);
    await expect(verifyPin('1234', stored)).resolves.toBe(true);
    await expect(verifyPin('1235', stored)).resolves.toBe(false);
    await expect(verifyPin('12345', stored)).resolves.toBe(false);
    await expect(verifyPin('', stored)).resolves.toBe(false);
  });

  test('only 4-digit PINs can be set', async () => {
    await expect(hashPin('123', FAST)).rejects.toThrow(RangeError);
    await expect(hashPin('12a4', FAST)).rejects.toThrow(RangeError);
  });

  test('the production defaults round-trip (OWASP N = 2^17)', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await hashSecret('0000');
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    await expect(verifySecret('0000', stored)).resolves.toBe(true);
  });

  test.each([
    ['another scheme', 'bcrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['missing part', 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA'],
    ['N not a power of two', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['N absurdly large', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`],
    ['salt too short', 'scrypt$1024$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('a malformed stored hash (%s) throws instead of answering false', async (_name, stored) => {
    await expect(verifySecret('1234', stored)).rejects.toThrow(MalformedSecretHashError);
  });
});

describe('PIN attempts: 3 wrong tries lock the card', () => {
  test('the third wrong try locks', () => {
    let state: PinState = { failedAttempts: 0 };
    const first = applyPinAttempt(state, false, NOW);
    expect(first).toEqual({ state: { failedAttempts: 1 }, result: 'WRONG_PIN', triesLeft: 2 });
    state = first.state;
    const second = applyPinAttempt(state, false, at(1000));
    expect(second).toEqual({ state: { failedAttempts: 2 }, result: 'WRONG_PIN', triesLeft: 1 });
    state = second.state;
    const third = applyPinAttempt(state, false, at(2000));
    expect(third).toEqual({ state: { failedAttempts: 3, lockedAt: at(2000) }, result: 'LOCKED', triesLeft: 0 });
    expect(isCardLocked(third.state)).toBe(true);
  });

  test('a locked card stays locked, even for the right PIN and long after', () => {
    const locked: PinState = { failedAttempts: 3, lockedAt: NOW };
    const outcome = applyPinAttempt(locked, true, at(365 * 24 * 3600 * 1000));
    expect(outcome).toEqual({ state: locked, result: 'LOCKED', triesLeft: 0 });
  });

  test('the right PIN resets the count', () => {
    expect(applyPinAttempt({ failedAttempts: 2 }, true, NOW)).toEqual({ state: { failedAttempts: 0 }, result: 'OK', triesLeft: 3 });
  });

  test('a count at the limit without a lock time is treated as locked (fail closed)', () => {
    expect(applyPinAttempt({ failedAttempts: 3 }, true, NOW)).toEqual({ state: { failedAttempts: 3, lockedAt: NOW }, result: 'LOCKED', triesLeft: 0 });
  });
});
