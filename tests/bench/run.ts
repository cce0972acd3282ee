/**
 * `pnpm bench [--patients 10000,1000000] [--duration 10] [--warmup 3] [--connections 50] [--workers 1,2]
 *             [--no-hive] [--profile 8] [--scenarios reception,doctorVisit] [--database onshi_bench]
 *             [--seed-only] [--doc docs/benchmarks.md] [--replicas 1,2]
 *             [--open-loop reception@100,200,400 --open-loop doctorVisit@20] [--open-seconds 10]
 *             [--redis redis://127.0.0.1:6379] [--baseline 95c56fa] [--baseline-patients 10000] [--rounds 1]`
 *
 * Set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to measure on PostgreSQL: each
 * scale gets a fresh database that is dropped afterwards, or with `--database NAME` a kept one named
 * NAME_<patients>, reused by later runs. Without DATABASE_URL the embedded PGlite is used.
 *
 * `--replicas 1,2` (PostgreSQL and Redis): instead of the scenarios × targets, the reception confirmation through
 * the HAProxy frontend of a replicated start with each count in turn (replicaBench.ts), at the first --patients.
 *
 * `--baseline <commit>`: that commit's whole system as one more target, "<short> ×1", in the same run (baseline.ts);
 * `--baseline-patients` limits it to those scales (its own 10⁶ load costs another hour).
 *
 * `--rounds N`: each target measured in N windows of --duration seconds, the targets taking turns window by window
 * and the order reversed every other round, the windows merged (and with --baseline, the ratio round by round too).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@onshi/kit';
import { runBenchmark, type BenchOptions } from './bench';
import { BenchInterrupted, exitCodeOf, handleInterrupts, throwIfInterrupted } from './interrupt';
import { replicaTable, runReplicaBench, writeReplicaJson } from './replicaBench';
import { writeReport } from './report';
import type { ScenarioName } from './scenarios';

const SCENARIOS: readonly ScenarioName[] = ['reception', 'doctorVisit', 'dashboard', 'dashboardMany', 'phrSync'];

function numbers(flag: string, text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`--${flag}: expected positive integers separated by commas, got "${text}"`);
  return values;
}

export function parseBenchArgs(argv: string[]): { options: Omit<BenchOptions, 'log'>; doc: string; jsonDir: string; replicas?: number[] } {
  const { values } = parseArgs({
    args: argv,
    options: {
      patients: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      workers: { type: 'string', default: '1,2' },
      'no-hive': { type: 'boolean', default: false },
      profile: { type: 'string', default: '8' },
      pool: { type: 'string', default: '200' },
      samples: { type: 'string', default: '20' },
      scenarios: { type: 'string', default: SCENARIOS.join(',') },
      database: { type: 'string' },
      'seed-only': { type: 'boolean', default: false },
      doc: { type: 'string', default: path.join(REPO_ROOT, 'docs', 'benchmarks.md') },
      'json-dir': { type: 'string', default: path.join(REPO_ROOT, 'docs', 'benchmarks') },
      replicas: { type: 'string' },
      'open-loop': { type: 'string', multiple: true, default: [] },
      'open-seconds': { type: 'string', default: '10' },
      redis: { type: 'string' },
      baseline: { type: 'string' },
      'baseline-patients': { type: 'string' },
      rounds: { type: 'string', default: '1' },
    },
  });
  const scenarios = values.scenarios.split(',').map((s) => s.trim());
  const unknown = scenarios.filter((s) => !SCENARIOS.includes(s as ScenarioName));
  if (unknown.length > 0) throw new Error(`--scenarios: unknown ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
  const profile = Number(values.profile);
  if (!Number.isInteger(profile) || profile < 0) throw new Error(`--profile: expected seconds ≥ 0, got "${values.profile}"`);
  const [duration] = numbers('duration', values.duration);
  const [connections] = numbers('connections', values.connections);
  const [pool] = numbers('pool', values.pool);
  const [samples] = numbers('samples', values.samples);
  const openLoop: Partial<Record<ScenarioName, number[]>> = {};
  for (const spec of values['open-loop']) {
    const [scenario = '', rates = ''] = spec.split('@');
    if (!SCENARIOS.includes(scenario as ScenarioName) || rates === '') throw new Error(`--open-loop: expected <scenario>@<rate>,<rate>… with a scenario of ${SCENARIOS.join(', ')}, got "${spec}"`);
    openLoop[scenario as ScenarioName] = numbers('open-loop', rates);
  }
  const [openSeconds] = numbers('open-seconds', values['open-seconds']);
  const [rounds] = numbers('rounds', values.rounds);
  if (values.baseline !== undefined && values.replicas !== undefined) throw new Error('--baseline: not with --replicas (the replica comparison has no targets beside our frontend)');
  if (values['baseline-patients'] !== undefined && values.baseline === undefined) throw new Error('--baseline-patients: only with --baseline');
  const warmup = Number(values.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup: expected seconds ≥ 0, got "${values.warmup}"`);
  return {
    options: {
      patients: numbers('patients', values.patients),
      durationSeconds: duration ?? 10,
      warmupSeconds: warmup,
      connections: connections ?? 50,
      workers: numbers('workers', values.workers),
      hive: !values['no-hive'],
      profileSeconds: profile,
      poolSize: pool ?? 200,
      statementSamples: samples ?? 20,
      scenarios: scenarios as ScenarioName[],
      database: values.database,
      seedOnly: values['seed-only'],
      openLoop,
      openLoopSeconds: openSeconds ?? 10,
      redis: values.redis,
      baseline: values.baseline,
      baselinePatients: values['baseline-patients'] === undefined ? undefined : numbers('baseline-patients', values['baseline-patients']),
      rounds: rounds ?? 1,
    },
    doc: path.resolve(values.doc),
    jsonDir: path.resolve(values['json-dir']),
    replicas: values.replicas === undefined ? undefined : numbers('replicas', values.replicas),
  };
}

async function main(): Promise<void> {
  const { options, doc, jsonDir, replicas } = parseBenchArgs(process.argv.slice(2).filter((a) => a !== '--'));
  const log = (line: string) => void process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  handleInterrupts(log);
  if (replicas) {
    const [patients = 10_000] = options.patients;
    const report = await runReplicaBench({ patients, replicas, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, connections: options.connections, poolSize: options.poolSize, database: options.database, log });
    throwIfInterrupted();
    log(`wrote ${path.relative(REPO_ROOT, writeReplicaJson(report, jsonDir))}\n\n${replicaTable(report)}`);
    return;
  }
  const report = await runBenchmark({ ...options, log });
  throwIfInterrupted();
  if (options.seedOnly) {
    for (const scale of report.scales) log(`[${scale.patients}] ${JSON.stringify({ loadSeconds: scale.loadSeconds, seedBySubgraph: scale.seedBySubgraph, databaseBytes: scale.databaseBytes })}`);
    return;
  }
  const written = writeReport(report, doc, jsonDir);
  log(`wrote ${path.relative(REPO_ROOT, written.doc)} and ${path.relative(REPO_ROOT, written.json)}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof BenchInterrupted) {
        process.stdout.write(`bench ${error.message}: cleaned up, no report written\n`);
        process.exit(exitCodeOf(error.signal));
      }
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
