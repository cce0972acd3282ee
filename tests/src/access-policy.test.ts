/**
 * The access policy through the real path: medical expenses (医療費通知) are the patient's own and a PHR
 * app's under an explicit expenses grant, never a facility's; `capabilities` answers from the same policy; every
 * refusal leaves no data and an access-log entry.
 */
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 4 });
});
afterAll(async () => {
  await system?.stop();
});

const YEAR_OF = () => Number(system.demo.asOf.slice(0, 4)) - 1;
const EXPENSES = 'query($id: ID!, $year: Int!) { patient(id: $id) { medicalExpenses(year: $year) { claimCount totalCostYen months { facilityCode totalCostYen } } } }';
type ExpensesData = { patient: { medicalExpenses: { claimCount: number; totalCostYen: number; months: Array<{ facilityCode: string; totalCostYen: number }> } | null } | null };
type LogEntry = { actorRole: string; category: string; decision: string; reason: string };

async function ownLog(account: string): Promise<LogEntry[]> {
  const result = await system.graphql<{ me: { accessLog: LogEntry[] } }>('{ me { accessLog(first: 500) { actorRole category decision reason } } }', {}, await system.token(account));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me.accessLog ?? [];
}

async function appToken(categories: string[]): Promise<string> {
  const granted = await system.graphql<{ grantPhrAccess: { id: string } }>('mutation($c: [DataCategory!]!) { grantPhrAccess(appId: "phr-demo", categories: $c, days: 30) { id } }', { c: categories }, await system.token('yamada'));
  expect(granted.body.errors).toBeUndefined();
  const token = await system.graphql<{ phrToken: { accessToken: string } }>('mutation($g: ID!) { phrToken(clientId: "phr-demo", clientSecret: "onshi:phr-demo", grantId: $g) { accessToken } }', { g: granted.body.data?.grantPhrAccess.id });
  expect(token.body.errors).toBeUndefined();
  return token.body.data?.phrToken.accessToken ?? '';
}

// First: phr-demo's login picks yamada's demo grant, before the tests below add grants of their own.
describe('capabilities: the caller\'s view of the policy, for clients such as the portal', () => {
  const capabilities = async (account: string) => {
    const result = await system.graphql<{ capabilities: Array<{ category: string; mayRead: boolean }> }>('{ capabilities { category mayRead conditions } }', {}, await system.token(account));
    expect(result.body.errors).toBeUndefined();
    return Object.fromEntries((result.body.data?.capabilities ?? []).map((c) => [c.category, c.mayRead]));
  };

  test('the reader of a facility asks for checkup consent except at a pharmacy, whoever opened it', async () => {
    const asked = async (account: string) => {
      const result = await system.graphql<{ capabilities: Array<{ category: string; askedAtReader: boolean }> }>('{ capabilities { category askedAtReader } }', {}, await system.token(account));
      expect(result.body.errors).toBeUndefined();
      return Object.fromEntries((result.body.data?.capabilities ?? []).map((c) => [c.category, c.askedAtReader]));
    };
    expect(await asked('clinic-reception')).toMatchObject({ DRUG: true, CHECKUP: true, EXPENSES: false });
    // One capability per PolicyCategory, the enum's words on the wire (docs/api-guide.md "Enums").
    expect(Object.keys(await asked('clinic-reception'))).toEqual(['QUALIFICATION', 'DRUG', 'CHECKUP', 'EXPENSES', 'ACCESS_LOG', 'DV_REGISTRATION', 'ROUTED_CLAIMS', 'RETURNED_CLAIMS', 'CLAIM_STATISTICS']);
    expect(await asked('pharmacy-reception')).toMatchObject({ DRUG: true, CHECKUP: false, EXPENSES: false });
    expect(await asked('insurer-kokuho')).toMatchObject({ DRUG: false, CHECKUP: false });
  });

  test.each<[string, Record<string, boolean>]>([
    ['clinic-reception', { QUALIFICATION: true, DRUG: false, CHECKUP: false, EXPENSES: false, DV_REGISTRATION: false, ACCESS_LOG: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false }],
    ['clinic-doctor', { QUALIFICATION: true, DRUG: true, CHECKUP: true, EXPENSES: false, DV_REGISTRATION: false, ACCESS_LOG: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false }],
    ['pharmacy-pharmacist', { QUALIFICATION: true, DRUG: true, CHECKUP: false, EXPENSES: false, DV_REGISTRATION: false, ACCESS_LOG: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false }],
    ['insurer-kokuho', { QUALIFICATION: true, DRUG: false, CHECKUP: true, EXPENSES: false, DV_REGISTRATION: true, ACCESS_LOG: false, ROUTED_CLAIMS: true, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false }],
    ['yamada', { QUALIFICATION: true, DRUG: true, CHECKUP: true, EXPENSES: true, DV_REGISTRATION: false, ACCESS_LOG: true, ROUTED_CLAIMS: false, RETURNED_CLAIMS: false, CLAIM_STATISTICS: false }],
    ['phr-demo', { QUALIFICATION: true, DRUG: true, CHECKUP: true, EXPENSES: false, DV_REGISTRATION: false, ACCESS_LOG: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: false, CLAIM_STATISTICS: false }],
  ])('%s', async (account, expected) => {
    expect(await capabilities(account)).toEqual(expected);
  });
});

