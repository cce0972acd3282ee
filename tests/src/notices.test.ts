/**
 * お知らせ read state (portal/README.md "Notices"): one instant per person up to which the portal's notices are read,
 * moved forward only, set and read by the person alone. Attacks first: another patient, staff, an app, a future or
 * malformed instant, a replay of an older instant.
 */
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
let yamada: string;
beforeAll(async () => {
  system = await startTestSystem({ patients: 4 });
  yamada = await system.token('yamada');
});
afterAll(async () => {
  await system?.stop();
});

const MARK = 'mutation($t: String!) { markNoticesRead(through: $t) }';
const READ_OWN = '{ me { noticesReadThrough } }';
const READ_OF = 'query($id: ID!) { patient(id: $id) { id noticesReadThrough } }';

async function ownReadThrough(): Promise<string | null | undefined> {
  return (await system.graphql<{ me: { noticesReadThrough: string | null } }>(READ_OWN, {}, yamada)).body.data?.me.noticesReadThrough;
}

describe('attacks on the notices read state', () => {
  test('another patient can neither read nor set yamada\'s read state: the mark applies to her own notices only', async () => {
    const sato = await system.token('sato');
    // Another patient's id answers as an unknown one does (docs/access-policy.md), and nothing of it is returned.
    const read = await system.graphql(READ_OF, { id: system.patient(0).id }, sato);
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(read.body.data?.patient ?? null).toBeNull();
    const through = new Date(Date.now() - 60_000).toISOString();
    const marked = await system.graphql<{ markNoticesRead: string }>(MARK, { t: through }, sato);
    expect(marked.body.data?.markNoticesRead).toBe(through);
    // Sato's mark is hers: yamada's state has not moved.
    expect(await ownReadThrough()).toBeNull();
  });

  // Refused at the gateway for role, before any subgraph. (Refusals of the ACCESS_LOG category's fields are not yet
  // written to the patient's log: the gateway logs refusals of the data categories only; see portal/README.md.)
  test.each([['clinic-doctor'], ['insurer-kokuho'], ['phr-demo']])('%s: FORBIDDEN to read or set it, and nothing of it is returned', async (account) => {
    const token = await system.token(account);
    const read = await system.graphql(READ_OF, { id: system.patient(0).id }, token);
    expect(read.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.body.data ?? null).toBeNull();
    const marked = await system.graphql(MARK, { t: new Date(Date.now() - 60_000).toISOString() }, token);
    expect(marked.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(marked.body.data ?? null).toBeNull();
    expect(await ownReadThrough()).toBeNull();
  });

  test.each([
    ['in the future', new Date(Date.now() + 3_600_000).toISOString()],
    ['without a zone', '2026-01-01T00:00:00'],
    ['not a date', 'yesterday'],
    ['an impossible date', '2026-02-31T00:00:00Z'],
  ])('an instant %s is refused with BAD_USER_INPUT and nothing is stored', async (_label, through) => {
    const marked = await system.graphql(MARK, { t: through }, yamada);
    expect(marked.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(marked.body.data ?? null).toBeNull();
    expect(await ownReadThrough()).toBeNull();
  });
});

describe('the person marks her notices read', () => {
  test('the mark is stored and read back; an older mark (a second tab, a replay) never moves it back', async () => {
    const later = new Date(Date.now() - 1_000).toISOString();
    const earlier = new Date(Date.now() - 86_400_000).toISOString();
    const first = await system.graphql<{ markNoticesRead: string }>(MARK, { t: later }, yamada);
    expect(first.body.data?.markNoticesRead).toBe(later);
    expect(await ownReadThrough()).toBe(later);
    const replay = await system.graphql<{ markNoticesRead: string }>(MARK, { t: earlier }, yamada);
    expect(replay.body.data?.markNoticesRead).toBe(later);
    expect(await ownReadThrough()).toBe(later);
  });
});
