// Demo claims for every demo patient (ARCHITECTURE.md "Data": 5 years of claims and dispensings from a
// deterministic generator that scales to 10⁶ patients). Patients are generated and inserted one batch at
// a time, so memory stays flat however many patients the benchmark asks for.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { copyInBatches, coverageOn, createRng, demoPatients, encodeCopyRows, withSecondaryIndexesDeferred, type DemoOptions, type DemoPatient, type SubgraphDeps } from '@onshi/kit';
import { claimItems, claims, type Tables } from '../db/tables';
import type { Claim } from './claims';
import { rowsOfClaims } from './claimStore';
import { instantOfJapanDate } from './clock';
import { generateClaims } from './demoClaims';
import { loadDrugMaster, type DrugMaster } from './drugMaster';
import { syncDrugMasterTable } from './drugMasterStore';
import { retentionCutoff } from './retention';

/** Patients per COPY: ~60,000 claims and as many items (~20 MB of COPY text), bounded memory. */
const PATIENTS_PER_COPY = 1_000;
/** From this many patients the secondary indexes are built after the load (bulkCopy.ts). */
const DEFER_INDEXES_FROM = 100_000;

const COPAY_PERCENT: Record<string, number> = { '010': 10, '020': 20, '030': 30 };

/** The 5-year claim history of one demo patient, ending on the demo's as-of date. */
export function demoClaimsOf(demo: DemoOptions, patient: DemoPatient, master: DrugMaster): Claim[] {
  const to = instantOfJapanDate(demo.asOf);
  const from = instantOfJapanDate(retentionCutoff(to));
  const firstCoverage = patient.coverages[0];
  const current = coverageOn(patient, demo.asOf) ?? patient.coverages[patient.coverages.length - 1];
  if (!firstCoverage || !current) return [];
  return generateClaims({
    rng: createRng(demo.seed, 'claims', patient.index),
    patientId: patient.id,
    from,
    to,
    conditions: patient.conditions,
    // Home doctors see outpatients, billed on 医科 (MEDICAL) claims; the demo world has no DPC inpatients.
    clinic: { code: patient.homeClinicCode, kind: 'MEDICAL' },
    pharmacy: { code: patient.pharmacyCode },
    ...(patient.dentalCode === undefined ? {} : { dentist: { code: patient.dentalCode } }),
    // Before the first recorded coverage (not expected in the demo world) bill the first insurer.
    insurerOn: (date) => (coverageOn(patient, date) ?? firstCoverage).insurerNumber,
    copayPercent: COPAY_PERCENT[current.insuredPartialContributionRatio] ?? 30,
    master,
  });
}

export async function seedDrugs({ db, copy, demo, logger }: SubgraphDeps<Tables>): Promise<void> {
  const master = loadDrugMaster();
  await syncDrugMasterTable(db, master);
  const [existing] = await db.select({ n: count() }).from(claims);
  if ((existing?.n ?? 0) > 0) return;
  const batchId = randomUUID();
  let claimTotal = 0;
  let itemTotal = 0;
  // Claims before their items (the items' foreign key), one COPY each per batch of patients.
  const load = () => copyInBatches(demoPatients(demo), { itemsPerCopy: PATIENTS_PER_COPY }, (slice) => {
    const rows = rowsOfClaims(slice.flatMap((patient) => demoClaimsOf(demo, patient, master)), batchId);
    claimTotal += rows.claims.length;
    itemTotal += rows.items.length;
    return [encodeCopyRows(claims, rows.claims), encodeCopyRows(claimItems, rows.items)];
  }, copy);
  // Only at benchmark scale: a load interrupted with the indexes dropped would leave a small demo without them.
  await (demo.patients >= DEFER_INDEXES_FROM ? withSecondaryIndexesDeferred(db, [claims, claimItems], load) : load());
  logger.info({ patients: demo.patients, claims: claimTotal, items: itemTotal }, 'demo claims seeded');
}
