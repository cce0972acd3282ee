import DataLoader from 'dataloader';
import { and, asc, count, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { inJsonList, insertInBatches, preparedPerDatabase, type Db, type InsurerChangeEvent } from '@onshi/kit';
import { checkupResults, checkups, insuredNumbers, insurerMemberships, insurerTransfers, type Tables } from '../db/tables';
import type { StoredCheckup } from '../services/checkupView';
import { retentionWindow } from '../services/fiscalYear';

export type MembershipRow = typeof insurerMemberships.$inferSelect;
export type TransferRow = typeof insurerTransfers.$inferSelect;

/** PostgreSQL accepts at most 65 535 parameters per statement; results have 8 columns. */
const RESULT_ROWS_PER_INSERT = 4000;
const CHECKUP_ROWS_PER_INSERT = 4000;

/** One result as the kept-checkups read sends it: [item code, numeric value, text value, answer code, unit]. */
type ResultTuple = [string, number | null, string | null, string | null, string];

/**
 * The people's checkups of the kept fiscal years, oldest first, each with its results as one JSON text: on every
 * doctor's screen and マイページ, so prepared. Read as a join, a checkup's eleven columns came back once per result
 * (~15 per checkup, ~75 rows per person) and drizzle mapped every one (docs/benchmarks.md "Checkups' results as one
 * JSON text per checkup, and PHR sync's pages prepared, 2026-12-05").
 */
const keptCheckupsQuery = preparedPerDatabase((db: Db<Tables>) => db
  .select({
    checkup: checkups,
    // The outer columns named through the table: drizzle names columns bare in a query of one table, and a bare
    // "patient_id" here would be the results' own, matching every row.
    results: sql<string>`(select coalesce(json_agg(json_build_array(r.item_code, r.numeric_value, r.text_value, r.answer_code, r.unit)), '[]')
      from ${checkupResults} r where r.patient_id = ${checkups}.patient_id and r.fiscal_year = ${checkups}.fiscal_year)::text`,
  })
  .from(checkups)
  .where(and(inJsonList(checkups.patientId, sql.placeholder('patientIds')), gte(checkups.fiscalYear, sql.placeholder('from')), lte(checkups.fiscalYear, sql.placeholder('to'))))
  .orderBy(asc(checkups.patientId), asc(checkups.fiscalYear))
  .prepare('checkups_kept_with_results'));

/**
 * Batched readers, one set per request: the statements for 100 patients equal those for 1 (issue: DataLoader /
 * batched __resolveReference). Only the fiscal years still kept (docs/domain.md "Specific health checkups (特定健診)": 5 years) are ever read.
 */
export function createCheckupLoaders(db: Db<Tables>, today: string) {
  const checkupsOf = new DataLoader<string, StoredCheckup[]>(async (patientIds) => {
    const window = retentionWindow(today);
    const rows = await keptCheckupsQuery(db).execute({ patientIds: JSON.stringify(patientIds), from: window.from, to: window.to });
    const byPatient = new Map<string, StoredCheckup[]>();
    for (const { checkup, results } of rows) {
      const stored: StoredCheckup = {
        checkup,
        results: (JSON.parse(results) as ResultTuple[]).map(([itemCode, numericValue, textValue, answerCode, unit]) => (
          { patientId: checkup.patientId, fiscalYear: checkup.fiscalYear, itemCode, numericValue, textValue, answerCode, unit })),
      };
      const kept = byPatient.get(checkup.patientId);
      if (kept) kept.push(stored);
      else byPatient.set(checkup.patientId, [stored]);
    }
    return patientIds.map((id) => byPatient.get(id) ?? []);
  });
  const membership = new DataLoader<string, MembershipRow | null>(async (patientIds) => {
    const rows = await db.select().from(insurerMemberships).where(inArray(insurerMemberships.patientId, [...patientIds]));
    const byPatient = new Map(rows.map((row) => [row.patientId, row]));
    return patientIds.map((id) => byPatient.get(id) ?? null);
  });
  return { checkupsOf, membership };
}
export type CheckupLoaders = ReturnType<typeof createCheckupLoaders>;

/** Current holders of the given members' checkup data (one statement). */
export async function membershipsOf(db: Db<Tables>, patientIds: readonly string[]): Promise<Map<string, MembershipRow>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db.select().from(insurerMemberships).where(inArray(insurerMemberships.patientId, [...new Set(patientIds)]));
  return new Map(rows.map((row) => [row.patientId, row]));
}

