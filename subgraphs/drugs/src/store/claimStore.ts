// Writing claims (レセプト), the source of truth of drug information and medical-expense notices: the statements of
// the claim ingest (services/claimIngest.ts), which runs them in one transaction per batch.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { copyWith, encodeCopyRows, resultRows, type Db } from '@onshi/kit';
import { claimItems, claimRoutingCounts, claims, returnedClaims, type Tables } from '../db/tables';
import { claimKeyOf } from '../services/claimIdentity';
import type { RoutingOutcome } from '../services/claimRouting';
import type { Claim } from '../services/claims';

// PostgreSQL allows 65 535 bind parameters per statement; returned_claims has 12 columns.
const ROWS_PER_INSERT = 2_000;

export type ClaimRow = typeof claims.$inferInsert;
export type ClaimItemRow = typeof claimItems.$inferInsert;

/**
 * Header and item rows of one claim; items carry the prescriber and pharmacy for one-table reads. The demo seed
 * leaves the digest empty (hashing 10⁸ generated claims would dominate the seed; nobody resends them).
 */
export function rowsOfClaim(claim: Claim, batchId: string, claimId: string = randomUUID(), contentDigest = '', routing?: RoutingOutcome): { claim: ClaimRow; items: ClaimItemRow[] } {
  const isPharmacy = claim.claimKind === 'PHARMACY';
  const prescriber = isPharmacy ? (claim.prescribingFacilityCode ?? claim.facilityCode) : claim.facilityCode;
  return {
    claim: {
      patientId: claim.patientId,
      claimId,
      claimKind: claim.claimKind,
      claimNumber: claim.claimNumber,
      contentDigest,
      facilityCode: claim.facilityCode,
      prescribingFacilityCode: claim.prescribingFacilityCode ?? null,
      // Re-routed (レセプト振替): stored under the insurer that covered the dates of care, the addressee kept.
      insurerNumber: routing?.kind === 'REROUTED' ? routing.insurerNumber : claim.insurerNumber,
      billedInsurerNumber: routing?.kind === 'REROUTED' ? claim.insurerNumber : null,
      routing: routing === undefined || routing.kind === 'RETURNED' ? null : routing.kind,
      routingReason: routing?.kind === 'REROUTED' ? routing.reason : null,
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

/**
 * Stores already-validated claims with the given executor (the ingest's transaction): one COPY for the headers and one
 * for the items (kit bulkCopy.ts copyWith), on the transaction's own connection so they commit or roll back with the
 * rest of the batch. drizzle's multi-row INSERT spent ~45 % of the ingest's busy time building statements value by
 * value (docs/benchmarks.md "Claim re-routing"); COPY's text is one string per row.
 */
export async function insertClaims(executor: Db<Tables>, batch: ReadonlyArray<{ claim: Claim; digest: string; routing?: RoutingOutcome }>, batchId: string): Promise<{ claimCount: number; itemCount: number }> {
  const claimRows: ClaimRow[] = [];
  const itemRows: ClaimItemRow[] = [];
  for (const { claim, digest, routing } of batch) {
    const rows = rowsOfClaim(claim, batchId, randomUUID(), digest, routing);
    claimRows.push(rows.claim);
    for (const item of rows.items) itemRows.push(item);
  }
  const copy = copyWith(executor as Db<Record<string, unknown>>);
  await copy(encodeCopyRows(claims, claimRows));
  await copy(encodeCopyRows(claimItems, itemRows));
  return { claimCount: claimRows.length, itemCount: itemRows.length };
}

/**
 * Adds one routed claim to running totals keyed like tables.ts claimRoutingCounts: the insurer stored under (or, for a
 * returned claim, the one addressed), the reason ('' as billed), the facility and the month of care.
 */
export function tallyRouting(totals: Map<string, typeof claimRoutingCounts.$inferInsert>, claim: Claim, routing: RoutingOutcome): void {
  const insurerNumber = routing.kind === 'RETURNED' ? claim.insurerNumber : routing.insurerNumber;
  const reason = routing.kind === 'AS_BILLED' ? '' : routing.reason;
  const key = [claim.serviceMonth, routing.kind, reason, insurerNumber, claim.facilityCode].join('\u0000');
  const total = totals.get(key) ?? { serviceMonth: claim.serviceMonth, outcome: routing.kind, reason, insurerNumber, facilityCode: claim.facilityCode, claims: 0, points: 0 };
  total.claims += 1;
  total.points = (total.points ?? 0) + claim.totalPoints;
  totals.set(key, total);
}

/**
 * Adds the batch's outcomes to the running totals (tables.ts claimRoutingCounts), in the ingest's transaction: one
 * upsert with the totals as one JSON parameter (drizzle built ~2,000 rows × 7 values per batch, one facility each).
 * The rows go in key order, so concurrent batches that touch the same totals lock them in the same order and wait for
 * each other instead of deadlocking.
 */
export async function addRoutingCounts(executor: Db<Tables>, checked: ReadonlyArray<{ claim: Claim; routing: RoutingOutcome }>): Promise<void> {
  const totals = new Map<string, typeof claimRoutingCounts.$inferInsert>();
  for (const { claim, routing } of checked) tallyRouting(totals, claim, routing);
  if (totals.size === 0) return;
  const rows = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, total]) => total);
  await executor.execute(sql`
    insert into ${claimRoutingCounts} (service_month, outcome, reason, insurer_number, facility_code, claims, points)
    select "serviceMonth", outcome, reason, "insurerNumber", "facilityCode", claims, points
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t("serviceMonth" text, outcome text, reason text, "insurerNumber" text, "facilityCode" text, claims integer, points bigint)
    on conflict (service_month, outcome, reason, insurer_number, facility_code)
    do update set claims = ${claimRoutingCounts}.claims + excluded.claims, points = ${claimRoutingCounts}.points + excluded.points`);
}

