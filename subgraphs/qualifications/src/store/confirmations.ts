import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { preparedPerDatabase, type Db } from '@onshi/kit';
import { confirmations, insurers, patients, qualifications, type Tables } from '../db/tables';

/** A confirmation record as written: every column but the id, the time included (the answer's confirmedAt). */
export type NewConfirmation = Required<Omit<typeof confirmations.$inferInsert, 'id'>>;

const insertConfirmationQuery = preparedPerDatabase((db: Db<Tables>) => db.insert(confirmations).values({
  patientId: sql.placeholder('patientId'), facilityCode: sql.placeholder('facilityCode'), method: sql.placeholder('method'),
  referenceClassification: sql.placeholder('referenceClassification'), qualificationValidity: sql.placeholder('qualificationValidity'),
  staffSubject: sql.placeholder('staffSubject'), at: sql.placeholder('at'),
  qualificationId: sql.placeholder('qualificationId'), newQualificationId: sql.placeholder('newQualificationId'),
}).prepare('qualifications_insert_confirmation'));

/** Writes one confirmation record (the facility's trace of what the confirmation answered), prepared: one per confirmation. */
export async function insertConfirmation(db: Db<Tables>, record: NewConfirmation): Promise<void> {
  await insertConfirmationQuery(db).execute(record);
}

export type InsuranceCardNumbers = {
  insurerNumber: string;
  insuredCardSymbol: string;
  insuredIdentificationNumber: string;
  /** null: any branch number */
  insuredBranchNumber: string | null;
  birthdate: string;
};

/** The read by insurance-card numbers, with the branch number (枝番) or without it: two statements, each prepared. */
function coverageByInsuranceCardQuery(withBranch: boolean) {
  return preparedPerDatabase((db: Db<Tables>) => db
    .select({ q: qualifications, insurerName: insurers.name, patient: patients })
    .from(qualifications)
    .innerJoin(insurers, eq(insurers.number, qualifications.insurerNumber))
    .innerJoin(patients, eq(patients.id, qualifications.patientId))
    .where(and(
      eq(qualifications.insurerNumber, sql.placeholder('insurerNumber')),
      eq(qualifications.insuredCardSymbol, sql.placeholder('insuredCardSymbol')),
      eq(qualifications.insuredIdentificationNumber, sql.placeholder('insuredIdentificationNumber')),
      ...(withBranch ? [eq(qualifications.insuredBranchNumber, sql.placeholder('insuredBranchNumber'))] : []),
      eq(patients.birthdate, sql.placeholder('birthdate')),
    ))
    .prepare(withBranch ? 'qualifications_coverage_by_insurance_card_branch' : 'qualifications_coverage_by_insurance_card'));
}
const coverageByInsuranceCardWithBranch = coverageByInsuranceCardQuery(true);
const coverageByInsuranceCardAnyBranch = coverageByInsuranceCardQuery(false);

/** The coverage periods these insurance-card numbers and this birthdate name, with their insurer's name and person (prepared). */
export async function coverageByInsuranceCard(db: Db<Tables>, input: InsuranceCardNumbers) {
  return (input.insuredBranchNumber === null ? coverageByInsuranceCardAnyBranch : coverageByInsuranceCardWithBranch)(db).execute(input);
}

/** The confirmations of known persons at one facility since a time, with the person, newest first. */
export async function confirmationsAtFacilitySince(db: Db<Tables>, facilityCode: string, since: Date) {
  return db
    .select({ c: confirmations, p: patients })
    .from(confirmations)
    .innerJoin(patients, eq(patients.id, confirmations.patientId))
    .where(and(eq(confirmations.facilityCode, facilityCode), gte(confirmations.at, since), isNotNull(confirmations.patientId)))
    .orderBy(desc(confirmations.at));
}

/** Demo only: moves a person's confirmations at a facility back by some hours; the number moved. */
export async function ageConfirmations(db: Db<Tables>, patientId: string, facilityCode: string, hours: number): Promise<number> {
  const moved = await db.update(confirmations).set({ at: sql`${confirmations.at} - make_interval(hours => ${hours})` })
    .where(and(eq(confirmations.patientId, patientId), eq(confirmations.facilityCode, facilityCode))).returning({ id: confirmations.id });
  return moved.length;
}
