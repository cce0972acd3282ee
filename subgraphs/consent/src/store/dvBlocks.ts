import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { dvBlocks, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type DvBlockRow = typeof dvBlocks.$inferSelect;

/** The person's standing (not lifted) DV/abuse block, if any. */
export async function standingDvBlock(tx: Transaction, patientId: string): Promise<DvBlockRow | undefined> {
  const [standing] = await tx.select().from(dvBlocks).where(and(eq(dvBlocks.patientId, patientId), isNull(dvBlocks.liftedAt)));
  return standing;
}

export async function insertDvBlock(tx: Transaction, values: typeof dvBlocks.$inferInsert): Promise<DvBlockRow | undefined> {
  return (await tx.insert(dvBlocks).values(values).returning())[0];
}

/** Lifts the person's standing block; undefined when none stands. */
export async function liftStandingDvBlock(tx: Transaction, patientId: string, lift: Pick<typeof dvBlocks.$inferInsert, 'liftedAt' | 'liftedBy' | 'liftedByRole' | 'liftReference'>): Promise<DvBlockRow | undefined> {
  const [row] = await tx.update(dvBlocks).set(lift)
    .where(and(eq(dvBlocks.patientId, patientId), isNull(dvBlocks.liftedAt))).returning();
  return row;
}

/** Which of these people have a standing block (one row per block). */
export async function standingDvBlocksOf(db: Db<Tables>, patientIds: string[]): Promise<Array<{ patientId: string }>> {
  return db.select({ patientId: dvBlocks.patientId }).from(dvBlocks)
    .where(and(inArray(dvBlocks.patientId, patientIds), isNull(dvBlocks.liftedAt)));
}

/** The person's standing blocks, by the patient they name (none: not blocked). */
export async function standingDvBlocksOfPatient(db: Db<Tables>, patientId: string): Promise<Array<{ patientId: string }>> {
  return db.select({ patientId: dvBlocks.patientId }).from(dvBlocks).where(and(eq(dvBlocks.patientId, patientId), isNull(dvBlocks.liftedAt)));
}

/** The ids of the person's standing blocks (none: not blocked). */
export async function standingDvBlockIds(db: Db<Tables>, patientId: string): Promise<Array<{ id: string }>> {
  return db.select({ id: dvBlocks.id }).from(dvBlocks).where(and(eq(dvBlocks.patientId, patientId), isNull(dvBlocks.liftedAt)));
}
