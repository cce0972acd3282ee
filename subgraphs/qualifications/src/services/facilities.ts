import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { facilities, type Tables } from '../db/tables';

export type FacilityRow = typeof facilities.$inferSelect;

/** A facility as the API shows it: a code the master does not hold keeps its code, and the rest is null. */
export type FacilityView = Pick<FacilityRow, 'code'> & { [K in Exclude<keyof FacilityRow, 'code'>]: FacilityRow[K] | null };

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

/** The entity for a reference: the master's row, or only the code when the master does not know it (no error: one unknown prescriber must not hide a patient's other dispensings). */
export async function facilityOfReference(loader: ReturnType<typeof createFacilityLoader>, code: string): Promise<FacilityView> {
  return (await loader.load(code)) ?? { code, name: null, kind: null, prefecture: null, address: null };
}
