/**
 * The ended-token check folded into the decision call (docs/operations.md "Replicas and shared state"), attacked:
 * without Redis a subgraph asks consent's revocation route only for a request that made no decision call, because
 * consent verifies the token a decision call forwards against the same list. A logged-out token used the very next
 * request — on a read with a decision call, a read without one, a mutation, through the gateway and directly at a
 * subgraph — is refused as UNAUTHENTICATED, with no data, no side effect and a log line where it was refused; with
 * consent down every token is refused (fail closed).
 */
import { decodeJwt } from 'jose';
import postgres from 'postgres';
import { DEMO_CLINIC } from '@onshi/demo';
import { loginDemoAccount, readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { routeCalls, startTestSystem, type TestSystem } from './harness';

let system: TestSystem;

/**
 * The gateway's request budget per client and window, smaller than the default (1,200) so that the budget test spends it
 * in a few hundred requests rather than 1,300; every other test of the file sends far fewer per token. The window is an
 * hour, not the default minute: it is a fixed window opened by her first request in this file, and on a loaded machine
 * a minute's window ended in the middle of the budget test's requests, which then never reached the limit (CI of
 * 2026-12-07 06:15).
 */
const BUDGET = 200;
const BUDGET_WINDOW_SECONDS = 3_600;

beforeAll(async () => {
  system = await startTestSystem({ patients: 8, gatewayEnv: { RATE_LIMIT_REQUESTS: String(BUDGET), RATE_LIMIT_WINDOW_SECONDS: String(BUDGET_WINDOW_SECONDS) } });
});

afterAll(async () => {
  await system?.stop();
});

const call: GraphQLCall = async (query, variables, bearer) => (await system.graphql(query, variables, bearer)).body;
const LOGOUT = 'mutation($r: String!) { logout(refreshToken: $r) }';
const DOCTOR_READ = 'query($id: ID!) { patient(id: $id) { id dispensings(first: 5) { edges { node { drugName drugCode } } } } }';
const DRUGS_ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Patient { dispensings(first: 5) { edges { node { drugName } } } } } }';
const DRUG_MASTER = 'query($code: String!) { drug(drugCode: $code) { drugCode name } }';
/** An operator's read a patient is refused for role (consent logs such refusals). */
const FACILITY_COUNT = '{ onboardedFacilityCount }';
/** A drug the demo patient was dispensed, read by the first test. */
let drugCode: string | undefined;
const REPORT_LOST = 'mutation($serial: String!) { reportCardLost(cardSerial: $serial) { __typename } }';

/** Calls consent's routes received so far (its /metrics, platform http.ts). */
async function consentRouteCalls(): Promise<{ revocations: number; decisions: number }> {
  const routes = await routeCalls(system.urls.consent);
  return { revocations: routes['POST /internal/revocations'] ?? 0, decisions: routes['POST /internal/decisions'] ?? 0 };
}

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; revocations: number; decisions: number }> {
  const before = await consentRouteCalls();
  const result = await run();
  const after = await consentRouteCalls();
  return { result, revocations: after.revocations - before.revocations, decisions: after.decisions - before.decisions };
}

/** A request log line of `service` refusing a token (platform requestLog.ts), printed after `since` characters of output. */
async function expectRefusalLogged(service: string, since: number): Promise<void> {
  const refused = (line: string) => line.includes(`"service":"onshi-${service}"`) && line.includes('"status":401') && line.includes('"errorCodes":["UNAUTHENTICATED"]');
  for (let attempt = 0; attempt < 30 && !system.output().slice(since).split('\n').some(refused); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(system.output().slice(since).split('\n').some(refused)).toBe(true);
}

function expectRefused(response: { status: number; body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }; text: string }, secrets: string[]): void {
  expect(response.status).toBe(401);
  expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(response.body.data ?? null).toBeNull();
  for (const secret of secrets) expect(response.text).not.toContain(secret);
}

