import { eq, sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { noticeReads, type Tables } from '../db/tables';

/** How far the person has read their notices (null: never marked). */
export async function noticesReadThrough(db: Db<Tables>, patientId: string): Promise<Date | null> {
  const [row] = await db.select({ readThrough: noticeReads.readThrough }).from(noticeReads).where(eq(noticeReads.patientId, patientId));
  return row?.readThrough ?? null;
}

/** Moves the person's read instant forward to `instant`, never back (portal/README.md "Notices"); how far it is now. */
export async function markNoticesReadThrough(db: Db<Tables>, patientId: string, instant: Date, now: Date): Promise<Date | undefined> {
  const [row] = await db.insert(noticeReads).values({ patientId, readThrough: instant, updatedAt: now })
    .onConflictDoUpdate({ target: noticeReads.patientId, set: { readThrough: sql`greatest(${noticeReads.readThrough}, excluded.read_through)`, updatedAt: now } })
    .returning({ readThrough: noticeReads.readThrough });
  return row?.readThrough;
}
