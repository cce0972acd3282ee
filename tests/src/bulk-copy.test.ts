/**
 * The kit's COPY path (subgraphs/kit/src/bulkCopy.ts), which loads the demo world at benchmark scale, on
 * the real database of the run: embedded PGlite, or a fresh PostgreSQL database when DATABASE_URL is set.
 * The probe (probes/bulkCopyProbe.ts) runs in its own process, as a subgraph does; this test checks what it saw.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { createDatabase, dropDatabase } from '../bench/seed';

interface Observed {
  kind: string;
  roundTrip: { claim: Record<string, unknown>; items: Array<Record<string, unknown>>; storedClaim: Record<string, unknown>; storedItems: Array<Record<string, unknown>>; statements: number };
  batches: { total: number; statements: number; stored: number };
  duplicate: { error?: string; stored: number };
  indexes: { before: string[]; during: string[]; after: string[]; failedLoad?: string; afterFailure: string[]; keysBefore: string[]; keysAfter: string[]; deferredDuplicateError?: string; afterDuplicate: string[] };
  transaction: { statements: number; committed: number; rollbackError?: string; rolledBack: number };
}

let observed: Observed;

beforeAll(async () => {
  const base = process.env.DATABASE_URL;
  const name = `onshi_test_copy_${randomUUID().slice(0, 8)}`;
  const databaseUrl = base ? await createDatabase(base, name) : '';
  try {
    const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), path.join(__dirname, 'probes/bulkCopyProbe.ts')], {
      cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 90_000,
    });
    if (run.status !== 0) throw new Error(`probe failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
    observed = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Observed;
  } finally {
    if (base) await dropDatabase(base, name);
  }
});

test('the probe ran on the database of this run', () => {
  expect(observed.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
});

test('rows stored with COPY read back unchanged: escapes, nulls, dates, full-width text; a left-out column keeps its default', () => {
  const { claim, items, storedClaim, storedItems, statements } = observed.roundTrip;
  expect(statements).toBe(2);
  expect(storedClaim).toMatchObject(claim);
  expect(typeof storedClaim.ingestedAt).toBe('string');
  expect(Number.isNaN(Date.parse(String(storedClaim.ingestedAt)))).toBe(false);
  expect(storedItems).toEqual(items);
  expect(storedItems[0]?.usage).toBe(items[0]?.usage);
  expect(String(items[0]?.usage)).toEqual(expect.stringMatching(/\t.*\n.*\r.*\\N.*全角/s));
  expect(storedItems[1]).toMatchObject({ days: null, pharmacyCode: null });
});

test('copyInBatches stores every generated row with one COPY per table per batch', () => {
  // Slices of 2 reach 3 waiting patients at 4 and then the last 3: two batches × two tables.
  expect(observed.batches).toEqual({ total: 7, statements: 4, stored: 7 });
});

test('a COPY that breaks a constraint is refused whole and the error reaches the caller', () => {
  expect(observed.duplicate.error).toMatch(/duplicate key|unique/i);
  expect(observed.duplicate.stored).toBe(0);
});

test('every index of the tables, primary keys included, is dropped during a deferred load and built again after it, also when it fails', () => {
  const { before, during, after, failedLoad, afterFailure, keysBefore, keysAfter } = observed.indexes;
  // The indexes a reader needs, no more (docs/drugs.md "Claim indexes"): the insurers' routed claims, the retention
  // purge's two BRIN indexes, the claims' unique claim key; a patient's reads go through the primary keys.
  expect(before).toEqual([
    'claim_items_date_idx', 'claim_items_patient_id_date_claim_id_line_no_pk', 'claims_claim_key_idx', 'claims_insurer_month_idx', 'claims_patient_id_claim_id_pk', 'claims_service_month_idx',
  ]);
  expect(during).toEqual([]);
  expect(after).toEqual(before);
  expect(failedLoad).toBe('load failed');
  expect(afterFailure).toEqual(before);
  // Built again as the primary-key constraints they were, not as bare unique indexes.
  expect(keysBefore).toEqual(['claim_items_patient_id_date_claim_id_line_no_pk', 'claims_patient_id_claim_id_pk']);
  expect(keysAfter).toEqual(keysBefore);
});

test('a duplicate key copied while the keys are deferred fails the load when its key is built again; the other indexes are back', () => {
  const { deferredDuplicateError, afterDuplicate, before } = observed.indexes;
  expect(deferredDuplicateError).toMatch(/could not create unique index|duplicate key/i);
  expect(afterDuplicate).toEqual(before.filter((name) => name !== 'claim_items_patient_id_date_claim_id_line_no_pk'));
});

test('COPY on a transaction\'s connection (copyWith, the claim ingest\'s path) commits with it and rolls back with it', () => {
  const { statements, committed, rollbackError, rolledBack } = observed.transaction;
  // Two COPYs and nothing else counted: begin/commit are the driver's, not statements of ours.
  expect(statements).toBe(2);
  expect(committed).toBe(1);
  expect(rollbackError).toBe('batch failed after its COPY');
  expect(rolledBack).toBe(0);
});
