import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { consents, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type ConsentRow = typeof consents.$inferSelect;

/** Revokes the person's open consents of these categories at the facility. */
export async function revokeOpenConsents(tx: Transaction, patientId: string, facilityCode: string, categories: string[], now: Date): Promise<void> {
  await tx.update(consents).set({ revokedAt: now })
    .where(and(eq(consents.patientId, patientId), eq(consents.facilityCode, facilityCode), inArray(consents.category, categories), isNull(consents.revokedAt)));
}

export async function insertConsents(tx: Transaction, rows: Array<typeof consents.$inferInsert>): Promise<ConsentRow[]> {
  return tx.insert(consents).values(rows).returning();
}

/** Every consent (valid, lapsed or revoked) of the person at the facility. */
export async function consentsAtFacility(db: Db<Tables>, patientId: string, facilityCode: string): Promise<ConsentRow[]> {
  return db.select().from(consents).where(and(eq(consents.patientId, patientId), eq(consents.facilityCode, facilityCode)));
}
