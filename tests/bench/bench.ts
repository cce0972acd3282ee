/**
 * The benchmark (docs/benchmarks.md): for each scale, start the real system over a fresh database (the test
 * harness's `startTestSystem`, which uses the same `startSystem` as `pnpm start`; each subgraph seeds its
 * demo data in streamed batches at start), then measure every scenario against every target in the same
 * run — our gateway with 1 and N workers, Hive Gateway with the same worker counts over the same supergraph
 * and subgraphs, and the subgraph directly where a scenario touches only one — plus SQL statements per
 * request, gateway RSS and a CPU profile of our gateway under load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openStatementTimes, type StatementTime } from './statementTimes';
import { REPO_ROOT } from '@onshi/kit';
import { SUBGRAPH_NAMES, type ServiceName } from '@onshi/system';
import { startTestSystem, type TestSystem } from '../src/harness';
import { prepareBaselineCheckout, startBaseline, type BaselineTarget } from './baseline';
import { coresUsed, snapshot, systemGroups } from './cpu';
import { mergeWindows, runLoad, runLoadWindow, tokenFor, type LoadFigures, type LoadWindow } from './load';
import { runOpenLoop, type OpenLoopFigures } from './openLoop';
import { interruptSignal, throwIfInterrupted } from './interrupt';
import { summariseProfile, type ProfileSummary } from './profile';
import { hospitalConsents, readerVerifications } from './reader';
import { benchDatabaseName, benchSecretKey, createDatabase, databaseExists, dropDatabase, HARNESS_DEMO, recordedLoad, recordLoad, seedDatabase, serverSettings, withDatabase } from './seed';
import { cardPathAvailable, loadSchemaFacts, patientPool, prepareScenario, scenarioSpecs, type PreparedScenario, type ScenarioName } from './scenarios';
import { BENCH_GATEWAY_ENV, gatewayEnvFor, PRODUCTION_ENV, ownChildrenRunning, rssMiB, startGatewayCluster, startHiveGateway, supergraphFor, type BenchProcess } from './targets';

export interface BenchOptions {
  /** Scales to run, in demo patients (each gets a fresh database). */
  patients: number[];
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Gateway worker counts to compare (ours and Hive alike). */
  workers: number[];
  hive: boolean;
  /** Seconds of load on a profiled gateway (0: no profile). */
  profileSeconds: number;
  /**
   * The scenarios profiled at the largest scale (default: every one); reception is profiled at every scale. Each
   * profile of a scenario touching several subgraphs starts a copy of each behind a gateway of its own, so the smoke
   * run names one such scenario instead of paying for all.
   */
  profileScenarios?: ScenarioName[];
  /** Distinct patients cycled through by the per-patient scenarios. */
  poolSize: number;
  /** Sequential requests whose SQL statements are counted one by one. */
  statementSamples: number;
  scenarios?: ScenarioName[];
  /**
   * PostgreSQL only: keep each scale's database as `<name>_<patients>` and reuse it when it exists, so a
   * 10⁶ load is paid once (without it every scale gets a fresh database, dropped afterwards).
   */
  database?: string;
  /** Only load the data (PostgreSQL, with `database`): for a 10⁶ load paid ahead of the measured run. */
  seedOnly?: boolean;
  /**
   * Open-loop runs (openLoop.ts) after a scenario's closed-loop runs: scenario → arrival rates per second, each
   * run for `openLoopSeconds` against every gateway target (ours and Hive, not the subgraph directly).
   */
  openLoop?: Partial<Record<ScenarioName, number[]>>;
  openLoopSeconds?: number;
  /**
   * Measured windows per target (default 1), each `durationSeconds` long, the targets taking turns window by window in
   * an order reversed every other round: for same-run ratios on a machine whose speed drifts (docs/benchmarks.md "Rounds").
   */
  rounds?: number;
  /**
   * Redis URL for the shared state of the gateway and subgraphs (docs/operations.md "Replicas and shared state"),
   * as a deployment of several processes runs: the list of ended tokens is read from Redis instead of being asked of
   * consent over HTTP on every request. Unset: each process keeps its own state, as a single `pnpm start`.
   */
  redis?: string;
  /**
   * A commit (anything git names one by: 95c56fa, HEAD~1) whose whole system is started beside ours and measured as
   * one more target, "<short> ×1", with the same scenarios, connections and durations (baseline.ts).
   */
  baseline?: string;
  /** The scales the baseline is measured at (all when absent). */
  baselinePatients?: number[];
  log: (line: string) => void;
}

/** An open-loop p99 above this (ms) means the target no longer keeps up with the rate. */
const OPEN_LOOP_SATURATED_P99_MS = 1_000;

export type TargetKind = 'ours' | 'baseline' | 'hive' | 'direct';

export interface TargetRun {
  target: string;
  kind: TargetKind;
  workers: number;
  figures: LoadFigures;
  /** Average cores used during the measured run, per process group (cpu.ts). */
  cores?: Record<string, number>;
  /** Resident memory of the gateway's processes right after the run, MiB (not for direct runs). */
  rssMiB?: number;
  /** PostgreSQL's most expensive statements of the run, per request (statementTimes.ts; PostgreSQL with pg_stat_statements only; the last round's window). */
  statements?: StatementTime[];
  /** With `rounds` > 1: req/s of each round's window, in round order (the figures merge them all). */
  roundRps?: number[];
}

