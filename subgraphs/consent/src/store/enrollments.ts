import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { staffEnrollments, type Tables } from '../db/tables';

export type EnrollmentRow = typeof staffEnrollments.$inferSelect;

/** A one-time enrollment link, kept only as the hash of its token. */
export async function insertEnrollment(tx: Db<Tables>, values: typeof staffEnrollments.$inferInsert): Promise<void> {
  await tx.insert(staffEnrollments).values(values);
}

export async function enrollmentByTokenHash(db: Db<Tables>, tokenHash: string): Promise<EnrollmentRow | undefined> {
  const [row] = await db.select().from(staffEnrollments).where(eq(staffEnrollments.tokenHash, tokenHash));
  return row;
}

/** The (sealed) TOTP secret drawn for the link, confirmed by a first code before the account gets it. */
export async function setPendingTotpSecret(tx: Db<Tables>, tokenHash: string, pendingTotpSecret: string): Promise<void> {
  await tx.update(staffEnrollments).set({ pendingTotpSecret }).where(eq(staffEnrollments.tokenHash, tokenHash));
}

/** Uses the link if it is still unused; false when another request used it first. */
export async function useEnrollment(tx: Db<Tables>, tokenHash: string, now: Date): Promise<boolean> {
  const used = await tx.update(staffEnrollments).set({ usedAt: now }).where(and(eq(staffEnrollments.tokenHash, tokenHash), isNull(staffEnrollments.usedAt))).returning({ account: staffEnrollments.account });
  return used.length > 0;
}

/** Ends every open link of an account. */
export async function endOpenEnrollments(tx: Db<Tables>, account: string, now: Date): Promise<void> {
  await tx.update(staffEnrollments).set({ usedAt: now }).where(and(eq(staffEnrollments.account, account), isNull(staffEnrollments.usedAt)));
}
