import { desc } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { insurers, type Tables } from '../db/tables';

export type InsurerRow = typeof insurers.$inferSelect;

/** A newly registered insurer; undefined when its number is already registered. */
export async function insertInsurerIfNew(tx: Db<Tables>, values: typeof insurers.$inferInsert): Promise<InsurerRow | undefined> {
  const [row] = await tx.insert(insurers).values(values).onConflictDoNothing().returning();
  return row;
}

/** The registered insurers, newest first (then by number). */
export async function insurersNewestFirst(db: Db<Tables>, first: number): Promise<InsurerRow[]> {
  return db.select().from(insurers).orderBy(desc(insurers.registeredAt), insurers.number).limit(first);
}
