import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { disasters, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type DisasterRow = typeof disasters.$inferSelect;

export async function insertDisaster(db: Db<Tables>, values: typeof disasters.$inferInsert): Promise<DisasterRow | undefined> {
  const [row] = await db.insert(disasters).values(values).returning();
  return row;
}

/** The declarations in force at `now`, newest start first. */
export async function disastersInForce(db: Db<Tables>, now: Date, limit: number): Promise<DisasterRow[]> {
  return db.select().from(disasters).where(and(lte(disasters.startsAt, now), gte(disasters.endsAt, now))).orderBy(desc(disasters.startsAt)).limit(limit);
}

export async function disasterExists(db: Db<Tables>, id: string): Promise<boolean> {
  const [declaration] = await db.select({ id: disasters.id }).from(disasters).where(eq(disasters.id, id));
  return declaration !== undefined;
}

/** The declarations with these ids. */
export async function disastersByIds(db: Db<Tables> | Transaction, ids: readonly string[]): Promise<DisasterRow[]> {
  return db.select().from(disasters).where(inArray(disasters.id, ids));
}

/** Every declaration, in force or not (the disaster search keeps those that cover the facility now). */
export async function allDisasters(db: Db<Tables>): Promise<DisasterRow[]> {
  return db.select().from(disasters);
}
