import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { confirmations, insurers, patients, qualifications, type Tables } from '../db/tables';

export type NewConfirmation = typeof confirmations.$inferInsert;

/** Writes one confirmation record (the facility's trace of what the confirmation answered). */
export async function insertConfirmation(db: Db<Tables>, record: NewConfirmation): Promise<void> {
  await db.insert(confirmations).values(record);
}

export interface InsuranceCardNumbers {
  insurerNumber: string;
  insuredCardSymbol: string;
  insuredIdentificationNumber: string;
  /** null: any branch number */
  insuredBranchNumber: string | null;
  birthdate: string;
}

/** The coverage periods these insurance-card numbers and this birthdate name, with their insurer's name and person. */
export async function coverageByInsuranceCard(db: Db<Tables>, input: InsuranceCardNumbers) {
  return db
    .select({ q: qualifications, insurerName: insurers.name, patient: patients })
    .from(qualifications)
    .innerJoin(insurers, eq(insurers.number, qualifications.insurerNumber))
    .innerJoin(patients, eq(patients.id, qualifications.patientId))
    .where(and(
      eq(qualifications.insurerNumber, input.insurerNumber),
      eq(qualifications.insuredCardSymbol, input.insuredCardSymbol),
      eq(qualifications.insuredIdentificationNumber, input.insuredIdentificationNumber),
      ...(input.insuredBranchNumber === null ? [] : [eq(qualifications.insuredBranchNumber, input.insuredBranchNumber)]),
      eq(patients.birthdate, input.birthdate),
    ));
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
