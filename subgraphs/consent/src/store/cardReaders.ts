import { and, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { cardReaders, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type ReaderRow = typeof cardReaders.$inferSelect;

export async function insertCardReader(db: Db<Tables> | Transaction, values: typeof cardReaders.$inferInsert): Promise<ReaderRow | undefined> {
  const [row] = await db.insert(cardReaders).values(values).returning();
  return row;
}

/** A card reader by its id, whatever its status. */
export async function cardReaderById(db: Db<Tables> | Transaction, readerId: string): Promise<ReaderRow | undefined> {
  const [row] = await db.select().from(cardReaders).where(eq(cardReaders.id, readerId));
  return row;
}

export async function updateCardReaderStatus(db: Db<Tables> | Transaction, readerId: string, status: string, now: Date): Promise<ReaderRow | undefined> {
  const [row] = await db.update(cardReaders).set({ status, statusChangedAt: now }).where(eq(cardReaders.id, readerId)).returning();
  return row;
}

/** The readers of a facility (null: of every facility), oldest registration first. */
export async function cardReadersOf(db: Db<Tables>, facilityCode: string | null): Promise<ReaderRow[]> {
  return db.select().from(cardReaders).where(facilityCode ? eq(cardReaders.facilityCode, facilityCode) : undefined).orderBy(cardReaders.registeredAt);
}

/** A reader by its id, only if it is ACTIVE. */
export async function activeCardReaderById(db: Db<Tables>, readerId: string): Promise<ReaderRow | undefined> {
  const [reader] = await db.select().from(cardReaders).where(and(eq(cardReaders.id, readerId), eq(cardReaders.status, 'ACTIVE')));
  return reader;
}