export interface OpenLoopRun {
  target: string;
  kind: TargetKind;
  workers: number;
  figures: OpenLoopFigures;
}

export interface StatementCounts {
  /** Per sampled request, summed over all subgraphs. */
  perRequest: number[];
  min: number;
  median: number;
  max: number;
  /** Subgraph → statements over all samples. */
  bySubgraph: Record<string, number>;
  /** Per sampled request, subgraph → its statements (subgraphs that ran none are left out). */
  perRequestBySubgraph: Array<Record<string, number>>;
  /** Response sizes of the sampled requests (bytes): different patients, different list sizes. */
  responseBytes: number[];
  /**
   * Per sampled request, the calls consent's revocation route received (the ended-token check of the processes
   * without Redis, docs/operations.md "Replicas and shared state"), from consent's /metrics route counters.
   */
  revocationCalls: number[];
}

export interface ScenarioResult {
  name: ScenarioName;
  title: string;
  account: string;
  operation?: string;
  missing: string[];
  unavailable?: string;
  /** Subgraphs that received a GraphQL request for one operation through the gateway. */
  subgraphs: string[];
  responseBytes?: number;
  probeError?: string;
  statements?: StatementCounts;
  runs: TargetRun[];
  openLoop?: OpenLoopRun[];
  /** Same-run before/after against the --baseline commit. */
  baseline?: BaselineComparison;
}

export interface BaselineComparison {
  /** "95c56fa ×1" */
  target: string;
  commit: string;
  /** Why the baseline was not measured on this scenario. */
  skipped?: string;
  /** Whether the baseline's operation text (built from its own schema) is ours. */
  sameOperation?: boolean;
  /** The baseline's operation when it differs from ours. */
  operation?: string;
  /** When the baseline was asked for this scenario's tokens: just before it was measured (ISO time). */
  tokensMintedAt?: string;
  /**
   * When the oldest of the tokens it handed over was issued (their `iat`, ISO time): the older commit's harness keeps
   * an account's first token, so this, not `tokensMintedAt`, says whether they outlive the scenario.
   */
  tokensIssuedAt?: string;
  /** SQL statements per request of the baseline, counted as ours are. */
  statements?: StatementCounts;
  /**
   * Ours ×1 ÷ the baseline, same run: req/s (above 1 is faster) and p50, p99 (below 1 is faster); with `rounds` > 1
   * also req/s round by round, each ratio of two windows measured back to back.
   */
  oursOverBaseline?: { rps: number; p50?: number; p99?: number; roundRps?: number[] };
}

/** `behindGateway`: a subgraph's share of a scenario touching several, sent by a second gateway (else sent directly). */
export type ProfileResult = ProfileSummary & { service: string; scenario: string; seconds: number; behindGateway?: boolean };

export interface ScaleResult {
  patients: number;
  engine: 'postgresql' | 'pglite';
  /**
   * Loading the demo data (every subgraph's own seed, streamed batches), seconds; on PGlite the whole
   * system start including the seed; undefined when a kept database was reused.
   */
  loadSeconds?: number;
  /** Subgraph → its seed's milliseconds (PostgreSQL). */
  seedBySubgraph?: Record<string, number>;
  /** Start of the system over the loaded data, seconds (PostgreSQL). */
  startSeconds?: number;
  /** Reader verifications prepared for the card confirmation (cards not registered for insurance use are refused). */
  readerPool?: { usable: number; refused: number; firstRefusal?: string };
  /** Name of the kept database that was reused, if any. */
  reusedDatabase?: string;
  databaseBytes: number;
  /** PostgreSQL's memory and checkpoint settings during the run (docs/operations.md "PostgreSQL settings"): a 10⁶ database is larger than the memory, so what the buffers hold moves every read. */
  serverSettings?: string;
  rows?: Record<string, number>;
  scenarios: ScenarioResult[];
  /** CPU profiles under load: our gateway, and the subgraph of a single-subgraph scenario. */
  profiles: ProfileResult[];
  startupErrors: string[];
  /** The --baseline commit's system in this scale: its database and its prepared reader verifications. */
  baseline?: { target: string; commit: string; databaseName?: string; load?: { reused: boolean; seconds?: number }; readerPool?: { usable: number; refused: number; firstRefusal?: string } };
}

export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
  commit: string;
  dirty: boolean;
  startedAt: string;
  finishedAt?: string;
}

export interface BenchReport {
  options: Omit<BenchOptions, 'log'>;
  machine: MachineFacts;
  scales: ScaleResult[];
}

export function machineFacts(): MachineFacts {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no').length > 0,
    startedAt: new Date().toISOString(),
  };
}

interface ServiceMetrics {
  requests: number;
  statements: number;
  revocationCalls: number;
}

async function metrics(url: string): Promise<ServiceMetrics> {
  const body = (await (await fetch(`${url}/metrics`)).json()) as { requests?: number; statements?: number; routes?: Record<string, number> };
  return { requests: body.requests ?? 0, statements: body.statements ?? 0, revocationCalls: body.routes?.['POST /internal/revocations'] ?? 0 };
}

/** A running system's gateway and subgraphs: ours (the harness's TestSystem) or a baseline's. */
interface SystemUrls {
  gatewayUrl: string;
  urls: Partial<Record<string, string>>;
}

