import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { subsidyApplications, type Tables } from '../db/tables';

export type SubsidyRow = typeof subsidyApplications.$inferSelect;

/** A new application; undefined when the facility already has one not rejected (the unique index subsidy_applications_open_idx). */
export async function insertSubsidyApplicationIfNoneOpen(tx: Db<Tables>, values: typeof subsidyApplications.$inferInsert): Promise<SubsidyRow | undefined> {
  const [row] = await tx.insert(subsidyApplications).values(values).onConflictDoNothing().returning();
  return row;
}

/** A facility's applications, newest first. */
export async function subsidyApplicationsOfFacility(db: Db<Tables>, facilityCode: string): Promise<SubsidyRow[]> {
  return db.select().from(subsidyApplications).where(eq(subsidyApplications.facilityCode, facilityCode)).orderBy(desc(subsidyApplications.submittedAt));
}

export async function subsidyApplicationById(db: Db<Tables>, id: string): Promise<SubsidyRow | undefined> {
  const [row] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
  return row;
}

/** Every facility's applications, newest first, of one status or all (status null). */
export async function subsidyApplicationsNewestFirst(db: Db<Tables>, status: string | null, first: number): Promise<SubsidyRow[]> {
  const query = db.select().from(subsidyApplications);
  return (status ? query.where(eq(subsidyApplications.status, status)) : query).orderBy(desc(subsidyApplications.submittedAt)).limit(first);
}

/** Moves an application on if it is still in the status read; undefined when another request moved it first. */
export async function changeSubsidyApplication(tx: Db<Tables>, id: string, from: string, changes: Partial<typeof subsidyApplications.$inferInsert>): Promise<SubsidyRow | undefined> {
  const [row] = await tx.update(subsidyApplications).set(changes).where(and(eq(subsidyApplications.id, id), eq(subsidyApplications.status, from))).returning();
  return row;
}
