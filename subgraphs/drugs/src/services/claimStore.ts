// Writing claims (レセプト), the source of truth of drug information and medical-expense notices.
// A batch is validated as a whole and stored in one transaction: either every row is stored or none
// (issue 5: "rejects a bad batch as a whole with row-level reasons: nothing half-written").
import { randomUUID } from 'node:crypto';
import type { Db } from '@onshi/kit';
import { claimItems, claims, type Tables } from '../db/tables';
import { validateClaimBatch, type Claim, type ClaimValidationError } from './claims';
import type { DrugLookup } from './drugMaster';

/** Largest batch one call accepts; bigger files are split by the sender (or the CLI). */
export const MAX_CLAIMS_PER_BATCH = 5_000;

// PostgreSQL allows 65 535 bind parameters per statement; claim_items has 12 columns.
const ROWS_PER_INSERT = 2_000;

export type ClaimRow = typeof claims.$inferInsert;
export type ClaimItemRow = typeof claimItems.$inferInsert;

/** Header and item rows of one claim; items carry the prescriber and pharmacy for one-table reads. */
export function rowsOfClaim(claim: Claim, batchId: string, claimId: string = randomUUID()): { claim: ClaimRow; items: ClaimItemRow[] } {
  const isPharmacy = claim.claimKind === 'PHARMACY';
  const prescriber = isPharmacy ? (claim.prescribingFacilityCode ?? claim.facilityCode) : claim.facilityCode;
  return {
    claim: {
      patientId: claim.patientId,
      claimId,
      claimKind: claim.claimKind,
      facilityCode: claim.facilityCode,
      prescribingFacilityCode: claim.prescribingFacilityCode ?? null,
      insurerNumber: claim.insurerNumber,
      serviceMonth: claim.serviceMonth,
      totalPoints: claim.totalPoints,
      patientShareYen: claim.patientShareYen,
      batchId,
    },
    items: claim.items.map((item, lineNo) => ({
      patientId: claim.patientId,
      claimId,
      lineNo,
      date: item.date,
      drugCode: item.drugCode,
      quantity: item.quantity,
      unit: item.unit,
      usage: item.usage,
      days: item.days ?? null,
      inOut: item.inOut,
      prescribingFacilityCode: prescriber,
      pharmacyCode: isPharmacy ? claim.facilityCode : null,
    })),
  };
}

/** Header and item rows of a batch of claims, headers and items each in claim order. */
export function rowsOfClaims(batch: Iterable<Claim>, batchId: string): { claims: ClaimRow[]; items: ClaimItemRow[] } {
  const claimRows: ClaimRow[] = [];
  const itemRows: ClaimItemRow[] = [];
  for (const claim of batch) {
    const rows = rowsOfClaim(claim, batchId);
    claimRows.push(rows.claim);
    for (const item of rows.items) itemRows.push(item);
  }
  return { claims: claimRows, items: itemRows };
}

/** Inserts already-validated claims with the given executor (a transaction). */
export async function insertClaims(executor: Db<Tables>, batch: readonly Claim[], batchId: string): Promise<{ claimCount: number; itemCount: number }> {
  const { claims: claimRows, items: itemRows } = rowsOfClaims(batch, batchId);
  for (let start = 0; start < claimRows.length; start += ROWS_PER_INSERT) {
    await executor.insert(claims).values(claimRows.slice(start, start + ROWS_PER_INSERT));
  }
  for (let start = 0; start < itemRows.length; start += ROWS_PER_INSERT) {
    await executor.insert(claimItems).values(itemRows.slice(start, start + ROWS_PER_INSERT));
  }
  return { claimCount: claimRows.length, itemCount: itemRows.length };
}

export type IngestResult =
  | { ok: true; batchId: string; claimCount: number; itemCount: number }
  | { ok: false; errors: ClaimValidationError[] };

/**
 * Validates every row, then stores the whole batch in one transaction. Any invalid row rejects the
 * batch with the reasons of every bad row (1-based row numbers); a database failure rolls back all of it.
 */
export async function ingestClaimBatch(db: Db<Tables>, rows: readonly unknown[], now: Date, master: DrugLookup): Promise<IngestResult> {
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
  const batchId = randomUUID();
  const counts = await db.transaction(async (tx) => insertClaims(tx, validation.claims, batchId));
  return { ok: true, batchId, ...counts };
}
