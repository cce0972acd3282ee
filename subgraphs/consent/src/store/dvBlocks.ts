import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { dvBlocks, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type DvBlockRow = typeof dvBlocks.$inferSelect;

/** A block stands from its registration until it is lifted: the one condition every read and the lift share. */
function standingFor(patientIds: string[]) {
  return and(inArray(dvBlocks.patientId, patientIds), isNull(dvBlocks.liftedAt));
}

/** The person's standing (not lifted) DV/abuse block, if any. */
export async function standingDvBlock(tx: Transaction, patientId: string): Promise<DvBlockRow | undefined> {
  const [standing] = await tx.select().from(dvBlocks).where(standingFor([patientId]));
  return standing;
}

export async function insertDvBlock(tx: Transaction, values: typeof dvBlocks.$inferInsert): Promise<DvBlockRow | undefined> {
  return (await tx.insert(dvBlocks).values(values).returning())[0];
}

/** Lifts the person's standing block; undefined when none stands. */
export async function liftStandingDvBlock(tx: Transaction, patientId: string, lift: Pick<typeof dvBlocks.$inferInsert, 'liftedAt' | 'liftedBy' | 'liftedByRole' | 'liftReference'>): Promise<DvBlockRow | undefined> {
  const [row] = await tx.update(dvBlocks).set(lift).where(standingFor([patientId])).returning();
  return row;
}

/**
 * Which of these people have a standing block (one row per block; none: nobody is blocked). The one read of
 * "blocked" for the visit-consent flags, the emergency lookup and the disaster search (docs/domain.md "DV and abuse
 * victims, seed 2-2 ※").
 */
export async function standingDvBlocksOf(db: Db<Tables>, patientIds: string[]): Promise<Array<{ id: string; patientId: string }>> {
  return db.select({ id: dvBlocks.id, patientId: dvBlocks.patientId }).from(dvBlocks).where(standingFor(patientIds));
}
