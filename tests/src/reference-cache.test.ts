/**
 * The facility master's answers kept at the gateway (gateway referenceCache.ts, docs/architecture.md "Reference data
 * cached at the gateway"), attacked through the real gateway, subgraphs and database: a second screen within the TTL
 * names the same facilities without a trip to qualifications, and with the same names as the master's own query; a
 * person's own data is never answered from it; another selection is its own entry; after the TTL the master is asked
 * again; and a logged-out token gets nothing from it — the gateway refuses it before any fetch.
 */
import { loginDemoAccount, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type TestSystem } from './harness';

/** Short, so that the test can wait it out; the default is a minute (referenceCache.ts). */
const TTL_MS = 4_000;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 4, gatewayEnv: { REFERENCE_CACHE_TTL_MS: String(TTL_MS) } });
});
afterAll(async () => {
  await system?.stop();
});

const call: GraphQLCall = async (query, variables, bearer) => (await system.graphql(query, variables, bearer)).body;
const BARE = '{ me { dispensings(first: 30) { edges { node { prescribingFacilityCode } } } } }';
const NAMES = '{ me { dispensings(first: 30) { edges { node { prescribingFacilityCode prescribingFacility { code name } } } } } }';
const EVERYTHING = '{ me { dispensings(first: 30) { edges { node { prescribingFacility { code name kind prefecture address } } } } } }';
const LOGOUT = 'mutation($r: String!) { logout(refreshToken: $r) }';

type Named = { code: string; name: string | null };
type Dispensings = { me: { dispensings: { edges: Array<{ node: { prescribingFacilityCode: string; prescribingFacility: Named } }> } } };

interface Counters { requests: number; statements: number }
async function counters(service: 'qualifications' | 'drugs'): Promise<Counters> {
  return (await (await fetch(`${system.urls[service]}/metrics`)).json()) as Counters;
}

/** One request through the gateway, and what it cost qualifications and drugs (GraphQL requests, SQL statements). */
async function cost<T>(query: string, token: string): Promise<{ body: { data?: T | null; errors?: Array<{ extensions?: Record<string, unknown> }> }; status: number; text: string; qualifications: Counters; drugs: Counters }> {
  const [qualificationsBefore, drugsBefore] = await Promise.all([counters('qualifications'), counters('drugs')]);
  const result = await system.graphql<T>(query, {}, token);
  const [qualificationsAfter, drugsAfter] = await Promise.all([counters('qualifications'), counters('drugs')]);
  const delta = (after: Counters, before: Counters) => ({ requests: after.requests - before.requests, statements: after.statements - before.statements });
  return { body: result.body, status: result.status, text: JSON.stringify(result.body), qualifications: delta(qualificationsAfter, qualificationsBefore), drugs: delta(drugsAfter, drugsBefore) };
}

async function expired(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, TTL_MS + 500));
}

test("a second screen within the TTL names the same facilities without asking qualifications, with the master's names; the person's data is read afresh", async () => {
  await expired();
  const yamada = await system.token('yamada');
  const bare = await cost(BARE, yamada);
  const first = await cost<Dispensings>(NAMES, yamada);
  const second = await cost<Dispensings>(NAMES, yamada);
  expect(first.body.errors).toBeUndefined();
  expect(second.body).toEqual(first.body);
  // The first asks the master once for all the codes; the second asks nothing more than the screen without names.
  expect(first.qualifications).toEqual({ requests: bare.qualifications.requests + 1, statements: bare.qualifications.statements + 1 });
  expect(second.qualifications).toEqual(bare.qualifications);
  // Her dispensings are hers, read under her decision every time: never from the cache.
  expect(second.drugs).toEqual(first.drugs);
  expect(second.drugs.requests).toBe(1);

  const nodes = second.body.data?.me.dispensings.edges.map((edge) => edge.node) ?? [];
  const facilities = nodes.map((node) => node.prescribingFacility);
  expect(new Set(facilities.map((facility) => facility.code)).size).toBeGreaterThan(1);
  for (const facility of facilities) {
    const master = await system.graphql<{ facility: { name: string } }>('query($code: String!) { facility(code: $code) { name } }', { code: facility.code }, yamada);
    expect(facility.name).toBe(master.body.data?.facility.name);
  }
});

test('another selection of the same facilities is its own entry: asked once, and every field is the master\'s', async () => {
  await expired();
  const yamada = await system.token('yamada');
  await cost(NAMES, yamada);
  const bare = await cost(BARE, yamada);
  const wider = await cost<{ me: { dispensings: { edges: Array<{ node: { prescribingFacility: Record<string, unknown> } }> } } }>(EVERYTHING, yamada);
  expect(wider.body.errors).toBeUndefined();
  expect(wider.qualifications.requests).toBe(bare.qualifications.requests + 1);
  const first = wider.body.data?.me.dispensings.edges[0]?.node.prescribingFacility;
  expect(Object.keys(first ?? {}).sort()).toEqual(['address', 'code', 'kind', 'name', 'prefecture']);
  expect(typeof first?.kind).toBe('string');
  expect(typeof first?.address).toBe('string');
});

test('after the TTL the master is asked again', async () => {
  const yamada = await system.token('yamada');
  const bare = await cost(BARE, yamada);
  await cost(NAMES, yamada);
  expect((await cost(NAMES, yamada)).qualifications.requests).toBe(bare.qualifications.requests);
  await expired();
  expect((await cost(NAMES, yamada)).qualifications.requests).toBe(bare.qualifications.requests + 1);
});

test('a logged-out token gets nothing from the cache: refused at the gateway before any subgraph, with no name in the answer', async () => {
  const patient = await loginDemoAccount(call, system.demo, 'yamada');
  const warm = await cost<Dispensings>(NAMES, patient.accessToken);
  expect(warm.body.errors).toBeUndefined();
  const name = warm.body.data?.me.dispensings.edges[0]?.node.prescribingFacility.name;
  expect(typeof name).toBe('string');
  expect((await system.graphql<{ logout: boolean }>(LOGOUT, { r: patient.refreshToken }, patient.accessToken)).body.data?.logout).toBe(true);

  const since = system.output().length;
  const refused = await cost<Dispensings>(NAMES, patient.accessToken);
  expect(refused.status).toBe(401);
  expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(refused.body.data ?? null).toBeNull();
  expect(refused.text).not.toContain(name as string);
  expect(refused.qualifications.requests).toBe(0);
  expect(refused.drugs.requests).toBe(0);
  // The refusal is in the gateway's request log (platform requestLog.ts).
  const logged = (line: string) => line.includes('"service":"onshi-gateway"') && line.includes('"status":401') && line.includes('"errorCodes":["UNAUTHENTICATED"]');
  for (let attempt = 0; attempt < 30 && !system.output().slice(since).split('\n').some(logged); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(system.output().slice(since).split('\n').some(logged)).toBe(true);
});