describe('medical expenses: the patient and apps with an explicit expenses grant; never facilities', () => {
  let reference: { totalCostYen: number; facilityCodes: string[] };
  beforeAll(async () => {
    const own = await system.graphql<ExpensesData>(EXPENSES, { id: system.patient(0).id, year: YEAR_OF() }, await system.token('yamada'));
    expect(own.body.errors).toBeUndefined();
    const notice = own.body.data?.patient?.medicalExpenses;
    expect(notice?.claimCount).toBeGreaterThan(0);
    reference = { totalCostYen: notice?.totalCostYen ?? 0, facilityCodes: [...new Set(notice?.months.map((m) => m.facilityCode))] };
    expect(reference.facilityCodes.length).toBeGreaterThan(0);
  });

  const leaked = (text: string) => reference.facilityCodes.filter((code) => text.includes(code)).concat(text.includes(`"totalCostYen":${reference.totalCostYen}`) ? ['total'] : []);

  test.each(['clinic-doctor', 'pharmacy-pharmacist', 'clinic-reception', 'insurer-kokuho', 'admin'])('%s (yamada consented at the clinic today) is refused, with no data', async (account) => {
    const result = await system.graphql<ExpensesData>(EXPENSES, { id: system.patient(0).id, year: YEAR_OF() }, await system.token(account));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.data ?? null).toBeNull();
    expect(leaked(result.text)).toEqual([]);
  });

  test('an app with a drug grant only is refused expenses (no data), and the refusal is in the patient\'s log', async () => {
    const token = await appToken(['QUALIFICATION', 'DRUG']);
    const result = await system.graphql<ExpensesData>(EXPENSES, { id: system.patient(0).id, year: YEAR_OF() }, token);
    expect(result.body.errors?.map((e) => e.extensions?.code)).toContain('CONSENT_REQUIRED');
    expect(result.body.data?.patient?.medicalExpenses ?? null).toBeNull();
    expect(leaked(result.text)).toEqual([]);
    expect(await ownLog('yamada')).toContainEqual({ actorRole: 'PHR_APP', category: 'EXPENSES', decision: 'DENY', reason: 'GRANT_SCOPE' });
  });

  test('an app the patient granted EXPENSES reads them, logged as a PHR provision', async () => {
    const token = await appToken(['QUALIFICATION', 'EXPENSES']);
    const result = await system.graphql<ExpensesData>(EXPENSES, { id: system.patient(0).id, year: YEAR_OF() }, token);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.patient?.medicalExpenses?.totalCostYen).toBe(reference.totalCostYen);
    expect(await ownLog('yamada')).toContainEqual({ actorRole: 'PHR_APP', category: 'EXPENSES', decision: 'ALLOW', reason: 'PHR_GRANT' });
    // The expenses grant opens nothing else.
    const drugs = await system.graphql<{ patient: { medicationSummary: unknown } }>('query($id: ID!) { patient(id: $id) { medicationSummary { polypharmacy } } }', { id: system.patient(0).id }, token);
    expect(drugs.body.errors?.map((e) => e.extensions?.code)).toContain('CONSENT_REQUIRED');
    expect(drugs.body.data?.patient?.medicationSummary ?? null).toBeNull();
  });
});

