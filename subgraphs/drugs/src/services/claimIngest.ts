// The claim ingest (レセプト取込): a batch is validated as a whole and stored in one transaction, either every row or none
// (a bad batch is rejected as a whole with row-level reasons: nothing half-written). The statements are store/claimStore.ts's.
import { randomUUID } from 'node:crypto';
import { sqlStateOf, type CoverageLookup, type Db } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { addRoutingCounts, insertClaims, insertReturnedClaims, storedDigestsByKey } from '../store/claimStore';
import { claimDigest, claimKeyOf } from './claimIdentity';
import { RETURN_REASON_TEXT, routeClaim, type ReturnReason, type RoutingOutcome } from './claimRouting';
import { validateClaimBatch, type Claim, type ClaimValidationError } from './claims';
import type { DrugLookup } from './drugMaster';

/** Largest batch one call accepts; bigger files are split by the sender (or the CLI). */
export const MAX_CLAIMS_PER_BATCH = 5_000;

/** A claim of the batch returned to the facility (返戻): not stored as billed; the reason says what to do. */
export interface ReturnedClaimRow {
  /** 1-based row of the batch. */
  row: number;
  claimNumber: string;
  code: ReturnReason;
  reason: string;
  reasonJa: string;
}

export type IngestResult =
  | { ok: true; batchId: string; claimCount: number; itemCount: number; resentCount: number; reroutedCount: number; returnedCount: number; returned: ReturnedClaimRow[] }
  | { ok: false; errors: ClaimValidationError[] };

export interface IngestOptions {
  /** Which of these patient ids exist (the identity owner's answer); without it, patients are not checked. */
  knownPatients?: (patientIds: readonly string[]) => Promise<ReadonlySet<string>>;
  /**
   * Coverage of persons in months of care (qualifications, kit coverage.ts), asked once per batch; every claim is then
   * routed by it (claimRouting.ts). Without it (a file ingested on a stopped system) claims are stored unchecked.
   */
  coverage?: CoverageLookup;
}

type Candidate = { claim: Claim; row: number; digest: string; routing?: RoutingOutcome };

/** Routes every candidate from one coverage answer for the batch's (person, month) pairs. */
async function routeCandidates(coverage: CoverageLookup, candidates: Candidate[]): Promise<void> {
  const pairKey = (patientId: string, month: string) => `${patientId}\u0000${month}`;
  const pairs = new Map<string, { patientId: string; month: string }>();
  for (const { claim } of candidates) pairs.set(pairKey(claim.patientId, claim.serviceMonth), { patientId: claim.patientId, month: claim.serviceMonth });
  const answers = await coverage([...pairs.values()]);
  const periodsOf = new Map(answers.map((answer) => [pairKey(answer.patientId, answer.month), answer.periods]));
  for (const candidate of candidates) candidate.routing = routeClaim(candidate.claim, periodsOf.get(pairKey(candidate.claim.patientId, candidate.claim.serviceMonth)) ?? []);
}

/** PostgreSQL's unique_violation: another ingest stored the same claim key between our check and our insert. */
function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

const keyReason = (key: string) => ({
  reason: `another claim is already stored under the claim key ${key} (facility/month/claim number); send a correction as a new claim number`,
  reasonJa: `レセプトキー ${key}（医療機関・診療年月・レセプト番号）に別の内容のレセプトが登録済みです`,
});

/** Claims of the batch already stored under their key: same content → resent (skipped), other content → a row error. */
async function compareWithStored(executor: Db<Tables>, batch: ReadonlyArray<{ claim: Claim; row: number; digest: string }>) {
  const errors: ClaimValidationError[] = [];
  const resent = new Set<number>();
  const digestByKey = await storedDigestsByKey(executor, batch);
  for (const { claim, row, digest } of batch) {
    const existing = digestByKey.get(claimKeyOf(claim));
    if (existing === undefined) continue;
    if (existing === digest) resent.add(row);
    else errors.push({ row, path: 'claimNumber', ...keyReason(claimKeyOf(claim)) });
  }
  return { errors, resent };
}

