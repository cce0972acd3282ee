import { inArray } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { facilities, type Tables } from '../db/tables';

/** The names of these facilities by code (an unregistered code is left out); no statement for none. */
export async function facilityNames(db: Db<Tables>, codes: readonly string[]): Promise<Map<string, string>> {
  return new Map(codes.length === 0 ? [] : (await db.select({ code: facilities.code, name: facilities.name }).from(facilities).where(inArray(facilities.code, [...codes]))).map((f) => [f.code, f.name]));
}
