/**
 * `pnpm bench --replicas 1,2`: the reception confirmation (confirmQualificationByCard over verified
 * cards, as in the main benchmark) through the gateway's HAProxy frontend of a replicated start — the same
 * startReplicatedSystem as `pnpm start:replicas` — with each replica count in turn, on one loaded PostgreSQL
 * database and the local Redis, in one run. Reports req/s, latency, the cores each tier used and the CPU one
 * confirmation costs, and the ratio of each count's throughput to the first's (docs/benchmarks.md "Replicas";
 * the capacity model in docs/scaling.md uses the CPU per confirmation).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { demoReaderKey } from '@onshi/demo';
import { loginDemoAccount } from '@onshi/consent/src/cli/demoClient';
import { startReplicatedSystem, SUBGRAPH_NAMES, type ReplicatedSystem } from '@onshi/system';
import type { DemoOptions } from '@onshi/kit';
import { graphqlClient } from '../src/harness';
import { dropDatabase } from './seed';
import { loadedDatabase, machineFacts, type MachineFacts } from './bench';
import { coresUsed, MACHINE_GROUP, snapshot, systemGroups, type ProcessGroups } from './cpu';
import { throwIfInterrupted } from './interrupt';
import { runLoad, type LoadFigures } from './load';
import { readerVerifications } from './reader';
import { benchSecretKey, HARNESS_DEMO } from './seed';
import { loadSchemaFacts, patientPool, prepareScenario, scenarioSpecs } from './scenarios';
import { BENCH_GATEWAY_ENV, childPids, PRODUCTION_ENV } from './targets';

export interface ReplicaBenchOptions {
  patients: number;
  /** Replica counts to compare, each a fresh cluster over the same database (e.g. [1, 2]). */
  replicas: number[];
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  poolSize: number;
  database?: string;
  log: (line: string) => void;
}

export interface ReplicaRun {
  replicas: number;
  figures: LoadFigures;
  /** Average cores per tier during the measured run (each tier: all its replicas). */
  cores: Record<string, number>;
  /** CPU of the system (gateway, subgraphs, HAProxy, PostgreSQL; not the load generator) per confirmation, ms. */
  cpuMsPerConfirmation: number;
  /** The same per tier, ms. */
  cpuMsByTier: Record<string, number>;
  readerPool: { usable: number; refused: number };
  startSeconds: number;
  /** req/s of this count ÷ req/s of the first count of the run. */
  ratio?: number;
}

export interface ReplicaReport {
  kind: 'replicas';
  machine: MachineFacts;
  options: Omit<ReplicaBenchOptions, 'log'>;
  loadSeconds?: number;
  runs: ReplicaRun[];
}

const TIERS = ['gateway', ...SUBGRAPH_NAMES, 'haproxy', 'postgres'] as const;

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Each tier's processes: every replica of a service is a child of this process (spawnService), HAProxy too. */
function replicaGroups(system: ReplicatedSystem, databaseName: string): ProcessGroups {
  const children = childPids(process.pid);
  return {
    ...systemGroups(databaseName),
    gateway: children.filter((pid) => cmdline(pid).includes(path.join('gateway', 'src', 'index.ts'))),
    // HAProxy in master-worker mode serves from its worker, a child of the process the launcher started.
    haproxy: system.haproxy.pid ? [system.haproxy.pid, ...childPids(system.haproxy.pid)] : [],
  };
}

