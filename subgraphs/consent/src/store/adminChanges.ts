import { desc, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { adminChanges, type Tables } from '../db/tables';

export type AdminChangeRow = typeof adminChanges.$inferSelect;

/** The admin actions concerning a target (an insurer's number, a PHR app's target), newest first. */
export async function adminChangesOfTarget(db: Db<Tables>, target: string, first: number): Promise<AdminChangeRow[]> {
  return db.select().from(adminChanges).where(eq(adminChanges.target, target)).orderBy(desc(adminChanges.at)).limit(first);
}

/** The admin actions concerning a facility, newest first. */
export async function adminChangesOfFacility(db: Db<Tables>, facilityCode: string, first: number): Promise<AdminChangeRow[]> {
  return db.select().from(adminChanges).where(eq(adminChanges.facilityCode, facilityCode)).orderBy(desc(adminChanges.at)).limit(first);
}

/** Writes one change's before/after; its id is the basis of the change's access-log entry. */
export async function insertAdminChange(tx: Db<Tables>, values: typeof adminChanges.$inferInsert): Promise<{ id: string } | undefined> {
  const [change] = await tx.insert(adminChanges).values(values).returning({ id: adminChanges.id });
  return change;
}
