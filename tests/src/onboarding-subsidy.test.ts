/**
 * Onboarding, subsidy and rollout (docs/operations.md "Subsidy (医療情報化支援基金)"): the 医療情報化支援基金 application of a facility after going live, the operator's review
 * and payment, and the rollout dashboard, through the real system (real servers, real HTTP, real DB). The attacks
 * first — another facility's administrator, staff, patient, insurer, the facility approving itself, paying before
 * approval, approving twice — each refused with its code, no data out, and the refusal in the access log; bad input
 * refused with its field and nothing stored; the computed amounts at the caps of each row of the rule table
 * (docs/operations.md "Subsidy (医療情報化支援基金)"); a new clinic counted live after its first reader verification.
 */
import { japanDate, withCheckDigit } from '@onshi/kit';
import { DEMO_CLINIC, demoFacilities } from '@onshi/demo';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { newReaderKeyPair, type ReaderKey } from '@onshi/platform/readerStatement';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { AS_OF, startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
let call: GraphQLCall;
const tokens: Record<string, string> = {};
async function token(account: string): Promise<string> {
  tokens[account] ??= await system.token(account);
  return tokens[account];
}

const PASSWORD = 'correct horse battery staple';
/** Codes no demo facility has: an Osaka clinic, a Tokyo hospital, two Kanagawa pharmacies (one of a large chain). */
const FACILITIES = {
  clinic: { code: withCheckDigit('271069001'), kind: 'MEDICAL', hospital: false, name: '補助テスト内科' },
  hospital: { code: withCheckDigit('131069002'), kind: 'MEDICAL', hospital: true, name: '補助テスト病院' },
  pharmacy: { code: withCheckDigit('144069003'), kind: 'PHARMACY', hospital: false, name: '補助テスト薬局' },
  chain: { code: withCheckDigit('144069004'), kind: 'PHARMACY', hospital: false, name: '補助テストチェーン薬局' },
} as const;
type FacilityName = keyof typeof FACILITIES;
const adminTokens = {} as Record<FacilityName, string>;

const APPLY = `mutation($s: Int!, $n: Int!, $r: Int!, $o: Int!, $b: Int!, $d: String!, $chain: Boolean) {
  applyForSubsidy(systemCost: $s, networkCost: $n, readerCost: $r, otherCost: $o, readersBought: $b, wentLiveOn: $d, largeChainPharmacy: $chain) {
    id facilityCode category ruleVersion subsidyAmount status } }`;
const FIELDS = 'id facilityCode facilityName category subsidyAmount status rejectionReason reviewedAt paidAt';
const MINE = `{ mySubsidyApplications { ${FIELDS} } }`;
const ONE = `query($id: ID!) { subsidyApplication(id: $id) { ${FIELDS} } }`;
const LIST = `query($s: SubsidyStatus) { subsidyApplications(status: $s, first: 500) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveSubsidy(id: $id) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectSubsidy(id: $id, reason: $reason) { ${FIELDS} } }`;
const PAY = `mutation($id: ID!) { markSubsidyPaid(id: $id) { ${FIELDS} } }`;
const DASHBOARD = '{ rolloutDashboard { registered live byPrefecture { key registered live } byKind { key registered live } monthly { month registered live targetPercent } readersPerFacility { readers facilities } } }';

interface Application { id: string; facilityCode: string; category: string; subsidyAmount: number; status: string; rejectionReason: string | null; paidAt: string | null }
interface LogRow { actorRole: string; actorSubject: string; decision: string; reason: string }

function costs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { s: 300_000, n: 100_000, r: 0, o: 29_000, b: 1, d: AS_OF, chain: false, ...overrides };
}
/** The access log of admin actions about a facility, or (null) about none: `nation`, where an actor without a facility's refusals go. */
async function facilityLog(code: string | null): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 500) { actorRole actorSubject decision reason } }', { p: code ? `facility:${code}` : 'nation' }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}
async function changesOf(code: string): Promise<Array<{ action: string; before: string | null; after: string | null }>> {
  const result = await system.graphql<{ adminChanges: Array<{ action: string; before: string | null; after: string | null }> }>('query($f: String!) { adminChanges(facilityCode: $f, first: 500) { action before after } }', { f: code }, await token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.adminChanges ?? [];
}
async function mine(name: FacilityName): Promise<Application[]> {
  const result = await system.graphql<{ mySubsidyApplications: Application[] }>(MINE, {}, adminTokens[name]);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.mySubsidyApplications ?? [];
}
async function apply(name: FacilityName, overrides: Record<string, unknown> = {}): Promise<Application> {
  const result = await system.graphql<{ applyForSubsidy: Application }>(APPLY, costs(overrides), adminTokens[name]);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.applyForSubsidy as Application;
}

/** The operator registers the facility; its administrator completes the enrollment link and logs in. */
async function registerWithAdministrator(name: FacilityName): Promise<string> {
  const f = FACILITIES[name];
  const registered = await system.graphql<{ registerFacility: { administrator: { enrollmentToken: string } } }>(
    `mutation($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!) {
      registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: "M0001", administratorName: "施設 管理者") { administrator { enrollmentToken } } }`,
    { code: f.code, name: f.name, kind: f.kind, prefecture: f.code.slice(0, 2), hospital: f.hospital }, await token('admin'));
  expect(registered.body.errors).toBeUndefined();
  const link = registered.body.data?.registerFacility.administrator.enrollmentToken ?? '';
  const started = await system.graphql<{ startStaffEnrollment: { otpauthUri: string } }>('mutation($t: String!, $p: String!) { startStaffEnrollment(enrollmentToken: $t, password: $p) { otpauthUri } }', { t: link, p: PASSWORD });
  const secret = new URL(started.body.data?.startStaffEnrollment.otpauthUri ?? 'x:').searchParams.get('secret') ?? '';
  const confirmed = await system.graphql('mutation($t: String!, $c: String!) { confirmStaffEnrollment(enrollmentToken: $t, totp: $c) { enrolled } }', { t: link, c: totpCode(secret, new Date()) });
  expect(confirmed.body.errors).toBeUndefined();
  // The next 30 s step's code, so the confirming code is never reused.
  const login = await system.graphql<{ staffLogin: { accessToken: string } }>('mutation($f: String, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: "M0001", password: $p, totp: $t) { accessToken } }',
    { f: f.code, p: PASSWORD, t: totpCode(secret, new Date(Date.now() + 30_000)) });
  expect(login.body.errors).toBeUndefined();
  return login.body.data?.staffLogin.accessToken ?? '';
}

beforeAll(async () => {
  system = await startTestSystem({ patients: 12 });
  call = async (q, v, t) => (await system.graphql(q, v, t)).body;
  for (const name of Object.keys(FACILITIES) as FacilityName[]) adminTokens[name] = await registerWithAdministrator(name);
});
afterAll(async () => {
  await system?.stop();
});

describe('applying: the facility administrator, for their own facility, with valid input only', () => {
  test.each([
    ['a negative cost', { n: -1 }, 'networkCost'],
    ['a fractional yen amount', { s: 1.5 }, null],
    ['no cost at all', { s: 0, n: 0, o: 0 }, 'systemCost'],
    ['no reader', { b: 0 }, 'readersBought'],
    ['a go-live date in the future', { d: japanDate(new Date(Date.now() + 86_400_000)) }, 'wentLiveOn'],
    ['a go-live date that is no date', { d: '2026-02-30' }, 'wentLiveOn'],
    ['a clinic declaring itself a large chain pharmacy', { chain: true }, 'largeChainPharmacy'],
  ])('%s: refused with its field, nothing stored', async (_label, overrides, field) => {
    const result = await system.graphql(APPLY, costs(overrides), adminTokens.clinic);
    const extensions = result.body.errors?.[0]?.extensions ?? {};
    // A non-integer is refused by GraphQL itself (Int), before the resolver: still a clear code, never a 500.
    expect(extensions.code).toMatch(field ? /^BAD_USER_INPUT$/ : /^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    if (field) expect(extensions.field).toBe(field);
    expect(result.status).toBeLessThan(500);
    expect(result.body.data?.applyForSubsidy ?? null).toBeNull();
    expect(await mine('clinic')).toEqual([]);
    expect((await changesOf(FACILITIES.clinic.code)).filter((c) => c.action === 'APPLY_SUBSIDY')).toEqual([]);
  });

  test.each([['clinic-doctor', 'DOCTOR', DEMO_CLINIC.code], ['clinic-reception', 'RECEPTION', DEMO_CLINIC.code], ['yamada', 'PATIENT', null], ['insurer-kyokai', 'INSURER', null], ['admin', 'ADMIN', null]])('%s (no facility administrator) cannot apply: refused, logged', async (account, role, facility) => {
    const result = await system.graphql(APPLY, costs(), await token(account));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FACILITY_ADMIN' });
    expect(result.body.data ?? null).toBeNull();
    const asList = await system.graphql(MINE, {}, await token(account));
    expect(asList.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FACILITY_ADMIN' });
    expect(asList.text).not.toContain('subsidyAmount');
    const list = await system.graphql<{ subsidyApplications: Application[] }>(LIST, {}, await token('admin'));
    expect(list.body.data?.subsidyApplications.filter((a) => a.status === 'SUBMITTED' && a.facilityCode === FACILITIES.clinic.code)).toEqual([]);
    // Logged under the actor's own facility (or `nation` for an actor without one), like the other admin refusals.
    expect(await facilityLog(facility)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, decision: 'DENY', reason: 'APPLY_SUBSIDY:NOT_FACILITY_ADMIN' })]));
  });
});

