/**
 * Re-routing one month of claims (レセプト振替), measured (docs/benchmarks.md "Claim re-routing"):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --tsconfig tsconfig.base.json tests/bench/claimRerouting.ts \
 *     [--patients 100000] [--claims <patients>] [--misaddressed 0.1] [--database onshi_reroute] [--concurrency 4]
 *
 * Loads the demo world into a PostgreSQL database kept by name and reused (as `pnpm bench --database`), starts the
 * system over it and sends one month of care (the demo as-of month) of one pharmacy claim per patient to the running
 * drugs service's ingest (the ingest job's path, POST /internal/operations/ingest-claims), batch after batch: the
 * service checks the patients with consent and asks qualifications for their coverage, once per batch, and routes
 * every claim. `--misaddressed` of them name an insurer that did not cover the patient that day (the former one after
 * a change, else another insurer of the demo world), so they are re-routed; a claim of a patient without coverage that
 * day is returned. Measured: time, claims/s, the coverage calls qualifications served (its /metrics: exactly one per
 * batch), and the resident memory (/proc/<pid>/status VmRSS, every 100 ms) of drugs, qualifications and consent, with
 * the value at each tenth of the month: flat memory means it does not grow with the claims sent.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { postServiceOperationJson, COVERAGE_PATH } from '@onshi/kit';
import { coverageOn, type DemoPatient } from '@onshi/demo';
import type { IngestResult } from '../../subgraphs/drugs/src/services/claimIngest';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { AS_OF, startTestSystem, type TestSystem } from '../src/harness';
import { rssMiB } from './targets';
import { snapshot, systemGroups, MACHINE_GROUP } from './cpu';
import { benchSecretKey, createDatabase, databaseExists, recordedLoad, recordLoad, seedDatabase, serverSettings, checkpointCounts, withDatabase } from './seed';

export const REROUTE_MONTH = AS_OF.slice(0, 7);
/**
 * Claims per batch: the ingest takes up to MAX_CLAIMS_PER_BATCH (5,000), but a batch posted to the running service is
 * one request body, at most 1 MB (platform http.ts), and these claims are ~0.4 kB of JSON each.
 */
const BATCH_SIZE = 2_000;
/** Patients whose 5-year drug and checkup histories are loaded (see main). */
const HISTORY_PATIENTS = 10_000;
const LAST_DAY_OF_CARE = Number(AS_OF.slice(8, 10));

export interface RerouteFigures {
  patients: number;
  claims: number;
  batches: number;
  /** Batches in flight at once. */
  concurrency: number;
  coverageCalls: number;
  stored: number;
  rerouted: number;
  returned: number;
  seconds: number;
  /** Process → MiB: before, peak, and at each tenth of the claims sent. */
  rss: Record<string, { before: number; peak: number; atTenths: number[] }>;
  /**
   * CPU seconds spent during the month by each of this run's process groups (the subgraphs, this database's PostgreSQL
   * backends, the sender) and by the whole machine (every engineer's work): the sum over this run's groups divided by
   * the cores is the time the month would take on a machine doing nothing else, whatever the load while measuring.
   */
  cpuSeconds: Record<string, number>;
}