describe('a logged-out token is refused on the very next request, everywhere (no Redis)', () => {
  test("a doctor's read with a decision call: no separate revocation call while live; refused at the gateway and directly at the subgraph after logout", async () => {
    const doctor = await loginDemoAccount(call, system.demo, 'clinic-doctor');
    const patientId = system.patient(0).id;
    const live = await counted(() => system.graphql<{ patient: { dispensings: { edges: Array<{ node: { drugName: string; drugCode: string } }> } } }>(DOCTOR_READ, { id: patientId }, doctor.accessToken));
    expect(live.result.body.errors).toBeUndefined();
    const drugNames = live.result.body.data?.patient.dispensings.edges.map((e) => e.node.drugName) ?? [];
    expect(drugNames.length).toBeGreaterThan(0);
    drugCode = live.result.body.data?.patient.dispensings.edges[0]?.node.drugCode;
    // The gateway asks once; qualifications' decision call, which also asked drugs' question along with hers (docs/access-policy.md
    // "One decision call per request"), answered the question for both: drugs used an answer consent gave for this token.
    expect(live.revocations).toBe(1);
    expect(live.decisions).toBe(1);
    const direct = await counted(() => system.graphql(DRUGS_ENTITIES, { reps: [{ __typename: 'Patient', id: patientId }] }, doctor.accessToken, `${system.urls.drugs}/graphql`));
    expect(direct.result.body.errors).toBeUndefined();
    expect(direct.revocations).toBe(0);

    const logout = await system.graphql<{ logout: boolean }>(LOGOUT, { r: doctor.refreshToken }, doctor.accessToken);
    expect(logout.body.data?.logout).toBe(true);

    let since = system.output().length;
    expectRefused(await system.graphql(DOCTOR_READ, { id: patientId }, doctor.accessToken), drugNames);
    await expectRefusalLogged('gateway', since);
    since = system.output().length;
    // Directly at the subgraph: consent refuses the decision call, the subgraph asks the list and refuses the whole answer.
    expectRefused(await system.graphql(DRUGS_ENTITIES, { reps: [{ __typename: 'Patient', id: patientId }] }, doctor.accessToken, `${system.urls.drugs}/graphql`), drugNames);
    await expectRefusalLogged('drugs', since);

    // Consent's route answers per id, for the batched questions of several requests at once (docs/contracts.md).
    const { jti } = decodeJwt(doctor.accessToken);
    const batch = await fetch(`${system.urls.consent}/internal/revocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: ['never-issued-1', jti, 'never-issued-2'] }) });
    expect(await batch.json()).toEqual({ revoked: true, revokedIds: [jti] });
  });

  test('a read without a decision call is checked before it answers: asked once while live, refused after logout', async () => {
    expect(drugCode).toBeDefined();
    const patient = await loginDemoAccount(call, system.demo, 'yamada');
    const drugsUrl = `${system.urls.drugs}/graphql`;
    const live = await counted(() => system.graphql<{ drug: { name: string } | null }>(DRUG_MASTER, { code: drugCode }, patient.accessToken, drugsUrl));
    expect(live.result.body.errors).toBeUndefined();
    const drugName = live.result.body.data?.drug?.name;
    expect(drugName).toBeDefined();
    expect(live.revocations).toBe(1);
    expect(live.decisions).toBe(0);

    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);

    const since = system.output().length;
    expectRefused(await system.graphql(DRUG_MASTER, { code: drugCode }, patient.accessToken, drugsUrl), [drugName ?? '', '"drug"']);
    await expectRefusalLogged('drugs', since);
    expectRefused(await system.graphql(DRUG_MASTER, { code: drugCode }, patient.accessToken), [drugName ?? '', '"drug"']);
  });

  test('a mutation is checked before it runs: a logged-out patient cannot report her card lost, at the subgraph or through the gateway', async () => {
    const patient = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);
    const serial = system.patient(0).cardSerial;

    const since = system.output().length;
    expectRefused(await system.graphql(REPORT_LOST, { serial }, patient.accessToken, `${system.urls.qualifications}/graphql`), ['CardRegistration']);
    await expectRefusalLogged('qualifications', since);
    expectRefused(await system.graphql(REPORT_LOST, { serial }, patient.accessToken), ['CardRegistration']);
    // No side effect: the card still logs in (consent asks qualifications whether it may be used).
    const again = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql<{ me: { id: string } }>('{ me { id } }', {}, again.accessToken)).body.data?.me.id).toBe(system.patient(0).id);
  });

  test('a wrong query from a logged-out token learns nothing of the schema: the same refusal', async () => {
    const patient = await loginDemoAccount(call, system.demo, 'sato');
    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);
    expectRefused(await system.graphql('{ dispensingz }', {}, patient.accessToken, `${system.urls.drugs}/graphql`), ['Did you mean', 'dispensingz']);
    expectRefused(await system.graphql('{ dispensingz }', {}, patient.accessToken), ['Did you mean', 'dispensingz']);
  });

  test('answers the gateway gives itself ask the list once while live, and refuse an ended token: __typename, a field refused for the role, introspection', async () => {
    const patient = await loginDemoAccount(call, system.demo, 'sato');
    const admin = await loginDemoAccount(call, system.demo, 'admin');
    const live = await counted(() => system.graphql<{ __typename: string }>('{ __typename }', {}, patient.accessToken));
    expect(live.result.body.data?.__typename).toBe('Query');
    expect(live.revocations).toBe(1);
    const forbiddenLive = await system.graphql(FACILITY_COUNT, {}, patient.accessToken);
    expect(forbiddenLive.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const introspectionLive = await system.graphql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }', {}, admin.accessToken);
    expect(introspectionLive.body.data?.__schema.queryType.name).toBe('Query');

    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);
    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: admin.refreshToken }, admin.accessToken)).body.data?.logout).toBe(true);
    const since = system.output().length;
    expectRefused(await system.graphql('{ __typename }', {}, patient.accessToken), ['"Query"']);
    await expectRefusalLogged('gateway', since);
    // Refused as ended, not as forbidden: the refusal does not depend on what was asked.
    expectRefused(await system.graphql(FACILITY_COUNT, {}, patient.accessToken), ['onboardedFacilityCount', 'FORBIDDEN']);
    expectRefused(await system.graphql('{ __schema { queryType { name } } }', {}, admin.accessToken), ['"Query"', '__schema']);
  });
});

/** The access-log entries about `patientId` written since `from` by the holder of `token` (the admin's search, consent's own log). */
async function entriesBy(token: string, patientId: string, from: string): Promise<number> {
  const subject = decodeJwt(token).sub;
  const search = await system.graphql<{ accessLogSearch: Array<{ actorSubject: string }> }>(
    'query($p: ID!, $from: String!) { accessLogSearch(patientId: $p, from: $from, first: 200) { actorSubject } }', { p: patientId, from }, await system.token('admin'));
  expect(search.body.errors).toBeUndefined();
  return search.body.data?.accessLogSearch.filter((entry) => entry.actorSubject === subject).length ?? -1;
}

const OWN_READ = '{ me { id name dispensings(first: 5) { edges { node { drugName } } } } }';

describe("a patient's own read, whose questions the gateway asks ahead (docs/access-policy.md \"One decision call per request\")", () => {
  test('live: the gateway asks the list and the decision point once each; after logout: 401 with no data, nothing decided or logged for it, the refusal in the gateway log', async () => {
    const patient = await loginDemoAccount(call, system.demo, 'yamada');
    const patientId = system.patient(0).id;
    const from = new Date(Date.now() - 1_000).toISOString();
    const live = await counted(() => system.graphql<{ me: { id: string; name: string; dispensings: { edges: Array<{ node: { drugName: string } }> } } }>(OWN_READ, {}, patient.accessToken));
    expect(live.result.body.errors).toBeUndefined();
    expect(live.result.body.data?.me.id).toBe(patientId);
    const secrets = [live.result.body.data?.me.name ?? '', ...(live.result.body.data?.me.dispensings.edges.map((e) => e.node.drugName) ?? [])];
    expect(secrets.length).toBeGreaterThan(1);
    expect(live.decisions).toBe(1);
    expect(live.revocations).toBe(1);
    const loggedLive = await entriesBy(patient.accessToken, patientId, from);
    expect(loggedLive).toBeGreaterThan(0);

    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);
    const since = system.output().length;
    const refused = await counted(() => system.graphql(OWN_READ, {}, patient.accessToken));
    expectRefused(refused.result, secrets);
    // The gateway asked the list before anything else and refused: no decision was asked, so none was logged.
    expect(refused.decisions).toBe(0);
    expect(refused.revocations).toBe(1);
    await expectRefusalLogged('gateway', since);
    expect(await entriesBy(patient.accessToken, patientId, from)).toBe(loggedLive);
  });
});

const REFUSALS_OF_OPERATOR_ACTIONS = 'query($from: String!) { accessLogSearch(patientId: "nation", from: $from, first: 200) { actorSubject decision reason } }';

describe('every service reads the same token, and consent refuses an ended one before its queries run', () => {
  test("consent's queries write (an operator action refused and logged): an ended token is refused before they run, so nothing is logged for it", async () => {
    const admin = await system.token('admin');
    const from = new Date(Date.now() - 60_000).toISOString();
    const refusalsSince = async () => (await system.graphql<{ accessLogSearch: Array<{ actorSubject: string; decision: string; reason: string }> }>(REFUSALS_OF_OPERATOR_ACTIONS, { from }, admin)).body.data?.accessLogSearch
      .filter((entry) => entry.decision === 'DENY' && entry.reason.endsWith(':NOT_OPERATOR')) ?? [];
    // Counted from before this test's own request: earlier tests' refusals (sato's other sessions) may fall in the window.
    const earlier = (await refusalsSince()).length;
    const patient = await loginDemoAccount(call, system.demo, 'sato');
    // Live: consent refuses the operator's query and logs the refusal under the caller (onboarding.ts requireOperator).
    const live = await system.graphql(FACILITY_COUNT, {}, patient.accessToken);
    expect(live.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const loggedLive = await refusalsSince();
    expect(loggedLive).toHaveLength(earlier + 1);

    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);
    expectRefused(await system.graphql(`{ a1: onboardedFacilityCount a2: onboardedFacilityCount a3: onboardedFacilityCount }`, {}, patient.accessToken), ['FORBIDDEN']);
    expectRefused(await system.graphql(FACILITY_COUNT, {}, patient.accessToken, `${system.urls.consent}/graphql`), ['FORBIDDEN']);
    expect(await refusalsSince()).toHaveLength(earlier + 1);
  });

  test('a token a lenient decoder would accept (whitespace inside, from the operator cookie) is refused, live or not: every service must read the same token', async () => {
    const admin = await loginDemoAccount(call, system.demo, 'admin');
    const [header, payload, signature] = admin.accessToken.split('.');
    const spaced = `${header}.${payload}.${signature?.slice(0, 10)}%20${signature?.slice(10)}`;
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `onshi_operator=${spaced}` },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    const text = await response.text();
    expectRefused({ status: response.status, body: JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }, text }, ['queryType', '"Query"']);
  });
});

const CONFIRM_BY_CARD = 'mutation($v: String!) { confirmQualificationByCard(verificationToken: $v) { qualificationValidity patientId name } }';
const TODAY_AT_CLINIC = '{ confirmationsAtMyFacilityToday { patientId } }';
/** Numbers that match nobody (該当資格なし): the confirmation makes no decision call and still records a row. */
const CONFIRM_UNKNOWN_NUMBERS = `mutation { confirmQualificationByInsuranceCard(insurerNumber: "131011", insuredCardSymbol: "", insuredIdentificationNumber: "99999999", insuredBranchNumber: "00", birthdate: "1970-01-01") { qualificationValidity } }`;

/**
 * Rows recorded for confirmations that named nobody, read from the database itself on PostgreSQL (they are on no
 * list the API shows); undefined on the embedded database, which one process owns.
 */
async function anonymousConfirmations(): Promise<number | undefined> {
  if (!system.databaseUrl) return undefined;
  const sql = postgres(system.databaseUrl, { max: 1 });
  try {
    const [row] = await sql<Array<{ n: number }>>`select count(*)::int as n from qualifications.confirmations where patient_id is null`;
    return row?.n;
  } finally {
    await sql.end();
  }
}

/** A fresh reader verification of the patient's card at the demo clinic (docs/contracts.md contract 4). */
async function verifiedAtClinic(patientIndex: number): Promise<string> {
  return (await readerVisit(call, system.demo, system.reader(DEMO_CLINIC.code), system.patient(patientIndex).cardSerial, { drug: true, checkup: true })).verificationToken;
}

/** Patient ids on the clinic's list of today's confirmations, read with a live doctor's token of the same clinic. */
async function confirmedTodayAtClinic(): Promise<string[]> {
  const listed = await system.graphql<{ confirmationsAtMyFacilityToday: Array<{ patientId: string }> }>(TODAY_AT_CLINIC, {}, await system.token('clinic-doctor'));
  expect(listed.body.errors).toBeUndefined();
  return listed.body.data?.confirmationsAtMyFacilityToday.map((row) => row.patientId) ?? [];
}

describe('the reception confirmation proves its token by its decision call, before its one write', () => {
  test('live: confirmed with one call to consent (the decision), no separate revocation call', async () => {
    const reception = await loginDemoAccount(call, system.demo, 'clinic-reception');
    const verificationToken = await verifiedAtClinic(2);
    const live = await counted(() => system.graphql<{ confirmQualificationByCard: { patientId: string } }>(CONFIRM_BY_CARD, { v: verificationToken }, reception.accessToken, `${system.urls.qualifications}/graphql`));
    expect(live.result.body.errors).toBeUndefined();
    expect(live.result.body.data?.confirmQualificationByCard.patientId).toBe(system.patient(2).id);
    expect(live.revocations).toBe(0);
    expect(live.decisions).toBe(1);
    expect(await confirmedTodayAtClinic()).toContain(system.patient(2).id);

    // The same clerk logs out; a verification made for the next patient is presented with the ended token.
    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: reception.refreshToken }, reception.accessToken)).body.data?.logout).toBe(true);
    const next = await verifiedAtClinic(3);
    const name = system.patient(3).name;
    let since = system.output().length;
    expectRefused(await system.graphql(CONFIRM_BY_CARD, { v: next }, reception.accessToken, `${system.urls.qualifications}/graphql`), [name, system.patient(3).id]);
    await expectRefusalLogged('qualifications', since);
    since = system.output().length;
    expectRefused(await system.graphql(CONFIRM_BY_CARD, { v: next }, reception.accessToken), [name, system.patient(3).id]);
    await expectRefusalLogged('gateway', since);
    // No side effect: nothing was recorded for the refused confirmation.
    expect(await confirmedTodayAtClinic()).not.toContain(system.patient(3).id);
  });

  test('a marked mutation is still refused when its request selects an unmarked one beside it (asked up front)', async () => {
    const reception = await loginDemoAccount(call, system.demo, 'clinic-reception');
    const verificationToken = await verifiedAtClinic(4);
    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: reception.refreshToken }, reception.accessToken)).body.data?.logout).toBe(true);
    const both = `mutation($v: String!, $serial: String!) { confirmQualificationByCard(verificationToken: $v) { patientId } reportCardLost(cardSerial: $serial) { __typename } }`;
    const mixed = await counted(() => system.graphql(both, { v: verificationToken, serial: system.patient(4).cardSerial }, reception.accessToken, `${system.urls.qualifications}/graphql`));
    expectRefused(mixed.result, [system.patient(4).id]);
    expect(mixed.revocations).toBeGreaterThanOrEqual(1);
    expect(await confirmedTodayAtClinic()).not.toContain(system.patient(4).id);
  });
});

describe('consent down: every token is refused (fail closed)', () => {
  test('a live token reads nothing and changes nothing while consent cannot be asked', async () => {
    const doctor = await system.token('clinic-doctor');
    const patient = await loginDemoAccount(call, system.demo, 'yamada');
    const patientId = system.patient(0).id;
    const drugsUrl = `${system.urls.drugs}/graphql`;
    const read = await system.graphql<{ patient: { dispensings: { edges: Array<{ node: { drugName: string; drugCode: string } }> } } }>(DOCTOR_READ, { id: patientId }, doctor);
    const first = read.body.data?.patient.dispensings.edges[0]?.node;
    expect(first).toBeDefined();
    const reception = await system.token('clinic-reception');
    const verificationToken = await verifiedAtClinic(5);
    await system.stopService('consent');
    try {
      // The confirmation's decision call cannot be asked, so its token is not proven: refused, nothing recorded.
      expectRefused(await system.graphql(CONFIRM_BY_CARD, { v: verificationToken }, reception, `${system.urls.qualifications}/graphql`), [system.patient(5).name, system.patient(5).id]);
      // Numbers matching nobody make no decision call: the write itself waits for the list, which cannot be asked.
      const anonymousBefore = await anonymousConfirmations();
      expectRefused(await system.graphql(CONFIRM_UNKNOWN_NUMBERS, {}, reception, `${system.urls.qualifications}/graphql`), ['NOT_FOUND']);
      expect(await anonymousConfirmations()).toBe(anonymousBefore);
      const secrets = [first?.drugName ?? '', 'drugName"'];
      expectRefused(await system.graphql(DOCTOR_READ, { id: patientId }, doctor), secrets);
      expectRefused(await system.graphql(DRUGS_ENTITIES, { reps: [{ __typename: 'Patient', id: patientId }] }, doctor, drugsUrl), secrets);
      expectRefused(await system.graphql(DRUG_MASTER, { code: first?.drugCode }, doctor, drugsUrl), ['"drug"']);
      expectRefused(await system.graphql(REPORT_LOST, { serial: system.patient(0).cardSerial }, patient.accessToken, `${system.urls.qualifications}/graphql`), ['CardRegistration']);
    } finally {
      await system.restartService('consent');
    }
    // Nothing was changed while refused: the card still logs in, and the confirmation was not recorded.
    const again = await loginDemoAccount(call, system.demo, 'yamada');
    expect((await system.graphql<{ me: { id: string } }>('{ me { id } }', {}, again.accessToken)).body.data?.me.id).toBe(patientId);
    expect(await confirmedTodayAtClinic()).not.toContain(system.patient(5).id);
  });
});

describe('the request budget (docs/api-guide.md "Limits (defaults; operators may change them)"): an ended token spends none of its holder\'s', () => {
  test('requests refused as ended spend nothing of her budget; over her limit an ended token is told it ended, not that she is busy', async () => {
    const send = (token: string, ownRead = false) => fetch(`${system.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: ownRead ? '{ me { id } }' : '{ __typename }' }) });
    const post = async (token: string, ownRead = false) => {
      const response = await send(token, ownRead);
      await response.arrayBuffer();
      return response;
    };
    const ended = await loginDemoAccount(call, system.demo, 'sato');
    const live = await loginDemoAccount(call, system.demo, 'sato');
    expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: ended.refreshToken }, ended.accessToken)).body.data?.logout).toBe(true);
    // Every other request is her own read, whose questions the gateway asks the decision point itself.
    const endedStatuses = new Set<number>();
    for (let i = 0; i < 100; i += 1) endedStatuses.add((await post(ended.accessToken, i % 2 === 1)).status);
    expect([...endedStatuses]).toEqual([401]);
    // Her live session spends the whole budget of the window (BUDGET, less the few requests of her earlier sessions in
    // this file): the 100 refused requests took none of it (the gateway refuses an ended token before it counts).
    let liveAnswers = 0;
    let limited: Response | undefined;
    // Both kinds count: were her own reads not counted, 1.5 × BUDGET requests would not reach the limit.
    for (let i = 0; i < 1.5 * BUDGET && !limited; i += 1) {
      const response = await post(live.accessToken, i % 2 === 1);
      if (response.status === 429) limited = response;
      else if (response.status === 200) liveAnswers += 1;
    }
    expect(limited?.status).toBe(429);
    expect(liveAnswers).toBeGreaterThan(BUDGET - 20);
    for (const ownRead of [false, true]) {
      const afterLimit = await send(ended.accessToken, ownRead);
      expect(afterLimit.status).toBe(401);
      expect(afterLimit.headers.get('retry-after')).toBeNull();
      expect(((await afterLimit.json()) as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
    // Over the limit her own read is refused before its decision is asked: nothing is logged for it.
    const satoId = system.patient(1).id;
    const from = new Date(Date.now() - 120_000).toISOString();
    const loggedBefore = await entriesBy(live.accessToken, satoId, from);
    const overLimit = await counted(() => send(live.accessToken, true));
    expect(overLimit.result.status).toBe(429);
    expect(((await overLimit.result.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(overLimit.decisions).toBe(0);
    expect(await entriesBy(live.accessToken, satoId, from)).toBe(loggedBefore);
  });
});
