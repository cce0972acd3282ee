/**
 * SQL statements per request, pinned (docs/benchmarks.md "SQL statements per request"): the benchmark's
 * scenarios (tests/bench/scenarios.ts, the same operations) each sent through the gateway one request at a time, on
 * three patients where the scenario spans patients, and every subgraph's statement count per request read from its
 * /metrics. Counted, not timed, so it holds on a loaded machine; the system starts once, small.
 *
 * A count that rises is a regression to explain or fix; one that falls is progress: update the pin and the
 * benchmarks section together. Every request also answers without an error (a refused request reads less).
 */
import { cardLogin, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { countStatements, prime, tokensOfAccounts } from '../bench/bench';
import { hospitalConsents, readerVerifications } from '../bench/reader';
import { cardPathAvailable, loadSchemaFacts, patientPool, prepareScenario, scenarioSpecs, type ScenarioName } from '../bench/scenarios';
import { startTestSystem, type TestSystem } from './harness';

/** Sequential requests counted per scenario: three different patients where the scenario spans patients. */
const SAMPLES = 3;

/** Statements per request, per subgraph (a subgraph that runs none is left out). */
const PINNED: Record<ScenarioName, Record<string, number>> = {
  // Card confirmation: one decision (read + write), card → person → coverage, the confirmation record.
  reception: { consent: 2, qualifications: 2 },
  // One decision call (read + write) and each subgraph's one read. The doctor's qualification question carries when this
  // facility last confirmed the person, so qualifications asks it, and her fields' questions along with it for drugs
  // and checkups (docs/access-policy.md "One decision call per request").
  doctorVisit: { consent: 2, qualifications: 1, drugs: 1, checkups: 1 },
  // One decision call, the gateway's, for all three categories (the patient's questions carry no fact of a subgraph's
  // records); the subgraphs' reads, and the person's own consents and PHR grants in one statement. The consents'
  // facilities were named by qualifications' master on the first request and are kept at the gateway for a minute
  // (docs/architecture.md "Reference data cached at the gateway"): no look-up per request after it.
  dashboard: { consent: 3, qualifications: 1, drugs: 1, checkups: 1 },
  // The same screen, each request another person's own (her login): the same statements whoever she is.
  dashboardMany: { consent: 3, qualifications: 1, drugs: 1, checkups: 1 },
  // One decision call, the gateway's, for the person and the dispensings; the dispensings: qualifications is asked
  // only for the id and reads nothing.
  phrSync: { consent: 2, drugs: 1 },
};

let system: TestSystem;

beforeAll(async () => {
  // No audit checkpoint during the run: its statements would land in whichever request it overlaps.
  system = await startTestSystem({ patients: 40, env: { AUDIT_CHECKPOINT_INTERVAL_MS: String(24 * 3_600_000) } });
});
afterAll(async () => {
  await system?.stop();
});

test.each(Object.keys(PINNED) as ScenarioName[])('%s: statements per request per subgraph equal the pinned counts, request after request', async (name) => {
  const facts = loadSchemaFacts();
  let verificationTokens: string[] | undefined;
  if (name === 'reception') {
    expect(cardPathAvailable(facts)).toBe(true);
    // Twice as many cards as needed: the demo world leaves some unregistered for insurance use on purpose.
    verificationTokens = (await readerVerifications(system, await system.token('clinic-reception'), patientPool(system.demo, SAMPLES * 2))).tokens.slice(0, SAMPLES);
    expect(verificationTokens).toHaveLength(SAMPLES);
  }
  // The hospital's consents for the patients the doctor's scenario reads (the benchmark registers the same).
  if (name === 'doctorVisit') await hospitalConsents(system, patientPool(system.demo, SAMPLES));
  const spec = scenarioSpecs(system.demo, SAMPLES, { verificationTokens }).find((s) => s.name === name);
  if (!spec) throw new Error(`no scenario ${name}`);
  const scenario = prepareScenario(facts, spec, SAMPLES);
  expect(scenario.unavailable).toBeUndefined();
  const token = await system.token(spec.account);
  if (spec.accountOf) scenario.tokens = await tokensOfAccounts(system, scenario.bodies.map((_, i) => spec.accountOf?.(i) ?? spec.account));
  // Once through first, as the benchmark does: what a first request warms (caches, prepared plans) is not per request.
  await prime(system.gatewayUrl, scenario, token, 1);
  const counted = await countStatements(system, scenario, token, SAMPLES);
  const people: Array<string | undefined> = [];
  const answers = await Promise.all(scenario.bodies.map(async (body, i) => {
    const response = await fetch(`${system.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${scenario.tokens?.[i] ?? token}` }, body });
    const answer = (await response.json()) as { errors?: unknown[]; data?: { me?: { id?: string } } };
    people.push(answer.data?.me?.id);
    return { status: response.status, errors: answer.errors };
  }));
  expect(answers).toEqual(scenario.bodies.map(() => ({ status: 200, errors: undefined })));
  // Each request of the many-people dashboard is another person's own screen.
  if (spec.accountOf) expect(new Set(people).size).toBe(SAMPLES);
  expect(counted.statements.perRequestBySubgraph).toEqual(Array.from({ length: SAMPLES }, () => PINNED[name]));
});

