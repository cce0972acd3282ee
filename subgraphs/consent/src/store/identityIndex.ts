import { and, eq, or } from 'drizzle-orm';
import { inJsonList, type Db } from '@onshi/kit';
import { identityIndex, type Tables } from '../db/tables';

export type IdentityIndexRow = typeof identityIndex.$inferSelect;

/** A person by our opaque id or by 紐付番号, with the insurer of their newest coverage (null: no such person). */
export async function personByKey(db: Db<Tables>, by: 'patientId' | 'linkageNumber', key: string): Promise<{ patientId: string; currentInsurerNumber: string | null } | null> {
  const [person] = await db.select({ patientId: identityIndex.patientId, currentInsurerNumber: identityIndex.currentInsurerNumber }).from(identityIndex)
    .where(by === 'patientId' ? eq(identityIndex.patientId, key) : eq(identityIndex.linkageNumber, key));
  return person ?? null;
}

/** At most `limit` people with this birth date and sex whose name (kanji or kana, spaces removed) is `nameKey`. */
export async function peopleByNameBirthdateSex(db: Db<Tables>, fields: { nameKey: string; birthdate: string; sex: string }, limit: number): Promise<IdentityIndexRow[]> {
  return db.select().from(identityIndex)
    .where(and(eq(identityIndex.birthdate, fields.birthdate), eq(identityIndex.sex, fields.sex), or(eq(identityIndex.nameKey, fields.nameKey), eq(identityIndex.kanaKey, fields.nameKey))))
    .limit(limit);
}

/** The name the identity index holds for a person (undefined: no such person). */
export async function patientName(db: Db<Tables>, patientId: string): Promise<string | undefined> {
  const [identity] = await db.select({ name: identityIndex.name }).from(identityIndex).where(eq(identityIndex.patientId, patientId));
  return identity?.name;
}

/** Which of these people the identity index holds (the ones the decision point can decide about). */
export async function knownPatientIds(db: Db<Tables>, patientIds: readonly string[]): Promise<string[]> {
  const rows = await db.select({ patientId: identityIndex.patientId }).from(identityIndex).where(inJsonList(identityIndex.patientId, patientIds));
  return rows.map((row) => row.patientId);
}
