/**
 * Identity provider through the gateway (docs/contracts.md contracts 1–3): card login with
 * PIN lock and replay protection, staff login with TOTP and throttling, refresh rotation and logout, PHR
 * tokens, and that no endpoint issues a token without a proof.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { REPO_ROOT } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_DENTAL, DEMO_HOSPITAL, DEMO_PHARMACY, DEMO_PIN, DEMO_STAFF_PASSWORD, demoTotpSecret, signWithDemoPatientCard } from '@onshi/demo';
import { TOTP_PERIOD_SECONDS, totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { readerVisit, startReaderChallenge, submitStatement, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { signReaderStatement } from '@onshi/platform/readerStatement';
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
  return signWithDemoPatientCard(system.demo.seed, cardSerial, challenge);
}

async function completeCard(challengeId: string, pin: string, signature: string) {
  return system.graphql<{ completeCardLogin: { accessToken: string; role: string; patientId: string; displayName: string } }>(
    `mutation($id: ID!, $pin: String!, $sig: String!) { completeCardLogin(challengeId: $id, pin: $pin, signature: $sig) { ${LOGIN} } }`, { id: challengeId, pin, sig: signature });
}

describe('card login (docs/contracts.md contract 1)', () => {
  test('the right PIN and signature log the patient in with a ≤ 15 min token', async () => {
    const serial = system.patient(0).cardSerial;
    const { challengeId, challenge } = await challengeFor(serial);
    const result = await completeCard(challengeId, DEMO_PIN, signFor(serial, challenge));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.completeCardLogin).toMatchObject({ role: 'PATIENT', patientId: system.patient(0).id, displayName: '山田 太郎' });
    const token = result.body.data?.completeCardLogin.accessToken ?? '';
    const payload = decodeJwt<{ exp: number; iat: number; amr: string[] }>(token);
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

describe('card reader at a facility (docs/contracts.md contract 4)', () => {
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;

  async function pinStatement(serial: string, pin: string, reader = system.reader(DEMO_CLINIC.code)) {
    const challenge = await startReaderChallenge(call, reader, serial);
    return signReaderStatement(reader, { challengeId: challenge.challengeId, cardSerial: serial, cardSignature: signFor(serial, challenge.challenge), method: 'PIN', result: { pin }, consent: { drug: false, checkup: false } });
  }

  test('PIN at the reader: a 10-minute verification token for this facility; wrong PINs count on the card; a locked card is refused for every method', async () => {
    const serial = system.patient(6).cardSerial;
    const ok = await submitStatement(call, await pinStatement(serial, DEMO_PIN));
    const verification = ok.data?.submitReaderStatement as { verificationToken: string; patientId: string; method: string } | undefined;
    expect(verification).toMatchObject({ patientId: system.patient(6).id, method: 'PIN' });
    const claims = decodeJwt(verification?.verificationToken ?? '');
    expect(claims).toMatchObject({ aud: 'onshi-card-verification', sub: system.patient(6).id, facilityCode: DEMO_CLINIC.code, method: 'PIN', cardSerial: serial, readerId: system.reader(DEMO_CLINIC.code).readerId });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);

    // The verification token is not an access token.
    const misuse = await system.graphql('query($id: ID!) { patient(id: $id) { name } }', { id: system.patient(6).id }, verification?.verificationToken);
    expect(misuse.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(misuse.text).not.toContain(system.patient(6).name);

    // A login challenge cannot be used at a reader, nor one reader's challenge by another reader.
    const loginChallenge = await challengeFor(serial);
    const reader = system.reader(DEMO_CLINIC.code);
    const crossed = await submitStatement(call, await signReaderStatement(reader, { challengeId: loginChallenge.challengeId, cardSerial: serial, cardSignature: signFor(serial, loginChallenge.challenge), method: 'FACE', result: { faceMatch: true }, consent: { drug: true, checkup: true } }));
    expect(crossed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const clinicChallenge = await startReaderChallenge(call, reader, serial);
    const otherReader = await submitStatement(call, await signReaderStatement(system.reader(DEMO_DENTAL.code), { challengeId: clinicChallenge.challengeId, cardSerial: serial, cardSignature: signFor(serial, clinicChallenge.challenge), method: 'FACE', result: { faceMatch: true }, consent: { drug: true, checkup: true } }));
    expect(otherReader.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const codes: unknown[] = [];
    for (let i = 0; i < 3; i += 1) codes.push((await submitStatement(call, await pinStatement(serial, '0000'))).errors?.[0]?.extensions?.code);
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'CARD_LOCKED']);
    const face = await readerVisit(call, system.demo, reader, serial, { drug: true, checkup: true }).catch((error: unknown) => String(error));
    expect(face).toContain('CARD_LOCKED');
  });

  test('an unregistered reader id gets no challenge', async () => {
    const result = await system.graphql('mutation($s: String!) { startReaderVerification(readerId: "rdr_nope", cardSerial: $s) { challengeId } }', { s: system.patient(7).cardSerial });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READER_NOT_ACTIVE' });
  });
});

async function staffLogin(facilityCode: string | null, staffId: string, password: string, totp: string) {
  return system.graphql<{ staffLogin: { accessToken: string; refreshToken: string; role: string; facilityCode: string | null } }>(
    `mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { ${LOGIN} } }`, { f: facilityCode, s: staffId, p: password, t: totp });
}

/** The same login from another client address: the gateway sees this connection's own source address. */
async function staffLoginFrom(localAddress: string, facilityCode: string | null, staffId: string, password: string, totp: string): Promise<{ body: { data?: { staffLogin?: { role: string; facilityCode: string | null } } | null; errors?: Array<{ extensions?: Record<string, unknown> }> }; text: string }> {
  const payload = JSON.stringify({ query: `mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { ${LOGIN} } }`, variables: { f: facilityCode, s: staffId, p: password, t: totp } });
  const url = new URL(`${system.gatewayUrl}/graphql`);
  const text = await new Promise<string>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end(payload);
  });
  return { body: JSON.parse(text) as never, text };
}

