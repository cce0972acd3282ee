/**
 * レセプト振替 (docs/drugs.md "Re-routing claims (レセプト振替)"): every ingested claim is checked against the person's
 * qualification history with one batched internal call to qualifications; right insurer → stored as billed, another
 * insurer covered the dates → re-routed, insurer changed mid-month → routed by date (or returned when it cannot be
 * split), no coverage or overlapping coverage → returned with a reason. Then what the insurer, the facility, the operator
 * and the patient see. Attacks first: another insurer's report and claims, another facility's returns, the internal
 * route without (or with a forged) secret.
 */
import { COVERAGE_PATH, INTERNAL_SECRET_HEADER } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_PHARMACY } from '@onshi/demo';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 8 });
});
afterAll(async () => {
  await system?.stop();
});

const tokens = new Map<string, string>();
/** Staff TOTP codes are single-use per window: one token per account for the whole file. */
async function tokenOf(account: string): Promise<string> {
  const known = tokens.get(account);
  if (known) return known;
  const token = await system.token(account);
  tokens.set(account, token);
  return token;
}

const tablet = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');
const KOKUHO = '131011';
const KYOKAI = '01130012';

/** A clinic claim of yamada (or another patient) on these dates; the quantity marks it in the patient's drug information. */
function claim(claimNumber: string, insurerNumber: string, dates: string[], quantity: number, patientIndex = 0): Record<string, unknown> {
  return {
    claimKind: 'MEDICAL', claimNumber, patientId: system.patient(patientIndex).id, facilityCode: DEMO_CLINIC.code, insurerNumber,
    serviceMonth: dates[0]?.slice(0, 7), totalPoints: 1000, patientShareYen: 3000,
    items: dates.map((date) => ({ date, drugCode: tablet?.drugCode, quantity, unit: '錠', usage: '１日１回朝食後', days: 7, inOut: 'IN' })),
  };
}

interface Ingested { claimCount: number; resentCount: number; reroutedCount: number; returnedCount: number; returned: Array<{ row: number; claimNumber: string; code: string; reason: string; reasonJa: string }> }
async function ingest(claims: Array<Record<string, unknown>>): Promise<GraphQLResponse<{ ingestClaims: Ingested }>> {
  return system.graphql<{ ingestClaims: Ingested }>(
    'mutation($c: [ClaimInput!]!) { ingestClaims(claims: $c) { claimCount resentCount reroutedCount returnedCount returned { row claimNumber code reason reasonJa } } }',
    { c: claims }, await tokenOf('admin'));
}

const REPORT = `query($i: String!, $m: String!) { reroutingReport(insurerNumber: $i, serviceMonth: $m) {
  reroutedCount reroutedPoints byReason { key claims points } byFacility { key claims points } returnedCount returnedByReason { key claims } } }`;
const ROUTED = 'query($i: String!, $m: String!) { routedClaims(insurerNumber: $i, serviceMonth: $m, first: 500) { claimNumber patientId routing billedInsurerNumber routingReason totalPoints } }';
const RETURNED_BY_FACILITY = 'query($f: String, $m: String!) { returnedClaims(facilityCode: $f, serviceMonth: $m) { claimNumber code reason reasonJa billedInsurerNumber coverageInsurerNumbers totalPoints } }';
const RETURNED_BY_INSURER = 'query($i: String, $m: String!) { returnedClaims(insurerNumber: $i, serviceMonth: $m) { claimNumber code billedInsurerNumber } }';
const STATISTICS = 'query($f: String!, $t: String!) { claimRoutingStatistics(fromMonth: $f, toMonth: $t) { serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints } }';

