import { and, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { cards, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

/** The patient a card (by serial) was issued to, as our record names them; undefined for a card we do not know. */
export async function cardHolderOf(db: Db<Tables>, cardSerial: string): Promise<{ patientId: string } | undefined> {
  const [card] = await db.select({ patientId: cards.patientId }).from(cards).where(eq(cards.serial, cardSerial));
  return card;
}

export type CardRow = typeof cards.$inferSelect;

/** A person's cards (a reissued card and the one it replaced both stay). */
export async function cardsOfPatient(db: Db<Tables>, patientId: string): Promise<CardRow[]> {
  return db.select().from(cards).where(eq(cards.patientId, patientId));
}

/** A card by its serial. */
export async function cardBySerial(db: Db<Tables> | Transaction, serial: string): Promise<CardRow | undefined> {
  const [card] = await db.select().from(cards).where(eq(cards.serial, serial));
  return card;
}

/**
 * Stores a PIN attempt's outcome by compare-and-set on the failure count read before (services/identity/logins.ts
 * checkPin): whether this call's write won, so two replicas cannot both grant the same try.
 */
export async function recordPinAttempt(db: Db<Tables> | Transaction, serial: string, readFailedAttempts: number, state: { failedAttempts: number; lockedAt: Date | null }): Promise<boolean> {
  const updated = await db.update(cards).set({ failedAttempts: state.failedAttempts, lockedAt: state.lockedAt })
    .where(and(eq(cards.serial, serial), eq(cards.failedAttempts, readFailedAttempts))).returning({ serial: cards.serial });
  return updated.length > 0;
}
