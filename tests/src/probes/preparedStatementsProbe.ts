/**
 * Opens a subgraph's database through the kit (one connection) and reports which of its statements PostgreSQL holds
 * as prepared statements, for tests/src/prepared-statements.test.ts: a plain read, the same read again, a read in a
 * transaction and one in a savepoint. Runs in its own process, as a subgraph does (PGlite does not load inside Jest).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, REPO_ROOT } from '@onshi/kit';
import { claims, tables } from '@onshi/drugs/src/db/tables';

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-prepared-'));
  const handle = await openDatabase({
    service: 'drugs', dataDir, migrationsFolder: path.join(REPO_ROOT, 'subgraphs/drugs/drizzle'), schema: tables, poolSize: 1,
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  });
  try {
    const { db } = handle;
    const preparedTexts = async () => {
      const result: unknown = await db.execute(sql`select statement from pg_prepared_statements`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ statement: string }>;
      return rows.map((row) => row.statement);
    };
    const read = (id: string) => db.select({ claimId: claims.claimId }).from(claims).where(eq(claims.patientId, id));
    const first = await read('probe-a');
    const afterFirst = await preparedTexts();
    await read('probe-b');
    const afterRepeat = await preparedTexts();
    const inTransaction = await db.transaction(async (tx) => {
      const rows = await tx.select({ serviceMonth: claims.serviceMonth }).from(claims).where(eq(claims.facilityCode, 'probe'));
      const nested = await tx.transaction(async (savepoint) => savepoint.select({ batchId: claims.batchId }).from(claims).where(eq(claims.insurerNumber, 'probe')));
      return { rows: rows.length, nested: nested.length };
    });
    const afterTransaction = await preparedTexts();
    process.stdout.write(`${JSON.stringify({ kind: handle.kind, first: first.length, afterFirst, afterRepeat, inTransaction, afterTransaction })}\n`);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
