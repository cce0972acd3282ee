import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { searchLog, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type SearchLogRow = typeof searchLog.$inferSelect;

/** Appends one line to the search log (append-only: never updated or deleted). */
export async function insertSearchLog(db: Db<Tables> | Transaction, values: typeof searchLog.$inferInsert): Promise<void> {
  await db.insert(searchLog).values(values);
}

export interface SearchLogFilter { facilityCode: string | null; from: Date | null; to: Date | null }

/** Disaster and emergency searches, every filter given, newest first. The caller makes sure at least one is. */
export async function searchSpecialSearchLog(db: Db<Tables>, filter: SearchLogFilter, first: number): Promise<SearchLogRow[]> {
  const conditions: SQL[] = [];
  if (filter.facilityCode) conditions.push(eq(searchLog.facilityCode, filter.facilityCode));
  if (filter.from) conditions.push(gte(searchLog.at, filter.from));
  if (filter.to) conditions.push(lte(searchLog.at, filter.to));
  return db.select().from(searchLog).where(and(...conditions)).orderBy(desc(searchLog.at)).limit(first);
}