/**
 * Validates every row, then stores the whole batch in one transaction. Any invalid row rejects the batch with the
 * reasons of every bad row (1-based row numbers); a database failure rolls back all of it. A claim whose key
 * (facility + month + claim number) is already stored with the same content is a resend and skipped; with other
 * content it is a row-level reason (a claim is never stored twice, and never silently replaced).
 */
export async function ingestClaimBatch(db: Db<Tables>, rows: readonly unknown[], now: Date, master: DrugLookup, options: IngestOptions = {}): Promise<IngestResult> {
  if (rows.length === 0) {
    return { ok: false, errors: [{ row: 0, path: '', reason: 'the batch is empty', reasonJa: 'レセプトが1件もありません' }] };
  }
  if (rows.length > MAX_CLAIMS_PER_BATCH) {
    return {
      ok: false,
      errors: [{ row: 0, path: '', reason: `at most ${MAX_CLAIMS_PER_BATCH} claims per batch`, reasonJa: `1回に登録できるレセプトは${MAX_CLAIMS_PER_BATCH}件までです` }],
    };
  }
  const validation = validateClaimBatch(rows, now, master);
  if (!validation.ok) return validation;
  const errors: ClaimValidationError[] = [];
  // Rows are 1-based; a key twice in one batch is the same claim once, or a contradiction.
  const firstOfKey = new Map<string, { row: number; digest: string }>();
  const candidates: Candidate[] = [];
  validation.claims.forEach((claim, index) => {
    const row = index + 1;
    const digest = claimDigest(claim);
    const key = claimKeyOf(claim);
    const first = firstOfKey.get(key);
    if (first === undefined) {
      firstOfKey.set(key, { row, digest });
      candidates.push({ claim, row, digest });
    } else if (first.digest !== digest) {
      errors.push({ row, path: 'claimNumber', reason: `the claim key ${key} is also row ${first.row}, with other content`, reasonJa: `レセプトキー ${key} が ${first.row} 行目と重複し、内容が異なります` });
    }
  });
  if (options.knownPatients !== undefined) {
    const known = await options.knownPatients([...new Set(validation.claims.map((claim) => claim.patientId))]);
    validation.claims.forEach((claim, index) => {
      if (!known.has(claim.patientId)) errors.push({ row: index + 1, path: 'patientId', reason: 'is not a known patient', reasonJa: '登録されていない患者IDです' });
    });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  // One batched question to qualifications for the whole batch (kit coverage.ts), before the transaction.
  if (options.coverage !== undefined) await routeCandidates(options.coverage, candidates);
  const batchId = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const compared = await compareWithStored(tx, candidates);
      if (compared.errors.length > 0) return { ok: false as const, errors: compared.errors };
      const fresh = candidates.filter(({ row }) => !compared.resent.has(row));
      const returning = fresh.flatMap((candidate) => (candidate.routing?.kind === 'RETURNED' ? [{ ...candidate, routing: candidate.routing }] : []));
      const storing = fresh.filter((candidate) => candidate.routing?.kind !== 'RETURNED');
      const counts = await insertClaims(tx, storing, batchId);
      const written = await insertReturnedClaims(tx, returning, batchId);
      const newlyReturned = returning.filter(({ claim }) => written.has(claimKeyOf(claim)));
      await addRoutingCounts(tx, [...storing, ...newlyReturned].flatMap(({ claim, routing }) => (routing === undefined ? [] : [{ claim, routing }])));
      return {
        ok: true as const, batchId, ...counts, resentCount: validation.claims.length - fresh.length,
        reroutedCount: storing.filter(({ routing }) => routing?.kind === 'REROUTED').length,
        returnedCount: returning.length,
        returned: returning.map(({ row, claim, routing }) => ({ row, claimNumber: claim.claimNumber, code: routing.reason, ...RETURN_REASON_TEXT[routing.reason] })),
      };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent ingest stored one of these keys first: nothing of this batch was written; the sender resends it.
    return { ok: false, errors: [{ row: 0, path: '', reason: 'another batch stored some of these claims at the same moment; nothing was stored, send the batch again', reasonJa: '同時に別の取込が同じレセプトを登録しました。全件を取り込んでいません。再送してください' }] };
  }
}
