import { and, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { cardReaders, readerVerifications, type Tables } from '../db/tables';

// The demo world's reads of its card readers (services/demoReaders.ts), made by the demo seed on every start.

/** Whether this reader is registered and ACTIVE. */
export async function activeReaderExists(db: Db<Tables>, readerId: string): Promise<boolean> {
  const [row] = await db.select({ id: cardReaders.id }).from(cardReaders).where(and(eq(cardReaders.id, readerId), eq(cardReaders.status, 'ACTIVE')));
  return row !== undefined;
}

/** Whether the facility ever had a reader registered (any status). */
export async function facilityHadReader(db: Db<Tables>, facilityCode: string): Promise<boolean> {
  const [earlier] = await db.select({ id: cardReaders.id }).from(cardReaders).where(eq(cardReaders.facilityCode, facilityCode)).limit(1);
  return earlier !== undefined;
}

/** Whether a card was ever verified at one of the facility's readers (the facility went live). */
export async function facilityVerifiedAny(db: Db<Tables>, facilityCode: string): Promise<boolean> {
  const [verified] = await db.select({ id: readerVerifications.id }).from(readerVerifications).where(eq(readerVerifications.facilityCode, facilityCode)).limit(1);
  return verified !== undefined;
}
