/**
 * SQL statements per request, pinned (docs/benchmarks.md "SQL statements per request"): the benchmark's four
 * scenarios (tests/bench/scenarios.ts, the same operations) each sent through the gateway one request at a time, on
 * three patients where the scenario spans patients, and every subgraph's statement count per request read from its
 * /metrics. Counted, not timed, so it holds on a loaded machine; the system starts once, small.
 *
 * A count that rises is a regression to explain or fix; one that falls is progress: update the pin and the
 * benchmarks section together. Every request also answers without an error (a refused request reads less).
 */
import { countStatements, prime } from '../bench/bench';
import { hospitalConsents, readerVerifications } from '../bench/reader';
import { cardPathAvailable, loadSchemaFacts, patientPool, prepareScenario, scenarioSpecs, type ScenarioName } from '../bench/scenarios';
import { startTestSystem, type TestSystem } from './harness';

/** Sequential requests counted per scenario: three different patients where the scenario spans patients. */
const SAMPLES = 3;

/** Statements per request, per subgraph (a subgraph that runs none is left out). */
const PINNED: Record<ScenarioName, Record<string, number>> = {
  // Card confirmation: one decision (read + write), card → person → coverage, the confirmation record.
  reception: { consent: 2, qualifications: 2 },
  // Three decisions (qualifications, drugs, checkups: read + write each) and each subgraph's one read.
  doctorVisit: { consent: 6, qualifications: 1, drugs: 1, checkups: 1 },
  // The same three decisions and reads, and the person's own consents and PHR grants in one statement.
  dashboard: { consent: 7, qualifications: 1, drugs: 1, checkups: 1 },
  // Two decisions (the person, the dispensings), the person and the dispensings.
  phrSync: { consent: 4, qualifications: 1, drugs: 1 },
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
  // Once through first, as the benchmark does: what a first request warms (caches, prepared plans) is not per request.
  await prime(system.gatewayUrl, scenario, token, 1);
  const counted = await countStatements(system, scenario, token, SAMPLES);
  const answers = await Promise.all(scenario.bodies.map(async (body) => {
    const response = await fetch(`${system.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    return { status: response.status, errors: ((await response.json()) as { errors?: unknown[] }).errors };
  }));
  expect(answers).toEqual(scenario.bodies.map(() => ({ status: 200, errors: undefined })));
  expect(counted.statements.perRequestBySubgraph).toEqual(Array.from({ length: SAMPLES }, () => PINNED[name]));
});
