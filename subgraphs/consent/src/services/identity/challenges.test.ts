import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHALLENGE_LIFETIME_MS } from './card';
import { openChallenge, startChallenge } from './logins';
import { loadOrCreateSigningKey, type SigningKey } from './signing';

/** Card challenges are stateless tokens: they expire, and are bound to their purpose and reader. */
describe('card challenges', () => {
  let dir: string;
  let key: SigningKey;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'onshi-challenge-'));
    key = await loadOrCreateSigningKey(path.join(dir, 'signing-key.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const t0 = new Date('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  test('usable until 2 minutes after issue, refused from then on', async () => {
    const { challengeId, challenge, expiresAt } = await startChallenge(key, 'CARD-0000000003', 'LOGIN', null, t0);
    expect(expiresAt).toBe(at(CHALLENGE_LIFETIME_MS).toISOString());
    await expect(openChallenge(key, challengeId, 'LOGIN', null, at(CHALLENGE_LIFETIME_MS - 1000))).resolves.toMatchObject({ cardSerial: 'CARD-0000000003', challenge });
    await expect(openChallenge(key, challengeId, 'LOGIN', null, at(CHALLENGE_LIFETIME_MS))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(openChallenge(key, challengeId, 'LOGIN', null, at(-60_000))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('a login challenge is not a reader challenge, and a reader challenge belongs to its reader', async () => {
    const login = await startChallenge(key, 'CARD-0000000003', 'LOGIN', null, t0);
    await expect(openChallenge(key, login.challengeId, 'READER', 'rdr_a', t0)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const reader = await startChallenge(key, 'CARD-0000000003', 'READER', 'rdr_a', t0);
    await expect(openChallenge(key, reader.challengeId, 'READER', 'rdr_b', t0)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(openChallenge(key, reader.challengeId, 'READER', 'rdr_a', t0)).resolves.toMatchObject({ readerId: 'rdr_a' });
    await expect(openChallenge(key, 'garbage', 'LOGIN', null, t0)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
