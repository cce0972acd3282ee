/**
 * Taking a new facility into use through the API (real servers, real HTTP). Every mutation's
 * access rules as an attacker would try them (patient, clinic staff, another facility's administrator, insurer), and
 * bad input (check digit, prefecture, kind, duplicate code, unknown facility, bad key): each refused with its
 * extensions.code, nothing stored, and the refusal in the access log. Then the whole way: the operator registers a
 * clinic, its administrator and its reader; the administrator enrolls a doctor, who enrolls TOTP and logs in; a
 * patient verifies at the new reader and consents; the doctor reads that patient's drugs.
 */
import { withCheckDigit } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_PHARMACY, demoFacilities, signWithDemoPatientCard } from '@onshi/demo';
import { readerVisit, submitStatement, startReaderChallenge, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { newReaderKeyPair, signReaderStatement, type ReaderKey } from '@onshi/platform/readerStatement';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
let call: GraphQLCall;
const tokens: Record<string, string> = {};
/** Demo tokens are minted once per file (TOTP codes are single use per 30 s window). */
async function token(account: string): Promise<string> {
  tokens[account] ??= await system.token(account);
  return tokens[account];
}

beforeAll(async () => {
  system = await startTestSystem({ patients: 20 });
  call = async (q, v, t) => (await system.graphql(q, v, t)).body;
});
afterAll(async () => {
  await system?.stop();
});

/** Codes no demo facility has (the generated ones number 1000–1059): Osaka 医科, Osaka 歯科, Hokkaido 調剤. */
const NEW_CLINIC = withCheckDigit('271059001');
const NEW_DENTAL = withCheckDigit('273059002');
const UNREGISTERED = withCheckDigit('014059003');
const PASSWORD = 'correct horse battery staple';

const REGISTER_FACILITY = `mutation($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!, $adminId: String!, $adminName: String!) {
  registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: $adminId, administratorName: $adminName) {
    facility { code name kind prefecture hospital } administrator { enrollmentToken expiresAt staff { staffId role facilityAdmin enrolled } } } }`;
const REGISTER_READER = 'mutation($f: String!, $k: String!) { registerCardReader(facilityCode: $f, publicKeyJwk: $k, label: "受付") { id facilityCode status } }';
const SET_READER = 'mutation($r: ID!, $s: CardReaderStatus!) { setCardReaderStatus(readerId: $r, status: $s) { status } }';
const ENROLL = 'mutation($id: String!, $name: String!, $role: Role!) { enrollStaff(staffId: $id, displayName: $name, role: $role) { enrollmentToken staff { staffId role enrolled facilityCode } } }';
const DISABLE = 'mutation($id: String!) { disableStaff(staffId: $id) { staffId disabledAt } }';
const START_ENROLLMENT = 'mutation($t: String!, $p: String!) { startStaffEnrollment(enrollmentToken: $t, password: $p) { otpauthUri staffId facilityCode } }';
const CONFIRM_ENROLLMENT = 'mutation($t: String!, $c: String!) { confirmStaffEnrollment(enrollmentToken: $t, totp: $c) { staffId enrolled } }';
const STAFF_LOGIN = 'mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken } }';

function facilityInput(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const kind = { 1: 'MEDICAL', 3: 'DENTAL', 4: 'PHARMACY' }[code.charAt(2)];
  return { code, name: 'テスト内科医院', kind, prefecture: code.slice(0, 2), hospital: false, adminId: 'M0001', adminName: '施設 管理者', ...overrides };
}

interface LogRow { actorRole: string; actorSubject: string; category: string; decision: string; reason: string }
/** The access log of admin actions about a facility (`facility:<code>`), or about no facility (`nation`: an actor without one). */
async function facilityLog(code: string | null): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 500) { actorRole actorSubject category decision reason } }', { p: code ? `facility:${code}` : 'nation' }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}
async function registeredCodes(): Promise<string[]> {
  const result = await system.graphql<{ onboardedFacilities: Array<{ code: string }> }>('{ onboardedFacilities(first: 500) { code } }', {}, await token('admin'));
  return result.body.data?.onboardedFacilities.map((f) => f.code) ?? [];
}
async function changesOf(code: string): Promise<Array<{ id: string; action: string; target: string; before: string | null; after: string | null; actorRole: string; actorSubject: string }>> {
  const result = await system.graphql<{ adminChanges: Array<{ id: string; action: string; target: string; before: string | null; after: string | null; actorRole: string; actorSubject: string }> }>(
    'query($f: String!) { adminChanges(facilityCode: $f, first: 500) { id action target before after actorRole actorSubject } }', { f: code }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.adminChanges ?? [];
}

/** Completes an enrollment link as the person would: password, the otpauth URI's secret, a first code; returns the secret. */
async function enroll(enrollmentToken: string): Promise<string> {
  const started = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>(START_ENROLLMENT, { t: enrollmentToken, p: PASSWORD });
  expect(started.body.errors).toBeUndefined();
  const uri = started.body.data?.startStaffEnrollment.otpauthUri ?? '';
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const secret = new URL(uri).searchParams.get('secret') ?? '';
  const confirmed = await system.graphql<{ confirmStaffEnrollment: { enrolled: boolean } }>(CONFIRM_ENROLLMENT, { t: enrollmentToken, c: totpCode(secret, new Date()) });
  expect(confirmed.body.errors).toBeUndefined();
  expect(confirmed.body.data?.confirmStaffEnrollment.enrolled).toBe(true);
  return secret;
}

/** A login with the code of the next 30 s step (accepted within the ±1 window), so the enrollment's own code is never reused. */
async function login(facilityCode: string, staffId: string, secret: string, stepsAhead = 1): Promise<{ token?: string; code?: unknown }> {
  const result = await system.graphql<{ staffLogin: { accessToken: string } }>(STAFF_LOGIN, { f: facilityCode, s: staffId, p: PASSWORD, t: totpCode(secret, new Date(Date.now() + stepsAhead * 30_000)) });
  const accessToken = result.body.data?.staffLogin.accessToken;
  return accessToken ? { token: accessToken } : { code: result.body.errors?.[0]?.extensions?.code };
}

describe('registerFacility: the operator only, valid input only', () => {
  test.each([['yamada', 'PATIENT'], ['clinic-doctor', 'DOCTOR'], ['clinic-reception', 'RECEPTION'], ['insurer-kyokai', 'INSURER']])('%s is refused, nothing is stored, the refusal is logged', async (account, role) => {
    const result = await system.graphql(REGISTER_FACILITY, facilityInput(NEW_DENTAL), await token(account));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(result.body.data ?? null).toBeNull();
    expect(result.text).not.toContain('enrollmentToken');
    expect(await registeredCodes()).not.toContain(NEW_DENTAL);
    expect(await facilityLog(NEW_DENTAL)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, category: 'ADMINISTRATION', decision: 'DENY', reason: 'REGISTER_FACILITY:NOT_OPERATOR' })]));
  });

  test('without a token: UNAUTHENTICATED, nothing stored', async () => {
    const result = await system.graphql(REGISTER_FACILITY, facilityInput(NEW_DENTAL));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await registeredCodes()).not.toContain(NEW_DENTAL);
  });

  test.each([
    ['a wrong check digit', { code: `${NEW_DENTAL.slice(0, 9)}${(Number(NEW_DENTAL.charAt(9)) + 1) % 10}` }, 'code'],
    ['9 digits', { code: NEW_DENTAL.slice(0, 9) }, 'code'],
    ['a table digit that is no kind (2)', { code: withCheckDigit('272059002') }, 'code'],
    ['a prefecture other than the code\'s', { prefecture: '13' }, 'prefecture'],
    ['prefecture 48', { prefecture: '48' }, 'prefecture'],
    ['a kind other than the code\'s', { kind: 'MEDICAL' }, 'kind'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a bad administrator staff ID', { adminId: 'M 0001;drop' }, 'staffId'],
  ])('%s: BAD_USER_INPUT naming the field, nothing stored', async (_label, overrides, field) => {
    const before = await registeredCodes();
    const result = await system.graphql(REGISTER_FACILITY, facilityInput(NEW_DENTAL, overrides), await token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.body.data ?? null).toBeNull();
    expect(await registeredCodes()).toEqual(before);
    expect(await changesOf(NEW_DENTAL)).toEqual([]);
  });

  test('a kind outside the FacilityKind enum (docs/api-guide.md "Enums") is refused by validation, as a variable or in the document; nothing stored', async () => {
    const before = await registeredCodes();
    const asVariable = await system.graphql(REGISTER_FACILITY, facilityInput(NEW_DENTAL, { kind: 'HOSPITAL' }), await token('admin'));
    expect(asVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(asVariable.body.data ?? null).toBeNull();
    const inline = await system.graphql(`mutation { registerFacility(code: "${NEW_DENTAL}", name: "テスト歯科", kind: HOSPITAL, prefecture: "27", hospital: false, administratorStaffId: "M0001", administratorName: "施設 管理者") { facility { code } } }`, {}, await token('admin'));
    expect(inline.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inline.body.data ?? null).toBeNull();
    expect(await registeredCodes()).toEqual(before);
    expect(await changesOf(NEW_DENTAL)).toEqual([]);
  });

  test('a code already registered (here a demo facility) is refused: DUPLICATE_FACILITY, nothing changed', async () => {
    const demoClinic = DEMO_CLINIC.code;
    expect(await registeredCodes()).toContain(demoClinic);
    const result = await system.graphql(REGISTER_FACILITY, facilityInput(demoClinic, { name: '乗っ取り医院' }), await token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_FACILITY' });
    expect(await changesOf(demoClinic)).toEqual([]);
  });
});

describe('taking a new clinic into use, end to end', () => {
  let adminSecret = '';
  let adminToken = '';
  let reader: ReaderKey;

  test('the operator registers the clinic and its administrator; the same code again is refused', async () => {
    const registered = await system.graphql<{ registerFacility: { facility: Record<string, unknown>; administrator: { enrollmentToken: string; staff: Record<string, unknown> } } }>(
      REGISTER_FACILITY, facilityInput(NEW_CLINIC), await token('admin'));
    expect(registered.body.errors).toBeUndefined();
    const result = registered.body.data?.registerFacility;
    expect(result?.facility).toEqual({ code: NEW_CLINIC, name: 'テスト内科医院', kind: 'MEDICAL', prefecture: '27', hospital: false });
    expect(result?.administrator.staff).toEqual({ staffId: 'M0001', role: 'RECEPTION', facilityAdmin: true, enrolled: false });
    const again = await system.graphql(REGISTER_FACILITY, facilityInput(NEW_CLINIC, { name: '二重登録' }), await token('admin'));
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_FACILITY' });
    const changes = await changesOf(NEW_CLINIC);
    // action and actorRole are enums (AdminChangeAction, Role: docs/api-guide.md "Enums"); the wire words are theirs.
    expect(changes.map((c) => [c.action, c.actorRole])).toEqual([['REGISTER_FACILITY', 'ADMIN']]);
    expect(JSON.parse(changes[0]?.after ?? '{}')).toMatchObject({ code: NEW_CLINIC, name: 'テスト内科医院', administrator: { staffId: 'M0001', facilityAdmin: true } });
    expect(changes[0]?.after).not.toMatch(/password|totp|token/i);
    expect(await facilityLog(NEW_CLINIC)).toEqual(expect.arrayContaining([expect.objectContaining({ actorSubject: 'operator:A0001', category: 'ADMINISTRATION', decision: 'ALLOW', reason: 'REGISTER_FACILITY' })]));

    // The administrator cannot log in before enrolling; a wrong first code does not enroll; the link works once.
    const enrollmentToken = result?.administrator.enrollmentToken ?? '';
    const started = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>(START_ENROLLMENT, { t: enrollmentToken, p: 'short' });
    expect(started.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const first = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>(START_ENROLLMENT, { t: enrollmentToken, p: PASSWORD });
    const pendingSecret = new URL(first.body.data?.startStaffEnrollment.otpauthUri ?? 'x:').searchParams.get('secret') ?? '';
    expect((await login(NEW_CLINIC, 'M0001', pendingSecret, 0)).code).toBe('UNAUTHENTICATED');
    const wrong = await system.graphql(CONFIRM_ENROLLMENT, { t: enrollmentToken, c: '000000' === totpCode(pendingSecret, new Date()) ? '111111' : '000000' });
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOTP_WRONG' });
    adminSecret = await enroll(enrollmentToken);
    const reused = await system.graphql(START_ENROLLMENT, { t: enrollmentToken, p: PASSWORD });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ENROLLMENT_UNUSABLE' });
    const loggedIn = await login(NEW_CLINIC, 'M0001', adminSecret);
    expect(loggedIn.code).toBeUndefined();
    adminToken = loggedIn.token ?? '';
  });

  test('readers: the operator only, for a registered facility, with a public Ed25519 key only', async () => {
    const { publicJwk, privateJwk } = await newReaderKeyPair();
    const key = JSON.stringify(publicJwk);
    for (const [who, actorToken] of [['facility admin', adminToken], ['doctor', await token('clinic-doctor')], ['insurer', await token('insurer-kyokai')]] as const) {
      const refused = await system.graphql(REGISTER_READER, { f: NEW_CLINIC, k: key }, actorToken);
      expect([who, refused.body.errors?.[0]?.extensions]).toEqual([who, expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' })]);
    }
    const unknown = await system.graphql(REGISTER_READER, { f: UNREGISTERED, k: key }, await token('admin'));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badCode = await system.graphql(REGISTER_READER, { f: `${NEW_CLINIC.slice(0, 9)}${(Number(NEW_CLINIC.charAt(9)) + 1) % 10}`, k: key }, await token('admin'));
    expect(badCode.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilityCode' });
    for (const bad of [JSON.stringify(privateJwk), '{"kty":"RSA","n":"x","e":"AQAB"}', 'not json']) {
      const refused = await system.graphql(REGISTER_READER, { f: NEW_CLINIC, k: bad }, await token('admin'));
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicKeyJwk' });
    }
    expect((await changesOf(NEW_CLINIC)).filter((c) => c.action === 'REGISTER_READER')).toEqual([]);
    const denials = (await facilityLog(NEW_CLINIC)).filter((row) => row.reason === 'REGISTER_READER:NOT_OPERATOR');
    expect(denials.map((row) => row.actorRole).sort()).toEqual(['DOCTOR', 'INSURER', 'RECEPTION']);

    const registered = await system.graphql<{ registerCardReader: { id: string; status: string } }>(REGISTER_READER, { f: NEW_CLINIC, k: key }, await token('admin'));
    expect(registered.body.data?.registerCardReader.status).toBe('ACTIVE');
    reader = { readerId: registered.body.data?.registerCardReader.id ?? '', facilityCode: NEW_CLINIC, privateJwk };
    const listed = await system.graphql<{ facilityReaders: Array<{ id: string; status: string }> }>('{ facilityReaders { id status } }', {}, adminToken);
    expect(listed.body.data?.facilityReaders).toEqual([{ id: reader.readerId, status: 'ACTIVE' }]);
    // Another facility's staff see nothing of this facility's readers.
    const other = await system.graphql('{ facilityReaders { id } }', {}, await token('clinic-reception'));
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FACILITY_ADMIN' });
    expect(other.text).not.toContain(reader.readerId);
  });

  test('the administrator enrolls a doctor of their own facility only; the doctor enrolls TOTP and logs in; a patient consents at the new reader; the doctor reads her drugs', async () => {
    // Staff who are not this facility's administrator cannot enroll anyone, and nothing is stored.
    for (const account of ['clinic-doctor', 'clinic-reception', 'insurer-kyokai', 'yamada']) {
      const refused = await system.graphql(ENROLL, { id: 'X0001', name: '侵入 者', role: 'DOCTOR' }, await token(account));
      expect([account, refused.body.errors?.[0]?.extensions]).toEqual([account, expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_FACILITY_ADMIN' })]);
    }
    const badRole = await system.graphql(ENROLL, { id: 'D0001', name: '歯科 医師', role: 'DENTIST' }, adminToken);
    expect(badRole.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const asAdmin = await system.graphql(ENROLL, { id: 'D0001', name: '管理 者', role: 'ADMIN' }, adminToken);
    expect(asAdmin.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    // A role outside the Role enum (docs/api-guide.md "Enums") never reaches the service: refused by validation, as a
    // variable or written into the document, with a catalogued code and no data.
    const unknownRoleAsVariable = await system.graphql(ENROLL, { id: 'D0001', name: '外科 医', role: 'SURGEON' }, adminToken);
    expect(unknownRoleAsVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownRoleAsVariable.body.data ?? null).toBeNull();
    const unknownRoleInline = await system.graphql('mutation { enrollStaff(staffId: "D0001", displayName: "外科 医", role: SURGEON) { enrollmentToken } }', {}, adminToken);
    expect(unknownRoleInline.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknownRoleInline.body.data ?? null).toBeNull();
    expect(`${unknownRoleAsVariable.text}${unknownRoleInline.text}`).not.toMatch(/enrollmentToken"|at .*\.ts:\d+/);
    const staffBefore = await system.graphql<{ facilityStaff: Array<{ staffId: string }> }>('{ facilityStaff { staffId } }', {}, adminToken);
    expect(staffBefore.body.data?.facilityStaff.map((s) => s.staffId)).toEqual(['M0001']);

    const enrolled = await system.graphql<{ enrollStaff: { enrollmentToken: string; staff: Record<string, unknown> } }>(ENROLL, { id: 'D0001', name: '新規 医師', role: 'DOCTOR' }, adminToken);
    expect(enrolled.body.errors).toBeUndefined();
    expect(enrolled.body.data?.enrollStaff.staff).toEqual({ staffId: 'D0001', role: 'DOCTOR', enrolled: false, facilityCode: NEW_CLINIC });
    const duplicate = await system.graphql(ENROLL, { id: 'D0001', name: '別人', role: 'DOCTOR' }, adminToken);
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_STAFF_ID' });
    const doctorSecret = await enroll(enrolled.body.data?.enrollStaff.enrollmentToken ?? '');
    const doctor = await login(NEW_CLINIC, 'D0001', doctorSecret);
    expect(doctor.code).toBeUndefined();

    const patient = system.patient(4);
    // Before the patient's visit the new clinic cannot find her.
    const before = await system.graphql('query($id: ID!) { patient(id: $id) { dispensings(first: 5) { edges { node { drugName } } } } }', { id: patient.id }, doctor.token);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const visit = await readerVisit(call, system.demo, reader, patient.cardSerial, { drug: true, checkup: false });
    expect(visit.consents.map((c) => c.category)).toEqual(['DRUG']);
    const drugs = await system.graphql<{ patient: { dispensings: { edges: Array<{ node: { drugName: string } }> } } }>(
      'query($id: ID!) { patient(id: $id) { dispensings(first: 5) { edges { node { drugName } } } } }', { id: patient.id }, doctor.token);
    expect(drugs.body.errors).toBeUndefined();
    expect(drugs.body.data?.patient.dispensings.edges.length).toBeGreaterThan(0);

    // Another facility's administrator cannot disable this doctor (their own facility has no D0001 of ours).
    const registeredDental = await system.graphql<{ registerFacility: { administrator: { enrollmentToken: string } } }>(REGISTER_FACILITY, facilityInput(NEW_DENTAL, { name: 'テスト歯科' }), await token('admin'));
    const dentalSecret = await enroll(registeredDental.body.data?.registerFacility.administrator.enrollmentToken ?? '');
    const dentalAdmin = await login(NEW_DENTAL, 'M0001', dentalSecret);
    const foreign = await system.graphql(DISABLE, { id: 'D0001' }, dentalAdmin.token);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreignList = await system.graphql<{ facilityStaff: Array<{ staffId: string; facilityCode: string }> }>('{ facilityStaff { staffId facilityCode } }', {}, dentalAdmin.token);
    expect(foreignList.body.data?.facilityStaff).toEqual([{ staffId: 'M0001', facilityCode: NEW_DENTAL }]);
    expect((await changesOf(NEW_CLINIC)).filter((c) => c.action === 'DISABLE_STAFF')).toEqual([]);

    // The own administrator disables the doctor: the next login is refused; before/after are kept.
    const disabled = await system.graphql<{ disableStaff: { disabledAt: string | null } }>(DISABLE, { id: 'D0001' }, adminToken);
    expect(disabled.body.data?.disableStaff.disabledAt).toEqual(expect.any(String));
    expect((await login(NEW_CLINIC, 'D0001', doctorSecret, 0)).code).toBe('UNAUTHENTICATED');
    const changes = await changesOf(NEW_CLINIC);
    expect(changes.map((c) => c.action)).toEqual(['DISABLE_STAFF', 'ENROLL_STAFF', 'REGISTER_READER', 'REGISTER_FACILITY']);
    const disable = changes[0];
    expect(JSON.parse(disable?.before ?? '{}')).toMatchObject({ staffId: 'D0001', disabledAt: null });
    expect(JSON.parse(disable?.after ?? '{}')).toMatchObject({ staffId: 'D0001', disabledAt: expect.any(String) });
    expect(disable?.actorSubject).toBe(`${NEW_CLINIC}:M0001`);
    const log = await facilityLog(NEW_CLINIC);
    // One ALLOW entry per change, by the same actor.
    const allowed = log.filter((row) => row.decision === 'ALLOW').map((row) => `${row.reason} ${row.actorSubject}`).sort();
    expect(allowed).toEqual(changes.map((change) => `${change.action} ${change.actorSubject}`).sort());
    // The refused enrollments are logged under the facility the actor tried to act for: their own, or none.
    const refusedEnrollments = [...await facilityLog(DEMO_CLINIC.code), ...await facilityLog(null)].filter((row) => row.reason === 'ENROLL_STAFF:NOT_FACILITY_ADMIN');
    expect(refusedEnrollments.map((row) => row.actorRole).sort()).toEqual(['DOCTOR', 'INSURER', 'PATIENT', 'RECEPTION']);
  });

  test('a suspended reader of the new clinic gets no challenge and its pending statement is refused; retired is final', async () => {
    const patient = system.patient(6);
    const challenge = await startReaderChallenge(call, reader, patient.cardSerial);
    const statement = await signReaderStatement(reader, {
      challengeId: challenge.challengeId, cardSerial: patient.cardSerial, cardSignature: signWithDemoPatientCard(system.demo.seed, patient.cardSerial, challenge.challenge),
      method: 'FACE', result: { faceMatch: true }, consent: { drug: true, checkup: true },
    });
    const byAdmin = await system.graphql(SET_READER, { r: reader.readerId, s: 'SUSPENDED' }, adminToken);
    expect(byAdmin.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    await system.graphql(SET_READER, { r: reader.readerId, s: 'SUSPENDED' }, await token('admin'));
    expect((await submitStatement(call, statement)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READER_NOT_ACTIVE' });
    const noChallenge = await system.graphql('mutation($r: ID!, $s: String!) { startReaderVerification(readerId: $r, cardSerial: $s) { challengeId } }', { r: reader.readerId, s: patient.cardSerial });
    expect(noChallenge.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READER_NOT_ACTIVE' });
    await system.graphql(SET_READER, { r: reader.readerId, s: 'RETIRED' }, await token('admin'));
    const back = await system.graphql(SET_READER, { r: reader.readerId, s: 'ACTIVE' }, await token('admin'));
    expect(back.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A status outside the CardReaderStatus enum never reaches the service: refused by validation, nothing recorded.
    const unknownStatus = await system.graphql(SET_READER, { r: reader.readerId, s: 'BROKEN' }, await token('admin'));
    expect(unknownStatus.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownStatus.body.data ?? null).toBeNull();
    const statusChanges = (await changesOf(NEW_CLINIC)).filter((c) => c.action === 'SET_READER_STATUS');
    expect(statusChanges.map((c) => [JSON.parse(c.before ?? '{}').status, JSON.parse(c.after ?? '{}').status])).toEqual([['SUSPENDED', 'RETIRED'], ['ACTIVE', 'SUSPENDED']]);
  });
});

describe('the operator\'s facility directory: pages, search by name, code and prefecture, one facility by code', () => {
  const PAGE = 'query($first: Int!, $offset: Int, $search: String, $prefecture: String) { onboardedFacilities(first: $first, offset: $offset, search: $search, prefecture: $prefecture) { code name prefecture } onboardedFacilityCount(search: $search, prefecture: $prefecture) }';
  const ONE = 'query($c: String!) { onboardedFacility(code: $c) { code name kind prefecture hospital } }';
  type Page = { onboardedFacilities: Array<{ code: string; name: string; prefecture: string }>; onboardedFacilityCount: number };
  const page = async (variables: Record<string, unknown>) => system.graphql<Page>(PAGE, variables, await token('admin'));
  const demo = () => demoFacilities(system.demo.seed);

  test.each([['yamada', 'PATIENT'], ['clinic-doctor', 'DOCTOR'], ['insurer-kyokai', 'INSURER']])('%s is refused, no facility out, the refusal is logged', async (account, role) => {
    for (const [query, variables] of [[PAGE, { first: 10, search: 'クリニック' }], [ONE, { c: DEMO_CLINIC.code }]] as const) {
      const result = await system.graphql(query, variables, await token(account));
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
      expect(result.body.data ?? null).toBeNull();
      expect(result.text).not.toContain(DEMO_CLINIC.name);
    }
    expect(await facilityLog(null)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, decision: 'DENY', reason: 'VIEW_FACILITIES:NOT_OPERATOR' })]));
    expect(await facilityLog(DEMO_CLINIC.code)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, decision: 'DENY', reason: 'VIEW_FACILITIES:NOT_OPERATOR' })]));
  });

  test('pages of `first` from `offset` cover every facility once, newest first; the count agrees; `first` alone still works', async () => {
    const all = (await page({ first: 500 })).body.data;
    expect(all?.onboardedFacilityCount).toBe(all?.onboardedFacilities.length);
    expect(all?.onboardedFacilityCount).toBeGreaterThanOrEqual(demo().length);
    const pages: string[] = [];
    for (let offset = 0; offset < (all?.onboardedFacilityCount ?? 0); offset += 10) {
      const result = await page({ first: 10, offset });
      expect(result.body.errors).toBeUndefined();
      pages.push(...(result.body.data?.onboardedFacilities.map((f) => f.code) ?? []));
    }
    expect(pages).toEqual(all?.onboardedFacilities.map((f) => f.code));
    expect((await page({ first: 10, offset: 10_000 })).body.data?.onboardedFacilities).toEqual([]);
    const legacy = await system.graphql<{ onboardedFacilities: Array<{ code: string }> }>('{ onboardedFacilities(first: 3) { code } }', {}, await token('admin'));
    expect(legacy.body.data?.onboardedFacilities.map((f) => f.code)).toEqual(pages.slice(0, 3));
  });

  test('search: part of the name (full-width as half-width), the start of the code, a prefecture; LIKE wildcards match themselves', async () => {
    const byName = (await page({ first: 500, search: DEMO_PHARMACY.name.slice(0, 3) })).body.data;
    expect(byName?.onboardedFacilities.map((f) => f.code)).toContain(DEMO_PHARMACY.code);
    expect(byName?.onboardedFacilities.every((f) => f.name.includes(DEMO_PHARMACY.name.slice(0, 3)))).toBe(true);
    const byCode = (await page({ first: 500, search: DEMO_CLINIC.code.slice(0, 7) })).body.data;
    expect(byCode?.onboardedFacilities.map((f) => f.code)).toContain(DEMO_CLINIC.code);
    expect(byCode?.onboardedFacilities.every((f) => f.code.startsWith(DEMO_CLINIC.code.slice(0, 7)))).toBe(true);
    const fullWidth = (await page({ first: 500, search: DEMO_CLINIC.code.slice(0, 7).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) })).body.data;
    expect(fullWidth?.onboardedFacilities).toEqual(byCode?.onboardedFacilities);
    const osaka = (await page({ first: 500, prefecture: '27' })).body.data;
    expect(osaka?.onboardedFacilities.length).toBe(osaka?.onboardedFacilityCount);
    expect(osaka?.onboardedFacilities.every((f) => f.prefecture === '27')).toBe(true);
    expect(osaka?.onboardedFacilityCount).toBeGreaterThanOrEqual(demo().filter((f) => f.prefecture === '27').length);
    const both = (await page({ first: 500, prefecture: '13', search: DEMO_CLINIC.name })).body.data;
    expect(both?.onboardedFacilities.map((f) => f.code)).toEqual([DEMO_CLINIC.code]);
    for (const wildcard of ['%', '_', '\\']) expect((await page({ first: 500, search: wildcard })).body.data?.onboardedFacilityCount).toBe(0);
    const one = await system.graphql<{ onboardedFacility: { code: string; name: string } }>(ONE, { c: DEMO_CLINIC.code }, await token('admin'));
    expect(one.body.data?.onboardedFacility).toMatchObject({ code: DEMO_CLINIC.code, name: DEMO_CLINIC.name });
  });

  test.each([
    ['first 0', { first: 0 }, 'first'],
    ['first 501', { first: 501 }, 'first'],
    ['a negative offset', { first: 10, offset: -1 }, 'offset'],
    ['a search of 101 characters', { first: 10, search: 'あ'.repeat(101) }, 'search'],
    ['prefecture 48', { first: 10, prefecture: '48' }, 'prefecture'],
    ['prefecture "1"', { first: 10, prefecture: '1' }, 'prefecture'],
  ])('%s: BAD_USER_INPUT naming the field, no facility out', async (_label, variables, field) => {
    const result = await page(variables);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.body.data ?? null).toBeNull();
  });

  test('one facility: an unregistered or malformed code is NOT_FOUND', async () => {
    for (const code of [UNREGISTERED, 'x'.repeat(200)]) {
      const result = await system.graphql(ONE, { c: code }, await token('admin'));
      expect(result.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(result.body.data ?? null).toBeNull();
    }
  });
});
