/**
 * Insurers and their operator accounts are registered, not seeded (docs/operations.md "Registering an
 * insurer"). The attacker's tests first: every caller but the operator refused, logged, nothing stored; bad numbers
 * (check digit, length, 法別番号, kind or prefecture other than the number's), a duplicate number and a staff ID
 * already used, each a BAD_USER_INPUT naming the field with nothing stored. Then the way through: the operator
 * registers an insurer, its account enrolls TOTP through the one-time link and logs in, records a member's 資格取得
 * (qualifications knows the insurer's name) and reads that member — and not another insurer's.
 */
import { INSURER_MASTER_PATH, INTERNAL_SECRET_HEADER, withCheckDigit } from '@onshi/kit';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
const tokens: Record<string, string> = {};
async function token(account: string): Promise<string> {
  tokens[account] ??= await system.token(account);
  return tokens[account];
}

beforeAll(async () => {
  system = await startTestSystem({ patients: 12 });
});
afterAll(async () => {
  await system?.stop();
});

/** Numbers no demo insurer has: 横浜市国保 (6 digits) and a 健保組合 in 神奈川 (法別 06). */
const NEW_KOKUHO = withCheckDigit('14100');
const NEW_KUMIAI = withCheckDigit('0614999');
const PASSWORD = 'correct horse battery staple';

const REGISTER = `mutation($number: String!, $name: String!, $kind: InsurerKind, $prefecture: String, $adminId: String!, $adminName: String!) {
  registerInsurer(number: $number, name: $name, kind: $kind, prefecture: $prefecture, administratorStaffId: $adminId, administratorName: $adminName) {
    insurer { number name kind prefecture } administrator { enrollmentToken expiresAt staff { staffId role enrolled facilityCode } } } }`;
const START_ENROLLMENT = 'mutation($t: String!, $p: String!) { startStaffEnrollment(enrollmentToken: $t, password: $p) { otpauthUri staffId } }';
const CONFIRM_ENROLLMENT = 'mutation($t: String!, $c: String!) { confirmStaffEnrollment(enrollmentToken: $t, totp: $c) { staffId enrolled } }';
const STAFF_LOGIN = 'mutation($s: String!, $p: String!, $t: String!) { staffLogin(staffId: $s, password: $p, totp: $t) { accessToken } }';
const QUALIFICATION_FIELDS = 'id insurerNumber insurerName insuredIdentificationNumber qualificationDate';
const PERSON = `query($id: ID!) { patient(id: $id) { id name qualifications { ${QUALIFICATION_FIELDS} } } }`;

function input(number: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { number, name: '横浜市国民健康保険', adminId: 'I1401', adminName: '横浜市 国保係', ...overrides };
}

async function registeredNumbers(): Promise<string[]> {
  const result = await system.graphql<{ insurers: Array<{ number: string }> }>('{ insurers(first: 500) { number } }', {}, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.insurers.map((i) => i.number) ?? [];
}
async function changesOf(number: string): Promise<Array<{ action: string; target: string; after: string | null; actorSubject: string }>> {
  const result = await system.graphql<{ insurerChanges: Array<{ action: string; target: string; after: string | null; actorSubject: string }> }>(
    'query($n: String!) { insurerChanges(number: $n, first: 500) { action target after actorSubject } }', { n: number }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.insurerChanges ?? [];
}
interface LogRow { actorRole: string; actorSubject: string; category: string; decision: string; reason: string }
async function logOf(owner: string): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 500) { actorRole actorSubject category decision reason } }', { p: owner }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}

describe('registerInsurer: the operator only', () => {
  test.each([['yamada', 'PATIENT'], ['clinic-doctor', 'DOCTOR'], ['insurer-kyokai', 'INSURER']])('%s is refused, nothing is stored, the refusal is logged', async (account, role) => {
    const result = await system.graphql(REGISTER, input(NEW_KOKUHO), await token(account));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(result.body.data ?? null).toBeNull();
    expect(result.text).not.toContain('enrollmentToken');
    expect(await registeredNumbers()).not.toContain(NEW_KOKUHO);
    expect(await changesOf(NEW_KOKUHO)).toEqual([]);
    expect(await logOf('nation')).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, category: 'ADMINISTRATION', decision: 'DENY', reason: 'REGISTER_INSURER:NOT_OPERATOR' })]));
  });

  test('an insurer cannot list the insurers either: refused and logged', async () => {
    const result = await system.graphql('{ insurers { number name } }', {}, await token('insurer-kokuho'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(result.text).not.toContain('千代田区');
    expect(await logOf('nation')).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: 'INSURER', decision: 'DENY', reason: 'VIEW_INSURERS:NOT_OPERATOR' })]));
  });

  test('without a token: UNAUTHENTICATED, nothing stored', async () => {
    const result = await system.graphql(REGISTER, input(NEW_KOKUHO));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await registeredNumbers()).not.toContain(NEW_KOKUHO);
  });
});

