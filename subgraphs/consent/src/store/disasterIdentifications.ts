import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { disasterIdentifications, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type DisasterIdentificationRow = typeof disasterIdentifications.$inferSelect;

/** Records that a disaster search identified a person at a facility; the new row's id (undefined: nothing stored). */
export async function insertDisasterIdentification(tx: Transaction, values: typeof disasterIdentifications.$inferInsert): Promise<{ id: string } | undefined> {
  const [row] = await tx.insert(disasterIdentifications).values(values).returning({ id: disasterIdentifications.id });
  return row;
}

/** The newest identification of this person at this facility under one of these declarations. */
export async function newestDisasterIdentification(db: Db<Tables>, patientId: string, facilityCode: string, disasterIds: string[]): Promise<DisasterIdentificationRow | undefined> {
  const [row] = await db.select().from(disasterIdentifications)
    .where(and(eq(disasterIdentifications.patientId, patientId), eq(disasterIdentifications.facilityCode, facilityCode), inArray(disasterIdentifications.disasterId, disasterIds)))
    .orderBy(desc(disasterIdentifications.identifiedAt)).limit(1);
  return row;
}

/** Records the consent or exemption of an identification that has none yet (undefined: one was recorded meanwhile). */
export async function recordIdentificationBasis(
  tx: Transaction, id: string, basis: Pick<typeof disasterIdentifications.$inferInsert, 'basis' | 'basisReason' | 'basisRecordedBy' | 'basisRecordedAt'>,
): Promise<DisasterIdentificationRow | undefined> {
  const [row] = await tx.update(disasterIdentifications)
    .set(basis)
    .where(and(eq(disasterIdentifications.id, id), isNull(disasterIdentifications.basis))).returning();
  return row;
}
