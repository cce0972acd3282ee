import { eq } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { identityIndex, type Tables } from '../db/tables';

/** A person by our opaque id or by 紐付番号, with the insurer of their newest coverage (null: no such person). */
export async function personByKey(db: Db<Tables>, by: 'patientId' | 'linkageNumber', key: string): Promise<{ patientId: string; currentInsurerNumber: string | null } | null> {
  const [person] = await db.select({ patientId: identityIndex.patientId, currentInsurerNumber: identityIndex.currentInsurerNumber }).from(identityIndex)
    .where(by === 'patientId' ? eq(identityIndex.patientId, key) : eq(identityIndex.linkageNumber, key));
  return person ?? null;
}