/** A deterministic fraction in [0, 1) of a patient index (the same claims on every run). */
function fraction(index: number): number {
  let x = (index + 1) * 0x9e3779b1;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** One pharmacy claim of the month for a patient: to the insurer that covered the day of care, or (misaddressed) another. */
function claimOf(patient: DemoPatient, run: string, drugCode: string, misaddressed: boolean, otherInsurer: (not: string) => string): Record<string, unknown> {
  const day = `${REROUTE_MONTH}-${String(1 + (patient.index % LAST_DAY_OF_CARE)).padStart(2, '0')}`;
  const covering = coverageOn(patient, day)?.insurerNumber;
  const latest = patient.coverages[patient.coverages.length - 1]?.insurerNumber ?? otherInsurer('');
  const billed = covering ?? latest;
  const former = [...patient.coverages].reverse().find((coverage) => coverage.insurerNumber !== billed)?.insurerNumber;
  return {
    claimKind: 'PHARMACY', claimNumber: `R${run}-${patient.index}`, patientId: patient.id, facilityCode: patient.pharmacyCode, prescribingFacilityCode: patient.homeClinicCode,
    insurerNumber: misaddressed ? (former ?? otherInsurer(billed)) : billed, serviceMonth: REROUTE_MONTH, totalPoints: 300, patientShareYen: 900,
    items: [{ date: day, drugCode, quantity: 14, unit: '錠', usage: '１日１回朝食後', days: 14, inOut: 'OUT' }],
  };
}

/** Calls of a service's internal route so far (its /metrics, platform requestContext.ts). */
async function routeCalls(serviceUrl: string, route: string): Promise<number> {
  const metrics = (await (await fetch(`${serviceUrl}/metrics`)).json()) as { routes?: Record<string, number> };
  return metrics.routes?.[route] ?? 0;
}

/**
 * Sends one month of claims, one for each of the first `patients` patients of a running system, to the running drugs
 * service's claim ingest (its ingest-claims operation, kit operations.ts: the ingest job's path on a running system,
 * with the service's look-ups of known patients and coverage) in batches of `batchSize`, and measures it.
 */
export async function rerouteOneMonth(system: TestSystem, patients: number, misaddressedShare: number, options: { batchSize?: number; concurrency?: number; database?: string } = {}): Promise<RerouteFigures> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const concurrency = options.concurrency ?? 1;
  // Claim numbers of this run: a kept database already holds an earlier run's month (whose claims would be resends).
  const run = Date.now().toString(36).slice(-6);
  const drug = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');
  if (!drug) throw new Error('no oral tablet in the drug master');
  const insurers = [...new Set(Array.from({ length: Math.min(patients, 50) }, (_, index) => system.patient(index).coverages.map((c) => c.insurerNumber)).flat())];
  const otherInsurer = (not: string) => insurers.find((number) => number !== not) ?? not;
  const coverageCallsBefore = await routeCalls(system.urls.qualifications, `POST ${COVERAGE_PATH}`);
  const processes: Record<string, number | undefined> = { drugs: system.pid('drugs'), qualifications: system.pid('qualifications'), consent: system.pid('consent') };
  const rss: RerouteFigures['rss'] = {};
  for (const [name, pid] of Object.entries(processes)) if (pid !== undefined) rss[name] = { before: rssMiB([pid]), peak: 0, atTenths: [] };
  const sample = () => { for (const [name, pid] of Object.entries(processes)) { const figure = rss[name]; if (pid !== undefined && figure) figure.peak = Math.max(figure.peak, rssMiB([pid])); } };
  const sampler = setInterval(sample, 100);
  const figures = { stored: 0, rerouted: 0, returned: 0, batches: 0 };
  const tenth = Math.max(1, Math.floor(patients / 10));
  let nextTenth = tenth;
  // The month's requests are made before the clock starts: they come from the facilities' (and the fund's) machines,
  // not from the two cores measured here. Making them — the demo world's patients and their coverage — cost ~54 µs of
  // CPU per claim, as much as the drugs service's ingest, and competed with it for the same cores.
  const bodies: Array<{ json: string; claims: number }> = [];
  for (let first = 0; first < patients; first += batchSize) {
    const claims: Array<Record<string, unknown>> = [];
    for (let index = first; index < Math.min(patients, first + batchSize); index += 1) {
      claims.push(claimOf(system.patient(index), run, drug.drugCode, fraction(index) < misaddressedShare, otherInsurer));
    }
    bodies.push({ json: JSON.stringify({ claims }), claims: claims.length });
  }
  let nextBatch = 0;
  let sent = 0;
  // `concurrency` senders take the next batch as soon as theirs is answered: the month's claims come from many
  // facilities at once, and the ingest is one transaction per batch whatever arrives beside it.
  const sender = async () => {
    for (let batch = bodies[nextBatch]; batch !== undefined; batch = bodies[nextBatch]) {
      const first = nextBatch * batchSize;
      bodies[nextBatch] = { json: '', claims: 0 }; // sent: let the body go
      nextBatch += 1;
      const response = await postServiceOperationJson(system.urls.drugs, 'ingest-claims', system.internalSecret, batch.json);
      const text = await response.text();
      if (!response.ok) throw new Error(`batch at ${first}: drugs answered ${response.status}: ${text.slice(0, 300)}`);
      const result = (JSON.parse(text) as { result: IngestResult }).result;
      if (!result.ok) throw new Error(`batch at ${first} rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
      figures.batches += 1;
      figures.stored += result.claimCount;
      figures.rerouted += result.reroutedCount;
      figures.returned += result.returnedCount;
      sent += batch.claims;
      while (sent >= nextTenth && nextTenth <= patients) {
        for (const [name, pid] of Object.entries(processes)) if (pid !== undefined) rss[name]?.atTenths.push(rssMiB([pid]));
        nextTenth += tenth;
      }
    }
  };
  const cpuBefore = snapshot(systemGroups(options.database));
  const started = process.hrtime.bigint();
  try {
    await Promise.all(Array.from({ length: concurrency }, sender));
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Backends opened during the month are in the second listing only: their whole CPU time is this month's.
  const cpuAfter = snapshot(systemGroups(options.database));
  const cpuSeconds = Object.fromEntries(Object.keys(cpuAfter).map((group) => [group, ((cpuAfter[group] ?? 0) - (cpuBefore[group] ?? 0)) / 100]));
  sample();
  const coverageCalls = (await routeCalls(system.urls.qualifications, `POST ${COVERAGE_PATH}`)) - coverageCallsBefore;
  return { patients, claims: patients, concurrency, coverageCalls, seconds, rss, cpuSeconds, ...figures };
}

async function main(): Promise<void> {
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  const { values } = parseArgs({ options: { patients: { type: 'string', default: '100000' }, misaddressed: { type: 'string', default: '0.1' }, database: { type: 'string', default: 'onshi_reroute' }, claims: { type: 'string' }, concurrency: { type: 'string', default: '4' } } });
  const patients = Number(values.patients);
  const share = Number(values.misaddressed);
  // One claim each for the first `--claims` patients (default: all of them), e.g. a shorter run under a profiler.
  const claims = Math.min(patients, Number(values.claims ?? patients));
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('set DATABASE_URL (PostgreSQL): the figure is PostgreSQL’s, and the memory the ingest’s, not an embedded database’s');
  // The harness would make a fresh database of its own from DATABASE_URL; this run brings a loaded one.
  delete process.env.DATABASE_URL;
  const name = `${values.database}_${patients}`;
  let databaseUrl = withDatabase(baseUrl, name);
  if (!(await databaseExists(baseUrl, name)) || (await recordedLoad(databaseUrl)) === undefined) {
    say(`loading ${patients} patients into ${name}…`);
    databaseUrl = await createDatabase(baseUrl, name);
    // Routing reads coverage (qualifications) and known patients (consent) of everyone; the drugs and checkups
    // histories play no part in it, and at 10⁶ they are 95 % of an hour's load (docs/benchmarks.md "Loading 10⁶
    // patients"): those two subgraphs hold the first HISTORY_PATIENTS patients' histories only.
    const historyPatients = Math.min(patients, HISTORY_PATIENTS);
    await recordLoad(databaseUrl, patients, await seedDatabase(databaseUrl, patients, benchSecretKey(name), say, undefined, { drugs: historyPatients, checkups: historyPatients }));
  }
  const load = await recordedLoad(databaseUrl);
  const settings = await serverSettings(databaseUrl);
  const system = await startTestSystem({ patients, env: { DATABASE_URL: databaseUrl, ONSHI_SECRET_KEY: benchSecretKey(name) } });
  try {
    const checkpointsBefore = await checkpointCounts(databaseUrl);
    const figures = await rerouteOneMonth(system, claims, share, { concurrency: Number(values.concurrency), database: name });
    const checkpointsAfter = await checkpointCounts(databaseUrl);
    say(JSON.stringify(figures));
    say(`\n${patients.toLocaleString('en')} patients on PostgreSQL (load ${load?.seconds.toFixed(0)} s; ${settings}), ${os.cpus().length} cores, Node ${process.version}\n`);
    say('| claims | batches (in flight) | coverage calls | stored (as billed + re-routed) | re-routed | returned | time | claims/s | RSS before → peak: drugs · qualifications · consent (MiB) |');
    say('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    const peaks = Object.values(figures.rss).map((figure) => `${figure.before} → ${figure.peak}`).join(' · ');
    say(`| ${figures.claims.toLocaleString('en')} | ${figures.batches} (${figures.concurrency}) | ${figures.coverageCalls} | ${figures.stored.toLocaleString('en')} | ${figures.rerouted.toLocaleString('en')} | ${figures.returned.toLocaleString('en')} | ${figures.seconds.toFixed(1)} s | ${(figures.claims / figures.seconds).toFixed(0)} | ${peaks} |`);
    say(`PostgreSQL checkpoints during the month: ${checkpointsAfter.requested - checkpointsBefore.requested} forced by WAL volume, ${checkpointsAfter.timed - checkpointsBefore.timed} timed`);
    for (const [process_, figure] of Object.entries(figures.rss)) say(`RSS of ${process_} at each tenth (MiB): ${figure.atTenths.join(' · ')}`);
    const ours = Object.entries(figures.cpuSeconds).filter(([group]) => group !== MACHINE_GROUP && group !== 'gateway');
    const oursTotal = ours.reduce((sum, [, cpu]) => sum + cpu, 0);
    say(`CPU seconds: ${ours.map(([group, cpu]) => `${group} ${cpu.toFixed(1)} (${((cpu * 1e6) / figures.claims).toFixed(0)} µs/claim)`).join(' · ')}; this run ${oursTotal.toFixed(1)} s = ${(oursTotal / os.cpus().length).toFixed(1)} s on ${os.cpus().length} idle cores; the whole machine ${(figures.cpuSeconds[MACHINE_GROUP] ?? 0).toFixed(1)} s (load ${os.loadavg()[0]?.toFixed(1)})`);
  } finally {
    await system.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
