/**
 * Smoke run of the claim re-routing benchmark (tests/bench/claimRerouting.ts, docs/benchmarks.md "Claim re-routing")
 * on tiny data: the same path as the measured run — the running drugs service's ingest with its look-ups of consent
 * and qualifications — in batches of five, so a broken benchmark shows up in the tests, and so does a second coverage
 * call per batch (docs/drugs.md: one batched call per ingest batch, never one per claim, counted by qualifications
 * itself). What the bench stored is then what the operator's statistics answer.
 */
import { rerouteOneMonth, REROUTE_MONTH, type RerouteFigures } from '../bench/claimRerouting';
import { startTestSystem, type TestSystem } from './harness';

const PATIENTS = 12;
const STATISTICS = 'query($f: String!, $t: String!) { claimRoutingStatistics(fromMonth: $f, toMonth: $t) { serviceMonth checked rerouted returned } }';
type Month = { serviceMonth: string; checked: number; rerouted: number; returned: number };

let system: TestSystem;
let before: Month | undefined;
let figures: RerouteFigures;

async function statisticsOfMonth(): Promise<Month | undefined> {
  const answer = await system.graphql<{ claimRoutingStatistics: Month[] }>(STATISTICS, { f: REROUTE_MONTH, t: REROUTE_MONTH }, await system.token('admin'));
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data?.claimRoutingStatistics[0];
}

beforeAll(async () => {
  system = await startTestSystem({ patients: PATIENTS });
  before = await statisticsOfMonth();
  // Two batches in flight, as the measured run sends them: concurrent batches share routing totals.
  figures = await rerouteOneMonth(system, PATIENTS, 0.5, { batchSize: 5, concurrency: 2 });
}, 300_000);

afterAll(async () => {
  await system?.stop();
});

test('one month of claims in batches: one coverage call per batch, every claim stored or returned', () => {
  expect(figures.batches).toBe(3);
  expect(figures.coverageCalls).toBe(figures.batches);
  expect(figures.stored + figures.returned).toBe(PATIENTS);
  expect(figures.rerouted).toBeGreaterThan(0);
  expect(figures.seconds).toBeGreaterThan(0);
  for (const [name, rss] of Object.entries(figures.rss)) {
    expect({ name, sampled: rss.peak > 0 && rss.atTenths.length >= 2 }).toEqual({ name, sampled: true });
  }
});

test('the operator\'s statistics count exactly what the benchmark sent', async () => {
  const after = await statisticsOfMonth();
  expect({
    checked: (after?.checked ?? 0) - (before?.checked ?? 0),
    rerouted: (after?.rerouted ?? 0) - (before?.rerouted ?? 0),
    returned: (after?.returned ?? 0) - (before?.returned ?? 0),
  }).toEqual({ checked: PATIENTS, rerouted: figures.rerouted, returned: figures.returned });
});