describe('refusals for role at the gateway are in the patient\'s log', () => {
  test.each<[string, string, string, string]>([
    ['pharmacy-pharmacist', 'CHECKUP', 'query($id: ID!) { patient(id: $id) { checkups { fiscalYear } } }', 'PHARMACIST'],
    ['insurer-kokuho', 'DRUG', 'query($id: ID!) { patient(id: $id) { dispensings { edges { node { drugName } } } } }', 'INSURER'],
    ['clinic-doctor', 'EXPENSES', 'query($id: ID!, $y: Int!) { patient(id: $id) { medicalExpenses(year: $y) { totalCostYen } } }', 'DOCTOR'],
    // Her 提供状況 (log, consents, grants) is hers and the operator's: a facility or insurer asking is refused and logged.
    ['clinic-doctor', 'ACCESS_LOG', 'query($id: ID!) { patient(id: $id) { accessLog(first: 5) { actorSubject facilityCode } } }', 'DOCTOR'],
    ['insurer-kokuho', 'ACCESS_LOG', 'query($id: ID!) { patient(id: $id) { consents { facilityCode } phrGrants { appId } } }', 'INSURER'],
  ])('%s asking %s: FORBIDDEN before any subgraph, no data, and an entry under the gateway\'s request id', async (account, category, query, role) => {
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${await system.token(account)}`, 'x-request-id': `client-${category}` },
      body: JSON.stringify({ query, variables: { id: system.patient(0).id, y: YEAR_OF() } }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; fields?: string[] } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    const requestId = response.headers.get('x-request-id');
    const log = await system.graphql<{ me: { accessLog: Array<LogEntry & { requestId: string }> } }>('{ me { accessLog(first: 500) { actorRole category decision reason requestId } } }', {}, await system.token('yamada'));
    expect(log.body.data?.me.accessLog).toContainEqual({ actorRole: role, category, decision: 'DENY', reason: 'ROLE_NOT_LICENSED', requestId });
  });

  // Reception may read drugs only with a disaster viewing authority (docs/domain.md "Disaster"), which the decision
  // point reads from the database: so the gateway lets the field through and the decision point refuses and logs.
  test('clinic-reception without a disaster viewing authority asking DRUG: FORBIDDEN from the decision point, no drug data, an entry under the gateway\'s request id', async () => {
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${await system.token('clinic-reception')}`, 'x-request-id': 'client-reception-drug' },
      body: JSON.stringify({ query: 'query($id: ID!) { patient(id: $id) { medicationSummary { polypharmacy activeDrugs { dispensing { drugName } } } } }', variables: { id: system.patient(0).id } }),
    });
    const body = (await response.json()) as { data?: { patient?: { medicationSummary: unknown } | null } | null; errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.patient?.medicationSummary ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toContain('drugName');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).not.toBe('client-reception-drug');
    const log = await system.graphql<{ me: { accessLog: Array<LogEntry & { requestId: string }> } }>('{ me { accessLog(first: 500) { actorRole category decision reason requestId } } }', {}, await system.token('yamada'));
    expect(log.body.data?.me.accessLog).toContainEqual({ actorRole: 'RECEPTION', category: 'DRUG', decision: 'DENY', reason: 'ROLE_NOT_LICENSED', requestId });
  });
});

describe('refusals for role of an owner\'s list are logged under the owner (docs/access-policy.md "Every decision is logged")', () => {
  const STATISTICS = 'query($f: String!, $t: String!) { claimRoutingStatistics(fromMonth: $f, toMonth: $t) { serviceMonth checked rerouted } }';
  const ROUTED = 'query($i: String!, $m: String!) { routedClaims(insurerNumber: $i, serviceMonth: $m) { claimNumber totalPoints } }';
  let adminToken: string;
  beforeAll(async () => {
    adminToken = await system.token('admin');
  });
  const ownerLog = async (owner: string) => {
    const result = await system.graphql<{ accessLogSearch: Array<LogEntry & { requestId: string; patientId: string }> }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { actorRole category decision reason requestId patientId } }', { p: owner }, adminToken);
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.accessLogSearch ?? [];
  };

  test.each<[string, string, string, string, Record<string, string>, string]>([
    ['yamada', 'CLAIM_STATISTICS', 'nation', STATISTICS, { f: '2025-01', t: '2025-12' }, 'PATIENT'],
    ['clinic-doctor', 'ROUTED_CLAIMS', 'insurer:131011', ROUTED, { i: '131011', m: '2025-06' }, 'DOCTOR'],
    ['phr-demo', 'ROUTED_CLAIMS', 'insurer:01130012', ROUTED, { i: '01130012', m: '2025-06' }, 'PHR_APP'],
  ])('%s asking %s: FORBIDDEN before any subgraph, no rows, and a DENY entry under %s with the gateway\'s request id', async (account, category, owner, query, variables, role) => {
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${await system.token(account)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; fields?: string[] } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/claimNumber"|totalPoints"|checked"/);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(await ownerLog(owner)).toContainEqual({ actorRole: role, category, decision: 'DENY', reason: 'ROLE_NOT_LICENSED', requestId, patientId: owner });
  });

  test('a refused field without a category (an operator tool) is refused without inventing an owner or a patient', async () => {
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${await system.token('clinic-doctor')}` },
      body: JSON.stringify({ query: '{ cardReaders { id publicKeyJwk } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    const requestId = response.headers.get('x-request-id');
    const since = new Date(Date.now() - 10 * 60_000).toISOString();
    const newest = await system.graphql<{ accessLogSearch: Array<{ requestId: string }> }>('query($from: String!) { accessLogSearch(from: $from, first: 200) { requestId } }', { from: since }, adminToken);
    expect(newest.body.errors).toBeUndefined();
    expect(newest.body.data?.accessLogSearch.length).toBeGreaterThan(0);
    expect(newest.body.data?.accessLogSearch.filter((entry) => entry.requestId === requestId)).toEqual([]);
  });
});
