// Keeps the drug_master table equal to data/drug-master.csv (the reference data the validator and the
// demo generator read in memory), so SQL can join names and ingredients onto claim items.
import { sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { drugMaster, type Tables } from '../db/tables';
import type { DrugMaster } from '../services/drugMaster';

/** Upserts every master entry; cheap (a few hundred rows) and idempotent, so it runs at every start. */
export async function syncDrugMasterTable(db: Db<Tables>, master: DrugMaster): Promise<number> {
  const rows = master.entries.map((entry) => ({
    drugCode: entry.drugCode,
    route: entry.route,
    ingredient: entry.ingredient,
    strength: entry.strength,
    name: entry.name,
    maker: entry.maker,
    kind: entry.kind,
    priceInHundredthsOfYen: entry.priceInHundredthsOfYen,
    dosageUnit: entry.dosageUnit,
  }));
  if (rows.length === 0) return 0;
  await db
    .insert(drugMaster)
    .values(rows)
    .onConflictDoUpdate({
      target: drugMaster.drugCode,
      set: {
        route: sql`excluded.route`,
        ingredient: sql`excluded.ingredient`,
        strength: sql`excluded.strength`,
        name: sql`excluded.name`,
        maker: sql`excluded.maker`,
        kind: sql`excluded.kind`,
        priceInHundredthsOfYen: sql`excluded.price_in_hundredths_of_yen`,
        dosageUnit: sql`excluded.dosage_unit`,
      },
    });
  return rows.length;
}
