/**
 * `Facility` is one entity, owned by the qualifications subgraph's facility master (docs/architecture.md "Facility,
 * one entity"): drugs and consent hand the gateway `{ code }` and the names come from the master in the same request,
 * one batched look-up however many rows; a code the master does not hold answers null, not an error. Through the real
 * gateway, subgraphs and database.
 */
import { withCheckDigit } from '@onshi/kit';
import { DEMO_PHARMACY, DEMO_PIN } from '@onshi/demo';
// The virtual My Number Card and the demo reader (docs/contracts.md contracts 1 and 4), used here as the devices.
import { readerVisit, type GraphQLCall } from '../../subgraphs/consent/src/cli/demoClient';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  // The owner's own look-up, every time: the gateway's cache of its answers is off here (docs/architecture.md
  // "Reference data cached at the gateway"; tests/src/reference-cache.test.ts attacks it).
  system = await startTestSystem({ patients: 4, gatewayEnv: { REFERENCE_CACHE_TTL_MS: '0' } });
});
afterAll(async () => {
  await system?.stop();
});

interface FacilityView { code: string; name: string | null }
interface DispensingView { date: string; prescribingFacilityCode: string; prescribingFacility: FacilityView; pharmacyCode: string | null; pharmacy: FacilityView | null }
type Dispensings = { me: { dispensings: { edges: Array<{ node: DispensingView }> } } };

const MY_DISPENSINGS = 'query($first: Int!, $from: String, $to: String) { me { dispensings(first: $first, from: $from, to: $to) { edges { node { date prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name } } } } } }';

/** The master's name for a code, through the master's own query (`facility(code)`). */
async function registryName(code: string, token: string): Promise<string> {
  const result = await system.graphql<{ facility: { name: string } }>('query($code: String!) { facility(code: $code) { name } }', { code }, token);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.facility.name as string;
}

async function qualificationsCounters(): Promise<{ requests: number; statements: number }> {
  return (await (await fetch(`${system.urls.qualifications}/metrics`)).json()) as { requests: number; statements: number };
}

describe('names come from the facility master, in the same query', () => {
  test("each dispensing's prescriber and pharmacy carry the master's name for their code", async () => {
    const yamada = await system.token('yamada');
    const result = await system.graphql<Dispensings>(MY_DISPENSINGS, { first: 100 }, yamada);
    expect(result.body.errors).toBeUndefined();
    const nodes = result.body.data?.me.dispensings.edges.map((edge) => edge.node) ?? [];
    expect(nodes.some((node) => node.pharmacy !== null)).toBe(true);
    const codes = new Set(nodes.flatMap((node) => [node.prescribingFacilityCode, ...(node.pharmacyCode === null ? [] : [node.pharmacyCode])]));
    expect(codes.size).toBeGreaterThan(1);
    const names = new Map(await Promise.all([...codes].map(async (code) => [code, await registryName(code, yamada)] as const)));
    for (const node of nodes) {
      expect(node.prescribingFacility).toEqual({ code: node.prescribingFacilityCode, name: names.get(node.prescribingFacilityCode) });
      expect(node.pharmacy).toEqual(node.pharmacyCode === null ? null : { code: node.pharmacyCode, name: names.get(node.pharmacyCode) });
    }
    expect(nodes.map((node) => node.pharmacy?.name)).toContain(DEMO_PHARMACY.name);
  });

  test('medical expenses name each billing facility from the master', async () => {
    const yamada = await system.token('yamada');
    const result = await system.graphql<{ me: { medicalExpenses: { months: Array<{ facilityCode: string; facility: FacilityView }> } } }>(
      'query($year: Int!) { me { medicalExpenses(year: $year) { months { facilityCode facility { code name } } } } }', { year: 2025 }, yamada,
    );
    expect(result.body.errors).toBeUndefined();
    const months = result.body.data?.me.medicalExpenses.months ?? [];
    expect(months.length).toBeGreaterThan(0);
    for (const month of months) expect(month.facility).toEqual({ code: month.facilityCode, name: await registryName(month.facilityCode, yamada) });
  });

  test("a consent and the access-log entry of the facility's read name the facility from the master", async () => {
    const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
    await readerVisit(call, system.demo, system.reader(DEMO_PHARMACY.code), system.patient(0).cardSerial, { drug: true, checkup: false }, { method: 'PIN', pin: DEMO_PIN });
    const pharmacist = await system.token('pharmacy-pharmacist');
    const read = await system.graphql<{ patient: { dispensings: { edges: Array<{ node: DispensingView }> } } }>(
      'query($id: ID!) { patient(id: $id) { dispensings(first: 5) { edges { node { prescribingFacility { code name } } } } } }', { id: system.patient(0).id }, pharmacist,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.patient.dispensings.edges.every((edge) => typeof edge.node.prescribingFacility.name === 'string')).toBe(true);

    const yamada = await system.token('yamada');
    const mine = await system.graphql<{ me: { consents: Array<{ facilityCode: string; facility: FacilityView }>; accessLog: Array<{ facilityCode: string | null; facility: FacilityView | null; actorRole: string }> } }>(
      '{ me { consents { facilityCode facility { code name } } accessLog(first: 50) { actorRole facilityCode facility { code name } } } }', {}, yamada,
    );
    expect(mine.body.errors).toBeUndefined();
    const pharmacyName = await registryName(DEMO_PHARMACY.code, yamada);
    expect(pharmacyName).toBe(DEMO_PHARMACY.name);
    const consents = mine.body.data?.me.consents ?? [];
    expect(consents.filter((consent) => consent.facilityCode === DEMO_PHARMACY.code).map((consent) => consent.facility)).toContainEqual({ code: DEMO_PHARMACY.code, name: pharmacyName });
    const log = mine.body.data?.me.accessLog ?? [];
    expect(log.filter((entry) => entry.facilityCode === DEMO_PHARMACY.code).length).toBeGreaterThan(0);
    for (const entry of log) {
      // A reader who is not a facility (the patient, an insurer, an app, the operator) has no facility, not an empty one.
      expect(entry.facility).toEqual(entry.facilityCode === null ? null : { code: entry.facilityCode, name: await registryName(entry.facilityCode, yamada) });
    }
  });
});

