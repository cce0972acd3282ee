import { desc, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { phrApps, type Tables } from '../db/tables';
import type { PhrAppRow } from '../services/operator/phrApps';

/** The registered PHR apps, newest first. */
export async function phrAppsNewestFirst(db: Db<Tables>, first: number): Promise<PhrAppRow[]> {
  return db.select().from(phrApps).orderBy(desc(phrApps.createdAt), phrApps.clientId).limit(first);
}

/** The apps a patient can link (not disabled), by name. */
export async function enabledPhrApps(db: Db<Tables>, limit: number): Promise<PhrAppRow[]> {
  return db.select().from(phrApps).where(isNull(phrApps.disabledAt)).orderBy(phrApps.name).limit(limit);
}

/** The display name and operator (company) of these apps. */
export async function phrAppNamesOf(db: Db<Tables>, clientIds: string[]): Promise<Array<{ clientId: string; name: string; operatorName: string }>> {
  return db.select({ clientId: phrApps.clientId, name: phrApps.name, operatorName: phrApps.operatorName }).from(phrApps).where(inArray(phrApps.clientId, clientIds));
}
