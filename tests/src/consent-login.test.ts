/**
 * Identity provider through the gateway (issue 7 "Identity provider"; contracts 1–3): card login with
 * PIN lock and replay protection, staff login with TOTP and lockout, refresh rotation and logout, PHR
 * tokens, and that no endpoint issues a token without a proof.
 */
import { DEMO_CLINIC, DEMO_PHARMACY, DEMO_PIN } from '@onshi/kit';
import { createVirtualCard, signChallenge } from '@onshi/consent/src/services/card';
import { demoCardSeedMaterial, DEMO_STAFF_PASSWORD } from '@onshi/consent/src/services/seed';
import { demoTotpSecret, totpCode } from '@onshi/consent/src/services/staffAuth';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 12 });
});
afterAll(async () => {
  await system?.stop();
});

const LOGIN = 'accessToken refreshToken expiresAt role patientId facilityCode displayName';

async function challengeFor(cardSerial: string) {
  const result = await system.graphql<{ startCardLogin: { challengeId: string; challenge: string } }>('mutation($s: String!) { startCardLogin(cardSerial: $s) { challengeId challenge expiresAt } }', { s: cardSerial });
  const challenge = result.body.data?.startCardLogin;
  if (!challenge) throw new Error(result.text);
  return challenge;
}

function signFor(cardSerial: string, challenge: string): string {
  return signChallenge(createVirtualCard(demoCardSeedMaterial(system.demo.seed, cardSerial)).privateKey, challenge);
}

async function completeCard(challengeId: string, pin: string, signature: string) {
  return system.graphql<{ completeCardLogin: { accessToken: string; role: string; patientId: string; displayName: string } }>(
    `mutation($id: ID!, $pin: String!, $sig: String!) { completeCardLogin(challengeId: $id, pin: $pin, signature: $sig) { ${LOGIN} } }`, { id: challengeId, pin, sig: signature });
}

describe('card login (contract 1)', () => {
  test('the right PIN and signature log the patient in with a ≤ 15 min token', async () => {
    const serial = system.patient(0).cardSerial;
    const { challengeId, challenge } = await challengeFor(serial);
    const result = await completeCard(challengeId, DEMO_PIN, signFor(serial, challenge));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.completeCardLogin).toMatchObject({ role: 'PATIENT', patientId: system.patient(0).id, displayName: '山田 太郎' });
    const token = result.body.data?.completeCardLogin.accessToken ?? '';
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; iat: number; amr: string[] };
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(15 * 60);
    expect(payload.amr).toEqual(['hwk', 'pin']);
  });

  test('a replayed signature is refused', async () => {
    const serial = system.patient(0).cardSerial;
    const { challengeId, challenge } = await challengeFor(serial);
    const signature = signFor(serial, challenge);
    expect((await completeCard(challengeId, DEMO_PIN, signature)).body.errors).toBeUndefined();
    const replay = await completeCard(challengeId, DEMO_PIN, signature);
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(replay.body.data ?? null).toBeNull();
    expect(replay.text).not.toContain('accessToken');
  });

  test("another card's signature is refused", async () => {
    const serial = system.patient(0).cardSerial;
    const { challengeId, challenge } = await challengeFor(serial);
    const result = await completeCard(challengeId, DEMO_PIN, signFor(system.patient(3).cardSerial, challenge));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.text).not.toContain('accessToken');
  });

  test('three wrong PINs lock the card; the locked card is refused even with the right PIN', async () => {
    const serial = system.patient(5).cardSerial;
    const tries: Array<{ code: unknown; triesLeft: unknown }> = [];
    for (let i = 0; i < 3; i += 1) {
      const { challengeId, challenge } = await challengeFor(serial);
      const result = await completeCard(challengeId, '9999', signFor(serial, challenge));
      tries.push({ code: result.body.errors?.[0]?.extensions?.code, triesLeft: result.body.errors?.[0]?.extensions?.triesLeft });
      expect(result.text).not.toContain('accessToken');
    }
    expect(tries).toEqual([{ code: 'BAD_USER_INPUT', triesLeft: 2 }, { code: 'BAD_USER_INPUT', triesLeft: 1 }, { code: 'CARD_LOCKED', triesLeft: 0 }]);
    const { challengeId, challenge } = await challengeFor(serial);
    const locked = await completeCard(challengeId, DEMO_PIN, signFor(serial, challenge));
    expect(locked.body.errors?.[0]?.extensions?.code).toBe('CARD_LOCKED');
    expect(locked.text).not.toContain('accessToken');
  });
});