describe('the amount at the cap of each row of the FY2020 rule table', () => {
  test('診療所: 3/4 of up to ¥429,000, capped at ¥321,000; a reader bought adds up to ¥99,000', async () => {
    const over = await apply('clinic', { s: 2_000_000, r: 150_000 });
    expect(over).toMatchObject({ category: 'CLINIC', ruleVersion: 'FY2020_ORIGINAL', status: 'SUBMITTED', subsidyAmount: 321_000 + 99_000 });
    const rejected = await system.graphql<{ rejectSubsidy: Application }>(REJECT, { id: over.id, reason: '領収書内訳書の添付がありません' }, await token('admin'));
    expect(rejected.body.data?.rejectSubsidy).toMatchObject({ status: 'REJECTED', rejectionReason: '領収書内訳書の添付がありません' });
    // Rejected: the facility may apply again. Below the ceiling: exactly 3/4, rounded down.
    const below = await apply('clinic', { s: 100_001, n: 0, o: 0 });
    expect(below.subsidyAmount).toBe(75_000);
    const open = await system.graphql(APPLY, costs(), adminTokens.clinic);
    expect(open.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'APPLICATION_OPEN' });
    expect((await mine('clinic')).map((a) => a.status)).toEqual(['SUBMITTED', 'REJECTED']);
  });

  test('病院: 1/2 of up to ¥2,101,000 / ¥2,002,000 / ¥1,903,000 with 1 / 2 / 3 readers, capped at ¥1,050,000 / ¥1,001,000 / ¥951,000', async () => {
    const amounts: number[] = [];
    for (const readers of [1, 2, 3, 4]) {
      const application = await apply('hospital', { s: 5_000_000, b: readers });
      amounts.push(application.subsidyAmount);
      expect(application.category).toBe('HOSPITAL');
      const rejected = await system.graphql(REJECT, { id: application.id, reason: 'テスト' }, await token('admin'));
      expect(rejected.body.errors).toBeUndefined();
    }
    expect(amounts).toEqual([1_050_000, 1_001_000, 951_000, 951_000]);
    // Three readers bought at ¥120,000 each: ¥99,000 each for the three the fund provides.
    expect((await apply('hospital', { s: 5_000_000, b: 3, r: 360_000 })).subsidyAmount).toBe(951_000 + 297_000);
  });

  test('薬局: 3/4, capped at ¥321,000; 大型チェーン薬局: 1/2, capped at ¥214,000', async () => {
    expect(await apply('pharmacy', { s: 1_000_000 })).toMatchObject({ category: 'PHARMACY', subsidyAmount: 321_000 });
    expect(await apply('chain', { s: 1_000_000, chain: true })).toMatchObject({ category: 'LARGE_CHAIN_PHARMACY', subsidyAmount: 214_000 });
  });
});