describe('one batched look-up per request', () => {
  /** What one request costs the qualifications subgraph: GraphQL requests and SQL statements. */
  async function cost(query: string, variables: Record<string, unknown>, token: string): Promise<{ requests: number; statements: number; rows: number }> {
    const before = await qualificationsCounters();
    const result = await system.graphql<Dispensings>(query, variables, token);
    expect(result.body.errors).toBeUndefined();
    const after = await qualificationsCounters();
    return { requests: after.requests - before.requests, statements: after.statements - before.statements, rows: result.body.data?.me.dispensings.edges.length ?? 0 };
  }

  test('naming the prescribers of 1 or of 60 dispensings adds one entity call and one statement to the request', async () => {
    const yamada = await system.token('yamada');
    const withoutNames = 'query($first: Int!) { me { dispensings(first: $first) { edges { node { prescribingFacilityCode } } } } }';
    const withNames = 'query($first: Int!) { me { dispensings(first: $first) { edges { node { prescribingFacilityCode prescribingFacility { name } } } } } }';
    const bare = await cost(withoutNames, { first: 60 }, yamada);
    const one = await cost(withNames, { first: 1 }, yamada);
    const sixty = await cost(withNames, { first: 60 }, yamada);
    expect(one.rows).toBe(1);
    expect(sixty.rows).toBe(60);
    expect(one.requests).toBe(bare.requests + 1);
    expect(one.statements).toBe(bare.statements + 1);
    expect(sixty).toEqual({ ...one, rows: 60 });
  });
});

describe('a code the master does not hold', () => {
  /** A valid 医療機関コード (Kyoto, 医科) that no demo facility has: the generated ones number 1000–1059. */
  const UNLISTED_CLINIC = withCheckDigit('261089001');
  const DAY = '2026-08-12';

  test('answers its code and a null name, and the rest of the page as usual, without an error', async () => {
    const yamada = system.patient(0);
    const drug = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');
    const ingest = await system.graphql<{ ingestClaims: { claimCount: number } }>('mutation($claims: [ClaimInput!]!) { ingestClaims(claims: $claims) { claimCount } }', {
      claims: [{
        claimKind: 'PHARMACY', claimNumber: 'UNLISTED-1', patientId: yamada.id, facilityCode: DEMO_PHARMACY.code, prescribingFacilityCode: UNLISTED_CLINIC,
        insurerNumber: yamada.coverages[yamada.coverages.length - 1]?.insurerNumber, serviceMonth: DAY.slice(0, 7), totalPoints: 300, patientShareYen: 900,
        items: [{ date: DAY, drugCode: drug?.drugCode, quantity: 14, unit: '錠', usage: '１日１回朝食後', days: 14, inOut: 'OUT' }],
      }],
    }, await system.token('admin'));
    expect(ingest.body.errors).toBeUndefined();
    expect(ingest.body.data?.ingestClaims.claimCount).toBe(1);

    const token = await system.token('yamada');
    const unknown = await system.graphql('query($code: String!) { facility(code: $code) { name } }', { code: UNLISTED_CLINIC }, token);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const result = await system.graphql<Dispensings>(MY_DISPENSINGS, { first: 100, from: DAY, to: DAY }, token);
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    const nodes = result.body.data?.me.dispensings.edges.map((edge) => edge.node) ?? [];
    const unlisted = nodes.filter((node) => node.prescribingFacilityCode === UNLISTED_CLINIC);
    expect(unlisted).toHaveLength(1);
    expect(unlisted[0]).toMatchObject({ prescribingFacility: { code: UNLISTED_CLINIC, name: null }, pharmacy: { code: DEMO_PHARMACY.code, name: DEMO_PHARMACY.name } });
    const kindAndAddress = await system.graphql<{ me: { dispensings: { edges: Array<{ node: { prescribingFacility: Record<string, unknown> } }> } } }>(
      'query($from: String) { me { dispensings(first: 100, from: $from, to: $from) { edges { node { prescribingFacility { code name kind prefecture address } } } } } }', { from: DAY }, token,
    );
    expect(kindAndAddress.body.errors).toBeUndefined();
    expect(kindAndAddress.body.data?.me.dispensings.edges.map((edge) => edge.node.prescribingFacility)).toContainEqual({ code: UNLISTED_CLINIC, name: null, kind: null, prefecture: null, address: null });
  });
});

describe('the entity is no back door', () => {
  test('the gateway does not serve `_entities`: a caller cannot ask the master for references of its own', async () => {
    const yamada = await system.token('yamada');
    const result = await system.graphql('query { _entities(representations: [{ __typename: "Facility", code: "1310100013" }]) { ... on Facility { name } } }', {}, yamada);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.body.data ?? null).toBeNull();
  });
});
