/**
 * PHR apps registered by the operator (docs/operations.md "PHR apps"), through the real path (real servers, real HTTP, real DB). Every
 * mutation's access rules as an attacker would try them (patient, clinic staff, insurer, the PHR app itself, no
 * token): refused with no data, nothing stored, and the refusal in the access log. Bad input (duplicate client id,
 * empty or unknown scopes, bad client id, unknown app) with its extensions.code and nothing stored. Then the app's
 * life: registered with a secret shown once, granted by a patient only within its scopes, the secret rotated (the old
 * one and the app's sessions stop at once), disabled (no token, no refresh, no read, no new grant). And a staff
 * member's password reset by their facility administrator: nobody else may, the old password and sessions stop at once.
 */
import { withCheckDigit } from '@onshi/kit';
import { DEMO_CLINIC, demoPhrAppSecret } from '@onshi/demo';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
const tokens: Record<string, string> = {};
/** Demo tokens are minted once per file (TOTP codes are single use per 30 s window). */
async function token(account: string): Promise<string> {
  tokens[account] ??= await system.token(account);
  return tokens[account];
}

beforeAll(async () => {
  system = await startTestSystem({ patients: 4 });
});
afterAll(async () => {
  await system?.stop();
});

const REGISTER = `mutation($id: String, $name: String!, $op: String!, $scopes: [DataCategory!]!) {
  registerPhrApp(clientId: $id, displayName: $name, operatorName: $op, scopes: $scopes) { clientSecret app { clientId displayName operatorName scopes rotatedAt disabledAt } } }`;
const ROTATE = 'mutation($id: String!) { rotatePhrAppSecret(clientId: $id) { clientSecret app { clientId rotatedAt } } }';
const DISABLE = 'mutation($id: String!) { disablePhrApp(clientId: $id) { clientId disabledAt } }';
const APPS = '{ phrApps(first: 500) { clientId displayName operatorName scopes createdAt rotatedAt disabledAt } }';
const CHANGES = 'query($id: String!) { phrAppChanges(clientId: $id, first: 100) { action target actorSubject before after } }';
const GRANT = 'mutation($app: String!, $c: [DataCategory!]!) { grantPhrAccess(appId: $app, categories: $c, days: 30) { id appName appOperatorName categories } }';
const PHR_TOKEN = 'mutation($id: String!, $s: String!, $g: ID!) { phrToken(clientId: $id, clientSecret: $s, grantId: $g) { accessToken refreshToken } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }';
const DISPENSINGS = 'query($id: ID!) { patient(id: $id) { dispensings(first: 5) { edges { node { date drugName } } } } }';

interface App { clientId: string; displayName: string; operatorName: string; scopes: string[]; createdAt: string; rotatedAt: string | null; disabledAt: string | null }
interface LogRow { actorRole: string; actorSubject: string; category: string; decision: string; reason: string }

