import { and, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { viewingAuthorities, type Tables } from '../db/tables';

export type ViewingAuthorityRow = typeof viewingAuthorities.$inferSelect;

export async function insertViewingAuthority(db: Db<Tables>, values: typeof viewingAuthorities.$inferInsert): Promise<ViewingAuthorityRow | undefined> {
  const [row] = await db.insert(viewingAuthorities).values(values).returning();
  return row;
}

/** Revokes every standing authority of this kind of a staff member at their facility; the number revoked. */
export async function revokeViewingAuthorities(db: Db<Tables>, staff: { subject: string; facilityCode: string }, authority: string, now: Date): Promise<number> {
  const rows = await db.update(viewingAuthorities).set({ revokedAt: now })
    .where(and(eq(viewingAuthorities.subject, staff.subject), eq(viewingAuthorities.facilityCode, staff.facilityCode), eq(viewingAuthorities.authority, authority))).returning({ id: viewingAuthorities.id });
  return rows.length;
}
