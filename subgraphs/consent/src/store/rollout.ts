import { count, eq, min } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { cardReaders, facilities, readerVerifications, type Tables } from '../db/tables';

/**
 * The rollout dashboard's three grouped reads, run at once: every registered facility, each facility's first
 * verification at one of its readers (when it went live), and its active readers.
 */
export async function rolloutReads(db: Db<Tables>) {
  return Promise.all([
    db.select({ code: facilities.code, kind: facilities.kind, hospital: facilities.hospital, prefecture: facilities.prefecture, registeredAt: facilities.registeredAt }).from(facilities),
    db.select({ facilityCode: readerVerifications.facilityCode, first: min(readerVerifications.verifiedAt) }).from(readerVerifications).groupBy(readerVerifications.facilityCode),
    db.select({ facilityCode: cardReaders.facilityCode, readers: count() }).from(cardReaders).where(eq(cardReaders.status, 'ACTIVE')).groupBy(cardReaders.facilityCode),
  ]);
}
