/**
 * Bulk claim ingest from a file: `npx tsx --tsconfig tsconfig.base.json subgraphs/drugs/src/cli/ingest-claims.ts <file.json>`
 *
 * The file holds a JSON array of claims (the shape of the `ingestClaims` mutation's ClaimInput), or
 * `{ "claims": [...] }`. The same service as the mutation validates every row and stores the batch in
 * one transaction: on any invalid row nothing is stored, every problem is printed as one JSON line
 * `{ row, path, reason, reasonJa }` on stderr, and the exit code is 2. Reads DATABASE_URL or DATA_DIR
 * like the service (stop the service first when the database is an embedded PGlite directory).
 */
import { readFileSync } from 'node:fs';
import { ingestClaimBatch } from '../services/claimStore';
import { createClock } from '../services/clock';
import { loadDrugMaster } from '../services/drugMaster';
import { syncDrugMasterTable } from '../services/drugMasterStore';
import { openDrugsDatabase } from './database';

function rowsOf(parsed: unknown): unknown[] | undefined {
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === 'object' && parsed !== null && 'claims' in parsed && Array.isArray(parsed.claims)) return parsed.claims;
  return undefined;
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: ingest-claims.ts <file.json>\n');
    return 64;
  }
  let rows: unknown[] | undefined;
  try {
    rows = rowsOf(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    process.stderr.write(`ingest-claims: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 66;
  }
  if (!rows) {
    process.stderr.write(`ingest-claims: ${file} must hold a JSON array of claims or { "claims": [...] }\n`);
    return 65;
  }
  const { database, demoAsOf } = await openDrugsDatabase('drugs:ingest-claims');
  try {
    const master = loadDrugMaster();
    await syncDrugMasterTable(database.db, master);
    const result = await ingestClaimBatch(database.db, rows, createClock(demoAsOf)(), master);
    if (!result.ok) {
      for (const error of result.errors) process.stderr.write(`${JSON.stringify(error)}\n`);
      process.stderr.write(`ingest-claims: batch rejected, nothing stored (${result.errors.length} problem(s))\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ingest-claims: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