/** Patients known under these member numbers of this insurer (a CDA file names members this way). */
export async function patientsByInsuredNumber(db: Db<Tables>, insurerNumber: string, symbol: string, number: string): Promise<string[]> {
  const rows = await db
    .select({ patientId: insuredNumbers.patientId })
    .from(insuredNumbers)
    .where(and(eq(insuredNumbers.insurerNumber, insurerNumber), eq(insuredNumbers.insuredCardSymbol, symbol), eq(insuredNumbers.insuredIdentificationNumber, number)));
  return rows.map((row) => row.patientId);
}

/**
 * Stores validated checkups in one transaction: a checkup already recorded for the same person and fiscal year is
 * replaced (a corrected resubmission), and a failure leaves nothing written (nothing half-written).
 */
export async function storeCheckups(db: Db<Tables>, stored: readonly StoredCheckup[]): Promise<void> {
  if (stored.length === 0) return;
  await db.transaction(async (tx) => {
    const keys = stored.map(({ checkup }) => and(eq(checkups.patientId, checkup.patientId), eq(checkups.fiscalYear, checkup.fiscalYear)));
    const resultKeys = stored.map(({ checkup }) => and(eq(checkupResults.patientId, checkup.patientId), eq(checkupResults.fiscalYear, checkup.fiscalYear)));
    await tx.delete(checkupResults).where(or(...resultKeys));
    await tx.delete(checkups).where(or(...keys));
    await insertInBatches(stored.map(({ checkup }) => checkup), CHECKUP_ROWS_PER_INSERT, (batch) => tx.insert(checkups).values(batch));
    await insertInBatches(stored.flatMap(({ results }) => results), RESULT_ROWS_PER_INSERT, (batch) => tx.insert(checkupResults).values(batch));
  });
}

export interface TransferOutcome {
  transfer: TransferRow;
  /** The event id was seen before: nothing changed (docs/contracts.md contract 6: idempotent by eventId). */
  duplicate: boolean;
}

/**
 * Applies an insurer change (docs/contracts.md contract 6): the member's checkups of the last 5 fiscal years move to the new insurer
 * without the person's consent (docs/domain.md "Specific health checkups (特定健診)"; seed: 保険者が変わった場合…本人同意なく
 * 新しい保険者に引き継ぐ), the old insurer loses access, and the transfer is recorded. An event older than the change
 * already applied (a late retry) is recorded but does not move the data back.
 */
export async function applyInsurerChange(db: Db<Tables>, event: InsurerChangeEvent, today: string): Promise<TransferOutcome> {
  return db.transaction(async (tx) => {
    const [seen] = await tx.select().from(insurerTransfers).where(eq(insurerTransfers.eventId, event.eventId));
    if (seen !== undefined) return { transfer: seen, duplicate: true };
    const [current] = await tx.select().from(insurerMemberships).where(eq(insurerMemberships.patientId, event.patientId));
    const applied = current === undefined || current.since <= event.effectiveDate;
    const window = retentionWindow(today);
    const [kept] = await tx
      .select({ n: count() })
      .from(checkups)
      .where(and(eq(checkups.patientId, event.patientId), gte(checkups.fiscalYear, window.from), lte(checkups.fiscalYear, window.to)));
    const [transfer] = await tx
      .insert(insurerTransfers)
      .values({ ...event, applied, checkupsMoved: applied ? (kept?.n ?? 0) : 0 })
      .onConflictDoNothing()
      .returning();
    if (transfer === undefined) {
      // Another replica recorded the same event between our read and this insert.
      const [winner] = await tx.select().from(insurerTransfers).where(eq(insurerTransfers.eventId, event.eventId));
      if (winner === undefined) throw new Error(`insurer transfer ${event.eventId} vanished`);
      return { transfer: winner, duplicate: true };
    }
    if (applied) {
      await tx
        .insert(insurerMemberships)
        .values({ patientId: event.patientId, insurerNumber: event.toInsurerNumber, since: event.effectiveDate })
        .onConflictDoUpdate({ target: insurerMemberships.patientId, set: { insurerNumber: event.toInsurerNumber, since: event.effectiveDate, updatedAt: new Date() } });
    }
    return { transfer, duplicate: false };
  });
}
