import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { inJsonList, monthBounds, type CoverageAnswer, type CoverageRequest, type Db } from '@onshi/kit';
import { qualifications, type Tables } from '../db/tables';

/**
 * The coverage periods of these persons overlapping these months (kit coverage.ts, the claim ingest's re-routing,
 * docs/drugs.md "Re-routing claims (レセプト振替)"): one indexed query for the whole batch, whatever its size, then
 * each request gets the periods of its person that overlap its month, oldest first.
 */
export async function coverageInMonths(db: Db<Tables>, requests: readonly CoverageRequest[]): Promise<CoverageAnswer[]> {
  const bounds = requests.map((request) => monthBounds(request.month));
  const earliest = bounds.reduce((min, b) => (b.first < min ? b.first : min), bounds[0]?.first ?? '9999-12-31');
  const latest = bounds.reduce((max, b) => (b.last > max ? b.last : max), bounds[0]?.last ?? '0000-01-01');
  const rows = await db
    .select({ patientId: qualifications.patientId, insurerNumber: qualifications.insurerNumber, from: qualifications.qualificationDate, to: qualifications.disqualificationDate })
    .from(qualifications)
    .where(and(
      inJsonList(qualifications.patientId, [...new Set(requests.map((request) => request.patientId))]),
      lte(qualifications.qualificationDate, latest),
      or(isNull(qualifications.disqualificationDate), gte(qualifications.disqualificationDate, earliest)),
    ));
  const byPatient = new Map<string, typeof rows>();
  for (const row of rows) byPatient.set(row.patientId, [...(byPatient.get(row.patientId) ?? []), row]);
  return requests.map((request, index) => {
    const { first, last } = bounds[index] ?? monthBounds(request.month);
    const periods = (byPatient.get(request.patientId) ?? [])
      .filter((row) => row.from <= last && (row.to === null || row.to >= first))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      .map((row) => ({ insurerNumber: row.insurerNumber, from: row.from, to: row.to }));
    return { patientId: request.patientId, month: request.month, periods };
  });
}

/** A transaction of the subgraph's database: the insurer's changes write coverage and outbox together. */
export type Tx = Parameters<Parameters<Db<Tables>['transaction']>[0]>[0];
export type CoverageRow = typeof qualifications.$inferSelect;
export type NewCoverage = typeof qualifications.$inferInsert;

/** A person's coverage periods, newest first (without the insurers' names). */
export async function coverageHistory(db: Db<Tables> | Tx, patientId: string): Promise<CoverageRow[]> {
  return db.select().from(qualifications).where(eq(qualifications.patientId, patientId)).orderBy(desc(qualifications.qualificationDate));
}

/** Whether a period of this insurer already has these numbers (記号・番号・枝番) and this qualification date. */
export async function coverageWithNumbersExists(db: Db<Tables> | Tx, numbers: { insurerNumber: string; insuredCardSymbol: string; insuredIdentificationNumber: string; insuredBranchNumber: string; qualificationDate: string }): Promise<boolean> {
  const [clash] = await db.select({ id: qualifications.id }).from(qualifications).where(and(
    eq(qualifications.insurerNumber, numbers.insurerNumber), eq(qualifications.insuredCardSymbol, numbers.insuredCardSymbol),
    eq(qualifications.insuredIdentificationNumber, numbers.insuredIdentificationNumber), eq(qualifications.insuredBranchNumber, numbers.insuredBranchNumber),
    eq(qualifications.qualificationDate, numbers.qualificationDate),
  )).limit(1);
  return clash !== undefined;
}

/** Writes one coverage period and answers it as stored. */
export async function insertCoverage(db: Db<Tables> | Tx, coverage: NewCoverage): Promise<CoverageRow> {
  const [row] = await db.insert(qualifications).values(coverage).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** One coverage period by id, only if it is this insurer's. */
export async function coverageOfInsurer(db: Db<Tables>, qualificationId: string, insurerNumber: string): Promise<CoverageRow | undefined> {
  const [row] = await db.select().from(qualifications).where(and(eq(qualifications.id, qualificationId), eq(qualifications.insurerNumber, insurerNumber))).limit(1);
  return row;
}

/** Ends a coverage period on a date (資格喪失年月日); the period as stored, if it exists. */
export async function endCoverage(db: Db<Tables>, qualificationId: string, disqualificationDate: string): Promise<CoverageRow | undefined> {
  const [updated] = await db.update(qualifications).set({ disqualificationDate }).where(eq(qualifications.id, qualificationId)).returning();
  return updated;
}