async function allMetrics(system: SystemUrls): Promise<Record<string, ServiceMetrics>> {
  const entries = await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await metrics(system.urls[name] ?? '')] as const));
  return Object.fromEntries(entries);
}

async function post(url: string, body: string, token: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` }, body });
  return { status: response.status, text: await response.text() };
}

/**
 * Sends `samples` requests one at a time through the gateway and diffs every subgraph's /metrics around
 * each: which subgraphs a scenario touches and how many SQL statements one request costs. Requests use
 * different patients (different list sizes), so a count that grows with the data shows up as a spread.
 */
export async function countStatements(system: SystemUrls, scenario: Pick<PreparedScenario, 'bodies' | 'tokens'>, token: string, samples: number): Promise<{ subgraphs: string[]; statements: StatementCounts }> {
  const touched = new Set<string>();
  const perRequest: number[] = [];
  const bySubgraph: Record<string, number> = {};
  const perRequestBySubgraph: Array<Record<string, number>> = [];
  const responseBytes: number[] = [];
  const revocationCalls: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const before = await allMetrics(system);
    const answer = await post(system.gatewayUrl, scenario.bodies[i % scenario.bodies.length] ?? '', tokenFor({ token, tokens: scenario.tokens }, i));
    responseBytes.push(Buffer.byteLength(answer.text));
    const after = await allMetrics(system);
    let total = 0;
    const request: Record<string, number> = {};
    for (const name of SUBGRAPH_NAMES) {
      const requests = (after[name]?.requests ?? 0) - (before[name]?.requests ?? 0);
      const statements = (after[name]?.statements ?? 0) - (before[name]?.statements ?? 0);
      if (requests > 0) touched.add(name);
      bySubgraph[name] = (bySubgraph[name] ?? 0) + statements;
      if (statements > 0) request[name] = statements;
      total += statements;
    }
    perRequest.push(total);
    revocationCalls.push((after.consent?.revocationCalls ?? 0) - (before.consent?.revocationCalls ?? 0));
    perRequestBySubgraph.push(request);
  }
  const sorted = [...perRequest].sort((a, b) => a - b);
  return {
    subgraphs: [...touched].sort(),
    statements: { perRequest, min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0, bySubgraph, perRequestBySubgraph, responseBytes, revocationCalls },
  };
}

/** One login per distinct account (eight at a time), in the order of `accounts`. */
export async function tokensOfAccounts(system: Pick<TestSystem, 'token'>, accounts: readonly string[]): Promise<string[]> {
  const distinct = [...new Set(accounts)];
  const byAccount = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < distinct.length; i = next++) {
      const account = distinct[i] ?? '';
      byAccount.set(account, await system.token(account));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return accounts.map((account) => byAccount.get(account) ?? '');
}

export async function prime(url: string, scenario: Pick<PreparedScenario, 'bodies' | 'tokens'>, token: string, parallel = 8): Promise<void> {
  const distinct = new Map<string, { body: string; token: string }>();
  scenario.bodies.forEach((body, i) => {
    const sender = tokenFor({ token, tokens: scenario.tokens }, i);
    distinct.set(`${sender}\n${body}`, { body, token: sender });
  });
  const requests = [...distinct.values()];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) await post(url, requests[i]?.body ?? '', requests[i]?.token ?? token);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

async function databaseFacts(system: TestSystem | undefined, databaseUrl: string | undefined): Promise<{ bytes: number; rows: Record<string, number> }> {
  if (!databaseUrl) {
    if (!system) return { bytes: 0, rows: {} };
    const kib = Number(execFileSync('du', ['-sk', system.dataDir], { encoding: 'utf8' }).split(/\s/)[0] ?? 0);
    return { bytes: kib * 1024, rows: {} };
  }
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const [size] = await sql<Array<{ bytes: string }>>`select pg_database_size(current_database())::text as bytes`;
    // Estimated row counts of the large tables (exact counts would scan 10⁸ rows at full scale).
    const tables = await sql<Array<{ name: string; rows: string }>>`
      select schemaname || '.' || relname as name, n_live_tup::text as rows from pg_stat_user_tables
      where n_live_tup > 0 order by n_live_tup desc limit 12`;
    return { bytes: Number(size?.bytes ?? 0), rows: Object.fromEntries(tables.map((t) => [t.name, Number(t.rows)])) };
  } finally {
    await sql.end();
  }
}

interface Target extends BenchProcess {
  name: string;
  kind: TargetKind;
  workers: number;
  /** The token and bodies this target is sent, when not the scenario's own (a baseline's, built from its own data). */
  requests?: { token: string; bodies: string[]; tokens?: string[] };
  /** CPU groups of the system behind this target, when not ours (cpu.ts). */
  groups?: () => Record<string, number[]>;
}

/** The shared-state variables every process of this run gets (one key prefix per run: runs never share state). */
function sharedStateEnv(options: Pick<BenchOptions, 'redis'>, runId: string): Record<string, string> {
  return options.redis ? { REDIS_URL: options.redis, REDIS_KEY_PREFIX: `onshi-bench-${runId}:` } : {};
}

async function startTargets(system: TestSystem, options: BenchOptions, workDir: string, sharedState: Record<string, string>): Promise<{ targets: Target[]; errors: string[] }> {
  const errors: string[] = [];
  const harnessGateway = ownChildrenRunning(path.join('gateway', 'src', 'index.ts'));
  const env = { ...gatewayEnvFor(system.urls, 'warn'), ...sharedState };
  const supergraphSdl = supergraphFor(system.urls);
  const starts: Array<{ name: string; kind: TargetKind; workers: number; start: () => Promise<BenchProcess> }> = [
    ...options.workers.filter((w) => w !== 1).map((workers) => ({ name: `ours ×${workers}`, kind: 'ours' as const, workers, start: () => startGatewayCluster({ workers, env }) })),
    ...(options.hive
      ? options.workers.map((workers) => ({ name: `Hive ×${workers}`, kind: 'hive' as const, workers, start: () => startHiveGateway({ workers, supergraphSdl, supergraphPath: path.join(workDir, `supergraph-hive-${workers}.graphql`) }) }))
      : []),
  ];
  // Started together: each is a few seconds of module loading, idle once up.
  const started = await Promise.all(starts.map(async ({ start, ...target }) => {
    try {
      return { ...target, ...(await start()) };
    } catch (error) {
      errors.push(`${target.name}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`);
      return undefined;
    }
  }));
  const targets: Target[] = [
    { name: 'ours ×1', kind: 'ours', workers: 1, url: system.gatewayUrl, pids: () => harnessGateway, stop: async () => undefined },
    ...started.filter((t): t is Target => t !== undefined),
  ];
  return { targets, errors };
}

/** The environment the harness gives every subgraph (startTestSystem), for a second, profiled copy of one. */
function subgraphEnvFor(system: TestSystem, databaseUrl: string | undefined, secretKey: string | undefined, sharedState: Record<string, string>): Record<string, string> {
  return {
    DATA_DIR: system.dataDir, INTERNAL_SECRET: system.internalSecret, DEMO_MODE: 'true', DEMO_PATIENTS: String(system.demo.patients),
    DEMO_SEED: system.demo.seed, DEMO_AS_OF: system.demo.asOf ?? '', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl ?? '',
    CONSENT_URL: system.urls.consent, DRUGS_URL: system.urls.drugs, CHECKUPS_URL: system.urls.checkups,
    ...(secretKey ? { ONSHI_SECRET_KEY: secretKey } : {}),
    ...sharedState,
    ...PRODUCTION_ENV,
  };
}

/**
 * A CPU profile of one service under load: a second copy of the service (one cluster worker running its
 * unchanged entry with --cpu-prof, over the same database and beside the same other services) receives
 * the scenario's requests directly — the gateway (the scenario as clients send it) or the one subgraph a
 * single-subgraph scenario touches. With `behindGateway`, the copy of a subgraph sits behind a second,
 * unprofiled gateway that sends it this subgraph's share of a scenario touching several (its entity calls
 * come only from a query plan).
 */
async function profileService(service: 'gateway' | ServiceName, env: Record<string, string>, scenario: PreparedScenario, token: string, options: BenchOptions, workDir: string, behindGateway?: (url: string) => Record<string, string>): Promise<ProfileResult | undefined> {
  const profileDir = path.join(workDir, `cpu-profile-${service}-${scenario.spec.name}`);
  mkdirSync(profileDir, { recursive: true });
  const profiled = await startGatewayCluster({ service, workers: 1, env, workerNodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  let front: BenchProcess | undefined;
  try {
    if (behindGateway) front = await startGatewayCluster({ workers: 1, env: behindGateway(profiled.url) });
    await runLoad({ url: `${(front ?? profiled).url}/graphql`, token, bodies: scenario.bodies, tokens: scenario.tokens, connections: options.connections, durationSeconds: options.profileSeconds, warmupSeconds: options.warmupSeconds });
  } finally {
    await front?.stop();
    await profiled.stop();
  }
  // The profile covers the process's whole life: keep the measured window (plus the second it takes to stop).
  const window = options.profileSeconds + 1;
  const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(profileDir, f));
  const largest = files.sort((a, b) => summariseProfile(b).totalMs - summariseProfile(a).totalMs)[0];
  if (!largest) return undefined;
  return { ...summariseProfile(largest, { lastSeconds: window }), service, scenario: scenario.spec.name, seconds: options.profileSeconds, ...(behindGateway ? { behindGateway: true } : {}) };
}

/**
 * The PostgreSQL database of one scale, loaded with `patients` demo patients: the kept `<database>_<patients>`
 * when an earlier run finished loading it, else a fresh one (dropped again if the load fails).
 */
export async function loadedDatabase(baseUrl: string, patients: number, options: Pick<BenchOptions, 'database' | 'log'>): Promise<{ name: string; url: string; reused: boolean; loadSeconds?: number; seedBySubgraph?: Record<string, number> }> {
  const name = benchDatabaseName(patients, options.database);
  const previous = (await databaseExists(baseUrl, name)) ? await recordedLoad(withDatabase(baseUrl, name)) : undefined;
  if (previous) {
    options.log(`[${patients}] reusing ${name}, loaded ${previous.loadedAt} in ${previous.seconds.toFixed(1)} s`);
    return { name, url: withDatabase(baseUrl, name), reused: true, loadSeconds: previous.seconds, seedBySubgraph: previous.bySubgraph };
  }
  // Absent, or a load that did not finish: load afresh.
  await dropDatabase(baseUrl, name);
  const url = await createDatabase(baseUrl, name);
  options.log(`[${patients}] loading ${patients} patients into PostgreSQL database ${name}…`);
  try {
    const seeded = await seedDatabase(url, patients, benchSecretKey(name), options.log);
    await recordLoad(url, patients, seeded);
    return { name, url, reused: false, loadSeconds: seeded.seconds, seedBySubgraph: seeded.bySubgraph };
  } catch (error) {
    await dropDatabase(baseUrl, name);
    throw error;
  }
}

/** The --baseline commit's system for one scale (its own database on the same server when on PostgreSQL). */
async function startBaselineFor(patients: number, options: BenchOptions, baseUrl: string | undefined, sharedState: Record<string, string>, seedOnly = false): Promise<BaselineTarget> {
  const checkout = await prepareBaselineCheckout(options.baseline ?? 'HEAD', options.log);
  options.log(`[${patients}] starting baseline ${checkout.short} (${checkout.dir})…`);
  return startBaseline({
    checkout, patients, poolSize: options.poolSize, scenarios: options.scenarios ?? ['reception', 'doctorVisit', 'dashboard', 'phrSync'],
    databaseBaseUrl: baseUrl, keepDatabase: options.database, seedOnly, sharedState, log: options.log,
  });
}

function baselineFacts(baseline: BaselineTarget): NonNullable<ScaleResult['baseline']> {
  return { target: baseline.name, commit: baseline.checkout.commit, databaseName: baseline.databaseName, load: baseline.ready.load, readerPool: baseline.ready.readerPool };
}

const quotient = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : undefined);

/** Ours ×1 ÷ the baseline on one scenario, once both were measured. */
function compareWithBaseline(entry: ScenarioResult): void {
  const oursRun = entry.runs.find((r) => r.kind === 'ours' && r.workers === 1);
  const theirsRun = entry.runs.find((r) => r.kind === 'baseline');
  const ours = oursRun?.figures;
  const theirs = theirsRun?.figures;
  if (!entry.baseline || !ours || !theirs) return;
  const rps = quotient(ours.rps, theirs.rps);
  // A side that completed no request in the window has no latency (autocannon reports 0): no latency ratio then.
  const latency = ours.requests > 0 && theirs.requests > 0;
  const roundRps = oursRun?.roundRps?.flatMap((value, round) => {
    const ratio = quotient(value, theirsRun?.roundRps?.[round] ?? 0);
    return ratio === undefined ? [] : [ratio];
  });
  if (rps !== undefined) entry.baseline.oursOverBaseline = { rps, p50: latency ? quotient(ours.p50, theirs.p50) : undefined, p99: latency ? quotient(ours.p99, theirs.p99) : undefined, ...(roundRps && roundRps.length > 0 ? { roundRps } : {}) };
}

export async function runScale(patients: number, options: BenchOptions): Promise<ScaleResult> {
  const baseUrl = process.env.DATABASE_URL || undefined;
  const result: ScaleResult = { patients, engine: baseUrl ? 'postgresql' : 'pglite', databaseBytes: 0, scenarios: [], startupErrors: [], profiles: [] };
  let databaseName: string | undefined;
  let databaseUrl: string | undefined;
  if (baseUrl) {
    const loaded = await loadedDatabase(baseUrl, patients, options);
    ({ name: databaseName, url: databaseUrl } = loaded);
    result.reusedDatabase = loaded.reused ? loaded.name : undefined;
    result.loadSeconds = loaded.loadSeconds;
    result.seedBySubgraph = loaded.seedBySubgraph;
  }
  if (options.seedOnly) {
    if (!baseUrl || !options.database) throw new Error('--seed-only needs DATABASE_URL and --database NAME (the loaded database is kept for later runs)');
    if (databaseUrl) result.databaseBytes = (await databaseFacts(undefined, databaseUrl)).bytes;
    options.log(`[${patients}] loaded in ${result.loadSeconds?.toFixed(1) ?? '(already there)'} s, database ${(result.databaseBytes / 2 ** 20).toFixed(1)} MiB`);
    if (options.baseline) {
      throwIfInterrupted();
      // The baseline's own database, loaded by its own seed, kept beside ours for the measured run.
      const baseline = await startBaselineFor(patients, options, baseUrl, {}, true);
      result.baseline = baselineFacts(baseline);
      await baseline.stop();
      options.log(`[${patients}] baseline ${baseline.name}: database ${baseline.databaseName ?? ''} ${baseline.ready.load?.reused ? 'already loaded' : `loaded in ${baseline.ready.load?.seconds?.toFixed(1) ?? '?'} s`}`);
    }
    return result;
  }
  const dropOwnDatabase = async () => {
    if (baseUrl && databaseName && !options.database) await dropDatabase(baseUrl, databaseName);
  };
  if (interruptSignal.aborted) {
    await dropOwnDatabase();
    throwIfInterrupted();
  }
  // Made once the load is done: a load that fails or is interrupted has no work directory to leave behind.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-bench-'));
  const sharedState = sharedStateEnv(options, path.basename(workDir));
  options.log(`[${patients}] starting the system (${baseUrl ? 'PostgreSQL' : 'PGlite, seeding at start'}${options.redis ? ', shared state in Redis' : ''})…`);
  const started = Date.now();
  let system: TestSystem;
  try {
    system = await startTestSystem({ patients, gatewayEnv: { ...BENCH_GATEWAY_ENV, ...sharedState }, env: { ...PRODUCTION_ENV, ...sharedState, ...(databaseUrl && databaseName ? { DATABASE_URL: databaseUrl, ONSHI_SECRET_KEY: benchSecretKey(databaseName) } : {}) } });
  } catch (error) {
    await dropOwnDatabase();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  if (baseUrl) result.startSeconds = (Date.now() - started) / 1000;
  else result.loadSeconds = (Date.now() - started) / 1000;
  let targets: Target[] = [];
  let baseline: BaselineTarget | undefined;
  const statementTimes = baseUrl ? await openStatementTimes(baseUrl, (line) => options.log(`[${patients}] ${line}`)) : undefined;
  let startingBaseline: Promise<BaselineTarget | string> | undefined;
  const profileInto = async (into: ScaleResult, service: 'gateway' | ServiceName, env: Record<string, string>, scenario: PreparedScenario, token: string, behindGateway?: (url: string) => Record<string, string>) => {
    try {
      const profile = await profileService(service, env, scenario, token, options, workDir, behindGateway);
      if (profile) into.profiles.push(profile);
    } catch (error) {
      throwIfInterrupted();
      into.startupErrors.push(`profile of ${service}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  try {
    throwIfInterrupted();
    if (system.demo.asOf !== HARNESS_DEMO.asOf || system.demo.seed !== HARNESS_DEMO.seed) {
      throw new Error(`the harness's demo world changed (${system.demo.seed} @ ${system.demo.asOf}); update HARNESS_DEMO in tests/bench/seed.ts`);
    }
    const facts = await databaseFacts(system, databaseUrl);
    result.databaseBytes = facts.bytes;
    if (databaseUrl) result.serverSettings = await serverSettings(databaseUrl, ['shared_buffers', 'effective_cache_size', 'max_wal_size']);
    result.rows = facts.rows;
    options.log(`[${patients}] loaded in ${result.loadSeconds?.toFixed(1) ?? '(reused)'} s, database ${(facts.bytes / 2 ** 20).toFixed(1)} MiB`);
    // The baseline starts beside our extra gateways; a baseline that fails to start is reported like any target.
    startingBaseline = options.baseline
      ? startBaselineFor(patients, options, baseUrl, sharedStateEnv(options, `${path.basename(workDir)}-baseline`)).then(
        (started) => (baseline = started),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          options.log(`[${patients}] baseline not started: ${message}`);
          return message;
        },
      )
      : undefined;
    const started = await startTargets(system, options, workDir, sharedState);
    targets = started.targets;
    result.startupErrors = started.errors;
    const baselineStart = await startingBaseline;
    if (typeof baselineStart === 'string') result.startupErrors.push(`baseline ${options.baseline ?? ''}: ${baselineStart.split('\n').slice(0, 3).join(' ')}`);
    else if (baselineStart) {
      baseline = baselineStart;
      result.baseline = baselineFacts(baselineStart);
      for (const error of baselineStart.ready.errors) result.startupErrors.push(`baseline ${baselineStart.name}: ${error}`);
    }
    for (const error of started.errors) options.log(`[${patients}] target not started: ${error}`);
    const schemaFacts = loadSchemaFacts();
    const wanted = (name: ScenarioName) => !options.scenarios || options.scenarios.includes(name);
    let verificationTokens: string[] | undefined;
    if (wanted('reception') && cardPathAvailable(schemaFacts)) {
      try {
        const pool = await readerVerifications(system, await system.token('clinic-reception'), patientPool(system.demo, Math.min(options.poolSize, 200)));
        verificationTokens = pool.tokens;
        result.readerPool = { usable: pool.tokens.length, refused: pool.refused, firstRefusal: pool.firstRefusal };
      } catch (error) {
        result.startupErrors.push(`reader verifications: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (wanted('doctorVisit')) await hospitalConsents(system, patientPool(system.demo, options.poolSize));
    const specs = scenarioSpecs(system.demo, options.poolSize, { verificationTokens }).filter((s) => wanted(s.name));
    let profiled: { scenario: PreparedScenario; token: string } | undefined;
    for (const spec of specs) {
      throwIfInterrupted();
      const scenario = prepareScenario(schemaFacts, spec, options.poolSize);
      const entry: ScenarioResult = { name: spec.name, title: spec.title, account: spec.account, operation: scenario.operation.document, missing: scenario.operation.missing, unavailable: scenario.unavailable, subgraphs: [], runs: [] };
      result.scenarios.push(entry);
      if (scenario.unavailable) {
        options.log(`[${patients}] ${spec.name}: ${scenario.unavailable}`);
        continue;
      }
      const token = await system.token(spec.account);
      if (spec.accountOf) scenario.tokens = await tokensOfAccounts(system, scenario.bodies.map((_, i) => spec.accountOf?.(i) ?? spec.account));
      const probe = await post(system.gatewayUrl, scenario.bodies[0] ?? '', token);
      entry.responseBytes = Buffer.byteLength(probe.text);
      if (probe.status !== 200 || probe.text.includes('"errors"')) entry.probeError = `${probe.status} ${probe.text.slice(0, 400)}`;
      // Every distinct request once through the gateway first, so the first target measured does not pay
      // for cold caches (PostgreSQL buffers, subgraph caches) that later targets find warm.
      await prime(system.gatewayUrl, scenario, token);
      const counted = await countStatements(system, scenario, token, options.statementSamples);
      entry.subgraphs = counted.subgraphs;
      entry.statements = counted.statements;
      const scenarioTargets: Target[] = [...targets];
      if (baseline) {
        // Minted now, not at the baseline's start: a run in rounds outlives its tokens (baselineDriver.ts `minters`).
        const theirs = await baseline.freshScenario(spec.name);
        const comparison: BaselineComparison = { target: baseline.name, commit: baseline.checkout.commit };
        entry.baseline = comparison;
        if (!theirs?.token || theirs.unavailable) {
          comparison.skipped = `not available at ${baseline.checkout.short}: ${theirs?.unavailable ?? 'not prepared'}`;
        } else if (theirs.title !== spec.title) {
          // e.g. reception by typed numbers where ours confirms by card: not the same scenario.
          comparison.skipped = `a different operation at ${baseline.checkout.short}: ${theirs.title}`;
        } else {
          const requests = { token: theirs.token, bodies: theirs.bodies, ...(theirs.tokens ? { tokens: theirs.tokens } : {}) };
          comparison.tokensMintedAt = theirs.mintedAt;
          comparison.tokensIssuedAt = theirs.issuedAt;
          comparison.sameOperation = theirs.operation === scenario.operation.document;
          if (!comparison.sameOperation) comparison.operation = theirs.operation;
          await prime(baseline.url, requests, requests.token);
          comparison.statements = (await countStatements({ gatewayUrl: baseline.url, urls: baseline.urls }, requests, requests.token, options.statementSamples)).statements;
          scenarioTargets.push({ name: baseline.name, kind: 'baseline', workers: 1, url: baseline.url, pids: baseline.pids, stop: async () => undefined, requests, groups: baseline.groups });
        }
        if (comparison.skipped) options.log(`[${patients}] ${spec.name} → ${baseline.name}: skipped, ${comparison.skipped}`);
      }
      const [only] = counted.subgraphs;
      if (counted.subgraphs.length === 1 && only) {
        scenarioTargets.push({ name: `direct ${only}`, kind: 'direct', workers: 1, url: system.urls[only as ServiceName], pids: () => [], stop: async () => undefined });
      }
      // Each scenario starts at a different target, so no target is always measured first (or last).
      const shift = result.scenarios.length - 1;
      const ordered = scenarioTargets.map((_, i) => scenarioTargets[(i + shift) % scenarioTargets.length]).filter((t): t is Target => t !== undefined);
      // Each target measured in `rounds` windows, the targets taking turns window by window and the order reversed every
      // other round (A B, B A, A B…): a machine that slows down during the scenario slows every target alike.
      const rounds = Math.max(1, options.rounds ?? 1);
      const measuring = new Map<Target, { windows: LoadWindow[]; coreSeconds: Record<string, number>; statements?: StatementTime[]; rssMiB?: number }>();
      for (let round = 0; round < rounds; round += 1) {
        for (const target of round % 2 === 0 ? ordered : [...ordered].reverse()) {
          throwIfInterrupted();
          const load = { url: `${target.url}/graphql`, token: target.requests?.token ?? token, bodies: target.requests?.bodies ?? scenario.bodies, tokens: target.requests ? target.requests.tokens : scenario.tokens, connections: options.connections, warmupSeconds: 0 };
          if (round === 0 && options.warmupSeconds > 0) await runLoad({ ...load, durationSeconds: options.warmupSeconds });
          const groups = { 'gateway under test': target.pids(), ...(target.groups ? target.groups() : systemGroups(databaseName)) };
          // The baseline reads its own database; every other target ours. Over several rounds only the last window's
          // statements are kept: the subgraphs measured directly share our database, and their windows come between.
          const targetDatabase = target.kind === 'baseline' ? baseline?.databaseName : databaseName;
          const lastRound = round === rounds - 1;
          if (targetDatabase && lastRound) await statementTimes?.reset(targetDatabase);
          const before = snapshot(groups);
          const measuredFrom = Date.now();
          const window = await runLoadWindow({ ...load, durationSeconds: options.durationSeconds });
          const seconds = (Date.now() - measuredFrom) / 1000;
          const cores = coresUsed(before, snapshot(groups), seconds);
          const measured = measuring.get(target) ?? { windows: [], coreSeconds: {} };
          measuring.set(target, measured);
          measured.windows.push(window);
          for (const [group, used] of Object.entries(cores)) measured.coreSeconds[group] = (measured.coreSeconds[group] ?? 0) + used * seconds;
          if (targetDatabase && lastRound) measured.statements = await statementTimes?.read(targetDatabase, window.figures.requests);
          if (lastRound && target.kind !== 'direct') measured.rssMiB = rssMiB(target.pids());
          if (rounds > 1) options.log(`[${patients}] ${spec.name} → ${target.name}, round ${round + 1} of ${rounds}: ${window.figures.rps.toFixed(0)} req/s`);
        }
      }
      for (const target of ordered) {
        const measured = measuring.get(target);
        if (!measured) continue;
        const figures = mergeWindows(measured.windows);
        const seconds = measured.windows.reduce((sum, w) => sum + w.seconds, 0);
        const cores = Object.fromEntries(Object.entries(measured.coreSeconds).map(([group, coreSeconds]) => [group, coreSeconds / seconds]));
        const run: TargetRun = {
          target: target.name, kind: target.kind, workers: target.workers, figures, cores, rssMiB: measured.rssMiB,
          ...(rounds > 1 ? { roundRps: measured.windows.map((w) => w.figures.rps) } : {}),
          ...(measured.statements ? { statements: measured.statements } : {}),
        };
        entry.runs.push(run);
        options.log(`[${patients}] ${spec.name} → ${target.name}: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms, errors ${figures.non2xx + figures.graphqlErrors + figures.connectionErrors}${figures.firstError ? ` (${figures.firstError.slice(0, 160)})` : ''}`);
      }
      const rates = options.openLoop?.[spec.name] ?? [];
      for (const target of rates.length > 0 ? ordered.filter((t) => t.kind !== 'direct') : []) {
        for (const rate of [...rates].sort((a, b) => a - b)) {
          throwIfInterrupted();
          const figures = await runOpenLoop({ url: `${target.url}/graphql`, token: target.requests?.token ?? token, bodies: target.requests?.bodies ?? scenario.bodies, tokens: target.requests ? target.requests.tokens : scenario.tokens, rate, durationSeconds: options.openLoopSeconds ?? 10 });
          (entry.openLoop ??= []).push({ target: target.name, kind: target.kind, workers: target.workers, figures });
          options.log(`[${patients}] ${spec.name} → ${target.name} open loop at ${rate}/s: ${figures.rps.toFixed(0)} answered/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, errors ${figures.errors}, late sends ${figures.sentLate}${figures.firstError ? ` (${figures.firstError.slice(0, 160)})` : ''}`);
          // Past saturation a higher rate only piles up a backlog that the next target would still be working off.
          if (figures.errors > 0 || figures.p99 > OPEN_LOOP_SATURATED_P99_MS) {
            options.log(`[${patients}] ${spec.name} → ${target.name}: saturated at ${rate}/s, higher rates skipped`);
            break;
          }
        }
      }
      compareWithBaseline(entry);
      profiled = { scenario, token };
      // The largest scale profiles the gateway under every scenario (and the subgraph of a single-subgraph
      // one), right after the scenario's runs: reader verifications (10 min) are still fresh.
      const largest = (options.profileScenarios?.includes(spec.name) ?? true) && patients === Math.max(...options.patients);
      if (options.profileSeconds > 0 && (largest || spec.name === 'reception')) {
        // A second copy of a subgraph needs a database server: PGlite's data dir belongs to one process.
        const subgraphs = databaseUrl ? (counted.subgraphs as ServiceName[]) : [];
        options.log(`[${patients}] profiling our gateway${subgraphs.length > 0 ? ` and ${subgraphs.join(', ')}` : ''} under ${spec.name} for ${options.profileSeconds} s each…`);
        await profileInto(result, 'gateway', { ...gatewayEnvFor(system.urls, 'warn'), ...sharedState }, scenario, token);
        const copyEnv = subgraphEnvFor(system, databaseUrl, databaseName ? benchSecretKey(databaseName) : undefined, sharedState);
        for (const subgraph of subgraphs) {
          // A scenario touching several subgraphs reaches each one's copy through a gateway of its own.
          const behind = subgraphs.length > 1 ? (url: string) => ({ ...gatewayEnvFor({ ...system.urls, [subgraph]: url }, 'warn'), ...sharedState }) : undefined;
          await profileInto(result, subgraph, copyEnv, scenario, token, behind);
        }
      }
    }
    if (options.profileSeconds > 0 && profiled && result.profiles.length === 0) {
      options.log(`[${patients}] profiling our gateway under ${profiled.scenario.spec.name} for ${options.profileSeconds} s…`);
      await profileInto(result, 'gateway', { ...gatewayEnvFor(system.urls, 'warn'), ...sharedState }, profiled.scenario, profiled.token);
    }
  } finally {
    // A baseline still starting when the run failed is stopped once it is up (it stops itself on a failed start).
    await startingBaseline;
    await Promise.all([...targets.map((t) => t.stop()), baseline?.stop(), statementTimes?.close()]);
    await system.stop();
    await dropOwnDatabase();
    rmSync(workDir, { recursive: true, force: true });
  }
  return result;
}

export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const machine = machineFacts();
  // A baseline that cannot be checked out or installed fails the run before any data is loaded.
  if (options.baseline) await prepareBaselineCheckout(options.baseline, options.log);
  const scales: ScaleResult[] = [];
  for (const patients of options.patients) {
    throwIfInterrupted();
    try {
      const baselineHere = options.baseline && (!options.baselinePatients || options.baselinePatients.includes(patients));
      scales.push(await runScale(patients, baselineHere ? options : { ...options, baseline: undefined }));
    } catch (error) {
      // One scale failing (e.g. a load that does not fit) must not lose the figures of the others.
      // A signal ends the run, not only this scale, whatever error it caused (a seeding service stopped: interrupt.ts).
      throwIfInterrupted();
      const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
      options.log(`[${patients}] failed: ${message}`);
      scales.push({ patients, engine: process.env.DATABASE_URL ? 'postgresql' : 'pglite', databaseBytes: 0, scenarios: [], startupErrors: [`scale failed: ${message}`], profiles: [] });
    }
  }
  machine.finishedAt = new Date().toISOString();
  const { log: _log, ...recorded } = options;
  return { options: recorded, machine, scales };
}