describe('registerInsurer: bad input, a clear code, nothing stored', () => {
  const wrongDigit = `${NEW_KOKUHO.slice(0, 5)}${(Number(NEW_KOKUHO.charAt(5)) + 1) % 10}`;
  test.each([
    ['a wrong check digit', { number: wrongDigit }, 'number'],
    ['7 digits', { number: withCheckDigit('141000') }, 'number'],
    ['法別番号 05 (no health insurer)', { number: withCheckDigit('0514999') }, 'number'],
    ['a kind other than the number\'s', { kind: 'KYOKAI' }, 'kind'],
    ['a prefecture other than the number\'s', { prefecture: '13' }, 'prefecture'],
    ['a 共済組合 without a prefecture (its number does not say it)', { number: withCheckDigit('3114999') }, 'prefecture'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a bad staff ID', { adminId: 'I 1401;drop' }, 'staffId'],
  ])('%s: BAD_USER_INPUT naming the field', async (_label, overrides, field) => {
    const before = await registeredNumbers();
    const result = await system.graphql(REGISTER, input(NEW_KOKUHO, overrides), await token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.body.data ?? null).toBeNull();
    expect(await registeredNumbers()).toEqual(before);
  });

  test('a kind outside the InsurerKind enum (docs/api-guide.md "Enums") is refused by validation; nothing stored', async () => {
    const before = await registeredNumbers();
    const result = await system.graphql(REGISTER, input(NEW_KOKUHO, { kind: 'MUTUAL' }), await token('admin'));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.data ?? null).toBeNull();
    expect(await registeredNumbers()).toEqual(before);
  });

  test('a number already registered (a demo insurer) is DUPLICATE_INSURER; nothing changes', async () => {
    const result = await system.graphql(REGISTER, input('131011', { name: '乗っ取り国保', adminId: 'I9999' }), await token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_INSURER' });
    expect(await changesOf('131011')).toEqual([]);
  });

  test('a staff ID an operator or insurer already logs in with is DUPLICATE_STAFF_ID, and the insurer is not registered', async () => {
    const result = await system.graphql(REGISTER, input(NEW_KUMIAI, { name: 'テスト健康保険組合', adminId: 'A0001' }), await token('admin'));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_STAFF_ID' });
    expect(await registeredNumbers()).not.toContain(NEW_KUMIAI);
    expect(await changesOf(NEW_KUMIAI)).toEqual([]);
  });
});

describe('a registered insurer logs in and works with its own members only', () => {
  let insurerToken = '';

  test('the operator registers it: kind and prefecture from the number, change and log written', async () => {
    const result = await system.graphql<{ registerInsurer: { insurer: Record<string, string>; administrator: { enrollmentToken: string; staff: { staffId: string; role: string; enrolled: boolean } } } }>(
      REGISTER, input(NEW_KOKUHO), await token('admin'));
    expect(result.body.errors).toBeUndefined();
    const registered = result.body.data?.registerInsurer;
    expect(registered?.insurer).toEqual({ number: NEW_KOKUHO, name: '横浜市国民健康保険', kind: 'KOKUHO', prefecture: '14' });
    expect(registered?.administrator.staff).toMatchObject({ staffId: 'I1401', role: 'INSURER', enrolled: false });
    expect(await registeredNumbers()).toContain(NEW_KOKUHO);
    const [change] = await changesOf(NEW_KOKUHO);
    expect(change).toMatchObject({ action: 'REGISTER_INSURER', target: NEW_KOKUHO, actorSubject: 'operator:A0001' });
    expect(change?.after).not.toContain(registered?.administrator.enrollmentToken ?? '-');
    expect(await logOf(`insurer:${NEW_KOKUHO}`)).toEqual([expect.objectContaining({ actorRole: 'ADMIN', category: 'ADMINISTRATION', decision: 'ALLOW', reason: 'REGISTER_INSURER' })]);

    // Before the enrollment the account cannot log in (answered as a wrong password).
    const early = await system.graphql(STAFF_LOGIN, { s: 'I1401', p: PASSWORD, t: '000000' });
    expect(early.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const started = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>(START_ENROLLMENT, { t: registered?.administrator.enrollmentToken, p: PASSWORD });
    expect(started.body.errors).toBeUndefined();
    const secret = new URL(started.body.data?.startStaffEnrollment.otpauthUri ?? '').searchParams.get('secret') ?? '';
    const confirmed = await system.graphql(CONFIRM_ENROLLMENT, { t: registered?.administrator.enrollmentToken, c: totpCode(secret, new Date()) });
    expect(confirmed.body.errors).toBeUndefined();
    const login = await system.graphql<{ staffLogin: { accessToken: string } }>(STAFF_LOGIN, { s: 'I1401', p: PASSWORD, t: totpCode(secret, new Date(Date.now() + 30_000)) });
    expect(login.body.errors).toBeUndefined();
    insurerToken = login.body.data?.staffLogin.accessToken ?? '';
    expect(insurerToken).not.toBe('');
  });

  test('it records a member\'s 資格取得 and reads that member, with its registered name from qualifications', async () => {
    const member = system.patient(3);
    const acquired = await system.graphql<{ registerQualification: { insurerNumber: string; insurerName: string } }>(
      `mutation($l: String!, $q: QualificationInput!) { registerQualification(linkageNumber: $l, qualification: $q) { ${QUALIFICATION_FIELDS} } }`,
      { l: member.linkageNumber, q: { insuredCardSymbol: '', insuredIdentificationNumber: '14000001', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: system.demo.asOf, insuredPartialContributionRatio: '030' } },
      insurerToken);
    expect(acquired.body.errors).toBeUndefined();
    expect(acquired.body.data?.registerQualification).toMatchObject({ insurerNumber: NEW_KOKUHO, insurerName: '横浜市国民健康保険' });
    const read = await system.graphql<{ patient: { qualifications: Array<{ insurerNumber: string }> } }>(PERSON, { id: member.id }, insurerToken);
    expect(read.body.errors).toBeUndefined();
    // Its own coverage period only: nothing of the person's other insurers.
    expect(read.body.data?.patient.qualifications.map((q) => q.insurerNumber)).toEqual([NEW_KOKUHO]);
  });

  test('another insurer\'s member is not readable: refused like an unknown id, no data, logged', async () => {
    const other = system.patient(5);
    expect(other.coverages.some((c) => c.insurerNumber === NEW_KOKUHO)).toBe(false);
    const read = await system.graphql(PERSON, { id: other.id }, insurerToken);
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(read.body.data?.patient ?? null).toBeNull();
    expect(read.text).not.toContain(other.name);
    for (const coverage of other.coverages) expect(read.text).not.toContain(coverage.insuredIdentificationNumber);
    const log = await system.graphql<{ patient: { accessLog: LogRow[] } }>('query($id: ID!) { patient(id: $id) { accessLog(first: 200) { actorRole actorSubject category decision reason } } }', { id: other.id }, await token('admin'));
    expect(log.body.data?.patient.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ actorSubject: `${NEW_KOKUHO}:I1401`, category: 'QUALIFICATION', decision: 'DENY' })]));
  });

  test('nor can it use the operator\'s registry: registering another insurer is refused', async () => {
    const result = await system.graphql(REGISTER, input(NEW_KUMIAI, { name: 'テスト健康保険組合', adminId: 'I1402' }), insurerToken);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(await registeredNumbers()).not.toContain(NEW_KUMIAI);
  });
});

