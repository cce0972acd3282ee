/**
 * On PostgreSQL every statement a subgraph sends is a named prepared statement (kit db.ts `preparingEveryStatement`,
 * docs/benchmarks.md "The decision read's plan"): parsed once per connection, its plan kept, in transactions and
 * savepoints too. Embedded PGlite runs in the process and answers the same reads unchanged.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { createDatabase, dropDatabase } from '../bench/seed';

interface Observed {
  kind: string;
  first: number;
  afterFirst: string[];
  afterRepeat: string[];
  inTransaction: { rows: number; nested: number };
  afterTransaction: string[];
}

let observed: Observed;

beforeAll(async () => {
  const base = process.env.DATABASE_URL;
  const name = `onshi_test_prepared_${randomUUID().slice(0, 8)}`;
  const databaseUrl = base ? await createDatabase(base, name) : '';
  try {
    const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), path.join(__dirname, 'probes/preparedStatementsProbe.ts')], {
      cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 90_000,
    });
    if (run.status !== 0) throw new Error(`probe failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
    observed = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Observed;
  } finally {
    if (base) await dropDatabase(base, name);
  }
});

const readOf = (column: string) => (text: string) => text.includes(`"drugs"."claims"."${column}" = $1`);

test('the reads answer the same on the database of this run', () => {
  expect(observed.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  expect(observed.first).toBe(0);
  expect(observed.inTransaction).toEqual({ rows: 0, nested: 0 });
});

if (process.env.DATABASE_URL) {
  test('PostgreSQL: a read is prepared once and reused; reads in a transaction and a savepoint are prepared too', () => {
    expect(observed.afterFirst.filter(readOf('patient_id'))).toHaveLength(1);
    // The same text with other values reuses the statement: nothing new is prepared.
    expect(observed.afterRepeat).toEqual(observed.afterFirst);
    expect(observed.afterTransaction.filter(readOf('facility_code'))).toHaveLength(1);
    expect(observed.afterTransaction.filter(readOf('insurer_number'))).toHaveLength(1);
  });
} else {
  test('PGlite: the embedded database keeps its own driver path (no statement is left prepared on it)', () => {
    expect(observed.afterTransaction.filter(readOf('patient_id'))).toHaveLength(0);
  });
}