async function apps(): Promise<App[]> {
  const result = await system.graphql<{ phrApps: App[] }>(APPS, {}, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.phrApps ?? [];
}
async function changesOf(clientId: string): Promise<Array<{ action: string; target: string; actorSubject: string; before: string | null; after: string | null }>> {
  const result = await system.graphql<{ phrAppChanges: Array<{ action: string; target: string; actorSubject: string; before: string | null; after: string | null }> }>(CHANGES, { id: clientId }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.phrAppChanges ?? [];
}
/** Admin actions on what belongs to no facility (a PHR app) are logged under `nation`. */
async function nationLog(): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query { accessLogSearch(patientId: "nation", first: 500) { actorRole actorSubject category decision reason } }', {}, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}
async function grantsOf(account: string): Promise<Array<{ id: string; appId: string; appName: string; appOperatorName: string | null; categories: string[] }>> {
  const result = await system.graphql<{ me: { phrGrants: Array<{ id: string; appId: string; appName: string; appOperatorName: string | null; categories: string[] }> } }>(
    '{ me { phrGrants { id appId appName appOperatorName categories } } }', {}, await token(account));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me.phrGrants ?? [];
}

/** The demo app's token for a grant of its own (yamada's), to try the operator's mutations as the app. */
async function demoAppToken(): Promise<string> {
  const granted = await system.graphql<{ grantPhrAccess: { id: string } }>(GRANT, { app: 'phr-demo', c: ['QUALIFICATION'] }, await token('yamada'));
  expect(granted.body.errors).toBeUndefined();
  const login = await system.graphql<{ phrToken: { accessToken: string } }>(PHR_TOKEN, { id: 'phr-demo', s: demoPhrAppSecret(system.demo.seed, 'phr-demo'), g: granted.body.data?.grantPhrAccess.id });
  expect(login.body.errors).toBeUndefined();
  return login.body.data?.phrToken.accessToken ?? '';
}

const VALID = { id: 'kakeibo-health', name: 'かけいぼヘルス', op: '株式会社テスト家計', scopes: ['QUALIFICATION', 'EXPENSES'] };

describe('the operator only: every other caller is refused, nothing stored, the refusal logged', () => {
  const attempts: Array<[string, string, Record<string, unknown>, string]> = [
    ['registerPhrApp', REGISTER, VALID, 'REGISTER_PHR_APP'],
    ['rotatePhrAppSecret', ROTATE, { id: 'phr-demo' }, 'ROTATE_PHR_APP_SECRET'],
    ['disablePhrApp', DISABLE, { id: 'phr-demo' }, 'DISABLE_PHR_APP'],
    ['phrApps', APPS, {}, 'VIEW_PHR_APPS'],
  ];
  const callers: Array<[string, string, () => Promise<string>]> = [
    ['a patient', 'PATIENT', () => token('yamada')],
    ['a doctor', 'DOCTOR', () => token('clinic-doctor')],
    ['a reception clerk', 'RECEPTION', () => token('clinic-reception')],
    ['an insurer', 'INSURER', () => token('insurer-kyokai')],
    ['the PHR app itself', 'PHR_APP', demoAppToken],
  ];

  test.each(attempts)('%s', async (_name, query, variables, action) => {
    const before = await apps();
    for (const [who, role, tokenOf] of callers) {
      const result = await system.graphql(query, variables, await tokenOf());
      expect([who, result.body.errors?.[0]?.extensions]).toEqual([who, expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' })]);
      expect([who, result.body.data ?? null]).toEqual([who, null]);
      expect(result.text).not.toMatch(/clientSecret|けんこう手帳/);
      expect((await nationLog()).filter((row) => row.actorRole === role && row.reason === `${action}:NOT_OPERATOR`)).toEqual([
        expect.objectContaining({ category: 'ADMINISTRATION', decision: 'DENY' }),
      ]);
    }
    const unauthenticated = await system.graphql(query, variables);
    expect(unauthenticated.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unauthenticated.body.data ?? null).toBeNull();
    expect(await apps()).toEqual(before);
    expect(await changesOf('phr-demo')).toEqual([]);
    expect(await changesOf(VALID.id)).toEqual([]);
  });

  test('the demo app still works with its seeded secret after all those attempts', async () => {
    expect(await demoAppToken()).not.toBe('');
  });
});

describe('bad input: a clear code, nothing stored', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a client id already registered (the demo app)', { id: 'phr-demo' }, { field: 'clientId', reason: 'DUPLICATE_CLIENT_ID' }],
    ['no scopes', { scopes: [] }, { field: 'scopes', reason: 'EMPTY_SCOPES' }],
    ['a client id with capitals and spaces', { id: 'My App' }, { field: 'clientId' }],
    ['a client id of 2 characters', { id: 'ab' }, { field: 'clientId' }],
    ['an empty display name', { name: '   ' }, { field: 'displayName' }],
    ['an empty operator name', { op: '' }, { field: 'operatorName' }],
  ])('%s', async (_label, overrides, extensions) => {
    const before = await apps();
    const result = await system.graphql(REGISTER, { ...VALID, ...overrides }, await token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...extensions });
    expect(result.body.data ?? null).toBeNull();
    expect(await apps()).toEqual(before);
    expect(await changesOf(String(overrides.id ?? VALID.id))).toEqual([]);
  });

  test('an unknown category, as a variable or in the document: refused by the DataCategory enum before the service, nothing stored', async () => {
    const before = await apps();
    const asVariable = await system.graphql(REGISTER, { ...VALID, scopes: ['DRUG', 'GENOME'] }, await token('admin'));
    expect(asVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(asVariable.body.data ?? null).toBeNull();
    const inline = await system.graphql(`mutation { registerPhrApp(clientId: "${VALID.id}", displayName: "x", operatorName: "x", scopes: [DRUG, GENOME]) { clientSecret } }`, {}, await token('admin'));
    expect(inline.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inline.body.data ?? null).toBeNull();
    // A patient's grant is held to the same vocabulary.
    const grantsBefore = await grantsOf('yamada');
    const grant = await system.graphql(GRANT, { app: 'phr-demo', c: ['DRUG', 'GENOME'] }, await token('yamada'));
    expect(grant.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(grant.body.data ?? null).toBeNull();
    expect(await grantsOf('yamada')).toEqual(grantsBefore);
    expect(`${asVariable.text}${inline.text}${grant.text}`).not.toMatch(/clientSecret"|"id":|at .*\.ts:\d+/);
    expect(await apps()).toEqual(before);
    expect(await changesOf(VALID.id)).toEqual([]);
  });

  test.each([['rotatePhrAppSecret', ROTATE], ['disablePhrApp', DISABLE]])('%s of an unknown app: NOT_FOUND, nothing changed', async (_name, query) => {
    const before = await apps();
    const result = await system.graphql(query, { id: 'no-such-app' }, await token('admin'));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.body.data ?? null).toBeNull();
    expect(await apps()).toEqual(before);
  });
});

describe('an app\'s life: registered, granted within its scopes, rotated, disabled', () => {
  let clientId = '';
  let secret = '';
  let grantId = '';
  let session = { accessToken: '', refreshToken: '' };

  test('registered with a generated client id; the secret is in this answer only, never stored or logged in the clear', async () => {
    const result = await system.graphql<{ registerPhrApp: { clientSecret: string; app: App } }>(REGISTER, { ...VALID, id: null, scopes: ['DRUG', 'QUALIFICATION', 'DRUG'] }, await token('admin'));
    expect(result.body.errors).toBeUndefined();
    const registered = result.body.data?.registerPhrApp;
    clientId = registered?.app.clientId ?? '';
    secret = registered?.clientSecret ?? '';
    expect(clientId).toMatch(/^phr-[0-9a-f]{12}$/);
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(registered?.app).toMatchObject({ displayName: VALID.name, operatorName: VALID.op, scopes: ['QUALIFICATION', 'DRUG'], rotatedAt: null, disabledAt: null });
    const listed = await system.graphql(APPS, {}, await token('admin'));
    expect(listed.text).toContain(clientId);
    expect(listed.text).not.toContain(secret);
    const changes = await changesOf(clientId);
    expect(changes.map((c) => [c.action, c.target, c.actorSubject, c.before])).toEqual([['REGISTER_PHR_APP', `phr-app:${clientId}`, 'operator:A0001', null]]);
    expect(JSON.parse(changes[0]?.after ?? '{}')).toEqual({ clientId, displayName: VALID.name, operatorName: VALID.op, scopes: ['QUALIFICATION', 'DRUG'], rotatedAt: null, disabledAt: null });
    expect(changes[0]?.after).not.toMatch(/secret|hash|scrypt/i);
    expect(await nationLog()).toEqual(expect.arrayContaining([expect.objectContaining({ actorSubject: 'operator:A0001', category: 'ADMINISTRATION', decision: 'ALLOW', reason: 'REGISTER_PHR_APP' })]));
  });

  test('a patient may grant only categories within the app\'s scopes; she sees its name and operator, not its client id', async () => {
    const before = await grantsOf('yamada');
    const outside = await system.graphql(GRANT, { app: clientId, c: ['DRUG', 'CHECKUP'] }, await token('yamada'));
    expect(outside.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categories', reason: 'OUTSIDE_APP_SCOPES' });
    expect(outside.body.data ?? null).toBeNull();
    expect(await grantsOf('yamada')).toEqual(before);

    const granted = await system.graphql<{ grantPhrAccess: { id: string; appName: string; appOperatorName: string } }>(GRANT, { app: clientId, c: ['DRUG', 'QUALIFICATION'] }, await token('yamada'));
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data?.grantPhrAccess).toMatchObject({ appName: VALID.name, appOperatorName: VALID.op });
    grantId = granted.body.data?.grantPhrAccess.id ?? '';
    const directory = await system.graphql<{ grantablePhrApps: App[] }>('{ grantablePhrApps { clientId displayName operatorName scopes } }', {}, await token('yamada'));
    expect(directory.body.data?.grantablePhrApps).toEqual(expect.arrayContaining([{ clientId, displayName: VALID.name, operatorName: VALID.op, scopes: ['QUALIFICATION', 'DRUG'] }]));

    const login = await system.graphql<{ phrToken: typeof session }>(PHR_TOKEN, { id: clientId, s: secret, g: grantId });
    expect(login.body.errors).toBeUndefined();
    session = login.body.data?.phrToken ?? session;
    const read = await system.graphql(DISPENSINGS, { id: system.patient(0).id }, session.accessToken);
    expect(read.body.errors).toBeUndefined();
    // Her 提供状況 names the app and its operator.
    const log = await system.graphql<{ me: { accessLog: Array<{ actorRole: string; actorSubject: string; appName: string | null; appOperatorName: string | null }> } }>(
      '{ me { accessLog(first: 100) { actorRole actorSubject appName appOperatorName } } }', {}, await token('yamada'));
    expect(log.body.data?.me.accessLog).toEqual(expect.arrayContaining([{ actorRole: 'PHR_APP', actorSubject: clientId, appName: VALID.name, appOperatorName: VALID.op }]));
  });

  test('rotating: the old secret and the app\'s refresh tokens stop at once; the new secret works', async () => {
    const rotated = await system.graphql<{ rotatePhrAppSecret: { clientSecret: string; app: { rotatedAt: string | null } } }>(ROTATE, { id: clientId }, await token('admin'));
    expect(rotated.body.errors).toBeUndefined();
    const newSecret = rotated.body.data?.rotatePhrAppSecret.clientSecret ?? '';
    expect(newSecret).not.toBe(secret);
    expect(rotated.body.data?.rotatePhrAppSecret.app.rotatedAt).not.toBeNull();
    const old = await system.graphql(PHR_TOKEN, { id: clientId, s: secret, g: grantId });
    expect(old.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(old.body.data ?? null).toBeNull();
    const refreshed = await system.graphql(REFRESH, { r: session.refreshToken });
    expect(refreshed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await system.graphql<{ phrToken: typeof session }>(PHR_TOKEN, { id: clientId, s: newSecret, g: grantId });
    expect(fresh.body.errors).toBeUndefined();
    session = fresh.body.data?.phrToken ?? session;
    secret = newSecret;
    const change = (await changesOf(clientId)).find((c) => c.action === 'ROTATE_PHR_APP_SECRET');
    expect(JSON.parse(change?.before ?? '{}')).toMatchObject({ rotatedAt: null });
    expect(JSON.parse(change?.after ?? '{}').rotatedAt).not.toBeNull();
    expect(`${change?.before}${change?.after}`).not.toMatch(/secret|hash|scrypt/i);
    expect(`${change?.before}${change?.after}`).not.toContain(newSecret);
  });

  test('disabling: no token, no refresh, no read under its grants, no new grant; the demo app is untouched', async () => {
    const disabled = await system.graphql<{ disablePhrApp: { disabledAt: string | null } }>(DISABLE, { id: clientId }, await token('admin'));
    expect(disabled.body.errors).toBeUndefined();
    expect(disabled.body.data?.disablePhrApp.disabledAt).not.toBeNull();

    const read = await system.graphql<{ patient: { dispensings: unknown } | null }>(DISPENSINGS, { id: system.patient(0).id }, session.accessToken);
    // Refused like any read the app may not make (the decision point answers it as for an unknown patient).
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(read.body.errors?.[0]?.extensions?.code);
    expect(read.body.data?.patient?.dispensings ?? null).toBeNull();
    expect(read.text).not.toContain('drugName');
    const own = await system.graphql<{ me: { accessLog: Array<{ actorSubject: string; decision: string; reason: string }> } }>('{ me { accessLog(first: 100) { actorSubject decision reason } } }', {}, await token('yamada'));
    expect(own.body.data?.me.accessLog).toEqual(expect.arrayContaining([{ actorSubject: clientId, decision: 'DENY', reason: 'APP_DISABLED' }]));

    const login = await system.graphql(PHR_TOKEN, { id: clientId, s: secret, g: grantId });
    expect(login.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PHR_APP_DISABLED' });
    expect(login.body.data ?? null).toBeNull();
    const refreshed = await system.graphql(REFRESH, { r: session.refreshToken });
    expect(refreshed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const before = await grantsOf('yamada');
    const grant = await system.graphql(GRANT, { app: clientId, c: ['DRUG'] }, await token('yamada'));
    expect(grant.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PHR_APP_DISABLED' });
    expect(await grantsOf('yamada')).toEqual(before);
    const directory = await system.graphql('{ grantablePhrApps { clientId } }', {}, await token('yamada'));
    expect(directory.text).not.toContain(clientId);
    const rotate = await system.graphql(ROTATE, { id: clientId }, await token('admin'));
    expect(rotate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PHR_APP_DISABLED' });

    expect((await changesOf(clientId)).map((c) => c.action)).toEqual(['DISABLE_PHR_APP', 'ROTATE_PHR_APP_SECRET', 'REGISTER_PHR_APP']);
    expect(await demoAppToken()).not.toBe('');
  });
});

// ---------------------------------------------------------------------------------------------------
// Password reset by the facility administrator (docs/operations.md "Taking a new facility into use", step 5)
// ---------------------------------------------------------------------------------------------------

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'another horse battery staple';
const RESET = 'mutation($id: String!) { resetStaffPassword(staffId: $id) { enrollmentToken expiresAt staff { staffId enrolled } } }';
const STAFF_LOGIN = 'mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken refreshToken } }';

/** Completes a one-time link as the person would (password, the otpauth URI's secret, a first code); returns the secret. */
async function completeEnrollment(enrollmentToken: string, password: string): Promise<string> {
  const started = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>('mutation($t: String!, $p: String!) { startStaffEnrollment(enrollmentToken: $t, password: $p) { otpauthUri } }', { t: enrollmentToken, p: password });
  expect(started.body.errors).toBeUndefined();
  const secret = new URL(started.body.data?.startStaffEnrollment.otpauthUri ?? 'x:').searchParams.get('secret') ?? '';
  const confirmed = await system.graphql('mutation($t: String!, $c: String!) { confirmStaffEnrollment(enrollmentToken: $t, totp: $c) { enrolled } }', { t: enrollmentToken, c: totpCode(secret, new Date()) });
  expect(confirmed.body.errors).toBeUndefined();
  return secret;
}
/** A login with the code of a later 30 s step (accepted within the ±1 window), so no code is used twice. */
async function staffLogin(facilityCode: string, staffId: string, password: string, secret: string, stepsAhead = 1): Promise<{ accessToken?: string; refreshToken?: string; code?: unknown }> {
  const result = await system.graphql<{ staffLogin: { accessToken: string; refreshToken: string } }>(STAFF_LOGIN, { f: facilityCode, s: staffId, p: password, t: totpCode(secret, new Date(Date.now() + stepsAhead * 30_000)) });
  return result.body.data?.staffLogin ?? { code: result.body.errors?.[0]?.extensions?.code };
}
/** Registers a facility with an enrolled, logged-in administrator (M0001). */
async function facilityWithAdmin(code: string): Promise<string> {
  const registered = await system.graphql<{ registerFacility: { administrator: { enrollmentToken: string } } }>(
    'mutation($c: String!, $p: String!) { registerFacility(code: $c, name: "テスト内科", kind: MEDICAL, prefecture: $p, hospital: false, administratorStaffId: "M0001", administratorName: "施設 管理者") { administrator { enrollmentToken } } }',
    { c: code, p: code.slice(0, 2) }, await token('admin'));
  expect(registered.body.errors).toBeUndefined();
  const secret = await completeEnrollment(registered.body.data?.registerFacility.administrator.enrollmentToken ?? '', PASSWORD);
  const login = await staffLogin(code, 'M0001', PASSWORD, secret);
  expect(login.code).toBeUndefined();
  return login.accessToken ?? '';
}
async function logOf(owner: string): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 500) { actorRole actorSubject category decision reason } }', { p: owner }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}

describe('resetStaffPassword: the facility administrator, for their own staff only', () => {
  /** Osaka 医科 codes no demo facility has (the generated ones number 1000–1059). */
  const CLINIC = withCheckDigit('271059201');
  const OTHER_CLINIC = withCheckDigit('271059202');
  let adminToken = '';
  let doctorSecret = '';
  let doctorSession: { accessToken?: string; refreshToken?: string } = {};

  beforeAll(async () => {
    adminToken = await facilityWithAdmin(CLINIC);
    const enrolled = await system.graphql<{ enrollStaff: { enrollmentToken: string } }>('mutation { enrollStaff(staffId: "D0101", displayName: "医師 一", role: DOCTOR) { enrollmentToken } }', {}, adminToken);
    expect(enrolled.body.errors).toBeUndefined();
    doctorSecret = await completeEnrollment(enrolled.body.data?.enrollStaff.enrollmentToken ?? '', PASSWORD);
    doctorSession = await staffLogin(CLINIC, 'D0101', PASSWORD, doctorSecret);
    expect(doctorSession.refreshToken).toBeDefined();
  });

  test('anyone but this facility\'s administrator is refused: no link, the password unchanged, the refusal logged', async () => {
    const otherAdmin = await facilityWithAdmin(OTHER_CLINIC);
    const callers: Array<[string, string, string, string]> = [
      ['a patient', await token('yamada'), 'nation', 'FORBIDDEN'],
      ['the operator', await token('admin'), 'nation', 'FORBIDDEN'],
      ['a doctor of the demo clinic', await token('clinic-doctor'), `facility:${DEMO_CLINIC.code}`, 'FORBIDDEN'],
      ['an insurer', await token('insurer-kyokai'), 'nation', 'FORBIDDEN'],
      ['the PHR app', await demoAppToken(), 'nation', 'FORBIDDEN'],
      ['the doctor themself (no administrator)', doctorSession.accessToken ?? '', `facility:${CLINIC}`, 'FORBIDDEN'],
    ];
    for (const [who, callerToken, owner, code] of callers) {
      const result = await system.graphql(RESET, { id: 'D0101' }, callerToken);
      expect([who, result.body.errors?.[0]?.extensions]).toEqual([who, expect.objectContaining({ code, reason: 'NOT_FACILITY_ADMIN' })]);
      expect([who, result.body.data ?? null]).toEqual([who, null]);
      expect(result.text).not.toContain('enrollmentToken');
      expect([who, (await logOf(owner)).some((row) => row.decision === 'DENY' && row.reason === 'RESET_STAFF_PASSWORD:NOT_FACILITY_ADMIN')]).toEqual([who, true]);
    }
    // Another facility's administrator: the facility is always their own, where no D0101 exists.
    const other = await system.graphql(RESET, { id: 'D0101' }, otherAdmin);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.body.data ?? null).toBeNull();
    const unauthenticated = await system.graphql(RESET, { id: 'D0101' });
    expect(unauthenticated.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await system.graphql<{ adminChanges: Array<{ action: string }> }>('query($f: String!) { adminChanges(facilityCode: $f, first: 100) { action } }', { f: CLINIC }, await token('admin'))).body.data?.adminChanges.map((c) => c.action))
      .not.toContain('RESET_STAFF_PASSWORD');
    // The doctor's session goes on (a refresh rotates the token, kept for the reset below).
    const refreshed = await system.graphql<{ refreshSession: { refreshToken: string } }>('mutation($r: String!) { refreshSession(refreshToken: $r) { refreshToken } }', { r: doctorSession.refreshToken });
    expect(refreshed.body.errors).toBeUndefined();
    doctorSession = { ...doctorSession, refreshToken: refreshed.body.data?.refreshSession.refreshToken ?? '' };
  });

  test.each<[string, string, Record<string, unknown>]>([
    ['an unknown staff ID', 'X9999', { code: 'NOT_FOUND' }],
    ['the administrator themself', 'M0001', { code: 'BAD_USER_INPUT', reason: 'OWN_ACCOUNT' }],
  ])('%s: refused with its code, nothing changed', async (_label, staffId, extensions) => {
    const result = await system.graphql(RESET, { id: staffId }, adminToken);
    expect(result.body.errors?.[0]?.extensions).toMatchObject(extensions);
    expect(result.body.data ?? null).toBeNull();
  });

  test('a reset: the old password and refresh token stop at once; the new link enrolls again; the change is recorded without secrets', async () => {
    const reset = await system.graphql<{ resetStaffPassword: { enrollmentToken: string; staff: { staffId: string; enrolled: boolean } } }>(RESET, { id: 'D0101' }, adminToken);
    expect(reset.body.errors).toBeUndefined();
    expect(reset.body.data?.resetStaffPassword.staff).toEqual({ staffId: 'D0101', enrolled: false });
    expect((await staffLogin(CLINIC, 'D0101', PASSWORD, doctorSecret, -1)).code).toBe('UNAUTHENTICATED');
    const refreshed = await system.graphql('mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }', { r: doctorSession.refreshToken });
    expect(refreshed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const newSecret = await completeEnrollment(reset.body.data?.resetStaffPassword.enrollmentToken ?? '', NEW_PASSWORD);
    expect(newSecret).not.toBe(doctorSecret);
    expect((await staffLogin(CLINIC, 'D0101', PASSWORD, newSecret)).code).toBe('UNAUTHENTICATED');
    expect((await staffLogin(CLINIC, 'D0101', NEW_PASSWORD, newSecret)).code).toBeUndefined();

    const changes = await system.graphql<{ adminChanges: Array<{ action: string; target: string; before: string; after: string }> }>('query($f: String!) { adminChanges(facilityCode: $f, first: 100) { action target before after } }', { f: CLINIC }, await token('admin'));
    const change = changes.body.data?.adminChanges.find((c) => c.action === 'RESET_STAFF_PASSWORD');
    expect(change?.target).toBe(`${CLINIC}:D0101`);
    expect([JSON.parse(change?.before ?? '{}').enrolled, JSON.parse(change?.after ?? '{}').enrolled]).toEqual([true, false]);
    expect(`${change?.before}${change?.after}`).not.toMatch(/password|totp|secret|token|hash/i);
    expect(await logOf(`facility:${CLINIC}`)).toEqual(expect.arrayContaining([expect.objectContaining({ actorSubject: `${CLINIC}:M0001`, decision: 'ALLOW', reason: 'RESET_STAFF_PASSWORD' })]));
  });

  test('a disabled account is not reset', async () => {
    await system.graphql('mutation { disableStaff(staffId: "D0101") { disabledAt } }', {}, adminToken);
    const result = await system.graphql(RESET, { id: 'D0101' }, adminToken);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STAFF_DISABLED' });
    expect(result.body.data ?? null).toBeNull();
  });
});