describe('a registration half done: qualifications\' master written, consent\'s commit failed', () => {
  test('registering again converges: the insurer is registered in consent once, and the master holds the name registered', async () => {
    const number = withCheckDigit('0614998');
    // The first attempt's last step reached qualifications, then consent's transaction failed (services/operator/insurers.ts).
    const halfDone = await fetch(new URL(INSURER_MASTER_PATH, system.urls.qualifications), {
      method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret },
      body: JSON.stringify({ number, name: '旧名 健康保険組合', kind: 'KUMIAI', prefecture: '14' }),
    });
    expect(halfDone.status).toBe(200);
    expect(await registeredNumbers()).not.toContain(number);
    const again = await system.graphql<{ registerInsurer: { insurer: { number: string; name: string } } }>(REGISTER, input(number, { name: '神奈川テスト健康保険組合', adminId: 'I1403' }), await token('admin'));
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.registerInsurer.insurer).toMatchObject({ number, name: '神奈川テスト健康保険組合' });
    expect((await registeredNumbers()).filter((n) => n === number)).toEqual([number]);
    const master = await system.graphql<{ insurer: { name: string } }>('query($n: String!) { insurer(number: $n) { name } }', { n: number }, await token('admin'));
    expect(master.body.data?.insurer.name).toBe('神奈川テスト健康保険組合');
    expect((await changesOf(number)).map((change) => change.action)).toEqual(['REGISTER_INSURER']);
  });
});
