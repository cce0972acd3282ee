import { eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { hospitals, type Tables } from '../db/tables';

export async function isHospital(db: Db<Tables>, facilityCode: string): Promise<boolean> {
  const [hospital] = await db.select().from(hospitals).where(eq(hospitals.facilityCode, facilityCode));
  return hospital !== undefined;
}

/** Registers the facility as a hospital; one already registered stays as it is. */
export async function insertHospital(db: Db<Tables>, values: typeof hospitals.$inferInsert): Promise<void> {
  await db.insert(hospitals).values(values).onConflictDoNothing();
}