describe('a read that passes through the person to another subgraph (qualifications asked for the id alone)', () => {
  const PASS_THROUGH = 'query($id: ID!) { patient(id: $id) { id } }';
  const body = (id: string) => JSON.stringify({ query: PASS_THROUGH, variables: { id } });
  const ownLog = async (token: string) => (await system.graphql<{ me: { accessLog: Array<{ actorRole: string; category: string; decision: string; requestId: string }> } }>(
    '{ me { accessLog(first: 50) { actorRole category decision requestId } } }', {}, token)).body.data?.me.accessLog ?? [];

  test('her PHR app: decided and logged by the decision point, and no row of hers read', async () => {
    const yamada = system.patient(0);
    const app = await system.token('phr-demo');
    const before = (await ownLog(await system.token('yamada'))).filter((entry) => entry.actorRole === 'PHR_APP' && entry.category === 'QUALIFICATION').length;
    const counted = await countStatements(system, { bodies: [body(yamada.id)] }, app, 1);
    expect(counted.statements.perRequestBySubgraph).toEqual([{ consent: 2 }]);
    const answer = await system.graphql<{ patient: { id: string } }>(PASS_THROUGH, { id: yamada.id }, app);
    expect(answer.body).toEqual({ data: { patient: { id: yamada.id } } });
    const after = (await ownLog(await system.token('yamada'))).filter((entry) => entry.actorRole === 'PHR_APP' && entry.category === 'QUALIFICATION');
    expect(after).toHaveLength(before + 2);
    expect(after.every((entry) => entry.decision === 'ALLOW')).toBe(true);
  });

  test('a person who never granted the app: NOT_FOUND as an unknown id, nothing of hers in the answer, and the refusal in her log', async () => {
    const app = await system.token('phr-demo');
    const stranger = system.patient(3);
    const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
    const own = (await cardLogin(call, system.demo, stranger.cardSerial)).accessToken;
    const appEntries = async () => (await ownLog(own)).filter((entry) => entry.actorRole === 'PHR_APP');
    const before = await appEntries();
    const refused = await system.graphql(PASS_THROUGH, { id: stranger.id }, app);
    const nobody = '00000000-0000-4000-8000-000000000000';
    const unknown = await system.graphql(PASS_THROUGH, { id: nobody }, app);
    expect(refused.body.data?.patient ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refused.body.errors?.[0]?.message.replace(stranger.id, '<id>')).toBe(unknown.body.errors?.[0]?.message.replace(nobody, '<id>'));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refused.text).not.toContain(stranger.name);
    const after = await appEntries();
    // Newest first: what this request added comes before what was there.
    const added = after.slice(0, after.length - before.length);
    expect(added.map((entry) => ({ category: entry.category, decision: entry.decision }))).toEqual([{ category: 'QUALIFICATION', decision: 'DENY' }]);
  });
});