async function measure(replicas: number, databaseUrl: string, databaseName: string, options: ReplicaBenchOptions): Promise<ReplicaRun> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-bench-replicas-'));
  const internalSecret = randomBytes(32).toString('base64url');
  writeFileSync(path.join(dataDir, 'internal-secret'), internalSecret, { mode: 0o600 });
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisKeyPrefix = `onshi-bench-${randomBytes(6).toString('hex')}:`;
  const demo: DemoOptions = { seed: HARNESS_DEMO.seed, patients: options.patients, asOf: HARNESS_DEMO.asOf };
  const started = Date.now();
  options.log(`[×${replicas}] starting ${replicas} replica(s) of every service behind HAProxy…`);
  const system = await startReplicatedSystem({
    replicas,
    env: {
      DATA_DIR: dataDir, INTERNAL_SECRET: internalSecret, DEMO_MODE: 'true', DEMO_PATIENTS: String(options.patients), DEMO_SEED: demo.seed,
      DEMO_AS_OF: demo.asOf, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix,
      ONSHI_SECRET_KEY: benchSecretKey(databaseName), ...PRODUCTION_ENV,
    },
    gatewayEnv: { ...BENCH_GATEWAY_ENV },
    stdio: 'pipe',
  });
  try {
    const startSeconds = (Date.now() - started) / 1000;
    const graphql = graphqlClient(`${system.gatewayUrl}/graphql`);
    const login = async (account: string) => (await loginDemoAccount(async (q, v, t) => (await graphql(q, v, t)).body, demo, account)).accessToken;
    const token = await login('clinic-reception');
    const pool = await readerVerifications({ graphql, demo, reader: (code) => demoReaderKey(dataDir, code) }, token, patientPool(demo, Math.min(options.poolSize, 200)));
    if (pool.tokens.length === 0) throw new Error(`no card verification usable (${pool.refused} refused): ${pool.firstRefusal ?? ''}`);
    const [spec] = scenarioSpecs(demo, options.poolSize, { verificationTokens: pool.tokens }).filter((s) => s.name === 'reception');
    if (!spec) throw new Error('no reception scenario');
    const scenario = prepareScenario(loadSchemaFacts(), spec, options.poolSize);
    if (scenario.unavailable) throw new Error(`reception: ${scenario.unavailable}`);
    const load = { url: `${system.gatewayUrl}/graphql`, token, bodies: scenario.bodies, connections: options.connections, warmupSeconds: 0 };
    if (options.warmupSeconds > 0) await runLoad({ ...load, durationSeconds: options.warmupSeconds });
    const groups = replicaGroups(system, databaseName);
    const before = snapshot(groups);
    const measuredFrom = Date.now();
    const figures = await runLoad({ ...load, durationSeconds: options.durationSeconds });
    const cores = coresUsed(before, snapshot(groups), (Date.now() - measuredFrom) / 1000);
    const rps = Math.max(figures.rps, 0.001);
    const cpuMsByTier = Object.fromEntries(TIERS.map((tier) => [tier, Math.round((100 * 1000 * (cores[tier] ?? 0)) / rps) / 100]));
    const cpuMsPerConfirmation = Math.round(100 * Object.values(cpuMsByTier).reduce((sum, ms) => sum + ms, 0)) / 100;
    options.log(`[×${replicas}] reception: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, errors ${figures.non2xx + figures.graphqlErrors + figures.connectionErrors}, `
      + `${cpuMsPerConfirmation} ms CPU per confirmation, machine ${cores[MACHINE_GROUP]} cores${figures.firstError ? ` (${figures.firstError.slice(0, 160)})` : ''}`);
    return { replicas, figures, cores, cpuMsPerConfirmation, cpuMsByTier, readerPool: { usable: pool.tokens.length, refused: pool.refused }, startSeconds };
  } finally {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${redisKeyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

export async function runReplicaBench(options: ReplicaBenchOptions): Promise<ReplicaReport> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('--replicas: replicas share one database, set DATABASE_URL (PostgreSQL)');
  const machine = machineFacts();
  const loaded = await loadedDatabase(baseUrl, options.patients, options);
  const runs: ReplicaRun[] = [];
  try {
    for (const replicas of options.replicas) {
      throwIfInterrupted();
      runs.push(await measure(replicas, loaded.url, loaded.name, options));
    }
  } finally {
    if (!options.database) await dropDatabase(baseUrl, loaded.name);
  }
  const first = runs[0]?.figures.rps ?? 0;
  for (const run of runs) run.ratio = first > 0 ? Math.round((100 * run.figures.rps) / first) / 100 : undefined;
  machine.finishedAt = new Date().toISOString();
  const { log: _log, ...recorded } = options;
  return { kind: 'replicas', machine, options: recorded, loadSeconds: loaded.loadSeconds, runs };
}

/** The run as a Markdown table for docs/benchmarks.md "Replicas". */
export function replicaTable(report: ReplicaReport): string {
  const tiers = TIERS.map((t) => t);
  const lines = [
    `| replicas | req/s | ratio | p50 ms | p95 ms | p99 ms | errors | CPU ms / confirmation | ${tiers.map((t) => `${t} cores`).join(' | ')} | machine cores |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|${tiers.map(() => '---:').join('|')}|---:|`,
    ...report.runs.map((r) => `| ${r.replicas} | ${r.figures.rps.toFixed(0)} | ${r.ratio ?? ''} | ${r.figures.p50} | ${r.figures.p95} | ${r.figures.p99} | ${r.figures.non2xx + r.figures.graphqlErrors + r.figures.connectionErrors} | ${r.cpuMsPerConfirmation} | ${tiers.map((t) => r.cores[t] ?? 0).join(' | ')} | ${r.cores[MACHINE_GROUP] ?? 0} |`),
  ];
  return lines.join('\n');
}

/** Writes the raw figures next to the other runs' (docs/benchmarks/replicas-<time>-<commit>.json). */
export function writeReplicaJson(report: ReplicaReport, jsonDir: string): string {
  const stamp = report.machine.startedAt.slice(0, 16).replace(/[:T]/g, '-');
  const file = path.join(jsonDir, `replicas-${stamp}-${report.machine.commit || 'nocommit'}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
