/**
 * Runs the kit's COPY path (subgraphs/kit/src/bulkCopy.ts) against the database of the run — embedded
 * PGlite in a fresh data dir, or DATABASE_URL as given — and prints what it observed as JSON, for
 * tests/src/bulk-copy.test.ts (PGlite cannot be loaded inside Jest's module sandbox, so it runs here).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { copyInBatches, copyWith, encodeCopyRows, openDatabase, processCounters, REPO_ROOT, withIndexesDeferred } from '@onshi/kit';
import { claimItems, claims, tables } from '@onshi/drugs/src/db/tables';
import { loadDrugMaster } from '@onshi/drugs/src/services/drugMaster';
import { syncDrugMasterTable } from '@onshi/drugs/src/store/drugMasterStore';

const AWKWARD_USAGE = 'tab\there, newline\nhere, CR\rhere, backslash \\N and \\ 1日3回毎食後　（全角）';

function claimOf(patientId: string, month: string) {
  const claimId = randomUUID();
  return {
    patientId, claimId, claimNumber: claimId.slice(0, 20), contentDigest: 'probe', claimKind: 'PHARMACY', facilityCode: '1340000017', prescribingFacilityCode: null, insurerNumber: '06132013',
    serviceMonth: month, totalPoints: 120, patientShareYen: 360, batchId: randomUUID(),
  };
}

function itemOf(claim: { patientId: string; claimId: string }, lineNo: number, drugCode: string, extra: Partial<typeof claimItems.$inferInsert> = {}) {
  return {
    patientId: claim.patientId, claimId: claim.claimId, lineNo, date: '2026-10-03', drugCode, quantity: 1.5, unit: '錠', usage: '分1', days: 14 as number | null,
    inOut: 'OUT', prescribingFacilityCode: '1310000011', pharmacyCode: '1340000017' as string | null, ...extra,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-bulk-copy-'));
  const handle = await openDatabase({
    service: 'drugs', dataDir, migrationsFolder: path.join(REPO_ROOT, 'subgraphs/drugs/drizzle'), schema: tables,
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  });
  try {
    const master = loadDrugMaster();
    await syncDrugMasterTable(handle.db, master);
    const drugCode = master.entries[0]?.drugCode ?? '';
    const rowsOf = async (query: ReturnType<typeof sql>) => {
      const result: unknown = await handle.db.execute(query);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
    };

    // 1. Round trip: escapes, nulls, dates, full-width text; a column left out keeps its default.
    const claim = claimOf(`copy-${randomUUID()}`, '2026-10');
    const items = [itemOf(claim, 0, drugCode, { usage: AWKWARD_USAGE }), itemOf(claim, 1, drugCode, { usage: '頓用', days: null, pharmacyCode: null })];
    let before = processCounters.statements;
    await handle.copy(encodeCopyRows(claims, [claim]));
    await handle.copy(encodeCopyRows(claimItems, items));
    const roundTripStatements = processCounters.statements - before;
    const [storedClaim] = await handle.db.select().from(claims).where(sql`${claims.claimId} = ${claim.claimId}`);
    const storedItems = await handle.db.select().from(claimItems).where(sql`${claimItems.claimId} = ${claim.claimId}`).orderBy(asc(claimItems.lineNo));

    // 2. Batches: 7 patients, slices of 2, a COPY per table once 3 patients are waiting.
    const patientIds = Array.from({ length: 7 }, (_, i) => `batch-${i}-${randomUUID()}`);
    before = processCounters.statements;
    const batchTotal = await copyInBatches(patientIds, { itemsPerCopy: 3, itemsPerSlice: 2 }, (slice) => {
      const claimRows = slice.map((id) => claimOf(id, '2026-09'));
      return [encodeCopyRows(claims, claimRows), encodeCopyRows(claimItems, claimRows.map((c) => itemOf(c, 0, drugCode)))];
    }, handle.copy);
    const batchStatements = processCounters.statements - before;
    const [batchStored] = await rowsOf(sql`select count(*)::int as n from drugs.claim_items where patient_id like 'batch-%'`);

    // 3. A COPY whose last row repeats the first one's primary key: the whole COPY is refused, the first row too.
    // (Claim items keep no foreign keys, docs/drugs.md "Claim items and their integrity": the key is the constraint.)
    const duplicated = claimOf(`duplicate-${randomUUID()}`, '2026-08');
    const duplicateError = await copyInBatches([duplicated], { itemsPerCopy: 1 }, () => [encodeCopyRows(claimItems, [itemOf(duplicated, 0, drugCode), itemOf(duplicated, 1, drugCode), itemOf(duplicated, 0, drugCode)])], handle.copy)
      .then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
    const [duplicateStored] = await rowsOf(sql`select count(*)::int as n from drugs.claim_items where patient_id = ${duplicated.patientId}`);

    // 4. Deferred indexes, keys included: gone during the load, back after it, also after a failed load; a duplicate
    // key copied while they are gone makes the key's rebuild fail, and that failure is the load's.
    const tableIndexes = async () => (await rowsOf(sql`select indexname from pg_indexes where schemaname = 'drugs' and tablename in ('claims', 'claim_items') order by indexname`)).map((row) => row.indexname);
    const primaryKeys = async () => (await rowsOf(sql`select conname as indexname from pg_constraint where conrelid in ('drugs.claims'::regclass, 'drugs.claim_items'::regclass) and contype = 'p' order by conname`)).map((row) => row.indexname);
    const indexesBefore = await tableIndexes();
    const keysBefore = await primaryKeys();
    const indexesDuring = await withIndexesDeferred(handle.db, [claims, claimItems], () => tableIndexes());
    const indexesAfter = await tableIndexes();
    const failedLoad = await withIndexesDeferred(handle.db, [claims, claimItems], () => Promise.reject(new Error('load failed')))
      .then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
    const indexesAfterFailure = await tableIndexes();
    const keysAfter = await primaryKeys();
    const deferredDuplicate = claimOf(`deferred-duplicate-${randomUUID()}`, '2026-08');
    const deferredDuplicateError = await withIndexesDeferred(handle.db, [claims, claimItems], async () => {
      await handle.copy(encodeCopyRows(claimItems, [itemOf(deferredDuplicate, 0, drugCode), itemOf(deferredDuplicate, 0, drugCode)]));
    // drizzle's "Failed query" error carries the server's own as its cause.
    }).then(() => undefined, (error: unknown) => (error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}` : String(error)));
    const indexesAfterDuplicate = await tableIndexes();
    await rowsOf(sql`delete from drugs.claim_items where patient_id = ${deferredDuplicate.patientId}`);
    await rowsOf(sql`alter table drugs.claim_items add constraint claim_items_patient_id_date_claim_id_line_no_pk primary key (patient_id, date, claim_id, line_no)`);

    // 5. COPY in a transaction (copyWith, the claim ingest's path): committed with it, or rolled back with it.
    const committed = claimOf(`tx-commit-${randomUUID()}`, '2026-07');
    before = processCounters.statements;
    await handle.db.transaction(async (tx) => {
      await copyWith(tx)(encodeCopyRows(claims, [committed]));
      await copyWith(tx)(encodeCopyRows(claimItems, [itemOf(committed, 0, drugCode)]));
    });
    const transactionStatements = processCounters.statements - before;
    const rolledBack = claimOf(`tx-rollback-${randomUUID()}`, '2026-07');
    const rollbackError = await handle.db.transaction(async (tx) => {
      await copyWith(tx)(encodeCopyRows(claims, [rolledBack]));
      await copyWith(tx)(encodeCopyRows(claimItems, [itemOf(rolledBack, 0, drugCode)]));
      throw new Error('batch failed after its COPY');
    }).then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
    const [committedStored] = await rowsOf(sql`select count(*)::int as n from drugs.claim_items where patient_id = ${committed.patientId}`);
    const [rolledBackStored] = await rowsOf(sql`select count(*)::int as n from drugs.claims where patient_id = ${rolledBack.patientId}`);

    process.stdout.write(`${JSON.stringify({
      transaction: { statements: transactionStatements, committed: committedStored?.n, rollbackError, rolledBack: rolledBackStored?.n },
      kind: handle.kind,
      roundTrip: { claim, items, storedClaim, storedItems, statements: roundTripStatements },
      batches: { total: batchTotal, statements: batchStatements, stored: batchStored?.n },
      duplicate: { error: duplicateError, stored: duplicateStored?.n },
      indexes: { before: indexesBefore, during: indexesDuring, after: indexesAfter, failedLoad, afterFailure: indexesAfterFailure, keysBefore, keysAfter, deferredDuplicateError, afterDuplicate: indexesAfterDuplicate },
    })}\n`);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
