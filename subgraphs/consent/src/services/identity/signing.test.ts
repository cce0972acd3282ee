import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@onshi/kit';
import { ACCESS_TOKEN_TTL_SECONDS, RETIRED_KEYS_KEPT, issueAccessToken, loadOrCreateSigningKey, rotateSigningKey } from './signing';

const actor = { subject: 'pt-1', role: 'PATIENT' as const, patientId: 'pt-1', scopes: [], amr: ['hwk', 'pin'] };

describe('signing keys: JWKS with rotation', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'onshi-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a token signed before a rotation still verifies against the new JWKS; the private half is never published', async () => {
    const keyPath = path.join(dir, 'signing-key.json');
    const before = await loadOrCreateSigningKey(keyPath);
    const token = (await issueAccessToken(before, actor)).accessToken;
    const after = await rotateSigningKey(keyPath);
    expect(after.kid).not.toBe(before.kid);
    expect(after.publishedJwks.map((k) => k.kid)).toEqual([after.kid, before.kid]);
    expect(after.publishedJwks.every((k) => k.d === undefined)).toBe(true);
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: after.publishedJwks }), { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    expect(payload.sub).toBe('pt-1');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(ACCESS_TOKEN_TTL_SECONDS);
  });

  test('only the last retired keys stay published', async () => {
    const keyPath = path.join(dir, 'signing-key.json');
    const first = await loadOrCreateSigningKey(keyPath);
    for (let i = 0; i < RETIRED_KEYS_KEPT + 1; i += 1) await rotateSigningKey(keyPath);
    const current = await loadOrCreateSigningKey(keyPath);
    expect(current.publishedJwks).toHaveLength(RETIRED_KEYS_KEPT + 1);
    expect(current.publishedJwks.map((k) => k.kid)).not.toContain(first.kid);
  });
});
