/**
 * A first start stopped during its demo load (kit subgraph.ts: the seed runs in one transaction). At 10⁵ patients and
 * more the load defers the tables' indexes, keys included (kit bulkCopy.ts withIndexesDeferred), and it takes minutes,
 * so an operator's Ctrl-C or a crashed machine during it is ordinary. The attack: kill qualifications in the middle of
 * its load, with SIGKILL (nothing of ours runs after it), then start it again. The tables must be as the migrations
 * left them, empty and with every index, and the next start must seed the whole world, exactly as a start on a fresh
 * database does (the reference below). Committed batch by batch, the load left part of the people behind, which the
 * next start took for a finished seed (seeds fill only empty tables), in tables without their primary keys.
 *
 * Runs on PostgreSQL always (DATABASE_URL, else the local server CI provides): index deferral is PostgreSQL's path.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { DEFER_INDEXES_FROM_PATIENTS } from '@onshi/kit';
import { spawnService, type ServiceProcess } from '@onshi/system';
import { createDatabase, dropDatabase } from '../bench/seed';

const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SMALL_WORLD = 40;
const TABLES = ['patients', 'cards', 'qualifications', 'insurers', 'facilities'] as const;

interface Shape {
  indexes: string[];
  keys: string[];
  rows: Record<string, number>;
}

const databases: string[] = [];
const dataDirs: string[] = [];
let reference: Shape;
let afterKill: Shape;
let afterRestart: Shape;
let copiesSeen = 0;

function environment(databaseUrl: string, patients: number): Record<string, string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-interrupted-seed-'));
  dataDirs.push(dataDir);
  // The neighbours' URLs are required settings, unused while seeding: a closed port stands in (bench seed.ts).
  const unused = 'http://127.0.0.1:9';
  return {
    DATA_DIR: dataDir, DATABASE_URL: databaseUrl, INTERNAL_SECRET: randomBytes(32).toString('base64url'), DEMO_MODE: 'true', DEMO_PATIENTS: String(patients),
    DEMO_SEED: 'onshi', DEMO_AS_OF: '2026-11-25', LOG_LEVEL: 'warn', PORT: '0', CONSENT_URL: unused, DRUGS_URL: unused, CHECKUPS_URL: unused,
  };
}

async function freshDatabase(): Promise<string> {
  const name = `onshi_test_seed_${randomUUID().slice(0, 8)}`;
  databases.push(name);
  return createDatabase(BASE_URL, name);
}

async function shapeOf(databaseUrl: string): Promise<Shape> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const indexes = await sql<Array<{ indexdef: string }>>`select indexdef from pg_indexes where schemaname = 'qualifications' order by indexdef`;
    const keys = await sql<Array<{ name: string }>>`select conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) as name from pg_constraint where connamespace = 'qualifications'::regnamespace and contype in ('p', 'u') order by 1`;
    const rows: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await sql.unsafe<Array<{ n: number }>>(`select count(*)::int as n from qualifications.${table}`);
      rows[table] = row?.n ?? -1;
    }
    return { indexes: indexes.map((r) => r.indexdef), keys: keys.map((r) => r.name), rows };
  } finally {
    await sql.end();
  }
}

/** The pid of this test's forked qualifications process (spawnService resolves only once a service is ready). */
function childPid(): number {
  const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'qualifications'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  if (out.length !== 1) throw new Error(`expected one qualifications child, found ${out.length}`);
  return Number(out[0]);
}

beforeAll(async () => {
  // The reference: a start on a fresh database with the small world.
  const referenceUrl = await freshDatabase();
  const referenceService = await spawnService('qualifications', { env: environment(referenceUrl, SMALL_WORLD), stdio: 'pipe' });
  await referenceService.stop();
  reference = await shapeOf(referenceUrl);

  // The attack: a load at benchmark scale, killed once some of its COPY batches have run.
  const databaseUrl = await freshDatabase();
  const starting = spawnService('qualifications', { env: environment(databaseUrl, DEFER_INDEXES_FROM_PATIENTS), stdio: 'pipe', timeoutMs: 600_000 });
  const outcome = starting.then(() => 'ready' as const, (error: unknown) => String(error));
  const watcher = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const deadline = Date.now() + 120_000;
    while (copiesSeen < 3 && Date.now() < deadline) {
      const [row] = await watcher<Array<{ n: number }>>`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'copy "qualifications".%' and pid <> pg_backend_pid()`;
      // Each poll that finds a COPY under way: with 1,000 people per batch, several polls mean several batches.
      if ((row?.n ?? 0) > 0) copiesSeen += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await watcher.end();
  }
  process.kill(childPid(), 'SIGKILL');
  expect(await outcome).toMatch(/exited with code null before it was ready/);
  afterKill = await shapeOf(databaseUrl);

  // The next start, with the small world, on the interrupted database.
  let again: ServiceProcess | undefined;
  try {
    again = await spawnService('qualifications', { env: environment(databaseUrl, SMALL_WORLD), stdio: 'pipe' });
  } finally {
    await again?.stop();
  }
  afterRestart = await shapeOf(databaseUrl);
}, 600_000);

afterAll(async () => {
  for (const name of databases) await dropDatabase(BASE_URL, name);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

test('the load was killed while its COPY batches ran', () => {
  expect(copiesSeen).toBeGreaterThanOrEqual(3);
  expect(reference.rows.patients).toBeGreaterThan(0);
  expect(reference.keys.length).toBeGreaterThan(0);
});

test('a killed load leaves its tables empty, with every index and key the migrations made', () => {
  expect(afterKill.rows).toEqual(Object.fromEntries(TABLES.map((table) => [table, 0])));
  expect(afterKill.indexes).toEqual(reference.indexes);
  expect(afterKill.keys).toEqual(reference.keys);
});

test('the next start seeds the whole world, the same as a start on a fresh database', () => {
  expect(afterRestart).toEqual(reference);
});
