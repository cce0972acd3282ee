// Demo claims for every demo patient (ARCHITECTURE.md "Data": 5 years of claims and dispensings from a
// deterministic generator that scales to 10⁶ patients). Patients are generated and inserted one batch at
// a time, so memory stays flat however many patients the benchmark asks for.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { coverageOn, createRng, demoPatient, insertInBatches, type DemoOptions, type DemoPatient, type SubgraphDeps } from '@onshi/kit';
import { claims, type Tables } from '../db/tables';
import type { Claim } from './claims';
import { insertClaims } from './claimStore';
import { instantOfJapanDate } from './clock';
import { generateClaims } from './demoClaims';
import { loadDrugMaster, type DrugMaster } from './drugMaster';
import { syncDrugMasterTable } from './drugMasterStore';
import { retentionCutoff } from './retention';

/** Patients per insert transaction: a few thousand claims, bounded memory. */
const PATIENTS_PER_BATCH = 25;

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

export async function seedDrugs({ db, demo, logger }: SubgraphDeps<Tables>): Promise<void> {
  const master = loadDrugMaster();
  await syncDrugMasterTable(db, master);
  const [existing] = await db.select({ n: count() }).from(claims);
  if ((existing?.n ?? 0) > 0) return;
  const batchId = randomUUID();
  function* patients() {
    for (let index = 0; index < demo.patients; index += 1) yield demoPatient(demo, index);
  }
  let claimTotal = 0;
  let itemTotal = 0;
  await insertInBatches(patients(), PATIENTS_PER_BATCH, async (batch) => {
    const batchClaims = batch.flatMap((patient) => demoClaimsOf(demo, patient, master));
    const counts = await db.transaction(async (tx) => insertClaims(tx, batchClaims, batchId));
    claimTotal += counts.claimCount;
    itemTotal += counts.itemCount;
  });
  logger.info({ patients: demo.patients, claims: claimTotal, items: itemTotal }, 'demo claims seeded');
}
