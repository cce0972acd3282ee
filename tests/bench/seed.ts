/**
 * Loading a scale's demo data into PostgreSQL before the measured system starts. Each subgraph seeds itself
 * at start when its tables are empty (COPY batches from the deterministic demo world); here the four
 * subgraphs are started at once over the benchmark database with a start-up timeout long enough for
 * 10⁵–10⁶ patients (startSystem's own is 120 s per service, which a large seed exceeds), then stopped.
 * The harness then starts the system over the seeded database, where every seed is a no-op. With
 * `--database NAME` the database is kept and reused by name, so a 10⁶ load is paid once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { spawnService, type ServiceName, type ServiceProcess } from '@onshi/system';
import { interruptSignal } from './interrupt';

/** The harness's demo world (tests/src/harness.ts): the same seed and as-of, so the data is the one it expects. */
export const HARNESS_DEMO = { seed: 'onshi', asOf: '2026-11-25' } as const;

/**
 * The consent subgraph encrypts stored second factors with ONSHI_SECRET_KEY (else a key file in its
 * fresh data dir), so the start that loads a database and the later starts that use it must share the key.
 * Derived from the database name: these databases hold demo data only.
 */
export function benchSecretKey(databaseName: string): string {
  return createHash('sha256').update(`onshi-bench-secret-key:${databaseName}`).digest('hex');
}

export interface SeedFacts {
  seconds: number;
  /** Subgraph → milliseconds its own seed took (its "demo data ready" log line); 'vacuum (analyze)' the vacuum after it. */
  bySubgraph: Record<string, number>;
}

function withDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The server settings a bulk figure depends on, for the report (docs/operations.md "PostgreSQL settings"). */
export async function serverSettings(databaseUrl: string, names: readonly string[] = ['shared_buffers', 'max_wal_size']): Promise<string> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await client<Array<{ name: string; setting: string }>>`select name, current_setting(name) as setting from unnest(${names as string[]}::text[]) as name`;
    return rows.map((row) => `${row.name} ${row.setting}`).join(', ');
  } finally {
    await client.end();
  }
}

/** Checkpoints the server has made so far: forced by WAL volume (`requested`) and by `checkpoint_timeout` (`timed`). */
export async function checkpointCounts(databaseUrl: string): Promise<{ requested: number; timed: number }> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await client<Array<{ requested: number; timed: number }>>`select checkpoints_req::int as requested, checkpoints_timed::int as timed from pg_stat_bgwriter`;
    return row ?? { requested: 0, timed: 0 };
  } finally {
    await client.end();
  }
}

export async function databaseExists(baseUrl: string, name: string): Promise<boolean> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function createDatabase(baseUrl: string, name: string): Promise<string> {
  if (!SAFE_NAME.test(name)) throw new Error(`database name must match ${SAFE_NAME}, got "${name}"`);
  const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(baseUrl, name);
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`database name must match ${SAFE_NAME}, got "${name}"`);
  const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

export function benchDatabaseName(patients: number, reuse?: string): string {
  return reuse ? `${reuse}_${patients}` : `onshi_bench_${patients}_${randomBytes(4).toString('hex')}`;
}

export { withDatabase };

/**
 * Starts each subgraph once over `databaseUrl` so it seeds `patients` demo patients, and stops it. `patientsOf` seeds
 * a subgraph with fewer (the first ones of the same world): a benchmark that needs only some subgraphs at full scale.
 */
export async function seedDatabase(databaseUrl: string, patients: number, secretKey: string, log: (line: string) => void, timeoutMs = 6 * 3_600_000, patientsOf: Partial<Record<ServiceName, number>> = {}): Promise<SeedFacts> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-bench-seed-'));
  const bySubgraph: Record<string, number> = {};
  const running: ServiceProcess[] = [];
  const env = {
    DATA_DIR: dataDir, DATABASE_URL: databaseUrl, INTERNAL_SECRET: randomBytes(32).toString('base64url'), DEMO_MODE: 'true',
    DEMO_PATIENTS: String(patients), DEMO_SEED: HARNESS_DEMO.seed, DEMO_AS_OF: HARNESS_DEMO.asOf, LOG_LEVEL: 'info', PORT: '0',
    ONSHI_SECRET_KEY: secretKey,
  };
  const onOutput = (name: ServiceName, text: string) => {
    const ready = /"ms":(\d+)[^\n]*demo data ready/.exec(text);
    if (ready?.[1]) {
      bySubgraph[name] = Number(ready[1]);
      log(`  ${name} seeded ${patientsOf[name] ?? patients} patients in ${(Number(ready[1]) / 1000).toFixed(1)} s`);
    }
  };
  const start = async (name: ServiceName, extra: Record<string, string> = {}) => {
    // A signal to `pnpm bench` stops a seeding service at once: its seed is one transaction, so nothing is left half loaded.
    const service = await spawnService(name, { env: { ...env, DEMO_PATIENTS: String(patientsOf[name] ?? patients), ...extra }, stdio: 'pipe', timeoutMs, onOutput, signal: interruptSignal });
    running.push(service);
    return service;
  };
  const started = Date.now();
  try {
    // All four seed at once (the seeds are independent and no request is served meanwhile), so both cores
    // stay busy. The neighbours' URLs are required settings but unused here: a closed port stands in.
    const unused = 'http://127.0.0.1:9';
    // allSettled, not all: when one seed fails, the others are still loading and not yet in `running`; waiting for
    // them lets `finally` stop every one (Promise.all left a seeding consent running, holding the database).
    const starts = await Promise.allSettled([
      start('consent'),
      start('drugs', { CONSENT_URL: unused }),
      start('checkups', { CONSENT_URL: unused }),
      start('qualifications', { CONSENT_URL: unused, DRUGS_URL: unused, CHECKUPS_URL: unused }),
    ]);
    const failed = starts.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    // After a bulk load autovacuum would visit every table (insert thresholds) in the middle of the measured
    // runs; vacuum and analyze now, as part of the load, so the planner has statistics and the visibility map is set.
    const vacuumStarted = Date.now();
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      await sql.unsafe('vacuum (analyze)');
    } finally {
      await sql.end();
    }
    bySubgraph['vacuum (analyze)'] = Date.now() - vacuumStarted;
    log(`  vacuum (analyze) in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    return { seconds: (Date.now() - started) / 1000, bySubgraph };
  } finally {
    await Promise.all(running.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A finished load leaves a note in the database (public.bench_load): a kept database is reused only when
 * its load finished, and a later run can still report how long that load took.
 */
export async function recordLoad(databaseUrl: string, patients: number, facts: SeedFacts): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql`create table if not exists public.bench_load (patients integer not null, seconds double precision not null, by_subgraph jsonb not null, loaded_at timestamptz not null default now())`;
    await sql`insert into public.bench_load (patients, seconds, by_subgraph) values (${patients}, ${facts.seconds}, ${sql.json(facts.bySubgraph)})`;
  } finally {
    await sql.end();
  }
}

export async function recordedLoad(databaseUrl: string): Promise<(SeedFacts & { loadedAt: string }) | undefined> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const [exists] = await sql<Array<{ found: boolean }>>`select to_regclass('public.bench_load') is not null as found`;
    if (!exists?.found) return undefined;
    const [row] = await sql<Array<{ seconds: number; by_subgraph: Record<string, number>; loaded_at: Date }>>`select seconds, by_subgraph, loaded_at from public.bench_load order by loaded_at desc limit 1`;
    return row ? { seconds: row.seconds, bySubgraph: row.by_subgraph, loadedAt: row.loaded_at.toISOString() } : undefined;
  } finally {
    await sql.end();
  }
}