describe('reading: the facility its own, the operator all', () => {
  test('another facility\'s administrator cannot read an application by id: refused, no data out, logged under the owner', async () => {
    const [application] = await mine('pharmacy');
    const result = await system.graphql(ONE, { id: application?.id }, adminTokens.chain);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_FACILITY' });
    expect(result.body.data ?? null).toBeNull();
    expect(result.text).not.toContain(FACILITIES.pharmacy.code);
    expect(result.text).not.toContain('321000');
    expect(await facilityLog(FACILITIES.pharmacy.code)).toEqual(expect.arrayContaining([
      expect.objectContaining({ actorSubject: `${FACILITIES.chain.code}:M0001`, decision: 'DENY', reason: 'VIEW_SUBSIDY:NOT_OWN_FACILITY' })]));
    // Its own list holds only its own.
    expect((await mine('chain')).map((a) => a.facilityCode)).toEqual([FACILITIES.chain.code]);
    const own = await system.graphql<{ subsidyApplication: Application }>(ONE, { id: application?.id }, adminTokens.pharmacy);
    expect(own.body.data?.subsidyApplication.subsidyAmount).toBe(321_000);
  });

  test.each([['clinic-doctor', 'DOCTOR'], ['yamada', 'PATIENT'], ['insurer-kyokai', 'INSURER']])('%s cannot list applications: refused, logged', async (account, role) => {
    const result = await system.graphql(LIST, {}, await token(account));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(result.text).not.toContain(FACILITIES.pharmacy.code);
    expect(await facilityLog(null)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, decision: 'DENY', reason: 'VIEW_SUBSIDY:NOT_OPERATOR' })]));
  });
});

