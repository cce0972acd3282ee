/**
 * DV / abuse victims (docs/domain.md "DV"; seed ※ in 2-2: 全情報の提供及び閲覧を一律不可, 保険者に申出), through the
 * gateway: for 佐藤 花子 (registered) and for an id that names nobody, every read a facility, another insurer and an
 * app can make answers the same, byte for byte once the ids and request ids are set aside. Where she presents her card
 * and consents, she is confirmed as anyone (without address) and her drugs and checkups read as those of a consenting
 * person with no records. Her own portal keeps her insurance but not her drugs, checkups or expenses.
 * Blocks are registered and lifted by her insurer (by 紐付番号) or the operator; any other insurer is answered as for
 * an unknown number, and the refusal is logged. The log names only people who exist.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEMO_CLINIC } from '@onshi/demo';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

let system: TestSystem;
const SATO = 1;
const YAMADA = 0;
/** A person who presents her card at the clinic's reader and answers "no" to both: what "no consent" looks like. */
const CONTROL = 4;
const SATO_INSURER = 'insurer-kyokai'; // 協会けんぽ 01130012: her only coverage (demo world)
const OTHER_INSURER = 'insurer-kokuho';
const nobody = `pt_${randomUUID().replace(/-/g, '').slice(0, 20)}`;

beforeAll(async () => {
  system = await startTestSystem({ patients: 6 });
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  const control = system.patient(CONTROL);
  await readerVisit(call, system.demo, system.reader(DEMO_CLINIC.code), control.cardSerial, { drug: false, checkup: false });
  // Confirmed at the clinic's counter by her insurance-card numbers, so the clinic may read her as the answer to it.
  const coverage = control.coverages.at(-1);
  if (!coverage) throw new Error('the control person has no coverage');
  const confirmed = await system.graphql(
    'mutation($i: String!, $s: String!, $n: String!, $b: String!, $d: String!) { confirmQualificationByInsuranceCard(insurerNumber: $i, insuredCardSymbol: $s, insuredIdentificationNumber: $n, insuredBranchNumber: $b, birthdate: $d) { qualificationValidity } }',
    { i: coverage.insurerNumber, s: coverage.insuredCardSymbol, n: coverage.insuredIdentificationNumber, b: coverage.insuredBranchNumber, d: control.birthdate }, await system.token('clinic-reception'));
  if (confirmed.body.errors) throw new Error(confirmed.text);
}, 400_000);
afterAll(async () => {
  await system?.stop();
});

/** Status and body with the asked id, request ids, trace ids and times taken out: what is left must not differ. */
function normalized(response: GraphQLResponse<unknown>, id: string): unknown {
  const text = JSON.stringify({ status: response.status, body: response.body }).split(id).join('<id>');
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => !/requestId|traceId|timestamp|confirmedAt/i.test(key)).map(([key, inner]) => [key, strip(inner)]));
  };
  return strip(JSON.parse(text));
}

const READS: Record<string, string> = {
  person: 'query($id: ID!) { patient(id: $id) { id name nameKana birthdate sex address postNumber qualifications { insurerNumber insuredIdentificationNumber } } }',
  dispensings: 'query($id: ID!) { patient(id: $id) { dispensings(first: 5, from: "2021-01-01") { edges { node { drugName date } } } } }',
  medicationSummary: 'query($id: ID!) { patient(id: $id) { medicationSummary { asOf counts { activeDrugs } } } }',
  checkups: 'query($id: ID!) { patient(id: $id) { checkups { fiscalYear } } }',
  expenses: 'query($id: ID!) { patient(id: $id) { medicalExpenses(year: 2025) { totalPoints } } }',
};

async function read<T = unknown>(account: string, query: string, id: string): Promise<GraphQLResponse<T>> {
  return system.graphql<T>(query, { id }, await system.token(account));
}

