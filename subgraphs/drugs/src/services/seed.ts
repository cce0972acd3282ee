// Demo claims for every demo patient (docs/architecture.md "Data": 5 years of claims and dispensings from a
// deterministic generator that scales to 10⁶ patients). Patients are generated and inserted one batch at
// a time, so memory stays flat however many patients the benchmark asks for.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { instantOfJapanDate, claimsViewableThrough, copyInBatches, encodeCopyRows, seedLoad, type DemoOptions, type SubgraphDeps } from '@onshi/kit';
import { coverageOn, createRng, demoPatients, type DemoPatient } from '@onshi/demo';
import { claimItems, claimRoutingCounts, claims, returnedClaims, type Tables } from '../db/tables';
import type { Claim } from './claims';
import { routeClaim, type RoutingOutcome } from './claimRouting';
import { rowsOfClaim, tallyRouting, type ClaimItemRow, type ClaimRow } from '../store/claimStore';
import { generateClaims, misaddressAfterInsurerChanges, type DemoInsurerChange } from './demoClaims';
import { loadDrugMaster, type DrugMaster } from './drugMaster';
import { syncDrugMasterTable } from '../store/drugMasterStore';
import { retentionCutoff } from './retention';

/** Patients per COPY: ~60,000 claims and as many items (~20 MB of COPY text), bounded memory. */
const PATIENTS_PER_COPY = 1_000;

const COPAY_PERCENT: Record<string, number> = { '010': 10, '020': 20, '030': 30 };

/** The person's changes of insurer, from the coverage history (each new coverage after another insurer's). */
export function insurerChangesOf(patient: DemoPatient): DemoInsurerChange[] {
  return patient.coverages.flatMap((coverage, k) => {
    const previous = patient.coverages[k - 1];
    return previous && previous.insurerNumber !== coverage.insurerNumber ? [{ date: coverage.qualificationDate, from: previous.insurerNumber, to: coverage.insurerNumber }] : [];
  });
}

/**
 * The 5-year claim history of one demo patient, as facilities addressed it (some to a former insurer), ending where
 * claims are viewable on the demo's as-of date (kit claimsLag.ts: month M from the 11th of M+2), not on the as-of date
 * itself: claims-based data lags about 1.5 months (docs/domain.md "Drug information (薬剤情報) and medical expenses").
 */
export function demoClaimsOf(demo: DemoOptions, patient: DemoPatient, master: DrugMaster): Claim[] {
  return misaddressAfterInsurerChanges(correctlyAddressedClaimsOf(demo, patient, master), insurerChangesOf(patient), createRng(demo.seed, 'claim-addressing', patient.index));
}

/** The same history, every claim addressed to the insurer of its dates of care. */
function correctlyAddressedClaimsOf(demo: DemoOptions, patient: DemoPatient, master: DrugMaster): Claim[] {
  const to = instantOfJapanDate(claimsViewableThrough(demo.asOf));
  const from = instantOfJapanDate(retentionCutoff(instantOfJapanDate(demo.asOf)));
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

/**
 * Routes a seeded claim as the ingest would (claimRouting.ts), from the demo world's own coverage history — the same
 * deterministic world qualifications seeds, so no call between services is needed. A claim without drug lines has no
 * dates of care here and is stored unchecked.
 */
function routeDemoClaim(patient: DemoPatient, claim: Claim): RoutingOutcome | undefined {
  if (claim.items.length === 0) return undefined;
  return routeClaim(claim, patient.coverages.map((coverage) => ({ insurerNumber: coverage.insurerNumber, from: coverage.qualificationDate, to: coverage.disqualificationDate ?? null })));
}

/** The claims the seed stores for a patient (as billed or re-routed, under the insurer they are stored under): not the returned ones. */
export function storedDemoClaimsOf(demo: DemoOptions, patient: DemoPatient, master: DrugMaster): Claim[] {
  return demoClaimsOf(demo, patient, master).flatMap((claim) => {
    const routing = routeDemoClaim(patient, claim);
    if (routing?.kind === 'RETURNED') return [];
    return [routing?.kind === 'REROUTED' ? { ...claim, insurerNumber: routing.insurerNumber } : claim];
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
  // Claims before their items (one COPY each per batch of patients): a reader never finds items whose claim is not there yet.
  const counts = new Map<string, typeof claimRoutingCounts.$inferInsert>();
  const load = () => copyInBatches(demoPatients(demo), { itemsPerCopy: PATIENTS_PER_COPY }, (slice) => {
    const claimRows: ClaimRow[] = [];
    const itemRows: ClaimItemRow[] = [];
    const returnedRows: Array<typeof returnedClaims.$inferInsert> = [];
    for (const patient of slice) {
      for (const claim of demoClaimsOf(demo, patient, master)) {
        const routing = routeDemoClaim(patient, claim);
        if (routing !== undefined) tallyRouting(counts, claim, routing);
        if (routing?.kind === 'RETURNED') {
          returnedRows.push({
            patientId: claim.patientId, claimId: randomUUID(), claimKind: claim.claimKind, claimNumber: claim.claimNumber, facilityCode: claim.facilityCode,
            billedInsurerNumber: claim.insurerNumber, serviceMonth: claim.serviceMonth, totalPoints: claim.totalPoints, reason: routing.reason,
            coverageInsurerNumbers: routing.coverageInsurerNumbers, contentDigest: '', batchId,
          });
          continue;
        }
        const rows = rowsOfClaim(claim, batchId, randomUUID(), '', routing);
        claimRows.push(rows.claim);
        for (const item of rows.items) itemRows.push(item);
      }
    }
    claimTotal += claimRows.length;
    itemTotal += itemRows.length;
    return [encodeCopyRows(claims, claimRows), encodeCopyRows(claimItems, itemRows), encodeCopyRows(returnedClaims, returnedRows)];
  }, copy);
  // At benchmark scale the claims' and items' indexes, keys included, are built after the load (bulkCopy.ts).
  await seedLoad(db, demo.patients, [claims, claimItems], load);
  const countRows = [...counts.values()];
  for (let start = 0; start < countRows.length; start += 2_000) await db.insert(claimRoutingCounts).values(countRows.slice(start, start + 2_000));
  logger.info({ patients: demo.patients, claims: claimTotal, items: itemTotal }, 'demo claims seeded');
}
