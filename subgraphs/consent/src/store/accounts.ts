import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { accounts, type Tables } from '../db/tables';

export type AccountRow = typeof accounts.$inferSelect;

/** An account by its login name. */
export async function accountByName(db: Db<Tables>, account: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.account, account));
  return row;
}

/** The 保険者番号 of these accounts (null: not an insurer's account, or none registered). */
export async function insurerNumbersOfAccounts(db: Db<Tables>, subjects: string[]): Promise<Array<{ subject: string; insurerNumber: string | null }>> {
  return db.select({ subject: accounts.subject, insurerNumber: accounts.insurerNumber }).from(accounts).where(inArray(accounts.subject, subjects));
}

/** Whether an operator (ADMIN) account exists: the bootstrap runs only while none does. */
export async function anAdminAccount(db: Db<Tables>): Promise<{ account: string } | undefined> {
  const [row] = await db.select({ account: accounts.account }).from(accounts).where(eq(accounts.role, 'ADMIN')).limit(1);
  return row;
}

/** The first operator's account; false when the name is taken (of two bootstraps racing only one insert succeeds). */
export async function insertFirstAdminAccount(db: Db<Tables>, values: typeof accounts.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(accounts).values(values).onConflictDoNothing().returning({ account: accounts.account });
  return inserted.length > 0;
}

/** A new account; undefined when one of its names is taken. */
export async function insertAccountIfNew(tx: Db<Tables>, values: typeof accounts.$inferInsert): Promise<AccountRow | undefined> {
  const [row] = await tx.insert(accounts).values(values).onConflictDoNothing().returning();
  return row;
}

/** The account logging in by this staff ID alone (an operator or insurer: no facility code), if any (migration 0010). */
export async function accountWithoutFacility(tx: Db<Tables>, staffId: string): Promise<{ account: string } | undefined> {
  const [row] = await tx.select({ account: accounts.account }).from(accounts).where(and(eq(accounts.staffId, staffId), isNull(accounts.facilityCode)));
  return row;
}

/** The account of this subject at this facility. */
export async function accountOfSubjectAtFacility(db: Db<Tables>, subject: string, facilityCode: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(eq(accounts.subject, subject), eq(accounts.facilityCode, facilityCode)));
  return row;
}

/** The staff member of a facility with this staff ID. */
export async function staffAccount(db: Db<Tables>, facilityCode: string, staffId: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(eq(accounts.facilityCode, facilityCode), eq(accounts.staffId, staffId)));
  return row;
}

/** A facility's staff accounts by staff ID. */
export async function staffAccountsOfFacility(db: Db<Tables>, facilityCode: string): Promise<AccountRow[]> {
  return db.select().from(accounts).where(eq(accounts.facilityCode, facilityCode)).orderBy(accounts.staffId);
}

export async function setAccountDisabledAt(tx: Db<Tables>, account: string, disabledAt: Date): Promise<AccountRow | undefined> {
  const [row] = await tx.update(accounts).set({ disabledAt }).where(eq(accounts.account, account)).returning();
  return row;
}

/** Clears the password, the TOTP secret and the lockout: the account logs in again only after a new enrollment. */
export async function clearAccountCredentials(tx: Db<Tables>, account: string): Promise<AccountRow | undefined> {
  const [row] = await tx.update(accounts).set({ passwordHash: null, totpSecret: null, lastTotpStep: null, failures: 0, lockedUntil: null }).where(eq(accounts.account, account)).returning();
  return row;
}

export async function setAccountPasswordHash(tx: Db<Tables>, account: string, passwordHash: string): Promise<void> {
  await tx.update(accounts).set({ passwordHash }).where(eq(accounts.account, account));
}

/** Gives the account its (sealed) TOTP secret, the confirming code's step counted as used. */
export async function setAccountTotp(tx: Db<Tables>, account: string, totpSecret: string | null, lastTotpStep: number): Promise<AccountRow | undefined> {
  const [row] = await tx.update(accounts).set({ totpSecret, lastTotpStep }).where(eq(accounts.account, account)).returning();
  return row;
}
