import DataLoader from 'dataloader';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { facilities, insurers, type Tables } from '../db/tables';
import type { Tx } from './coverage';

/** An insurer of the master by its (validated) 保険者番号, if registered: its number and name. */
export async function insurerByNumber(db: Db<Tables> | Tx, number: string) {
  const [row] = await db.select({ number: insurers.number, name: insurers.name }).from(insurers).where(eq(insurers.number, number)).limit(1);
  return row;
}

export type NewInsurer = typeof insurers.$inferInsert;

/** Registers an insurer in the master; the same number overwrites its name, kind and prefecture. */
export async function upsertInsurer(db: Db<Tables>, entry: NewInsurer): Promise<void> {
  await db.insert(insurers).values(entry).onConflictDoUpdate({ target: insurers.number, set: { name: entry.name, kind: entry.kind, prefecture: entry.prefecture } });
}

export type FacilityRow = typeof facilities.$inferSelect;

/**
 * The facility master by 医療機関コード, one statement per request however many rows name a facility: drugs'
 * dispensings and expenses and consent's log entries hand the gateway `Facility { code }` references, and the
 * gateway asks for all of a query path's references in one `_entities` call (docs/architecture.md "Facility, one entity").
 */
export function createFacilityLoader(db: Db<Tables>) {
  return new DataLoader<string, FacilityRow | null>(async (codes) => {
    const rows = await db.select().from(facilities).where(inArray(facilities.code, [...codes]));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}
export type FacilityLoader = ReturnType<typeof createFacilityLoader>;
