import { OperationInputError, type Operation } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { ingestClaimBatch, type IngestOptions } from './claimIngest';
import type { DrugLookup } from './drugMaster';
import { purgeExpiredClaims } from '../store/purge';

/** A claim file holds a JSON array of claims (the ingestClaims mutation's ClaimInput) or `{ "claims": [...] }`. */
export function claimRowsOf(parsed: unknown): unknown[] | undefined {
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === 'object' && parsed !== null && 'claims' in parsed && Array.isArray(parsed.claims)) return parsed.claims;
  return undefined;
}

/**
 * The drugs jobs (cli/purge.ts, cli/ingest-claims.ts), served by the running drugs service at
 * /internal/operations/<name> (kit operations.ts) and run by the commands themselves when it is stopped.
 * `now` is the clock of whoever runs them: the service's own, or DEMO_AS_OF of the command. The service
 * checks patient ids against consent's identity index and routes every claim by the qualification history
 * (`ingest`, as the mutation does); a command on a stopped system reaches neither and stores without those
 * checks (the claims are stored unchecked: docs/drugs.md "Re-routing claims (レセプト振替)").
 */
export function drugsOperations(now: () => Date, master: () => DrugLookup, ingest: IngestOptions = {}): Record<'purge' | 'ingest-claims', Operation<Tables>> {
  return {
    'purge': async (db) => ({ result: await purgeExpiredClaims(db, now()), exitCode: 0 }),
    'ingest-claims': async (db, input) => {
      const rows = claimRowsOf(input);
      if (!rows) throw new OperationInputError('the file must hold a JSON array of claims or { "claims": [...] }');
      const result = await ingestClaimBatch(db, rows, now(), master(), ingest);
      return { result, exitCode: result.ok ? 0 : 2 };
    },
  };
}