interface LogEntry { actorRole: string; category: string; decision: string; reason: string; patientId: string }
async function ownerLog(owner: string): Promise<LogEntry[]> {
  const result = await system.graphql<{ accessLogSearch: LogEntry[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { actorRole category decision reason patientId } }', { p: owner }, await tokenOf('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}

async function qualificationIdOf(patientIndex: number, insurerNumber: string, account: string): Promise<string> {
  const result = await system.graphql<{ patient: { qualifications: Array<{ id: string; insurerNumber: string; disqualificationDate: string | null }> } }>(
    'query($id: ID!) { patient(id: $id) { qualifications { id insurerNumber disqualificationDate } } }', { id: system.patient(patientIndex).id }, await tokenOf(account));
  const found = result.body.data?.patient.qualifications.find((q) => q.insurerNumber === insurerNumber && q.disqualificationDate === null);
  if (!found) throw new Error(`no open ${insurerNumber} coverage: ${result.text}`);
  return found.id;
}

describe('the coverage contract between drugs and qualifications (POST /internal/coverage)', () => {
  const url = () => new URL(COVERAGE_PATH, system.urls.qualifications);
  const body = () => JSON.stringify({ requests: [{ patientId: system.patient(0).id, month: '2025-03' }, { patientId: system.patient(0).id, month: '2025-04' }, { patientId: 'nobody', month: '2025-04' }] });

  test('without the internal secret, or with a forged one, it refuses and answers nothing', async () => {
    for (const headers of [{}, { [INTERNAL_SECRET_HEADER]: 'forged-secret' }] as Array<Record<string, string>>) {
      const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body() });
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(text).not.toContain(KOKUHO);
      expect(text).not.toContain(KYOKAI);
    }
  });

  test('a malformed request is refused with 400', async () => {
    for (const bad of ['{', JSON.stringify({ requests: [] }), JSON.stringify({ requests: [{ patientId: 'x', month: '2025-13' }] })]) {
      const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret }, body: bad });
      expect(response.status).toBe(400);
    }
  });

  test('it answers the periods overlapping each month, in request order', async () => {
    const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret }, body: body() });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { coverage: Array<{ patientId: string; month: string; periods: Array<{ insurerNumber: string }> }> };
    expect(answer.coverage.map((entry) => [entry.month, entry.periods.map((p) => p.insurerNumber)])).toEqual([['2025-03', [KYOKAI]], ['2025-04', [KOKUHO]], ['2025-04', []]]);
  });
});

type MonthStatistics = { serviceMonth: string; checked: number; asBilled: number; rerouted: number; returned: number; checkedPoints: number; reroutedPoints: number; returnedPoints: number };
async function statistics(): Promise<Map<string, MonthStatistics>> {
  const result = await system.graphql<{ claimRoutingStatistics: MonthStatistics[] }>(STATISTICS, { f: '2026-06', t: '2026-11' }, await tokenOf('admin'));
  expect(result.body.errors).toBeUndefined();
  return new Map((result.body.data?.claimRoutingStatistics ?? []).map((month) => [month.serviceMonth, month]));
}
/** The demo world's own routed claims (seed.ts): the test's claims are counted on top of these. */
let seededStatistics = new Map<string, MonthStatistics>();
let seededReroutedTo131011 = 0;
let seededReroutedPointsTo131011 = 0;

