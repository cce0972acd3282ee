import { eq, inArray } from 'drizzle-orm';
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
