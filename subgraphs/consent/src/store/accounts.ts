import { eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { accounts, type Tables } from '../db/tables';

export type AccountRow = typeof accounts.$inferSelect;

/** An account by its login name. */
export async function accountByName(db: Db<Tables>, account: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.account, account));
  return row;
}
