/**
 * Smoke run of `pnpm bench`: the whole harness end to end on tiny data — real system, real
 * tokens, every scenario through our gateway, Hive Gateway and (single-subgraph scenarios) the subgraph
 * directly, SQL statement counting, a CPU profile and the written report — with one-second loads, so a
 * broken harness (or a scenario that starts failing under concurrency) shows up in `pnpm test`. The run also has a
 * `--baseline HEAD`: the committed tree's own system in a worktree of its own (installed from the store), measured
 * beside ours — the same machinery a run against an older commit uses, without an older commit's install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { REPO_ROOT } from '@onshi/kit';
import { baselineDir, prepareBaselineCheckout, processesRunningFrom, resolveBaselineCommit, startBaseline } from '../bench/baseline';
import { runScale, type BenchReport, type ScaleResult } from '../bench/bench';
import { BEGIN_MARKER, END_MARKER, writeReport } from '../bench/report';
import { parseBenchArgs } from '../bench/run';
import { cardPathAvailable, loadSchemaFacts } from '../bench/scenarios';

let scale: ScaleResult;
let scaleStartedAt = 0;
const onPostgres = Boolean(process.env.DATABASE_URL);
const outDir = mkdtempSync(path.join(tmpdir(), 'onshi-bench-smoke-'));

beforeAll(async () => {
  const { options } = parseBenchArgs(['--patients', '12', '--duration', '1', '--warmup', '0', '--connections', '4', '--workers', '1', '--profile', '1', '--pool', '8', '--samples', '3', '--open-loop', 'reception@8', '--open-seconds', '1', '--baseline', 'HEAD', '--rounds', '2']);
  // On PostgreSQL the doctor's visit is profiled too, so the subgraphs of a scenario touching several are (a second
  // copy of each behind a gateway of its own); PGlite's data dir belongs to one process, so no copy there. Reception
  // is profiled on both.
  scaleStartedAt = Date.now();
  scale = await runScale(12, { ...options, profileScenarios: onPostgres ? ['doctorVisit'] : [], log: () => undefined });
}, 900_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function statementsModulePreloaded(): Promise<boolean> {
  const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<Array<{ libraries: string }>>`select current_setting('shared_preload_libraries') as libraries`;
    return (row?.libraries ?? '').split(',').map((l) => l.trim()).includes('pg_stat_statements');
  } finally {
    await sql.end();
  }
}

describe('benchmark harness (smoke)', () => {
  test('seeds a fresh database and reports its size and load time', () => {
    expect(scale.patients).toBe(12);
    expect(scale.loadSeconds).toBeGreaterThan(0);
    expect(scale.databaseBytes).toBeGreaterThan(0);
    if (onPostgres) expect(scale.serverSettings).toMatch(/^shared_buffers \S+, effective_cache_size \S+, max_wal_size \S+$/);
    else expect(scale.serverSettings).toBeUndefined();
    expect(scale.startupErrors).toEqual([]);
  });

  test('every scenario of the issue is either measured or says which field it still lacks', () => {
    expect(scale.scenarios.map((s) => s.name)).toEqual(['reception', 'doctorVisit', 'dashboard', 'dashboardMany', 'phrSync']);
    for (const scenario of scale.scenarios) {
      if (scenario.unavailable) {
        expect(scenario.unavailable).toMatch(/not in the schema yet: \w+\.\w+/);
        continue;
      }
      expect(scenario.operation).toMatch(/^(query|mutation) Bench_/);
      expect(scenario.probeError).toBeUndefined();
    }
    expect(scale.scenarios.some((s) => !s.unavailable)).toBe(true);
    // With the reader flow in the schema, reception is the card confirmation over verified cards.
    if (cardPathAvailable(loadSchemaFacts())) {
      expect(scale.scenarios[0]?.operation).toContain('confirmQualificationByCard(verificationToken: $verificationToken)');
      expect(scale.readerPool?.usable).toBeGreaterThan(0);
    }
  });

  test('measured scenarios ran against our gateway, Hive Gateway and (one subgraph) the subgraph directly, without errors', () => {
    for (const scenario of scale.scenarios.filter((s) => !s.unavailable)) {
      const kinds = scenario.runs.map((r) => r.kind);
      expect(kinds).toContain('ours');
      expect(kinds).toContain('hive');
      if (scenario.subgraphs.length === 1) expect(kinds).toContain('direct');
      for (const run of scenario.runs) {
        expect({ scenario: scenario.name, target: run.target, firstError: run.figures.firstError }).toEqual({ scenario: scenario.name, target: run.target, firstError: undefined });
        expect(run.figures.non2xx + run.figures.graphqlErrors + run.figures.connectionErrors).toBe(0);
        if (run.kind !== 'direct') expect(run.rssMiB).toBeGreaterThan(0);
        // CPU per process group: the machine was busy, and every subgraph was found among our children.
        expect(run.cores?.['machine (all processes)']).toBeGreaterThan(0);
        expect(Object.keys(run.cores ?? {})).toEqual(expect.arrayContaining(['gateway under test', 'consent', 'qualifications', 'drugs', 'checkups', 'load generator']));
      }
      expect(scenario.runs.filter((r) => r.kind === 'ours').every((r) => r.figures.requests > 0)).toBe(true);
    }
  });

  test('--baseline HEAD: the commit\'s own system measured as "<short> ×1" beside ours, same scenarios, with ours ÷ baseline per scenario', () => {
    const head = resolveBaselineCommit('HEAD');
    expect(scale.baseline).toMatchObject({ target: `${head.short} ×1`, commit: head.commit });
    if (cardPathAvailable(loadSchemaFacts())) expect(scale.baseline?.readerPool?.usable).toBeGreaterThan(0);
    for (const scenario of scale.scenarios.filter((s) => !s.unavailable)) {
      // The same tree: the same operation, built by its own scenario code from its own schema.
      expect({ scenario: scenario.name, skipped: scenario.baseline?.skipped, sameOperation: scenario.baseline?.sameOperation }).toEqual({ scenario: scenario.name, skipped: undefined, sameOperation: true });
      const run = scenario.runs.find((r) => r.kind === 'baseline');
      expect(run).toMatchObject({ target: `${head.short} ×1`, workers: 1 });
      expect(run?.figures.requests).toBeGreaterThan(0);
      expect(scenario.baseline?.oursOverBaseline?.rps).toBeGreaterThan(0);
      // Two rounds (--rounds 2): each target measured in two windows, the ratio also given window by window.
      expect(run?.roundRps).toHaveLength(2);
      expect(scenario.baseline?.oursOverBaseline?.roundRps).toHaveLength(2);
      expect(scenario.baseline?.statements?.min).toBeGreaterThan(0);
    }
    // The baseline's tokens minted again for each scenario as it comes up, not once at its start: a long run in rounds
    // outlives tokens minted at start (the run of 2026-12-06 20:59 lost its last PHR-sync window to expired ones).
    const mintedAt = scale.scenarios.filter((s) => !s.unavailable).map((s) => Date.parse(s.baseline?.tokensMintedAt ?? ''));
    expect(mintedAt.length).toBeGreaterThan(1);
    mintedAt.forEach((at, i) => expect(at).toBeGreaterThan(i === 0 ? scaleStartedAt : (mintedAt[i - 1] ?? Infinity)));
    // What counts is when the tokens handed over were issued (their `iat`, whole seconds): the older commit's harness
    // hands back an account's first token, so asking again is not minting (the run of 2026-12-07 05:06 lost its
    // baseline PHR sync to that). Here every token is young; the driver renews one older than five minutes.
    for (const scenario of scale.scenarios.filter((s) => !s.unavailable)) {
      const issuedAt = Date.parse(scenario.baseline?.tokensIssuedAt ?? '');
      expect({ scenario: scenario.name, issuedInThisRun: issuedAt >= scaleStartedAt - 1_000 }).toEqual({ scenario: scenario.name, issuedInThisRun: true });
      expect(issuedAt).toBeLessThanOrEqual(Date.parse(scenario.baseline?.tokensMintedAt ?? ''));
    }
    // Open loop: the baseline is a gateway target like the others.
    expect(scale.scenarios.find((s) => s.name === 'reception')?.openLoop?.some((r) => r.kind === 'baseline')).toBe(true);
    // Stopped with the run: nothing of the baseline's checkout is still running.
    expect(processesRunningFrom(baselineDir(head.short))).toEqual([]);
  });

  test('--baseline: an unknown commit is refused before anything starts', () => {
    expect(parseBenchArgs(['--baseline', '95c56fa']).options.baseline).toBe('95c56fa');
    expect(parseBenchArgs([]).options.baseline).toBeUndefined();
    expect(() => parseBenchArgs(['--baseline', 'HEAD', '--replicas', '1,2'])).toThrow(/--baseline: not with --replicas/);
    expect(() => resolveBaselineCommit('no-such-commit')).toThrow(/--baseline no-such-commit: not a commit of this repository/);
  });

  test('--baseline: a baseline that fails to start says why and leaves no process behind and its worktree reusable', async () => {
    const checkout = await prepareBaselineCheckout('HEAD', () => undefined);
    const worktrees = () => execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const common = { checkout, patients: 12, poolSize: 4, scenarios: ['reception' as const], log: () => undefined };
    // Its database server does not answer: the driver exits, with the reason in the message.
    await expect(startBaseline({ ...common, databaseBaseUrl: 'postgres://postgres@127.0.0.1:9/postgres' })).rejects.toThrow(/baseline \w+ \(.*\): its driver exited \(code 1\) before the system was ready[\s\S]*ECONNREFUSED/);
    expect(processesRunningFrom(checkout.dir)).toEqual([]);
    // Not ready in time (here: at once): the driver and whatever it started so far are ended.
    await expect(startBaseline({ ...common, startTimeoutMs: 3_000 })).rejects.toThrow(/did not start within 3 s/);
    expect(processesRunningFrom(checkout.dir)).toEqual([]);
    expect(worktrees()).toContain(`worktree ${checkout.dir}\n`);
    expect(existsSync(path.join(checkout.dir, 'node_modules'))).toBe(true);
  }, 120_000);

  test('--replicas selects the 1-vs-N replica comparison (replicaBench.ts; needs PostgreSQL and Redis, measured by hand)', () => {
    expect(parseBenchArgs(['--replicas', '1,2']).replicas).toEqual([1, 2]);
    expect(parseBenchArgs([]).replicas).toBeUndefined();
    expect(() => parseBenchArgs(['--replicas', '0'])).toThrow(/--replicas: expected positive integers/);
  });

  test('open loop: requests sent at the fixed rate to every gateway, each answered, latency from its due time', () => {
    const reception = scale.scenarios.find((s) => s.name === 'reception');
    expect(reception?.unavailable).toBeUndefined();
    const runs = reception?.openLoop ?? [];
    expect(runs.map((r) => r.kind).sort()).toEqual(['baseline', 'hive', 'ours']);
    for (const run of runs) {
      expect({ target: run.target, firstError: run.figures.firstError }).toEqual({ target: run.target, firstError: undefined });
      expect(run.figures).toMatchObject({ rate: 8, sent: 8, answered: 8, errors: 0, timeouts: 0 });
      expect(run.figures.p50).toBeGreaterThan(0);
      expect(run.figures.p99).toBeGreaterThanOrEqual(run.figures.p50);
    }
    // The other scenarios were not asked for an open loop.
    expect(scale.scenarios.filter((s) => s.name !== 'reception').every((s) => s.openLoop === undefined)).toBe(true);
  });

  test('--open-loop takes <scenario>@<rates> and refuses anything else', () => {
    expect(parseBenchArgs(['--open-loop', 'reception@100,200', '--open-loop', 'doctorVisit@20']).options.openLoop).toEqual({ reception: [100, 200], doctorVisit: [20] });
    expect(parseBenchArgs([]).options.openLoop).toEqual({});
    // --redis puts the run's shared state (the list of ended tokens) in Redis, as a deployment of several processes.
    expect(parseBenchArgs(['--redis', 'redis://127.0.0.1:6379']).options.redis).toBe('redis://127.0.0.1:6379');
    expect(parseBenchArgs([]).options.redis).toBeUndefined();
    expect(() => parseBenchArgs(['--open-loop', 'nosuch@100'])).toThrow(/--open-loop: expected <scenario>@<rate>/);
    expect(() => parseBenchArgs(['--open-loop', 'reception@-5'])).toThrow(/--open-loop: expected positive integers/);
  });

  test('counts SQL statements per request from the subgraphs’ /metrics', () => {
    for (const scenario of scale.scenarios.filter((s) => !s.unavailable)) {
      expect(scenario.subgraphs.length).toBeGreaterThan(0);
      expect(scenario.statements?.perRequest).toHaveLength(3);
      expect(scenario.statements?.min).toBeGreaterThan(0);
    }
  });

  test("PostgreSQL's time per statement: each ×1 run of ours and the baseline on a server with pg_stat_statements preloaded, none elsewhere", async () => {
    const timedRuns = scale.scenarios.flatMap((s) => s.runs.filter((r) => r.statements !== undefined));
    if (!(onPostgres && (await statementsModulePreloaded()))) {
      expect(timedRuns).toEqual([]);
      return;
    }
    for (const scenario of scale.scenarios.filter((s) => !s.unavailable)) {
      for (const run of scenario.runs.filter((r) => r.kind === 'ours' || r.kind === 'baseline')) {
        const [costliest] = run.statements ?? [];
        expect(costliest?.callsPerRequest).toBeGreaterThan(0);
        expect(costliest?.execMsPerRequest).toBeGreaterThan(0);
        // A statement that reads a table touches its blocks, in the shared buffers or outside them.
        expect(Math.max(...(run.statements ?? []).map((s) => (s.blocksReadPerRequest ?? 0) + (s.blocksHitPerRequest ?? 0)))).toBeGreaterThan(0);
        // Normalised: the parameters are placeholders, so no patient's identifier reaches the report.
        for (const statement of run.statements ?? []) expect(statement.query).not.toMatch(/'[^']*\d{4,}[^']*'/);
      }
    }
  });

  test('profiles each subgraph of a scenario touching several behind a gateway of its own, on PostgreSQL only', () => {
    const behind = scale.profiles.filter((p) => p.behindGateway);
    if (onPostgres) {
      expect(scale.startupErrors).toEqual([]);
      const doctorVisit = scale.scenarios.find((s) => s.name === 'doctorVisit');
      expect(doctorVisit?.subgraphs.length).toBeGreaterThan(1);
      for (const subgraph of doctorVisit?.subgraphs ?? []) {
        const profile = behind.find((p) => p.scenario === 'doctorVisit' && p.service === subgraph);
        expect(profile?.layers.length).toBeGreaterThan(0);
        expect(profile?.totalMs).toBeGreaterThan(0);
      }
    } else {
      expect(behind).toEqual([]);
    }
  });

  test('profiles our gateway under load and writes the report with the table and the raw JSON', () => {
    expect(scale.profiles.find((p) => p.service === 'gateway')?.layers.length).toBeGreaterThan(0);
    const report: BenchReport = {
      options: { patients: [12], durationSeconds: 1, warmupSeconds: 0, connections: 4, workers: [1], hive: true, profileSeconds: 1, poolSize: 8, statementSamples: 3 },
      machine: { cpus: 2, cpuModel: 'test', memoryGiB: 1, node: process.version, platform: 'test', loadAverageAtStart: [0], commit: 'smoke', dirty: false, startedAt: new Date().toISOString() },
      scales: [scale],
    };
    const docPath = path.join(outDir, 'benchmarks.md');
    const first = writeReport(report, docPath, outDir);
    const json = JSON.parse(readFileSync(first.json, 'utf8')) as BenchReport;
    expect(json.scales[0]?.patients).toBe(12);
    // A rerun replaces only the generated section: hand-written analysis outside the markers survives.
    const withAnalysis = `${readFileSync(docPath, 'utf8')}\n## Analysis\nkept\n`;
    writeFileSync(docPath, withAnalysis);
    writeReport(report, docPath, outDir);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc).toContain('| scenario | target | req/s | p50 ms | p95 ms | p99 ms | errors | gateway RSS MiB |');
    if (scale.scenarios.some((s) => s.openLoop)) expect(doc).toContain('| scenario | target | arrivals/s | answered/s | p50 ms | p95 ms | p99 ms | errors | sent late by the generator |');
    expect(doc).toContain('| open loop: reception at 100 arrivals/s, p99 < 50 ms |');
    // The before/after against --baseline: one row per measured scenario with ours ÷ the baseline.
    expect(doc).toContain(`| scenario | ours ×1 req/s | ${scale.baseline?.target ?? ''} req/s | ours ÷ ${scale.baseline?.target ?? ''} req/s |`);
    expect(json.scales[0]?.scenarios.find((s) => !s.unavailable)?.baseline?.oursOverBaseline?.rps).toBeGreaterThan(0);
    expect(doc).toContain('## Analysis\nkept');
    expect(doc.split(BEGIN_MARKER)).toHaveLength(2);
    expect(doc.split(END_MARKER)).toHaveLength(2);
  });
});
