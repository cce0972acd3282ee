/**
 * Bulk claim ingest from a file: `npx tsx --tsconfig tsconfig.base.json subgraphs/drugs/src/cli/ingest-claims.ts <file.json>`
 *
 * The file holds a JSON array of claims (the shape of the `ingestClaims` mutation's ClaimInput), or
 * `{ "claims": [...] }`. The same service as the mutation validates every row and stores the batch in
 * one transaction: on any invalid row nothing is stored, every problem is printed as one JSON line
 * `{ row, path, reason, reasonJa }` on stderr, and the exit code is 2. On a running system the drugs
 * service stores it (files up to its 1 MB request limit); on a stopped one (or PostgreSQL) the job opens
 * the database itself.
 */
import { readFileSync } from 'node:fs';
import type { IngestResult } from '../services/claimIngest';
import { claimRowsOf } from '../services/operations';
import { failJob, runDrugsJob } from './database';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: ingest-claims.ts <file.json>\n');
    return 64;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`ingest-claims: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 66;
  }
  if (!claimRowsOf(parsed)) {
    process.stderr.write(`ingest-claims: ${file} must hold a JSON array of claims or { "claims": [...] }\n`);
    return 65;
  }
  const outcome = await runDrugsJob('ingest-claims', 'ingest-claims', parsed);
  const result = outcome.result as IngestResult;
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${JSON.stringify(error)}\n`);
    process.stderr.write(`ingest-claims: batch rejected, nothing stored (${result.errors.length} problem(s))\n`);
    return outcome.exitCode;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return outcome.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => failJob('ingest-claims', error),
);
