/**
 * The drugs service's own CPU per claim in a month's ingest, part by part, in this process and without a database:
 * parsing the request body, validating (zod), the content digest, and making the rows and their COPY text. The
 * re-routing benchmark (claimRerouting.ts) measures the whole service; this one says which part of it to work on
 * (docs/benchmarks.md "Claim re-routing"). Reproduce:
 *
 *   npx tsx --tsconfig tsconfig.base.json tests/bench/claimIngestParts.ts [--reps 30]
 */
import { parseArgs } from 'node:util';
import { encodeCopyRows, withCheckDigit } from '@onshi/kit';
import { claimItems, claims as claimsTable } from '../../subgraphs/drugs/src/db/tables';
import { claimDigest } from '../../subgraphs/drugs/src/services/claimIdentity';
import { rowsOfClaim, type ClaimItemRow, type ClaimRow } from '../../subgraphs/drugs/src/store/claimStore';
import { validateClaimBatch } from '../../subgraphs/drugs/src/services/claims';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';

const BATCH = 2_000;
const WARM_UP = 5;
const { values } = parseArgs({ options: { reps: { type: 'string', default: '30' } } });
const reps = Number(values.reps);

const master = loadDrugMaster();
const drug = master.entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');
if (!drug) throw new Error('no oral tablet in the drug master');
// The claim the re-routing benchmark sends: one pharmacy claim with one item.
const body = JSON.stringify({
  claims: Array.from({ length: BATCH }, (_, index) => ({
    claimKind: 'PHARMACY', claimNumber: `R-${index}`, patientId: `P${String(index).padStart(9, '0')}`, facilityCode: withCheckDigit('134010001'),
    prescribingFacilityCode: withCheckDigit('131010001'), insurerNumber: '131011', serviceMonth: '2026-11', totalPoints: 300, patientShareYen: 900,
    items: [{ date: '2026-11-05', drugCode: drug.drugCode, quantity: 14, unit: '錠', usage: '１日１回朝食後', days: 14, inOut: 'OUT' }],
  })),
});
const now = new Date('2026-11-30T03:00:00Z');
const cpuMicros = () => { const usage = process.cpuUsage(); return usage.user + usage.system; };
const spent = { parse: 0, validate: 0, digest: 0, rowsAndCopyText: 0 };
for (let rep = 0; rep < reps + WARM_UP; rep += 1) {
  const counted = rep >= WARM_UP;
  let started = cpuMicros();
  const rows = (JSON.parse(body) as { claims: unknown[] }).claims;
  if (counted) spent.parse += cpuMicros() - started;
  started = cpuMicros();
  const validation = validateClaimBatch(rows, now, master);
  if (counted) spent.validate += cpuMicros() - started;
  if (!validation.ok) throw new Error(`the sample batch is invalid: ${JSON.stringify(validation.errors.slice(0, 2))}`);
  started = cpuMicros();
  const digests = validation.claims.map(claimDigest);
  if (counted) spent.digest += cpuMicros() - started;
  started = cpuMicros();
  const claimRows: ClaimRow[] = [];
  const itemRows: ClaimItemRow[] = [];
  validation.claims.forEach((claim, index) => {
    const made = rowsOfClaim(claim, '00000000-0000-4000-8000-000000000000', undefined, digests[index]);
    claimRows.push(made.claim);
    itemRows.push(...made.items);
  });
  encodeCopyRows(claimsTable, claimRows);
  encodeCopyRows(claimItems, itemRows);
  if (counted) spent.rowsAndCopyText += cpuMicros() - started;
}
const perClaim = (micros: number) => (micros / reps / BATCH).toFixed(1);
const total = spent.parse + spent.validate + spent.digest + spent.rowsAndCopyText;
process.stdout.write(`CPU µs per claim (${reps} batches of ${BATCH}): parse ${perClaim(spent.parse)} · validate ${perClaim(spent.validate)} · digest ${perClaim(spent.digest)} · rows and COPY text ${perClaim(spent.rowsAndCopyText)} = ${perClaim(total)}\n`);
