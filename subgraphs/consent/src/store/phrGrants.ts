import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { phrGrants, type Tables } from '../db/tables';

export type GrantRow = typeof phrGrants.$inferSelect;

export async function insertPhrGrant(db: Db<Tables>, values: typeof phrGrants.$inferInsert): Promise<GrantRow | undefined> {
  const [row] = await db.insert(phrGrants).values(values).returning();
  return row;
}

/** Revokes the person's grant if it still stands; undefined when it does not (or is not theirs). */
export async function revokeStandingPhrGrant(db: Db<Tables>, grantId: string, patientId: string, now: Date): Promise<GrantRow | undefined> {
  const [revoked] = await db.update(phrGrants).set({ revokedAt: now })
    .where(and(eq(phrGrants.id, grantId), eq(phrGrants.patientId, patientId), isNull(phrGrants.revokedAt))).returning();
  return revoked;
}

/** The person's grant by its id, whatever its state. */
export async function phrGrantOfPatient(db: Db<Tables>, grantId: string, patientId: string): Promise<GrantRow | undefined> {
  return (await db.select().from(phrGrants).where(and(eq(phrGrants.id, grantId), eq(phrGrants.patientId, patientId))))[0];
}