describe('review and payment: the operator only, in order', () => {
  test('staff, a patient, an insurer and the facility itself cannot approve: refused, unchanged, logged', async () => {
    const [application] = await mine('pharmacy');
    const id = application?.id ?? '';
    const attempts: Array<[string, string]> = [
      [await token('clinic-doctor'), 'DOCTOR'], [await token('clinic-reception'), 'RECEPTION'], [await token('yamada'), 'PATIENT'], [await token('insurer-kyokai'), 'INSURER'], [adminTokens.pharmacy, 'RECEPTION'],
    ];
    for (const [actorToken, role] of attempts) {
      for (const mutation of [APPROVE, PAY]) {
        const result = await system.graphql(mutation, { id }, actorToken);
        expect([role, result.body.errors?.[0]?.extensions]).toEqual([role, expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' })]);
        expect(result.body.data ?? null).toBeNull();
      }
    }
    expect((await mine('pharmacy'))[0]?.status).toBe('SUBMITTED');
    expect((await changesOf(FACILITIES.pharmacy.code)).map((c) => c.action)).not.toContain('REVIEW_SUBSIDY');
    const denials = (await facilityLog(FACILITIES.pharmacy.code)).filter((row) => row.reason === 'REVIEW_SUBSIDY:NOT_OPERATOR');
    expect(denials.map((row) => row.actorRole).sort()).toEqual(['DOCTOR', 'INSURER', 'PATIENT', 'RECEPTION', 'RECEPTION']);
    expect(denials.map((row) => row.actorSubject)).toContain(`${FACILITIES.pharmacy.code}:M0001`);
  });

  test('paying before approval and approving twice are refused (INVALID_STATE) and logged; approve then pay, with before/after', async () => {
    const [application] = await mine('pharmacy');
    const id = application?.id ?? '';
    const early = await system.graphql(PAY, { id }, await token('admin'));
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVALID_STATE' });
    expect((await mine('pharmacy'))[0]?.status).toBe('SUBMITTED');

    const approved = await system.graphql<{ approveSubsidy: Application }>(APPROVE, { id }, await token('admin'));
    expect(approved.body.data?.approveSubsidy).toMatchObject({ status: 'APPROVED', subsidyAmount: 321_000 });
    const twice = await system.graphql(APPROVE, { id }, await token('admin'));
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVALID_STATE' });
    const rejectApproved = await system.graphql(REJECT, { id, reason: '後から却下' }, await token('admin'));
    expect(rejectApproved.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVALID_STATE' });

    const paid = await system.graphql<{ markSubsidyPaid: Application }>(PAY, { id }, await token('admin'));
    expect(paid.body.data?.markSubsidyPaid).toMatchObject({ status: 'PAID', paidAt: expect.any(String) });
    const again = await system.graphql(PAY, { id }, await token('admin'));
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVALID_STATE' });
    // The facility sees its application's state.
    expect((await mine('pharmacy'))[0]?.status).toBe('PAID');

    const changes = (await changesOf(FACILITIES.pharmacy.code)).filter((c) => c.action.endsWith('_SUBSIDY'));
    expect(changes.map((c) => [c.action, JSON.parse(c.before ?? '{}').status ?? null, JSON.parse(c.after ?? '{}').status])).toEqual([
      ['PAY_SUBSIDY', 'APPROVED', 'PAID'], ['REVIEW_SUBSIDY', 'SUBMITTED', 'APPROVED'], ['APPLY_SUBSIDY', null, 'SUBMITTED'],
    ]);
    const log = await facilityLog(FACILITIES.pharmacy.code);
    expect(log.filter((row) => row.reason.endsWith('INVALID_STATE')).map((row) => row.reason).sort()).toEqual(['PAY_SUBSIDY:INVALID_STATE', 'PAY_SUBSIDY:INVALID_STATE', 'REVIEW_SUBSIDY:INVALID_STATE', 'REVIEW_SUBSIDY:INVALID_STATE']);
    expect(log.filter((row) => row.decision === 'ALLOW' && row.reason.endsWith('_SUBSIDY')).map((row) => `${row.reason} ${row.actorSubject}`)).toEqual(expect.arrayContaining([
      'PAY_SUBSIDY operator:A0001', 'REVIEW_SUBSIDY operator:A0001', `APPLY_SUBSIDY ${FACILITIES.pharmacy.code}:M0001`]));
  });

  test('an unknown application, a malformed id, a rejection without a reason: clear codes, nothing changed', async () => {
    const unknown = await system.graphql(APPROVE, { id: '00000000-0000-4000-8000-000000000000' }, await token('admin'));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await system.graphql(APPROVE, { id: "x' OR 1=1" }, await token('admin'));
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [application] = await mine('chain');
    const noReason = await system.graphql(REJECT, { id: application?.id, reason: '   ' }, await token('admin'));
    expect(noReason.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await mine('chain'))[0]?.status).toBe('SUBMITTED');
    const badStatus = await system.graphql(LIST, { s: 'LOST' }, await token('admin'));
    // A status outside the SubsidyStatus enum is refused by validation (docs/api-guide.md "Enums"): no list comes back.
    expect(badStatus.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badStatus.body.data ?? null).toBeNull();
  });
});

describe('rollout dashboard', () => {
  test.each([['clinic-doctor', 'DOCTOR'], ['yamada', 'PATIENT'], ['insurer-kyokai', 'INSURER']])('%s cannot read it: refused, no figures out, logged', async (account, role) => {
    const result = await system.graphql(DASHBOARD, {}, await token(account));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect(result.text).not.toContain('byPrefecture');
    expect(await facilityLog(null)).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: role, decision: 'DENY', reason: 'VIEW_ROLLOUT:NOT_OPERATOR' })]));
  });

  test('the demo world has a rollout history: its facilities registered in April 2020, most live along the schedule month by month, a few not yet', async () => {
    const result = await system.graphql<{ rolloutDashboard: { live: number; monthly: Array<{ month: string; registered: number | null; live: number | null }>; readersPerFacility: Array<{ readers: number; facilities: number }> } }>(DASHBOARD, {}, await token('admin'));
    expect(result.body.errors).toBeUndefined();
    const dashboard = result.body.data?.rolloutDashboard;
    const demoCount = demoFacilities(system.demo.seed).length;
    const at = (month: string) => dashboard?.monthly.find((m) => m.month === month);
    const share = (month: string) => (at(month)?.live ?? 0) / demoCount;
    // Every demo facility registered when the schedule began (the facilities this file registers came later).
    expect(at('2020-04')?.registered).toBe(demoCount);
    // Along the schedule (docs/domain.md "Rollout and subsidy, seed 1(1)"): about 60 % by March 2021, 90 % by March 2022.
    expect(Math.abs(share('2021-03') - 0.6)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(share('2022-03') - 0.9)).toBeLessThanOrEqual(0.05);
    // Nearly all by March 2023, but not all: a few demo facilities are still not live.
    expect(share('2023-03')).toBeGreaterThanOrEqual(0.9);
    expect(at('2023-03')?.live).toBeLessThan(demoCount);
    expect(dashboard?.live).toBeGreaterThanOrEqual(Math.ceil(demoCount * 0.9));
    // Counts rise month by month: never falling, and up in most of the first two years.
    const past = (dashboard?.monthly ?? []).filter((m) => m.live !== null).map((m) => m.live ?? 0);
    expect(past.every((live, i) => i === 0 || live >= (past[i - 1] ?? 0))).toBe(true);
    const firstTwoYears = past.slice(0, 24);
    expect(firstTwoYears.filter((live, i) => i > 0 && live > (firstTwoYears[i - 1] ?? 0)).length).toBeGreaterThanOrEqual(18);
    // Some facilities have no reader yet; the others one each.
    expect(dashboard?.readersPerFacility.find((r) => r.readers === 0)?.facilities).toBeGreaterThanOrEqual(1);
    expect(dashboard?.readersPerFacility.find((r) => r.readers === 1)?.facilities).toBeGreaterThanOrEqual(Math.ceil(demoCount * 0.9));
  });

  test('a new clinic is registered, not live; after its first verification at its reader it is live, in its prefecture, kind and month', async () => {
    type Dashboard = { registered: number; live: number; byPrefecture: Array<{ key: string; registered: number; live: number }>; byKind: Array<{ key: string; registered: number; live: number }>;
      monthly: Array<{ month: string; registered: number | null; live: number | null; targetPercent: number | null }>; readersPerFacility: Array<{ readers: number; facilities: number }>; };
    const read = async (): Promise<Dashboard> => {
      const result = await system.graphql<{ rolloutDashboard: Dashboard }>(DASHBOARD, {}, await token('admin'));
      expect(result.body.errors).toBeUndefined();
      return result.body.data?.rolloutDashboard as Dashboard;
    };
    const before = await read();
    const osaka = (d: Dashboard) => d.byPrefecture.find((p) => p.key === '27');
    const clinics = (d: Dashboard) => d.byKind.find((k) => k.key === 'MEDICAL_CLINIC');
    // This month: the last one with counts (the months after it are drawn for the schedule only).
    const month = (d: Dashboard) => d.monthly.filter((m) => m.registered !== null).at(-1);
    expect(osaka(before)?.registered).toBeGreaterThanOrEqual(1);
    // The schedule: nothing before March 2021, then 60, 90 and 100 %.
    expect(before.monthly.filter((m) => ['2021-02', '2021-03', '2022-03', '2023-03'].includes(m.month)).map((m) => m.targetPercent)).toEqual([null, 60, 90, 100]);
    expect(month(before)?.registered).toBe(before.registered);

    const { publicJwk, privateJwk } = await newReaderKeyPair();
    const registered = await system.graphql<{ registerCardReader: { id: string } }>('mutation($f: String!, $k: String!) { registerCardReader(facilityCode: $f, publicKeyJwk: $k) { id } }',
      { f: FACILITIES.clinic.code, k: JSON.stringify(publicJwk) }, await token('admin'));
    expect(registered.body.errors).toBeUndefined();
    const reader: ReaderKey = { readerId: registered.body.data?.registerCardReader.id ?? '', facilityCode: FACILITIES.clinic.code, privateJwk };
    const withReader = await read();
    expect(withReader.live).toBe(before.live);
    await readerVisit(call, system.demo, reader, system.patient(2).cardSerial, { drug: true, checkup: false });

    const after = await read();
    expect(after.registered).toBe(before.registered);
    expect(after.live).toBe(before.live + 1);
    expect(osaka(after)?.live).toBe((osaka(before)?.live ?? 0) + 1);
    expect(clinics(after)?.live).toBe((clinics(before)?.live ?? 0) + 1);
    expect(month(after)?.live).toBe((month(before)?.live ?? 0) + 1);
    const facilitiesWith = (d: Dashboard, readers: number) => d.readersPerFacility.find((r) => r.readers === readers)?.facilities ?? 0;
    expect(facilitiesWith(after, 1)).toBe(facilitiesWith(before, 1) + 1);
    expect(facilitiesWith(after, 0)).toBe(facilitiesWith(before, 0) - 1);
  });
});
