import DataLoader from 'dataloader';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { inJsonList, preparedPerDatabase, type Db } from '@onshi/kit';
import { confirmations, facilities, insurers, patients, qualifications, type Tables } from '../db/tables';

export type PatientRow = typeof patients.$inferSelect;
export type QualificationRow = typeof qualifications.$inferSelect & { insurerName: string };

/** The latest confirmation of a person at the caller's facility: what a staff read of the person rests on. */
export interface LatestConfirmation { at: Date; qualificationId: string | null; newQualificationId: string | null }

/**
 * Batched readers, one set per request: the number of SQL statements for 100 patients equals that
 * for 1 (issue: DataLoader / batched __resolveReference). A person is read with their coverage history and, for
 * staff (`confirmationsAt`: their facility), their latest confirmation there, in one statement: a request that
 * asks for a person and their coverage (the doctor's screen, マイページ) reads qualifications once
 * (docs/benchmarks.md "SQL statements per request"). The history and confirmation readers answer alone for the
 * callers that do not load the person first.
 */
export function createPatientLoaders(db: Db<Tables>, confirmationsAt: string | null) {
  const history = new DataLoader<string, QualificationRow[]>(async (ids) => {
    const rows = await db
      .select({ q: qualifications, insurerName: insurers.name })
      .from(qualifications)
      .innerJoin(insurers, eq(insurers.number, qualifications.insurerNumber))
      .where(inArray(qualifications.patientId, [...ids]))
      .orderBy(asc(qualifications.patientId), desc(qualifications.qualificationDate));
    const byPatient = groupHistory(rows);
    return ids.map((id) => byPatient.get(id) ?? []);
  });
  const latestConfirmation = new DataLoader<string, LatestConfirmation | undefined>(async (ids) => {
    const rows = await latestConfirmations(db, inArray(confirmations.patientId, [...ids]), confirmationsAt ?? '');
    const byPatient = new Map(rows.map(({ patientId: id, ...latest }) => [id, latest]));
    return ids.map((id) => byPatient.get(id));
  });
  const patient = new DataLoader<string, PatientRow | null>(async (ids) => {
    // Without a facility (the person, the operator, an insurer) the confirmation subquery matches nothing.
    const rows = await patientsWithHistoryQuery(db).execute({ ids: JSON.stringify(ids), facilityCode: confirmationsAt ?? '' });
    const byId = new Map(rows.map((row) => [row.p.id, row.p]));
    // A coverage period whose insurer is not in the master is not part of the history (the history reader's inner join).
    const byPatient = groupHistory(rows.flatMap(({ q, insurerName }) => (q !== null && insurerName !== null ? [{ q, insurerName }] : [])));
    for (const id of byId.keys()) history.prime(id, byPatient.get(id) ?? []);
    if (confirmationsAt !== null) {
      for (const row of rows) {
        latestConfirmation.prime(row.p.id, row.latestAt ? { at: row.latestAt, qualificationId: row.latestQualificationId, newQualificationId: row.latestNewQualificationId } : undefined);
      }
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { patient, history, latestConfirmation };
}

/**
 * The people, each with her coverage history and her latest confirmation at the caller's facility, newest coverage
 * first: the read of every doctor's screen and マイページ, so prepared (kit preparedPerDatabase; the ids as one JSON list).
 */
const patientsWithHistoryQuery = preparedPerDatabase((db: Db<Tables>) => {
  const latest = latestConfirmations(db, inJsonList(confirmations.patientId, sql.placeholder('ids')), sql.placeholder('facilityCode')).as('latest');
  return db.select({ p: patients, q: qualifications, insurerName: insurers.name, latestAt: latest.at, latestQualificationId: latest.qualificationId, latestNewQualificationId: latest.newQualificationId })
    .from(patients)
    .leftJoin(qualifications, eq(qualifications.patientId, patients.id))
    .leftJoin(insurers, eq(insurers.number, qualifications.insurerNumber))
    .leftJoin(latest, eq(latest.patientId, patients.id))
    .where(inJsonList(patients.id, sql.placeholder('ids')))
    .orderBy(asc(patients.id), desc(qualifications.qualificationDate))
    .prepare('qualifications_patients_with_history');
});

/**
 * The latest confirmation of each person the condition names at one facility: alone for the callers that do not load
 * the person, and as the person read's subquery above.
 */
function latestConfirmations(db: Db<Tables>, isAsked: SQL, facilityCode: string | Placeholder) {
  return db.selectDistinctOn([confirmations.patientId], {
    patientId: confirmations.patientId, at: confirmations.at, qualificationId: confirmations.qualificationId, newQualificationId: confirmations.newQualificationId,
  }).from(confirmations).where(and(isAsked, eq(confirmations.facilityCode, facilityCode)))
    .orderBy(asc(confirmations.patientId), desc(confirmations.at));
}

function groupHistory(rows: ReadonlyArray<{ q: typeof qualifications.$inferSelect; insurerName: string }>): Map<string, QualificationRow[]> {
  const byPatient = new Map<string, QualificationRow[]>();
  for (const { q, insurerName } of rows) {
    const list = byPatient.get(q.patientId) ?? [];
    list.push({ ...q, insurerName });
    byPatient.set(q.patientId, list);
  }
  return byPatient;
}
export type PatientLoaders = ReturnType<typeof createPatientLoaders>;

/** The coverage in force on `date` (YYYY-MM-DD) from a newest-first history. */
export function coverageInForce(history: QualificationRow[], date: string): QualificationRow | null {
  return history.find((q) => q.qualificationDate <= date && (q.disqualificationDate === null || q.disqualificationDate >= date)) ?? null;
}

/** The id of the person a 紐付番号 names, if any. */
export async function patientIdByLinkage(db: Db<Tables>, linkageNumber: string): Promise<string | undefined> {
  const [row] = await db.select({ id: patients.id }).from(patients).where(eq(patients.linkageNumber, linkageNumber)).limit(1);
  return row?.id;
}

/** "Who insured this person on date D": one indexed query (docs/domain.md "Receipt re-routing (レセプト振替), seed 3"). */
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
 * rows to one facility: staff see only their own facility's confirmations, the patient all.
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
