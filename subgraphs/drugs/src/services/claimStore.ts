// Writing claims (レセプト), the source of truth of drug information and medical-expense notices.
// A batch is validated as a whole and stored in one transaction: either every row is stored or none
// (issue 5: "rejects a bad batch as a whole with row-level reasons: nothing half-written").
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
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

/** JSON with object keys sorted at every level, so that equal claims give equal text whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the validated claim: a resend of the same claim has the same digest, a changed one another. */
export function claimDigest(claim: Claim): string {
  return createHash('sha256').update(canonicalJson(claim)).digest('hex');
}

/** The claim key (issue 17): billing facility + month of care + claim number. */
export function claimKeyOf(claim: Pick<Claim, 'facilityCode' | 'serviceMonth' | 'claimNumber'>): string {
  return `${claim.facilityCode}/${claim.serviceMonth}/${claim.claimNumber}`;
}

/**
 * Header and item rows of one claim; items carry the prescriber and pharmacy for one-table reads. The demo seed
 * leaves the digest empty (hashing 10⁸ generated claims would dominate the seed; nobody resends them).
 */
export function rowsOfClaim(claim: Claim, batchId: string, claimId: string = randomUUID(), contentDigest = ''): { claim: ClaimRow; items: ClaimItemRow[] } {
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
export function rowsOfClaims(batch: Iterable<Claim>, batchId: string, digestOf: (claim: Claim) => string = () => ''): { claims: ClaimRow[]; items: ClaimItemRow[] } {
  const claimRows: ClaimRow[] = [];
  const itemRows: ClaimItemRow[] = [];
  for (const claim of batch) {
    const rows = rowsOfClaim(claim, batchId, randomUUID(), digestOf(claim));
    claimRows.push(rows.claim);
    for (const item of rows.items) itemRows.push(item);
  }
  return { claims: claimRows, items: itemRows };
}

/** Inserts already-validated claims with the given executor (a transaction). */
export async function insertClaims(executor: Db<Tables>, batch: readonly Claim[], batchId: string): Promise<{ claimCount: number; itemCount: number }> {
  const { claims: claimRows, items: itemRows } = rowsOfClaims(batch, batchId, claimDigest);
  for (let start = 0; start < claimRows.length; start += ROWS_PER_INSERT) {
    await executor.insert(claims).values(claimRows.slice(start, start + ROWS_PER_INSERT));
  }
  for (let start = 0; start < itemRows.length; start += ROWS_PER_INSERT) {
    await executor.insert(claimItems).values(itemRows.slice(start, start + ROWS_PER_INSERT));
  }
  return { claimCount: claimRows.length, itemCount: itemRows.length };
}

export type IngestResult =
  | { ok: true; batchId: string; claimCount: number; itemCount: number; resentCount: number }
  | { ok: false; errors: ClaimValidationError[] };

export interface IngestOptions {
  /** Which of these patient ids exist (the identity owner's answer); without it, patients are not checked. */
  knownPatients?: (patientIds: readonly string[]) => Promise<ReadonlySet<string>>;
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

/** Claims of the batch already stored under their key: same content → resent (skipped), other content → a row error. */
async function compareWithStored(executor: Db<Tables>, batch: ReadonlyArray<{ claim: Claim; row: number; digest: string }>) {
  const errors: ClaimValidationError[] = [];
  const resent = new Set<number>();
  const months = [...new Set(batch.map(({ claim }) => claim.serviceMonth))];
  for (const month of months) {
    const ofMonth = batch.filter(({ claim }) => claim.serviceMonth === month);
    for (let start = 0; start < ofMonth.length; start += ROWS_PER_INSERT) {
      const slice = ofMonth.slice(start, start + ROWS_PER_INSERT);
      const stored = await executor
        .select({ facilityCode: claims.facilityCode, claimNumber: claims.claimNumber, contentDigest: claims.contentDigest })
        .from(claims)
        .where(and(eq(claims.serviceMonth, month), inArray(claims.claimNumber, [...new Set(slice.map(({ claim }) => claim.claimNumber))])));
      const digestByKey = new Map(stored.map((row) => [claimKeyOf({ ...row, serviceMonth: month }), row.contentDigest]));
      for (const { claim, row, digest } of slice) {
        const existing = digestByKey.get(claimKeyOf(claim));
        if (existing === undefined) continue;
        if (existing === digest) resent.add(row);
        else errors.push({ row, path: 'claimNumber', ...keyReason(claimKeyOf(claim)) });
      }
    }
  }
  return { errors, resent };
}

/**
 * Validates every row, then stores the whole batch in one transaction. Any invalid row rejects the batch with the
 * reasons of every bad row (1-based row numbers); a database failure rolls back all of it. A claim whose key
 * (facility + month + claim number) is already stored with the same content is a resend and skipped; with other
 * content it is a row-level reason (issue 17: a claim is never stored twice, and never silently replaced).
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
  const candidates: Array<{ claim: Claim; row: number; digest: string }> = [];
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
  const batchId = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const compared = await compareWithStored(tx, candidates);
      if (compared.errors.length > 0) return { ok: false as const, errors: compared.errors };
      const fresh = candidates.filter(({ row }) => !compared.resent.has(row)).map(({ claim }) => claim);
      const counts = await insertClaims(tx, fresh, batchId);
      return { ok: true as const, batchId, ...counts, resentCount: validation.claims.length - fresh.length };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent ingest stored one of these keys first: nothing of this batch was written; the sender resends it.
    return { ok: false, errors: [{ row: 0, path: '', reason: 'another batch stored some of these claims at the same moment; nothing was stored, send the batch again', reasonJa: '同時に別の取込が同じレセプトを登録しました。全件を取り込んでいません。再送してください' }] };
  }
}