describe('routing on ingest, and who then sees what', () => {
  beforeAll(async () => {
    seededStatistics = await statistics();
    const seeded = await system.graphql<{ reroutingReport: { reroutedCount: number; reroutedPoints: number } }>(REPORT, { i: KOKUHO, m: '2026-06' }, await tokenOf('insurer-kokuho'));
    seededReroutedTo131011 = seeded.body.data?.reroutingReport.reroutedCount ?? NaN;
    seededReroutedPointsTo131011 = seeded.body.data?.reroutingReport.reroutedPoints ?? NaN;
  });

  test('right insurer → stored as billed; an old card → re-routed to the insurer of the dates of care', async () => {
    const result = await ingest([claim('R18-RIGHT', KOKUHO, ['2026-06-10'], 11), claim('R18-OLDCARD', KYOKAI, ['2026-06-17'], 12)]);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.ingestClaims).toMatchObject({ claimCount: 2, reroutedCount: 1, returnedCount: 0, returned: [] });
  });

  test('another insurer never sees 国保\'s report or claims: FORBIDDEN, no data, and the refusal is logged', async () => {
    for (const query of [REPORT, ROUTED]) {
      const attempt = await system.graphql(query, { i: KOKUHO, m: '2026-06' }, await tokenOf('insurer-kyokai'));
      expect(attempt.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(attempt.body.data ?? null).toBeNull();
      expect(attempt.text).not.toContain('R18-');
      expect(attempt.text).not.toContain(system.patient(0).id);
    }
    const log = await ownerLog(`insurer:${KOKUHO}`);
    expect(log).toContainEqual({ actorRole: 'INSURER', category: 'ROUTED_CLAIMS', decision: 'DENY', reason: 'NOT_OWN_INSURER', patientId: `insurer:${KOKUHO}` });
  });

  test('国保 sees both claims under it, the re-routed one with its addressee and reason, and its monthly report', async () => {
    const routed = await system.graphql<{ routedClaims: Array<{ claimNumber: string; routing: string | null; billedInsurerNumber: string | null; routingReason: string | null }> }>(ROUTED, { i: KOKUHO, m: '2026-06' }, await tokenOf('insurer-kokuho'));
    expect(routed.body.errors).toBeUndefined();
    const ours = routed.body.data?.routedClaims.filter((row) => row.claimNumber.startsWith('R18-'));
    expect(ours).toEqual([
      expect.objectContaining({ claimNumber: 'R18-OLDCARD', routing: 'REROUTED', billedInsurerNumber: KYOKAI, routingReason: 'INSURER_CHANGED' }),
      expect.objectContaining({ claimNumber: 'R18-RIGHT', routing: 'AS_BILLED', billedInsurerNumber: null, routingReason: null }),
    ]);
    const report = await system.graphql<{ reroutingReport: { reroutedCount: number; reroutedPoints: number; byReason: unknown[]; byFacility: unknown[] } }>(REPORT, { i: KOKUHO, m: '2026-06' }, await tokenOf('insurer-kokuho'));
    expect(report.body.data?.reroutingReport).toMatchObject({
      reroutedCount: 1 + seededReroutedTo131011, reroutedPoints: 1000 + seededReroutedPointsTo131011,
    });
    expect(report.body.data?.reroutingReport.byReason).toContainEqual(expect.objectContaining({ key: 'INSURER_CHANGED' }));
    expect(report.body.data?.reroutingReport.byFacility).toContainEqual(expect.objectContaining({ key: DEMO_CLINIC.code }));
    // 協会けんぽ, the addressee, has nothing of it under its own number.
    const kyokai = await system.graphql<{ routedClaims: Array<{ claimNumber: string }> }>(ROUTED, { i: KYOKAI, m: '2026-06' }, await tokenOf('insurer-kyokai'));
    expect(kyokai.body.data?.routedClaims.map((row) => row.claimNumber)).not.toContain('R18-OLDCARD');
  });

  test('overlapping coverage → returned with a reason, listed for the facility and both insurers; not in the patient\'s data', async () => {
    const acquired = await system.graphql('mutation($l: String!, $q: QualificationInput!) { registerQualification(linkageNumber: $l, qualification: $q) { id } }',
      { l: system.patient(0).linkageNumber, q: { insuredCardSymbol: '2811', insuredIdentificationNumber: '918273', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2026-11-10', insuredPartialContributionRatio: '030' } },
      await tokenOf('insurer-kyokai'));
    expect(acquired.body.errors).toBeUndefined();
    const result = await ingest([claim('R18-OVERLAP', KOKUHO, ['2026-11-12'], 13)]);
    expect(result.body.data?.ingestClaims).toMatchObject({ claimCount: 0, returnedCount: 1, returned: [{ row: 1, claimNumber: 'R18-OVERLAP', code: 'OVERLAPPING_COVERAGE' }] });
    expect(result.body.data?.ingestClaims.returned[0]?.reasonJa).toContain('重複');
    for (const [account, insurer] of [['insurer-kokuho', KOKUHO], ['insurer-kyokai', KYOKAI]] as const) {
      const listed = await system.graphql<{ returnedClaims: Array<{ claimNumber: string; code: string }> }>(RETURNED_BY_INSURER, { i: insurer, m: '2026-11' }, await tokenOf(account));
      expect(listed.body.data?.returnedClaims).toContainEqual({ claimNumber: 'R18-OVERLAP', code: 'OVERLAPPING_COVERAGE', billedInsurerNumber: KOKUHO });
    }
  });

  test('coverage changed mid-month → routed by date of care; a claim spanning both is returned (send one per insurer); the overlapping claim, resent, now routes', async () => {
    const loss = await system.graphql('mutation($q: ID!, $d: String!) { endQualification(qualificationId: $q, disqualificationDate: $d) { disqualificationDate } }',
      { q: await qualificationIdOf(0, KOKUHO, 'insurer-kokuho'), d: '2026-11-09' }, await tokenOf('insurer-kokuho'));
    expect(loss.body.errors).toBeUndefined();
    const result = await ingest([
      claim('R18-EARLY', KYOKAI, ['2026-11-05'], 14),
      claim('R18-LATE', KOKUHO, ['2026-11-12'], 15),
      claim('R18-SPAN', KOKUHO, ['2026-11-05', '2026-11-12'], 16),
      claim('R18-OVERLAP', KOKUHO, ['2026-11-12'], 13),
    ]);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.ingestClaims).toMatchObject({ claimCount: 3, reroutedCount: 3, returnedCount: 1, returned: [{ row: 3, claimNumber: 'R18-SPAN', code: 'SPLIT_REQUIRED' }] });
    const kokuho = await system.graphql<{ routedClaims: Array<{ claimNumber: string; routingReason: string | null }> }>(ROUTED, { i: KOKUHO, m: '2026-11' }, await tokenOf('insurer-kokuho'));
    expect(kokuho.body.data?.routedClaims.filter((row) => row.claimNumber.startsWith('R18-'))).toEqual([expect.objectContaining({ claimNumber: 'R18-EARLY', routingReason: 'MID_MONTH_CHANGE' })]);
    const kyokai = await system.graphql<{ routedClaims: Array<{ claimNumber: string }> }>(ROUTED, { i: KYOKAI, m: '2026-11' }, await tokenOf('insurer-kyokai'));
    expect(kyokai.body.data?.routedClaims.map((row) => row.claimNumber).filter((n) => n.startsWith('R18-')).sort()).toEqual(['R18-LATE', 'R18-OVERLAP']);
  });

  test('no coverage at all → returned with a reason the facility can act on', async () => {
    // A demo person (not yamada, not the DV-blocked sato) whose open coverage one of the demo insurer accounts holds: it records the loss.
    const accounts: Record<string, string> = { [KOKUHO]: 'insurer-kokuho', [KYOKAI]: 'insurer-kyokai', 39131008: 'insurer-kouki' };
    const index = [2, 3, 4, 5, 6, 7].find((i) => system.patient(i).coverages.some((c) => !c.disqualificationDate && accounts[c.insurerNumber] !== undefined && c.qualificationDate < '2026-10-01'));
    if (index === undefined) throw new Error('no demo person insured by a demo insurer account');
    const coverage = system.patient(index).coverages.find((c) => !c.disqualificationDate && accounts[c.insurerNumber] !== undefined);
    const insurer = coverage?.insurerNumber ?? '';
    const loss = await system.graphql('mutation($q: ID!, $d: String!) { endQualification(qualificationId: $q, disqualificationDate: $d) { disqualificationDate } }',
      { q: await qualificationIdOf(index, insurer, 'admin'), d: '2026-10-31' }, await tokenOf(accounts[insurer] ?? ''));
    expect(loss.body.errors).toBeUndefined();
    const result = await ingest([claim('R18-NOBODY', insurer, ['2026-11-03'], 17, index)]);
    expect(result.body.data?.ingestClaims).toMatchObject({ claimCount: 0, returnedCount: 1, returned: [{ claimNumber: 'R18-NOBODY', code: 'NO_COVERAGE' }] });
  });

  test('another facility never sees the clinic\'s returned claims: FORBIDDEN, no data, the refusal logged', async () => {
    const attempt = await system.graphql(RETURNED_BY_FACILITY, { f: DEMO_CLINIC.code, m: '2026-11' }, await tokenOf('pharmacy-pharmacist'));
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(attempt.body.data ?? null).toBeNull();
    expect(attempt.text).not.toContain('R18-');
    expect(await ownerLog(`facility:${DEMO_CLINIC.code}`)).toContainEqual({ actorRole: 'PHARMACIST', category: 'RETURNED_CLAIMS', decision: 'DENY', reason: 'NOT_OWN_FACILITY', patientId: `facility:${DEMO_CLINIC.code}` });
    // Its own list holds nothing of the clinic's.
    const own = await system.graphql<{ returnedClaims: unknown[] }>(RETURNED_BY_FACILITY, { f: DEMO_PHARMACY.code, m: '2026-11' }, await tokenOf('pharmacy-pharmacist'));
    expect(own.body.data?.returnedClaims).toEqual([]);
  });

  test('the clinic sees its returned claims with reasons', async () => {
    const listed = await system.graphql<{ returnedClaims: Array<{ claimNumber: string; code: string; reason: string; reasonJa: string }> }>(RETURNED_BY_FACILITY, { f: DEMO_CLINIC.code, m: '2026-11' }, await tokenOf('clinic-reception'));
    expect(listed.body.errors).toBeUndefined();
    const byNumber = Object.fromEntries((listed.body.data?.returnedClaims ?? []).map((row) => [row.claimNumber, row.code]));
    expect(byNumber).toEqual({ 'R18-NOBODY': 'NO_COVERAGE', 'R18-OVERLAP': 'OVERLAPPING_COVERAGE', 'R18-SPAN': 'SPLIT_REQUIRED' });
    expect(listed.body.data?.returnedClaims.every((row) => row.reason.length > 20 && row.reasonJa.length > 10)).toBe(true);
  });

  test('the operator sees the national statistics per month; an insurer cannot', async () => {
    const now = await statistics();
    const added = (month: string) => {
      const before = seededStatistics.get(month);
      const after = now.get(month);
      if (!after) throw new Error(`no statistics for ${month}`);
      return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, typeof value === 'number' ? value - Number(before?.[key as keyof MonthStatistics] ?? 0) : value]));
    };
    expect(added('2026-06')).toEqual({ serviceMonth: '2026-06', checked: 2, asBilled: 1, rerouted: 1, returned: 0, checkedPoints: 2000, reroutedPoints: 1000, returnedPoints: 0 });
    // R18-OVERLAP counted once returned, then once re-routed when resent after the coverage was settled.
    expect(added('2026-11')).toEqual({ serviceMonth: '2026-11', checked: 6, asBilled: 0, rerouted: 3, returned: 3, checkedPoints: 6000, reroutedPoints: 3000, returnedPoints: 3000 });
    const attempt = await system.graphql(STATISTICS, { f: '2026-06', t: '2026-11' }, await tokenOf('insurer-kokuho'));
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(attempt.body.data ?? null).toBeNull();
  });

  test('the patient\'s drug information holds the stored claims (as billed and re-routed), never the returned ones', async () => {
    const result = await system.graphql<{ me: { dispensings: { edges: Array<{ node: { date: string; quantity: number } }> } } }>(
      'query { me { dispensings(first: 100, from: "2026-06-01") { edges { node { date quantity } } } } }', {}, await tokenOf('yamada'));
    expect(result.body.errors).toBeUndefined();
    const quantities = new Set(result.body.data?.me.dispensings.edges.map((edge) => edge.node.quantity));
    for (const stored of [11, 12, 13, 14, 15]) expect(quantities).toContain(stored);
    expect(quantities).not.toContain(16);
  });

  test('bad input: a malformed month is BAD_USER_INPUT, nothing read', async () => {
    const attempt = await system.graphql(REPORT, { i: KOKUHO, m: '2026-6' }, await tokenOf('insurer-kokuho'));
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(attempt.body.data ?? null).toBeNull();
  });
});
