import { and, desc, eq, gte, lte, ne, type SQL } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { accessLog, type Tables } from '../db/tables';

export type AccessLogRow = typeof accessLog.$inferSelect;

/** A person's access log, newest first, without their own reads and one category when asked. */
export async function accessLogOfPatient(db: Db<Tables>, patientId: string, without: { ownViews: boolean; category: string | null }, first: number): Promise<AccessLogRow[]> {
  return db
    .select()
    .from(accessLog)
    .where(and(
      eq(accessLog.patientId, patientId),
      without.ownViews ? ne(accessLog.actorRole, 'PATIENT') : undefined,
      without.category === null ? undefined : ne(accessLog.category, without.category),
    ))
    .orderBy(desc(accessLog.at), desc(accessLog.seq))
    .limit(first);
}

export interface AccessLogFilter { facilityCode: string | null; patientId: string | null; from: Date | null; to: Date | null }

/** The operators' search: every filter given, newest first. The caller makes sure at least one is. */
export async function searchAccessLog(db: Db<Tables>, filter: AccessLogFilter, first: number): Promise<AccessLogRow[]> {
  const conditions: SQL[] = [];
  if (filter.facilityCode) conditions.push(eq(accessLog.facilityCode, filter.facilityCode));
  if (filter.patientId) conditions.push(eq(accessLog.patientId, filter.patientId));
  if (filter.from) conditions.push(gte(accessLog.at, filter.from));
  if (filter.to) conditions.push(lte(accessLog.at, filter.to));
  return db.select().from(accessLog).where(and(...conditions)).orderBy(desc(accessLog.at), desc(accessLog.seq)).limit(first);
}
