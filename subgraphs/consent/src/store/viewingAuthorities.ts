import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { hospitals, viewingAuthorities, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

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

/**
 * A staff account's standing authorities at its facility, each with whether the facility is a registered hospital
 * (it rides on each authority row: only the emergency authority needs it, and without any authority no rule asks).
 */
export async function standingAuthoritiesAt(db: Db<Tables> | Transaction, subject: string, facilityCode: string) {
  return db.select({ authority: viewingAuthorities.authority, disasterId: viewingAuthorities.disasterId, hospital: hospitals.facilityCode })
    .from(viewingAuthorities)
    .leftJoin(hospitals, eq(hospitals.facilityCode, viewingAuthorities.facilityCode))
    .where(and(eq(viewingAuthorities.subject, subject), eq(viewingAuthorities.facilityCode, facilityCode), isNull(viewingAuthorities.revokedAt)));
}
