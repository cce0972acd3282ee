import postgres from 'postgres';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { startTestSystem, type TestSystem } from './harness';

/**
 * Claims carry a claim key (facility + month of care + claim number). A resend of the same claim is a
 * no-op, a different claim under the same key is refused with a reason, a claim of an unknown patient is a row-level
 * reason, and the batch stays all-or-nothing. CI runs this on PGlite and on PostgreSQL (DATABASE_URL).
 */

const INGEST = 'mutation($claims: [ClaimInput!]!) { ingestClaims(claims: $claims) { batchId claimCount itemCount resentCount } }';
const DISPENSINGS = `query($id: ID!, $from: String, $to: String) { patient(id: $id) { dispensings(from: $from, to: $to, first: 100) {
  edges { node { date drugCode quantity } } } } }`;
const DAY = '2026-10-07';

interface Row { row: number; path: string; reason: string; reasonJa: string }

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 12 });
}, 300_000);
afterAll(async () => {
  await system?.stop();
});

const oralTablet = (): string => {
  const drug = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');
  if (!drug) throw new Error('no oral tablet in the master');
  return drug.drugCode;
};

function claim(index: number, claimNumber: string, quantity = 14): Record<string, unknown> {
  const patient = system.patient(index);
  return {
    claimKind: 'PHARMACY', claimNumber, patientId: patient.id, facilityCode: patient.pharmacyCode, prescribingFacilityCode: patient.homeClinicCode,
    insurerNumber: patient.coverages[patient.coverages.length - 1]?.insurerNumber, serviceMonth: DAY.slice(0, 7), totalPoints: 300, patientShareYen: 900,
    items: [{ date: DAY, drugCode: oralTablet(), quantity, unit: '錠', usage: '１日１回朝食後', days: 14, inOut: 'OUT' }],
  };
}

async function dispensingsOf(index: number): Promise<Array<{ date: string; quantity: number }>> {
  const response = await system.graphql<{ patient: { dispensings: { edges: Array<{ node: { date: string; quantity: number } }> } } }>(
    DISPENSINGS, { id: system.patient(index).id, from: DAY, to: DAY }, await system.token('hospital-doctor'));
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.patient.dispensings.edges.map((edge) => edge.node) ?? [];
}

/** Rows of drugs.claims on PostgreSQL (the count there is the proof); on PGlite what the doctor reads. */
async function storedClaims(indexes: number[]): Promise<string> {
  if (system.databaseUrl === undefined) return JSON.stringify(await Promise.all(indexes.map(dispensingsOf)));
  const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<Array<{ n: number; digest: string | null }>>`select count(*)::int as n, md5(string_agg(c::text, '|' order by c::text)) as digest from drugs.claims c`;
    return `${row?.n}:${row?.digest}`;
  } finally {
    await sql.end();
  }
}

test('a resend of the same claim is a no-op: stored once, counted as resent', async () => {
  const admin = await system.token('admin');
  const first = await system.graphql<{ ingestClaims: { claimCount: number; resentCount: number } }>(INGEST, { claims: [claim(2, 'R-1001')] }, admin);
  expect(first.body.errors).toBeUndefined();
  expect(first.body.data?.ingestClaims).toMatchObject({ claimCount: 1, resentCount: 0 });
  const before = await storedClaims([2]);
  // The sender resends the same claim, with its keys in another order.
  const reordered = Object.fromEntries(Object.entries(claim(2, 'R-1001')).reverse());
  const again = await system.graphql<{ ingestClaims: { claimCount: number; resentCount: number } }>(INGEST, { claims: [reordered] }, admin);
  expect(again.body.errors).toBeUndefined();
  expect(again.body.data?.ingestClaims).toMatchObject({ claimCount: 0, resentCount: 1 });
  expect(await storedClaims([2])).toBe(before);
  expect(await dispensingsOf(2)).toHaveLength(1);
});

test('a different claim under the same key is refused with a reason; the whole batch is not stored', async () => {
  const admin = await system.token('admin');
  const stored = await system.graphql(INGEST, { claims: [claim(3, 'R-2001')] }, admin);
  expect(stored.body.errors).toBeUndefined();
  const before = await storedClaims([3, 4]);
  const changed = await system.graphql(INGEST, { claims: [claim(4, 'R-2002'), claim(3, 'R-2001', 28)] }, admin);
  expect(changed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const rows = changed.body.errors?.[0]?.extensions?.rows as Row[];
  expect(rows).toEqual([expect.objectContaining({ row: 2, path: 'claimNumber', reason: expect.stringContaining('already stored under the claim key') })]);
  expect(changed.text).not.toContain('    at ');
  expect(await storedClaims([3, 4])).toBe(before);
  expect(await dispensingsOf(3)).toEqual([expect.objectContaining({ quantity: 14 })]);
});

test('the same key twice in one batch with other content is refused; identical twice is stored once', async () => {
  const admin = await system.token('admin');
  const before = await storedClaims([5]);
  const contradictory = await system.graphql(INGEST, { claims: [claim(5, 'R-3001'), claim(5, 'R-3001', 7)] }, admin);
  expect(contradictory.body.errors?.[0]?.extensions?.rows).toEqual([expect.objectContaining({ row: 2, path: 'claimNumber' })]);
  expect(await storedClaims([5])).toBe(before);
  const twice = await system.graphql<{ ingestClaims: { claimCount: number; resentCount: number } }>(INGEST, { claims: [claim(5, 'R-3001'), claim(5, 'R-3001')] }, admin);
  expect(twice.body.data?.ingestClaims).toMatchObject({ claimCount: 1, resentCount: 1 });
  expect(await dispensingsOf(5)).toHaveLength(1);
});

test('a claim of an unknown patient is a row-level reason and nothing of the batch is stored', async () => {
  const admin = await system.token('admin');
  const before = await storedClaims([6]);
  const stranger = { ...claim(6, 'R-4002'), patientId: 'pt_nobody_at_all' };
  const refused = await system.graphql(INGEST, { claims: [claim(6, 'R-4001'), stranger] }, admin);
  expect(refused.body.errors?.[0]?.extensions?.rows).toEqual([expect.objectContaining({ row: 2, path: 'patientId', reason: 'is not a known patient' })]);
  expect(await storedClaims([6])).toBe(before);
  expect(await dispensingsOf(6)).toHaveLength(0);
});

test('a claim without a claim number, or with a malformed one, is refused', async () => {
  const admin = await system.token('admin');
  const { claimNumber: _dropped, ...withoutNumber } = claim(7, 'x');
  const missing = await system.graphql(INGEST, { claims: [withoutNumber] }, admin);
  expect(missing.body.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  const malformed = await system.graphql(INGEST, { claims: [claim(7, 'レセプト１')] }, admin);
  expect(malformed.body.errors?.[0]?.extensions?.rows).toEqual([expect.objectContaining({ row: 1, path: 'claimNumber' })]);
  expect(await dispensingsOf(7)).toHaveLength(0);
});
