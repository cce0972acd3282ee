import { eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { cardReaders, type Tables } from '../db/tables';

/** A card reader by its id, whatever its status. */
export async function cardReaderById(db: Db<Tables>, readerId: string): Promise<typeof cardReaders.$inferSelect | undefined> {
  const [row] = await db.select().from(cardReaders).where(eq(cardReaders.id, readerId));
  return row;
}
