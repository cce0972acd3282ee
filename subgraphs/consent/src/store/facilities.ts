import { and, count, desc, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { facilities, type Tables } from '../db/tables';

export type FacilityRow = typeof facilities.$inferSelect;

/** The names of these facilities by code (an unregistered code is left out); no statement for none. */
export async function facilityNames(db: Db<Tables>, codes: readonly string[]): Promise<Map<string, string>> {
  return new Map(codes.length === 0 ? [] : (await db.select({ code: facilities.code, name: facilities.name }).from(facilities).where(inArray(facilities.code, [...codes]))).map((f) => [f.code, f.name]));
}

export async function facilityRow(db: Db<Tables>, code: string): Promise<FacilityRow | undefined> {
  const [row] = await db.select().from(facilities).where(eq(facilities.code, code));
  return row;
}

/** Whether a facility is registered with this code (its code alone is read). */
export async function isFacilityRegistered(db: Db<Tables>, code: string): Promise<boolean> {
  const [row] = await db.select({ code: facilities.code }).from(facilities).where(eq(facilities.code, code));
  return row !== undefined;
}

/** A new facility; undefined when the code is already registered. */
export async function insertFacilityIfNew(tx: Db<Tables>, values: typeof facilities.$inferInsert): Promise<FacilityRow | undefined> {
  const [row] = await tx.insert(facilities).values(values).onConflictDoNothing().returning();
  return row;
}

/** A directory search, already checked: part of the name (NFKC, trimmed; '' for any) or the start of the code, and a prefecture or any. */
export interface FacilitySearch { search: string; prefecture: string | null }

/** `%` and `_` (and the escape character itself) match themselves in a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function facilityCondition({ search, prefecture }: FacilitySearch): SQL | undefined {
  const bySearch = search === '' ? undefined : or(ilike(facilities.name, `%${likeLiteral(search)}%`), like(facilities.code, `${likeLiteral(search)}%`));
  return and(bySearch, prefecture === null ? undefined : eq(facilities.prefecture, prefecture));
}

/** One page of the directory, newest registration first (then by code, so pages never overlap). */
export async function facilitiesPage(db: Db<Tables>, search: FacilitySearch, first: number, offset: number): Promise<FacilityRow[]> {
  return db.select().from(facilities).where(facilityCondition(search)).orderBy(desc(facilities.registeredAt), facilities.code).limit(first).offset(offset);
}

export async function facilitiesCounted(db: Db<Tables>, search: FacilitySearch): Promise<number> {
  const [row] = await db.select({ n: count() }).from(facilities).where(facilityCondition(search));
  return Number(row?.n ?? 0);
}
