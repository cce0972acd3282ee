import DataLoader from 'dataloader';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { confirmations, facilities, insurers, patients, qualifications, type Tables } from '../db/tables';

export type PatientRow = typeof patients.$inferSelect;
export type QualificationRow = typeof qualifications.$inferSelect & { insurerName: string };

/**
 * Batched readers, one set per request: the number of SQL statements for 100 patients equals that
 * for 1 (issue: DataLoader / batched __resolveReference).
 */
export function createPatientLoaders(db: Db<Tables>) {
  const patient = new DataLoader<string, PatientRow | null>(async (ids) => {
    const rows = await db.select().from(patients).where(inArray(patients.id, [...ids]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const history = new DataLoader<string, QualificationRow[]>(async (ids) => {
    const rows = await db
      .select({ q: qualifications, insurerName: insurers.name })
      .from(qualifications)
      .innerJoin(insurers, eq(insurers.number, qualifications.insurerNumber))
      .where(inArray(qualifications.patientId, [...ids]))
      .orderBy(asc(qualifications.patientId), desc(qualifications.qualificationDate));
    const byPatient = new Map<string, QualificationRow[]>();
    for (const { q, insurerName } of rows) {
      const list = byPatient.get(q.patientId) ?? [];
      list.push({ ...q, insurerName });
      byPatient.set(q.patientId, list);
    }
    return ids.map((id) => byPatient.get(id) ?? []);
  });
  return { patient, history };
}
export type PatientLoaders = ReturnType<typeof createPatientLoaders>;

/** The coverage in force on `date` (YYYY-MM-DD) from a newest-first history. */
export function coverageInForce(history: QualificationRow[], date: string): QualificationRow | null {
  return history.find((q) => q.qualificationDate <= date && (q.disqualificationDate === null || q.disqualificationDate >= date)) ?? null;
}

/** "Who insured this person on date D": one indexed query (receipt re-routing, DOMAIN.md). */
export async function qualificationOn(db: Db<Tables>, patientId: string, date: string) {
  const [row] = await db
    .select()
    .from(qualifications)
    .where(and(eq(qualifications.patientId, patientId), lte(qualifications.qualificationDate, date), or(isNull(qualifications.disqualificationDate), gte(qualifications.disqualificationDate, date))))
    .limit(1);
  return row ?? null;
}

export interface ConfirmationView {
  at: string;
  facilityCode: string;
  facilityName: string;
  method: string;
  referenceClassification: string;
  qualificationValidity: string;
}

/**
 * Confirmation records per patient, newest first, batched like the history. `facilityCode` narrows the
 * rows to one facility: staff see only their own facility's confirmations (issue 4), the patient all.
 */
export function createConfirmationLoader(db: Db<Tables>, facilityCode: string | null) {
  return new DataLoader<string, ConfirmationView[]>(async (ids) => {
    const rows = await db
      .select({ c: confirmations, facilityName: facilities.name })
      .from(confirmations)
      .innerJoin(facilities, eq(facilities.code, confirmations.facilityCode))
      .where(and(inArray(confirmations.patientId, [...ids]), ...(facilityCode === null ? [] : [eq(confirmations.facilityCode, facilityCode)])))
      .orderBy(desc(confirmations.at));
    const byPatient = new Map<string, ConfirmationView[]>();
    for (const { c, facilityName } of rows) {
      if (c.patientId === null) continue;
      const list = byPatient.get(c.patientId) ?? [];
      list.push({ at: c.at.toISOString(), facilityCode: c.facilityCode, facilityName, method: c.method, referenceClassification: c.referenceClassification, qualificationValidity: c.qualificationValidity });
      byPatient.set(c.patientId, list);
    }
    return ids.map((id) => byPatient.get(id) ?? []);
  });
}
