/**
 * The gateway's cache of public reference entities (referenceCache.ts), as a unit: which types it may keep, and what it
 * refuses to keep. The whole path (gateway, qualifications, database) is tests/src/reference-cache.test.ts.
 */
import { accessPolicyFromSupergraph, fieldCategoriesFromSupergraph } from './accessPolicy';
import { cacheableReferenceTypes, ReferenceEntityCache } from './referenceCache';

const FACILITY_FETCH = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Facility{name}}}';
const request = (codes: string[], query = FACILITY_FETCH) => ({ query, variables: { representations: codes.map((code) => ({ __typename: 'Facility', code })) } });

function counting(answer: (codes: string[]) => Record<string, unknown>) {
  const forwarded: string[][] = [];
  return {
    forwarded,
    forward: (codes: string[]) => async () => {
      forwarded.push(codes);
      return answer(codes);
    },
  };
}

describe('which types may be kept', () => {
  test('a reference type with a field under @access is refused, whatever the candidates say', () => {
    const sdl = `
      directive @access(roles: [String!], category: String) on FIELD_DEFINITION
      type Facility { code: String! name: String address: String @access(roles: ["ADMIN"]) }
      type Insurer { number: String! name: String }
      type Patient { id: ID! name: String @access(roles: ["PATIENT"], category: "QUALIFICATION") }`;
    const chosen = cacheableReferenceTypes(accessPolicyFromSupergraph(sdl), fieldCategoriesFromSupergraph(sdl), ['Facility', 'Insurer']);
    expect([...chosen.types]).toEqual(['Insurer']);
    expect(chosen.refused).toEqual(['Facility']);
  });
});

describe('what is kept', () => {
  const names = (codes: string[]) => ({ data: { _entities: codes.map((code) => ({ name: `facility ${code}` })) } });

  test('the same fetch again is answered without forwarding; one new code sends the whole fetch', async () => {
    const cache = new ReferenceEntityCache(new Set(['Facility']), 60_000);
    const subgraph = counting(names);
    await cache.fetch(request(['1', '2']), subgraph.forward(['1', '2']));
    expect(await cache.fetch(request(['2', '1']), subgraph.forward(['2', '1']))).toEqual({ data: { _entities: [{ name: 'facility 2' }, { name: 'facility 1' }] } });
    await cache.fetch(request(['1', '3']), subgraph.forward(['1', '3']));
    expect(subgraph.forwarded).toEqual([['1', '2'], ['1', '3']]);
  });

  test('another operation text (another selection) is another entry', async () => {
    const cache = new ReferenceEntityCache(new Set(['Facility']), 60_000);
    const subgraph = counting(names);
    await cache.fetch(request(['1']), subgraph.forward(['1']));
    await cache.fetch(request(['1'], FACILITY_FETCH.replace('{name}', '{name address}')), subgraph.forward(['1']));
    expect(subgraph.forwarded).toHaveLength(2);
  });

  test('an answer with errors, or of the wrong length, is passed on and not kept', async () => {
    const cache = new ReferenceEntityCache(new Set(['Facility']), 60_000);
    const failing = counting(() => ({ data: { _entities: [null] }, errors: [{ message: 'down' }] }));
    expect((await cache.fetch(request(['1']), failing.forward(['1']))).errors).toHaveLength(1);
    const short = counting(() => ({ data: { _entities: [] } }));
    await cache.fetch(request(['1']), short.forward(['1']));
    const healthy = counting(names);
    await cache.fetch(request(['1']), healthy.forward(['1']));
    expect(healthy.forwarded).toEqual([['1']]);
  });

  test('a fetch naming any other type (a person) always goes to the subgraph', async () => {
    const cache = new ReferenceEntityCache(new Set(['Facility']), 60_000);
    const patients = { query: FACILITY_FETCH, variables: { representations: [{ __typename: 'Facility', code: '1' }, { __typename: 'Patient', id: 'p' }] } };
    const subgraph = counting(() => ({ data: { _entities: [{ name: 'x' }, { name: 'y' }] } }));
    await cache.fetch(patients, subgraph.forward(['1', 'p']));
    await cache.fetch(patients, subgraph.forward(['1', 'p']));
    expect(subgraph.forwarded).toHaveLength(2);
  });

  test('what a caller receives is a copy: changing it does not change the next answer', async () => {
    const cache = new ReferenceEntityCache(new Set(['Facility']), 60_000);
    await cache.fetch(request(['1']), counting(names).forward(['1']));
    const answer = await cache.fetch(request(['1']), counting(names).forward(['1']));
    const [entity] = answer.data?._entities as Array<Record<string, unknown>>;
    if (entity) entity.name = 'changed';
    expect(entity?.name).toBe('changed');
    expect((await cache.fetch(request(['1']), counting(names).forward(['1']))).data).toEqual({ _entities: [{ name: 'facility 1' }] });
  });
});