describe('a blocked person reads as nobody', () => {
  // Facilities where she has not presented her card (where she has, see below), another insurer.
  for (const account of ['clinic-doctor', 'pharmacy-pharmacist', 'clinic-reception', OTHER_INSURER]) {
    test(`${account}: every read of 佐藤 花子 answers what an unknown id answers, and nothing of her leaves`, async () => {
      const sato = system.patient(SATO);
      for (const [name, query] of Object.entries(READS)) {
        const blocked = await read(account, query, sato.id);
        const unknown = await read(account, query, nobody);
        expect({ account, name, answer: normalized(blocked, sato.id) }).toEqual({ account, name, answer: normalized(unknown, nobody) });
        expect(blocked.body.data ?? null).toBeNull();
        for (const secret of [sato.name, sato.address, sato.birthdate, sato.postNumber]) expect(blocked.text).not.toContain(secret);
        expect(blocked.text).not.toMatch(/DV|虐待|block/i);
      }
    });
  }

  test('the log has her refusals (reason DV_BLOCK, for the operator) and no entry at all for the unknown id', async () => {
    const admin = await system.token('admin');
    const hers = await system.graphql<{ accessLogSearch: Array<{ decision: string; reason: string; actorRole: string }> }>(
      'query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { decision reason actorRole } }', { p: system.patient(SATO).id }, admin);
    const entries = hers.body.data?.accessLogSearch ?? [];
    expect(entries.filter((entry) => entry.reason === 'DV_BLOCK').length).toBeGreaterThanOrEqual(1);
    expect(entries.every((entry) => entry.decision === 'DENY' || entry.actorRole === 'PATIENT' || entry.actorRole === 'CARD_READER')).toBe(true);
    const none = await system.graphql<{ accessLogSearch: unknown[] }>('query($p: ID!) { accessLogSearch(patientId: $p) { reason } }', { p: nobody }, admin);
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data?.accessLogSearch).toEqual([]);
  });

  test('staff cannot make the decision point write entries (ALLOW or DENY) for made-up patient ids', async () => {
    const madeUp = `pt_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    for (const account of ['clinic-doctor', 'clinic-reception', 'pharmacy-pharmacist']) {
      for (const query of Object.values(READS)) await read(account, query, madeUp);
    }
    const log = await system.graphql<{ accessLogSearch: unknown[] }>('query($p: ID!) { accessLogSearch(patientId: $p) { reason } }', { p: madeUp }, await system.token('admin'));
    expect(log.body.data?.accessLogSearch).toEqual([]);
  });

  test('at the clinic where she presents her card and consents: flags as anyone\'s, confirmed without address, and her drugs and checkups read as a consenting person\'s with no records', async () => {
    const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
    const sato = system.patient(SATO);
    const control = system.patient(CONTROL);
    const visit = await readerVisit(call, system.demo, system.reader(DEMO_CLINIC.code), sato.cardSerial, { drug: true, checkup: true });
    // Her answers are registered as usual (the flags look like anyone's).
    expect(visit.consents.filter((consent) => consent.facilityCode === DEMO_CLINIC.code).every((consent) => consent.valid)).toBe(true);
    // Random ids left out: one may spell "dV" by chance (a reader id ending in "EddV" once failed this check).
    expect(JSON.stringify(visit, (key, value: unknown) => (/^id$|Id$|Token$/.test(key) ? undefined : value))).not.toMatch(/DV|block/i);
    const person = await read('clinic-doctor', READS.person ?? '', sato.id);
    expect(person.body.errors).toBeUndefined();
    expect(person.body.data).toMatchObject({ patient: { name: sato.name, address: null, postNumber: null } });
    expect(person.text).not.toContain(sato.address);
    // The doctor gets what a consenting person without records gives: no error, empty lists, no active drug — not the
    // CONSENT_REQUIRED her "consent given" flags would contradict (docs/domain.md "DV": like no records).
    const noRecords: Record<string, unknown> = {
      dispensings: { patient: { dispensings: { edges: [] } } },
      medicationSummary: { patient: { medicationSummary: { counts: { activeDrugs: 0 } } } },
      checkups: { patient: { checkups: [] } },
    };
    for (const [name, expected] of Object.entries(noRecords)) {
      const blocked = await read('clinic-doctor', READS[name] ?? '', sato.id);
      expect({ name, errors: blocked.body.errors }).toEqual({ name, errors: undefined });
      expect(blocked.body.data).toMatchObject(expected as object);
      expect(blocked.text).not.toMatch(/DV|虐待|block|ロキソニン/i);
    }
    // Medical expenses are never a facility's, and reception never reads drugs: refused as for anyone (the control).
    for (const [account, name] of [['clinic-doctor', 'expenses'], ['clinic-reception', 'dispensings'], ['clinic-reception', 'checkups'], ['clinic-reception', 'expenses']] as const) {
      const blocked = await read(account, READS[name] ?? '', sato.id);
      const noConsent = await read(account, READS[name] ?? '', control.id);
      expect({ account, name, answer: normalized(blocked, sato.id) }).toEqual({ account, name, answer: normalized(noConsent, control.id) });
    }
    // Nothing was read, and each of those answers is her refusal in the log (DV_BLOCK, for the operator only).
    const log = await system.graphql<{ accessLogSearch: Array<{ decision: string; reason: string; category: string; actorRole: string }> }>(
      'query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { decision reason category actorRole } }', { p: sato.id }, await system.token('admin'));
    const doctorEntries = (log.body.data?.accessLogSearch ?? []).filter((entry) => entry.actorRole === 'DOCTOR' && entry.category !== 'QUALIFICATION');
    expect(doctorEntries.length).toBeGreaterThanOrEqual(3);
    expect(doctorEntries.every((entry) => entry.decision === 'DENY')).toBe(true);
    expect(doctorEntries.some((entry) => entry.reason === 'DV_BLOCK' && entry.category === 'CHECKUP')).toBe(true);
  });

  test('a PHR app: her live grant reads as a grant that no longer exists; an unknown id as any person not its grantor', async () => {
    const sato = await system.token('sato');
    const appTokenFor = async (patientToken: string): Promise<{ token: string; grantId: string }> => {
      const granted = await system.graphql<{ grantPhrAccess: { id: string } }>('mutation { grantPhrAccess(appId: "phr-demo", categories: [QUALIFICATION, DRUG, CHECKUP]) { id } }', {}, patientToken);
      const grantId = granted.body.data?.grantPhrAccess.id;
      if (!grantId) throw new Error(granted.text);
      const app = await system.graphql<{ phrToken: { accessToken: string } }>('mutation($g: ID!) { phrToken(clientId: "phr-demo", clientSecret: "onshi:phr-demo", grantId: $g) { accessToken } }', { g: grantId });
      const token = app.body.data?.phrToken.accessToken;
      if (!token) throw new Error(app.text);
      return { token, grantId };
    };
    const satoApp = await appTokenFor(sato);
    // Another person (patient 3) grants the same app and revokes: the answer of a grant that no longer exists.
    const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
    const { cardLogin } = await import('@onshi/consent/src/cli/demoClient');
    const other = await cardLogin(call, system.demo, system.patient(3).cardSerial);
    const otherApp = await appTokenFor(other.accessToken);
    const revoked = await system.graphql('mutation($g: ID!) { revokePhrAccess(grantId: $g) { active } }', { g: otherApp.grantId }, other.accessToken);
    expect(revoked.body.errors).toBeUndefined();
    for (const [name, query] of Object.entries(READS).filter(([name]) => name !== 'expenses')) {
      const blocked = await system.graphql(query, { id: system.patient(SATO).id }, satoApp.token);
      const gone = await system.graphql(query, { id: system.patient(3).id }, otherApp.token);
      expect({ name, answer: normalized(blocked, system.patient(SATO).id) }).toEqual({ name, answer: normalized(gone, system.patient(3).id) });
      expect(blocked.text).not.toContain(system.patient(SATO).name);
      const unknown = await system.graphql(query, { id: nobody }, satoApp.token);
      const notGrantor = await system.graphql(query, { id: system.patient(YAMADA).id }, satoApp.token);
      expect({ name, answer: normalized(unknown, nobody) }).toEqual({ name, answer: normalized(notGrantor, system.patient(YAMADA).id) });
    }
  });

  test('a disaster search finds her as it finds nobody', async () => {
    const admin = await system.token('admin');
    const now = Date.now();
    const declared = await system.graphql('mutation($s: String!, $e: String!) { declareDisaster(name: "DV試験地震", prefectures: ["13"], startsAt: $s, endsAt: $e) { id } }',
      { s: new Date(now - 60_000).toISOString(), e: new Date(now + 86_400_000).toISOString() }, admin);
    expect(declared.body.errors).toBeUndefined();
    const sato = system.patient(SATO);
    const query = 'query($n: String!, $b: String!, $s: String!, $i: String!) { disasterSearch(name: $n, birthdate: $b, sex: $s, insurerNameOrAddress: $i) { patient { id } disasterId special } }';
    const found = await system.graphql(query, { n: sato.name, b: sato.birthdate, s: sato.sex, i: '東京都新宿区' }, await system.token('clinic-doctor'));
    const none = await system.graphql(query, { n: '存在 しない', b: sato.birthdate, s: sato.sex, i: '東京都新宿区' }, await system.token('clinic-doctor'));
    expect(normalized(found, sato.id)).toEqual(normalized(none, sato.id));
    expect(found.text).not.toContain(sato.id);
  });
});

describe('her own portal', () => {
  test('she sees her insurance; her drugs, checkups and expenses are refused with one neutral answer', async () => {
    const token = await system.token('sato');
    const me = await system.graphql<{ me: { name: string; currentQualification: { insurerNumber: string } | null } }>('{ me { name currentQualification { insurerNumber } } }', {}, token);
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data?.me.currentQualification?.insurerNumber).toBe('01130012');
    const answers = [];
    for (const field of ['dispensings(first: 5, from: "2021-01-01") { edges { node { drugName } } }', 'medicationSummary { asOf }', 'checkups { fiscalYear }', 'medicalExpenses(year: 2025) { totalPoints }']) {
      const result = await system.graphql<{ me: Record<string, unknown> | null }>(`{ me { ${field} } }`, {}, token);
      expect(Object.values(result.body.data?.me ?? {}).every((value) => value === null)).toBe(true);
      expect(result.text).not.toMatch(/DV|虐待|block|ロキソニン/i);
      const error = result.body.errors?.[0];
      answers.push({ code: error?.extensions?.code, message: error?.message });
    }
    expect(answers.every((answer) => answer.code === 'FORBIDDEN')).toBe(true);
    expect(new Set(answers.map((answer) => answer.message)).size).toBe(1);
    // Her 提供状況 never names the block (whoever holds her card reads it).
    const log = await system.graphql('{ me { accessLog(first: 200, includeOwnViews: true) { category reason } } }', {}, token);
    expect(log.body.errors).toBeUndefined();
    expect(log.text).not.toMatch(/DV_/);
  });
});

describe('the counter confirmation (docs/domain.md "DV": validity and coverage as for anyone, address and postcode withheld)', () => {
  test('her numbers confirm like anyone\'s, without address or postcode, and nothing names the block', async () => {
    const sato = system.patient(SATO);
    const coverage = sato.coverages.at(-1);
    if (!coverage) throw new Error('sato has no coverage');
    const result = await system.graphql<{ confirmQualificationByInsuranceCard: Record<string, unknown> }>(
      'mutation($i: String!, $s: String!, $n: String!, $b: String!, $d: String!) { confirmQualificationByInsuranceCard(insurerNumber: $i, insuredCardSymbol: $s, insuredIdentificationNumber: $n, insuredBranchNumber: $b, birthdate: $d) { qualificationValidity name address postNumber qualification { insurerNumber insuredPartialContributionRatio } } }',
      { i: coverage.insurerNumber, s: coverage.insuredCardSymbol, n: coverage.insuredIdentificationNumber, b: coverage.insuredBranchNumber, d: sato.birthdate }, await system.token('clinic-reception'));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'VALID', address: null, postNumber: null, qualification: { insurerNumber: coverage.insurerNumber } });
    expect(result.text).not.toContain(sato.address);
    expect(result.text).not.toMatch(/DV|block/i);
  });
});

describe('registration and lifting (seed ※ in 2-2: 保険者に申出)', () => {
  const LIFT = 'mutation($l: String!, $r: String!) { liftDvBlock(linkageNumber: $l, requestReference: $r) { patientId registeredByRole liftedAt liftedBy liftReference } }';
  const REGISTER = 'mutation($l: String!, $r: String!) { registerDvBlock(linkageNumber: $l, requestReference: $r) { patientId registeredByRole requestReference liftedAt } }';

  test('another insurer (or her former one) is answered as for an unknown 紐付番号, and the attempt is logged', async () => {
    const sato = system.patient(SATO);
    for (const mutation of [LIFT, REGISTER]) {
      const other = await system.graphql(mutation, { l: sato.linkageNumber, r: 'R-1' }, await system.token(OTHER_INSURER));
      const unknown = await system.graphql(mutation, { l: 'LNK-9999999999', r: 'R-1' }, await system.token(OTHER_INSURER));
      expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(normalized(other, sato.linkageNumber)).toEqual(normalized(unknown, 'LNK-9999999999'));
      expect(other.text).not.toContain(sato.id);
    }
    // 山田 太郎's former insurer (協会けんぽ) is not his insurer now.
    const yamada = system.patient(YAMADA);
    const former = await system.graphql(REGISTER, { l: yamada.linkageNumber, r: 'R-2' }, await system.token(SATO_INSURER));
    expect(former.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const log = await system.graphql<{ accessLogSearch: Array<{ category: string; decision: string; actorRole: string }> }>(
      'query($p: ID!) { accessLogSearch(patientId: $p, first: 200) { category decision actorRole } }', { p: sato.id }, await system.token('admin'));
    expect(log.body.data?.accessLogSearch).toEqual(expect.arrayContaining([{ category: 'DV_REGISTRATION', decision: 'DENY', actorRole: 'INSURER' }]));
    // The block stands (she consented at the clinic above): her drugs still read as a person's with no records.
    const stillBlocked = await read('clinic-doctor', READS.dispensings ?? '', sato.id);
    expect(stillBlocked.body.errors).toBeUndefined();
    expect(stillBlocked.body.data).toEqual({ patient: { dispensings: { edges: [] } } });
  });

  test('her insurer lifts the block by 紐付番号 on her request (the clinic then reads her drugs under her consent), and registers it again', async () => {
    const sato = system.patient(SATO);
    const lifted = await system.graphql<{ liftDvBlock: Record<string, unknown> }>(LIFT, { l: sato.linkageNumber, r: '申出 K-2026-0042 取下げ' }, await system.token(SATO_INSURER));
    expect(lifted.body.errors).toBeUndefined();
    expect(lifted.body.data?.liftDvBlock).toMatchObject({ patientId: sato.id, liftReference: '申出 K-2026-0042 取下げ' });
    expect(lifted.body.data?.liftDvBlock.liftedAt).not.toBeNull();
    const open = await read<{ patient: { dispensings: { edges: unknown[] } } }>('clinic-doctor', READS.dispensings ?? '', sato.id);
    expect(open.body.errors).toBeUndefined();
    expect(open.body.data?.patient.dispensings.edges.length).toBeGreaterThan(0);

    const registered = await system.graphql<{ registerDvBlock: Record<string, unknown> }>(REGISTER, { l: sato.linkageNumber, r: '申出 K-2026-0043' }, await system.token(SATO_INSURER));
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data?.registerDvBlock).toEqual({ patientId: sato.id, registeredByRole: 'INSURER', requestReference: '申出 K-2026-0043', liftedAt: null });
    const closed = await read('clinic-doctor', READS.dispensings ?? '', sato.id);
    expect(closed.body).toEqual({ data: { patient: { dispensings: { edges: [] } } } });
    // Her own 提供状況 does not list the registration.
    const own = await system.graphql('{ me { accessLog(first: 200, includeOwnViews: true) { category } } }', {}, await system.token('sato'));
    expect(own.text).not.toContain('DV_REGISTRATION');
  });

  test('a request reference is required; facilities and apps cannot register', async () => {
    const sato = system.patient(SATO);
    const blank = await system.graphql(REGISTER, { l: sato.linkageNumber, r: '  ' }, await system.token(SATO_INSURER));
    expect(blank.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await system.graphql('mutation($l: String!, $p: String!) { registerDvBlock(linkageNumber: $l, patientId: $p, requestReference: "x") { id } }', { l: sato.linkageNumber, p: sato.id }, await system.token('admin'));
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const account of ['clinic-doctor', 'clinic-reception', 'sato']) {
      const refused = await system.graphql(LIFT, { l: sato.linkageNumber, r: 'x' }, await system.token(account));
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.text).not.toContain(sato.id);
    }
  });
});

test('audit:verify passes over every entry written here (refusals, registrations, liftings)', async () => {
  await system.stopService('consent'); // the embedded database has one owner at a time
  const repoRoot = path.join(__dirname, '..', '..');
  const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/consent/src/cli/audit-verify.ts'], {
      cwd: repoRoot,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.base.json'), DATA_DIR: system.dataDir, DATABASE_URL: system.databaseUrl ?? '' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
  expect(result.output).toMatch(/audit:verify OK: \d+ entries/);
  expect(result.code).toBe(0);
});
