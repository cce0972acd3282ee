/**
 * 提供状況 names every reader (docs/api-guide.md "Access log: who read"): an insurer's row carries its 保険者番号 (named by
 * Query.insurer), a PHR app's row and the patient's grants carry the app's display name, never only the client id. The
 * names are master data; the log itself stays the person's own (another patient, an app and staff read none of it).
 */
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 4 });
});
afterAll(async () => {
  await system?.stop();
});

interface LogRow { actorRole: string; actorSubject: string; facilityCode: string | null; insurerNumber: string | null; appName: string | null; category: string; decision: string }
const LOG = '{ me { accessLog(first: 200) { actorRole actorSubject facilityCode insurerNumber appName category decision } } }';
const YAMADA_INSURER = { number: '131011', name: '千代田区国民健康保険' };
const DEMO_APP_NAME = 'けんこう手帳アプリ (デモ)';

describe('who read my data: insurers and apps by name', () => {
  test("an insurer's read is logged with its insurer number, and the insurer master names it", async () => {
    const yamada = system.patient(0);
    const read = await system.graphql<{ patient: { id: string } }>('query($id: ID!) { patient(id: $id) { id currentQualification { insurerNumber } } }', { id: yamada.id }, await system.token('insurer-kokuho'));
    expect(read.body.errors).toBeUndefined();
    const patientToken = await system.token('yamada');
    const log = await system.graphql<{ me: { accessLog: LogRow[] } }>(LOG, {}, patientToken);
    const insurerRows = (log.body.data?.me.accessLog ?? []).filter((row) => row.actorRole === 'INSURER');
    expect(insurerRows.length).toBeGreaterThan(0);
    for (const row of insurerRows) expect(row).toMatchObject({ insurerNumber: YAMADA_INSURER.number, appName: null, facilityCode: null });
    const named = await system.graphql<{ insurer: { number: string; name: string } }>('query($n: String!) { insurer(number: $n) { number name } }', { n: YAMADA_INSURER.number }, patientToken);
    expect(named.body.data?.insurer).toEqual(YAMADA_INSURER);
  });

  test("a PHR app's read is logged with the app's display name, and the grant list names the app", async () => {
    const read = await system.graphql<{ me: { id: string } }>('query($id: ID!) { patient(id: $id) { id } }', { id: system.patient(0).id }, await system.token('phr-demo'));
    expect(read.body.errors).toBeUndefined();
    const patientToken = await system.token('yamada');
    const log = await system.graphql<{ me: { accessLog: LogRow[] } }>(LOG, {}, patientToken);
    const appRows = (log.body.data?.me.accessLog ?? []).filter((row) => row.actorRole === 'PHR_APP');
    expect(appRows.length).toBeGreaterThan(0);
    for (const row of appRows) expect(row).toMatchObject({ actorSubject: 'phr-demo', appName: DEMO_APP_NAME, insurerNumber: null });
    const grants = await system.graphql<{ me: { phrGrants: Array<{ appId: string; appName: string }> } }>('{ me { phrGrants { appId appName } } }', {}, patientToken);
    expect(grants.body.data?.me.phrGrants).toContainEqual({ appId: 'phr-demo', appName: DEMO_APP_NAME });
    // Facility staff rows keep their facility code and carry neither name field.
    for (const row of (log.body.data?.me.accessLog ?? []).filter((entry) => entry.facilityCode)) expect(row).toMatchObject({ insurerNumber: null, appName: null });
  });

  test('the operator reads the same names in the log search', async () => {
    const search = await system.graphql<{ accessLogSearch: LogRow[] }>('query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { actorRole actorSubject facilityCode insurerNumber appName category decision } }',
      { p: system.patient(0).id }, await system.token('admin'));
    const rows = search.body.data?.accessLogSearch ?? [];
    expect(rows.find((row) => row.actorRole === 'INSURER')?.insurerNumber).toBe(YAMADA_INSURER.number);
    expect(rows.find((row) => row.actorRole === 'PHR_APP')?.appName).toBe(DEMO_APP_NAME);
  });
});

describe('careless and hostile callers', () => {
  test('a forged insurer number is a BAD_USER_INPUT naming the field, an unknown one NOT_FOUND; neither answers a name', async () => {
    const token = await system.token('yamada');
    const forged = await system.graphql<{ insurer: unknown }>('{ insurer(number: "131012") { name } }', {}, token);
    expect(forged.status).toBe(200);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.body.errors?.[0]?.extensions?.field).toBe('number');
    expect(forged.body.data ?? null).toBeNull();
    const injected = await system.graphql<{ insurer: unknown }>(`{ insurer(number: "131011' OR '1'='1") { name } }`, {}, token);
    expect(injected.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // 8 digits with a valid check digit that no insurer has.
    const unknown = await system.graphql<{ insurer: unknown }>('{ insurer(number: "99999997") { name } }', {}, token);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.body.data ?? null).toBeNull();
  });

  test('a PHR app cannot look up the insurer master, and reads no access log, names or grants of its user', async () => {
    const appToken = await system.token('phr-demo');
    const lookup = await system.graphql('{ insurer(number: "131011") { name } }', {}, appToken);
    expect(lookup.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(lookup.body.data ?? null)).not.toContain('千代田区');
    const log = await system.graphql('query($id: ID!) { patient(id: $id) { accessLog { appName insurerNumber } phrGrants { appName } } }', { id: system.patient(0).id }, appToken);
    expect(log.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(log.body.data ?? null)).not.toContain(DEMO_APP_NAME);
  });

  test("another patient reads none of yamada's log, and staff read no log at all", async () => {
    const other = await system.graphql('query($id: ID!) { patient(id: $id) { accessLog { insurerNumber appName } } }', { id: system.patient(0).id }, await system.token('sato'));
    expect(other.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(other.body.data ?? null)).not.toContain(DEMO_APP_NAME);
    expect(JSON.stringify(other.body.data ?? null)).not.toContain(YAMADA_INSURER.number);
    const staff = await system.graphql('query($id: ID!) { patient(id: $id) { accessLog { insurerNumber appName } } }', { id: system.patient(0).id }, await system.token('clinic-doctor'));
    expect(staff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(staff.body.data ?? null)).not.toContain(DEMO_APP_NAME);
  });
});