async function refresh(refreshToken: string) {
  return (await system.graphql<{ refreshSession: { accessToken: string; refreshToken: string } }>(`mutation($r: String!) { refreshSession(refreshToken: $r) { ${LOGIN} } }`, { r: refreshToken })).body;
}

describe('staff login, refresh and logout (docs/contracts.md contract 2)', () => {
  // An account no other test of this file logs in with: a TOTP step is accepted once per account.
  const secret = () => demoTotpSecret(system.demo.seed, 'hospital-doctor');

  test('password + TOTP logs in, a used TOTP code is refused, refresh rotates, logout revokes', async () => {
    const code = totpCode(secret(), new Date());
    const login = await staffLogin(DEMO_HOSPITAL.code, 'D0002', DEMO_STAFF_PASSWORD, code);
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data?.staffLogin).toMatchObject({ role: 'DOCTOR', facilityCode: DEMO_HOSPITAL.code });
    // Replayed with the right password: TOTP_REUSED (wait for the next code), and never a failure — five
    // replays in a row are still TOTP_REUSED, not LOGIN_THROTTLED.
    for (let i = 0; i < 5; i += 1) {
      const replayedCode = await staffLogin(DEMO_HOSPITAL.code, 'D0002', DEMO_STAFF_PASSWORD, code);
      expect(replayedCode.body.errors?.[0]?.extensions).toMatchObject({ code: 'TOTP_REUSED', retryAfterMs: expect.any(Number) });
      expect(replayedCode.body.errors?.[0]?.extensions?.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(replayedCode.text).not.toContain('eyJ');
    }
    // With a wrong password the same used code is just a wrong login (it reveals nothing about the code).
    const wrongPassword = await staffLogin(DEMO_HOSPITAL.code, 'D0002', 'wrong-password', code);
    expect(wrongPassword.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const first = login.body.data?.staffLogin.refreshToken ?? '';
    const second = await refresh(first);
    expect(second.errors).toBeUndefined();
    const secondToken = second.data?.refreshSession.refreshToken ?? '';
    expect(secondToken).not.toBe(first);
    const logout = await system.graphql<{ logout: boolean }>('mutation($r: String!) { logout(refreshToken: $r) }', { r: secondToken });
    expect(logout.body.data?.logout).toBe(true);
    const afterLogout = await refresh(secondToken);
    expect(afterLogout.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(afterLogout.data ?? null).toBeNull();
  });

  test('a rotated refresh token presented again ends the whole session (reuse detection)', async () => {
    const serial = system.patient(4).cardSerial;
    const { challengeId, challenge } = await challengeFor(serial);
    const login = await system.graphql<{ completeCardLogin: { refreshToken: string } }>(
      `mutation($id: ID!, $pin: String!, $sig: String!) { completeCardLogin(challengeId: $id, pin: $pin, signature: $sig) { ${LOGIN} } }`, { id: challengeId, pin: DEMO_PIN, sig: signFor(serial, challenge) });
    const first = login.body.data?.completeCardLogin.refreshToken ?? '';
    const rotated = await refresh(first);
    const successor = rotated.data?.refreshSession.refreshToken ?? '';
    expect(successor).not.toBe('');
    const stolenCopy = await refresh(first);
    expect(stolenCopy.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const owner = await refresh(successor);
    expect(owner.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(owner)).not.toContain('eyJ');
  });

  test('five wrong logins from one source slow that source down but do not stop the real user logging in from another', async () => {
    const receptionSecret = demoTotpSecret(system.demo.seed, 'pharmacy-reception');
    const attacker = '127.0.0.3';
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await staffLoginFrom(attacker, DEMO_PHARMACY.code, 'R0101', `guess-${i}`, '123456');
      codes.push(result.body.errors?.[0]?.extensions?.code);
      expect(result.text).not.toContain('eyJ');
    }
    // 3 free failures, the 4th starts a back-off: the 5th try is refused before the password is checked.
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'LOGIN_THROTTLED']);
    // The attacker's source is slowed even with the right password: nothing is released to it.
    const attackerRight = await staffLoginFrom(attacker, DEMO_PHARMACY.code, 'R0101', DEMO_STAFF_PASSWORD, totpCode(receptionSecret, new Date()));
    expect(attackerRight.body.errors?.[0]?.extensions).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfterMs: expect.any(Number) });
    expect(attackerRight.text).not.toContain('eyJ');
    // The real user, from their own source, logs in at once (no lock on the named person).
    const user = await staffLoginFrom('127.0.0.2', DEMO_PHARMACY.code, 'R0101', DEMO_STAFF_PASSWORD, totpCode(receptionSecret, new Date()));
    expect(user.body.errors).toBeUndefined();
    expect(user.body.data?.staffLogin).toMatchObject({ role: 'RECEPTION', facilityCode: DEMO_PHARMACY.code });
  });

  test('an unknown staff ID gets the same answer as a wrong password', async () => {
    const result = await staffLogin(DEMO_CLINIC.code, 'NOBODY', DEMO_STAFF_PASSWORD, '123456');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('operators and insurers log in without a facility code and get their binding', async () => {
    const admin = await system.graphql<{ me: unknown }>('{ __typename }', {}, await system.token('admin'));
    expect(admin.body.errors).toBeUndefined();
    const insurer = await system.token('insurer-kokuho');
    const claims = decodeJwt(insurer);
    expect(claims).toMatchObject({ role: 'INSURER', insurerNumber: '131011', amr: ['pwd', 'otp'] });
  });

  test('no endpoint issues a token on a name alone: the placeholder demoLogin is gone', async () => {
    const result = await system.graphql('mutation { demoLogin(account: "admin") { accessToken } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.text).not.toContain('eyJ');
  });
});

describe('pnpm demo:token', () => {
  function demoToken(account: string): Promise<{ code: number | null; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/consent/src/cli/demo-token.ts', account], {
        cwd: REPO_ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'), GATEWAY_URL: `${system.gatewayUrl}/graphql`, DEMO_SEED: system.demo.seed, DEMO_PATIENTS: String(system.demo.patients), DEMO_AS_OF: system.demo.asOf },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
  }
  const claimsOf = (token: string) => decodeJwt<{ role: string; facilityCode?: string; grantId?: string; amr: string[] }>(token.trim());

  test('logs a staff member and the PHR app in through the gateway with the real flows', async () => {
    const doctor = await demoToken('clinic-doctor');
    expect(doctor.code).toBe(0);
    expect(claimsOf(doctor.stdout)).toMatchObject({ role: 'DOCTOR', facilityCode: DEMO_CLINIC.code, amr: ['pwd', 'otp'] });
    const app = await demoToken('phr-demo');
    expect(app.code).toBe(0);
    expect(claimsOf(app.stdout)).toMatchObject({ role: 'PHR_APP', grantId: expect.any(String) });
  });

  test('three demo:token calls in a row all succeed: the second with the next TOTP code at once, the third once the step of that code begins', async () => {
    const first = await demoToken('pharmacy-pharmacist');
    const second = await demoToken('pharmacy-pharmacist');
    const third = await demoToken('pharmacy-pharmacist');
    expect([first.code, second.code, third.code]).toEqual([0, 0, 0]);
    for (const { stdout } of [second, third]) expect(claimsOf(stdout)).toMatchObject({ role: 'PHARMACIST', facilityCode: DEMO_PHARMACY.code, amr: ['pwd', 'otp'] });
    expect(new Set([first.stdout, second.stdout, third.stdout]).size).toBe(3);
    // The last login used the step after the clock's (the server takes a code one step early, and only once): the code
    // an authenticator shows now is refused as used, until the step after that one.
    const handTyped = await staffLogin(DEMO_PHARMACY.code, 'P0001', DEMO_STAFF_PASSWORD, totpCode(demoTotpSecret(system.demo.seed, 'pharmacy-pharmacist'), new Date()));
    expect(handTyped.body.errors?.[0]?.extensions).toMatchObject({ code: 'TOTP_REUSED' });
    expect(Number(handTyped.body.errors?.[0]?.extensions?.retryAfterMs)).toBeGreaterThan(TOTP_PERIOD_SECONDS * 1000);
    expect(handTyped.text).not.toContain('eyJ');
  }, 120_000);

  test('an unknown account gets no token', async () => {
    const result = await demoToken('nobody');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});

describe('JWKS', () => {
  test('the consent subgraph publishes its Ed25519 key with a kid', async () => {
    const jwks = (await (await fetch(`${system.urls.consent}/.well-known/jwks.json`)).json()) as { keys: Array<{ kty: string; crv: string; kid: string; d?: string }> };
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });
});
