import { and, gte, isNull, lte, or } from 'drizzle-orm';
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
