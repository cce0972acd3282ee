// Writing claims (レセプト), the source of truth of drug information and medical-expense notices.
// A batch is validated as a whole and stored in one transaction: either every row is stored or none
// (a bad batch is rejected as a whole with row-level reasons: nothing half-written).
import { hash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { copyWith, encodeCopyRows, resultRows, type CoverageLookup, type Db } from '@onshi/kit';
import { claimItems, claimRoutingCounts, claims, returnedClaims, type Tables } from '../db/tables';
import { RETURN_REASON_TEXT, routeClaim, type ReturnReason, type RoutingOutcome } from '../services/claimRouting';
import { validateClaimBatch, type Claim, type ClaimValidationError } from '../services/claims';
import type { DrugLookup } from '../services/drugMaster';

/** Largest batch one call accepts; bigger files are split by the sender (or the CLI). */
export const MAX_CLAIMS_PER_BATCH = 5_000;

// PostgreSQL allows 65 535 bind parameters per statement; returned_claims has 12 columns.
const ROWS_PER_INSERT = 2_000;

export type ClaimRow = typeof claims.$inferInsert;
export type ClaimItemRow = typeof claimItems.$inferInsert;

/** Sorted keys of each object shape met so far, with their JSON prefixes (`"key":`); a validated claim has few shapes. */
const sortedKeysOfShape = new Map<string, ReadonlyArray<readonly [key: string, prefix: string]>>();
// Validated claims only carry the schema's fields, so their shapes are the few combinations of optional fields.
const MAX_CACHED_SHAPES = 64;

function sortedKeysOf(record: Record<string, unknown>): ReadonlyArray<readonly [string, string]> {
  const keys = Object.keys(record);
  const shape = keys.join('\u0000');
  const cached = sortedKeysOfShape.get(shape);
  if (cached !== undefined) return cached;
  const sorted = keys.sort().map((key) => [key, `${JSON.stringify(key)}:`] as const);
  if (sortedKeysOfShape.size < MAX_CACHED_SHAPES) sortedKeysOfShape.set(shape, sorted);
  return sorted;
}

/**
 * JSON with object keys sorted at every level, so that equal claims give equal text whatever the key order. The same
 * text as sorting `Object.entries` and joining, written as loops with each shape's sorted keys kept: it runs for every
 * claim of every batch (docs/benchmarks.md "Claim re-routing"), and the stored digests of claims already received must
 * not change (claimStore.test.ts pins one).
 */
function canonicalJson(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) text += (index === 0 ? '' : ',') + (canonicalJson(value[index]) ?? '');
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  let first = true;
  for (const [key, prefix] of sortedKeysOf(record)) {
    const field = record[key];
    if (field === undefined) continue;
    text += (first ? '' : ',') + prefix + (canonicalJson(field) ?? '');
    first = false;
  }
  return `${text}}`;
}

/**
 * SHA-256 of the validated claim: a resend of the same claim has the same digest, a changed one another. One-shot
 * `hash` rather than a Hash object per claim (half the digest's cost on 2,000 claims).
 */
export function claimDigest(claim: Claim): string {
  return hash('sha256', canonicalJson(claim) ?? '', 'hex');
}

/** The claim key: billing facility + month of care + claim number. */
export function claimKeyOf(claim: Pick<Claim, 'facilityCode' | 'serviceMonth' | 'claimNumber'>): string {
  return `${claim.facilityCode}/${claim.serviceMonth}/${claim.claimNumber}`;
}

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
async function addRoutingCounts(executor: Db<Tables>, checked: ReadonlyArray<{ claim: Claim; routing: RoutingOutcome }>): Promise<void> {
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
async function insertReturnedClaims(executor: Db<Tables>, returned: ReadonlyArray<Candidate & { routing: Extract<RoutingOutcome, { kind: 'RETURNED' }> }>, batchId: string): Promise<Set<string>> {
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

/** PostgreSQL's unique_violation: another ingest stored the same claim key between our check and our insert. */
function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; typeof cause === 'object' && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const keyReason = (key: string) => ({
  reason: `another claim is already stored under the claim key ${key} (facility/month/claim number); send a correction as a new claim number`,
  reasonJa: `レセプトキー ${key}（医療機関・診療年月・レセプト番号）に別の内容のレセプトが登録済みです`,
});

/**
 * Claims of the batch already stored under their key: same content → resent (skipped), other content → a row error.
 * One statement for the batch, joined on the whole claim key so that it is a probe of claims_claim_key_idx per claim:
 * asked by month and claim number alone, PostgreSQL read every claim of the month (claims_service_month_idx), which
 * grows with each batch of a month's ingest (docs/benchmarks.md "Claim re-routing"). The keys travel as one JSON
 * parameter (a batch of 5,000 keys as separate parameters would be 15,000 of them).
 */
async function compareWithStored(executor: Db<Tables>, batch: ReadonlyArray<{ claim: Claim; row: number; digest: string }>) {
  const errors: ClaimValidationError[] = [];
  const resent = new Set<number>();
  const keys = batch.map(({ claim }) => ({ f: claim.facilityCode, m: claim.serviceMonth, n: claim.claimNumber }));
  const stored = resultRows<{ facility_code: string; service_month: string; claim_number: string; content_digest: string }>(await executor.execute(sql`
    select c.facility_code, c.service_month, c.claim_number, c.content_digest
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(f text, m text, n text)
    join ${claims} c on c.facility_code = k.f and c.service_month = k.m and c.claim_number = k.n`));
  const digestByKey = new Map(stored.map((row) => [claimKeyOf({ facilityCode: row.facility_code, serviceMonth: row.service_month, claimNumber: row.claim_number }), row.content_digest]));
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