/** Stores the returned claims of a batch (once per content); returns the rows actually written (a resend is not recounted). */
export async function insertReturnedClaims(executor: Db<Tables>, returned: ReadonlyArray<{ claim: Claim; digest: string; routing: Extract<RoutingOutcome, { kind: 'RETURNED' }> }>, batchId: string): Promise<Set<string>> {
  const written = new Set<string>();
  for (let start = 0; start < returned.length; start += ROWS_PER_INSERT) {
    const rows = returned.slice(start, start + ROWS_PER_INSERT).map(({ claim, digest, routing }) => ({
      patientId: claim.patientId, claimId: randomUUID(), claimKind: claim.claimKind, claimNumber: claim.claimNumber, facilityCode: claim.facilityCode,
      billedInsurerNumber: claim.insurerNumber, serviceMonth: claim.serviceMonth, totalPoints: claim.totalPoints, reason: routing.reason,
      coverageInsurerNumbers: routing.coverageInsurerNumbers, contentDigest: digest, batchId,
    }));
    const inserted = await executor.insert(returnedClaims).values(rows).onConflictDoNothing()
      .returning({ facilityCode: returnedClaims.facilityCode, serviceMonth: returnedClaims.serviceMonth, claimNumber: returnedClaims.claimNumber });
    for (const row of inserted) written.add(claimKeyOf(row));
  }
  return written;
}

/**
 * The content digests already stored under the batch's claim keys, by key. One statement for the batch, joined on the
 * whole claim key so that it is a probe of claims_claim_key_idx per claim: asked by month and claim number alone,
 * PostgreSQL read every claim of the month (claims_service_month_idx), which grows with each batch of a month's ingest
 * (docs/benchmarks.md "Claim re-routing"). The keys travel as one JSON parameter (a batch of 5,000 keys as separate
 * parameters would be 15,000 of them).
 */
export async function storedDigestsByKey(executor: Db<Tables>, batch: ReadonlyArray<{ claim: Claim }>): Promise<Map<string, string>> {
  const keys = batch.map(({ claim }) => ({ f: claim.facilityCode, m: claim.serviceMonth, n: claim.claimNumber }));
  const stored = resultRows<{ facility_code: string; service_month: string; claim_number: string; content_digest: string }>(await executor.execute(sql`
    select c.facility_code, c.service_month, c.claim_number, c.content_digest
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(f text, m text, n text)
    join ${claims} c on c.facility_code = k.f and c.service_month = k.m and c.claim_number = k.n`));
  return new Map(stored.map((row) => [claimKeyOf({ facilityCode: row.facility_code, serviceMonth: row.service_month, claimNumber: row.claim_number }), row.content_digest]));
}
