import { desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { phrApps, type Tables } from '../db/tables';

export type PhrAppRow = typeof phrApps.$inferSelect;

/** The registered PHR apps, newest first. */
export async function phrAppsNewestFirst(db: Db<Tables>, first: number): Promise<PhrAppRow[]> {
  return db.select().from(phrApps).orderBy(desc(phrApps.createdAt), phrApps.clientId).limit(first);
}

/** The apps a patient can link (not disabled), by name. */
export async function enabledPhrApps(db: Db<Tables>, limit: number): Promise<PhrAppRow[]> {
  return db.select().from(phrApps).where(isNull(phrApps.disabledAt)).orderBy(phrApps.name).limit(limit);
}

/** The display name and operator (company) of these apps. */
export async function phrAppNamesOf(db: Db<Tables>, clientIds: string[]): Promise<Array<{ clientId: string; name: string; operatorName: string }>> {
  return db.select({ clientId: phrApps.clientId, name: phrApps.name, operatorName: phrApps.operatorName }).from(phrApps).where(inArray(phrApps.clientId, clientIds));
}

/** A new app; undefined when its client id is already registered. */
export async function insertPhrAppIfNew(tx: Db<Tables>, values: typeof phrApps.$inferInsert): Promise<PhrAppRow | undefined> {
  const [row] = await tx.insert(phrApps).values(values).onConflictDoNothing().returning();
  return row;
}

/** An app by its client id, whatever its state. */
export async function phrAppByClientId(db: Db<Tables>, clientId: string): Promise<PhrAppRow | undefined> {
  const [row] = await db.select().from(phrApps).where(eq(phrApps.clientId, clientId));
  return row;
}

/** Replaces the app's secret hash (the old secret is useless at once). */
export async function setPhrAppSecretHash(tx: Db<Tables>, clientId: string, secretHash: string, rotatedAt: Date): Promise<PhrAppRow | undefined> {
  const [row] = await tx.update(phrApps).set({ secretHash, rotatedAt }).where(eq(phrApps.clientId, clientId)).returning();
  return row;
}

export async function setPhrAppDisabledAt(tx: Db<Tables>, clientId: string, disabledAt: Date): Promise<PhrAppRow | undefined> {
  const [row] = await tx.update(phrApps).set({ disabledAt }).where(eq(phrApps.clientId, clientId)).returning();
  return row;
}
