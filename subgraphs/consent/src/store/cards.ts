import { eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { cards, type Tables } from '../db/tables';

/** The patient a card (by serial) was issued to, as our record names them; undefined for a card we do not know. */
export async function cardHolderOf(db: Db<Tables>, cardSerial: string): Promise<{ patientId: string } | undefined> {
  const [card] = await db.select({ patientId: cards.patientId }).from(cards).where(eq(cards.serial, cardSerial));
  return card;
}