async function staffLogin(facilityCode: string | null, staffId: string, password: string, totp: string) {
  return system.graphql<{ staffLogin: { accessToken: string; refreshToken: string; role: string; facilityCode: string | null } }>(
    `mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { ${LOGIN} } }`, { f: facilityCode, s: staffId, p: password, t: totp });
}

describe('staff login, refresh and logout (contract 2)', () => {
  const secret = () => demoTotpSecret(`${system.demo.seed}:clinic-reception`);

  test('password + TOTP logs in, refresh rotates, logout revokes, a used TOTP code is refused', async () => {
    const code = totpCode(secret(), new Date());
    const login = await staffLogin(DEMO_CLINIC.code, 'R0001', DEMO_STAFF_PASSWORD, code);
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data?.staffLogin).toMatchObject({ role: 'RECEPTION', facilityCode: DEMO_CLINIC.code });
    const replayedCode = await staffLogin(DEMO_CLINIC.code, 'R0001', DEMO_STAFF_PASSWORD, code);
    expect(replayedCode.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const first = login.body.data?.staffLogin.refreshToken ?? '';
    const refreshed = await system.graphql<{ refreshSession: { accessToken: string; refreshToken: string } }>(`mutation($r: String!) { refreshSession(refreshToken: $r) { ${LOGIN} } }`, { r: first });
    expect(refreshed.body.errors).toBeUndefined();
    const second = refreshed.body.data?.refreshSession.refreshToken ?? '';
    expect(second).not.toBe(first);
    const reused = await system.graphql(`mutation($r: String!) { refreshSession(refreshToken: $r) { ${LOGIN} } }`, { r: first });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(reused.text).not.toContain('accessToken');

    const logout = await system.graphql<{ logout: boolean }>('mutation($r: String!) { logout(refreshToken: $r) }', { r: second });
    expect(logout.body.data?.logout).toBe(true);
    const afterLogout = await system.graphql(`mutation($r: String!) { refreshSession(refreshToken: $r) { ${LOGIN} } }`, { r: second });
    expect(afterLogout.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('repeated wrong passwords lock the account (ACCOUNT_LOCKED), even for the right password afterwards', async () => {
    const dentalSecret = demoTotpSecret(`${system.demo.seed}:pharmacy-reception`);
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await staffLogin(DEMO_PHARMACY.code, 'R0101', 'wrong-password', totpCode(dentalSecret, new Date()));
      codes.push(result.body.errors?.[0]?.extensions?.code);
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'ACCOUNT_LOCKED']);
    const right = await staffLogin(DEMO_PHARMACY.code, 'R0101', DEMO_STAFF_PASSWORD, totpCode(dentalSecret, new Date(Date.now() + 30_000)));
    expect(right.body.errors?.[0]?.extensions?.code).toBe('ACCOUNT_LOCKED');
    expect(right.text).not.toContain('accessToken');
  });

  test('an unknown staff ID gets the same answer as a wrong password', async () => {
    const result = await staffLogin(DEMO_CLINIC.code, 'NOBODY', DEMO_STAFF_PASSWORD, '123456');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('operators and insurers log in without a facility code and get their binding', async () => {
    const admin = await system.graphql<{ me: unknown }>('{ __typename }', {}, await system.token('admin'));
    expect(admin.body.errors).toBeUndefined();
    const insurer = await system.token('insurer-kokuho');
    const claims = JSON.parse(Buffer.from(insurer.split('.')[1] ?? '', 'base64url').toString()) as { role: string; insurerNumber: string; amr: string[] };
    expect(claims).toMatchObject({ role: 'INSURER', insurerNumber: '131011', amr: ['pwd', 'otp'] });
  });

  test('no endpoint issues a token on a name alone: the placeholder demoLogin is gone', async () => {
    const result = await system.graphql('mutation { demoLogin(account: "admin") { accessToken } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.text).not.toContain('eyJ');
  });
});

describe('JWKS', () => {
  test('the consent subgraph publishes its Ed25519 key with a kid', async () => {
    const jwks = (await (await fetch(`${system.urls.consent}/.well-known/jwks.json`)).json()) as { keys: Array<{ kty: string; crv: string; kid: string; d?: string }> };
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });
});
