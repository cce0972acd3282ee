import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { accounts, type Tables } from '../db/tables';

// The account reads and writes of a login and of a refresh (services/identity/logins.ts staffLogin, sessions.ts).

export type AccountRow = typeof accounts.$inferSelect;

/** The account a staff ID names at a facility, or among the accounts of no facility (operators, insurers). */
export async function accountByStaffId(db: Db<Tables>, facilityCode: string | null | undefined, staffId: string): Promise<AccountRow | undefined> {
  const facilityMatch = facilityCode ? eq(accounts.facilityCode, facilityCode) : isNull(accounts.facilityCode);
  const [row] = await db.select().from(accounts).where(and(eq(accounts.staffId, staffId), facilityMatch));
  return row;
}

/** An account by the subject of its tokens. */
export async function accountBySubject(db: Db<Tables>, subject: string): Promise<AccountRow | undefined> {
  const [account] = await db.select().from(accounts).where(eq(accounts.subject, subject));
  return account;
}

/** Records the TOTP step a login used, by compare-and-set on the step read before: whether this login's write won. */
export async function claimTotpStep(db: Db<Tables>, account: string, readStep: number | null, step: number): Promise<boolean> {
  const updated = await db.update(accounts).set({ lastTotpStep: step })
    .where(and(eq(accounts.account, account), readStep === null ? isNull(accounts.lastTotpStep) : eq(accounts.lastTotpStep, readStep)))
    .returning({ account: accounts.account });
  return updated.length > 0;
}
