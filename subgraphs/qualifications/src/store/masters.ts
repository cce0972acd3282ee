import { eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { insurers, type Tables } from '../db/tables';

/** An insurer of the master by its (validated) 保険者番号, if registered: its number and name. */
export async function insurerByNumber(db: Db<Tables>, number: string) {
  const [row] = await db.select({ number: insurers.number, name: insurers.name }).from(insurers).where(eq(insurers.number, number)).limit(1);
  return row;
}
