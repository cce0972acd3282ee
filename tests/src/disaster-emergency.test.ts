/**
 * Disaster mode and emergency access end to end (docs/domain.md "Disaster", "Emergency access"; seed 2-1(3)), through
 * the gateway over the real system: the 4-field search names a person and opens nothing until the patient's separate
 * consent or the exemption is recorded; viewers are licensed staff or staff given the disaster viewing authority;
 * pharmacies never get checkups; the fourth field needs a meaningful part; searches are rate-limited and every one is
 * logged (found or not; a DV-blocked person is answered like nobody and only the operator sees the difference).
 * Emergency access: hospitals only, staff holding the emergency viewing authority, card or 4 fields, a reason,
 * logged as special and shown to the patient. Every refusal asserts that no data left and that an entry was written.
 */
import type { Category } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_DENTAL, DEMO_HOSPITAL, DEMO_PHARMACY, DEMO_PIN } from '@onshi/demo';
import { cardLogin } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 16 });
  await declare(['13'], new Date(Date.now() - HOUR), new Date(Date.now() + 24 * HOUR));
}, 300_000);
afterAll(async () => {
  await system?.stop();
});

const HOUR = 3_600_000;

interface WireDecision { allow: boolean; reason: string; code?: string; special: boolean }

/** The decision point exactly as the drugs and checkups subgraphs call it; it logs the decision. */
async function decide(account: string, patientId: string, category: Category): Promise<WireDecision> {
  const response = await fetch(`${system.urls.consent}/internal/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret, 'authorization': `Bearer ${await system.token(account)}` },
    body: JSON.stringify({ requests: [{ patientId, category }] }),
  });
  const [decision] = ((await response.json()) as { decisions: WireDecision[] }).decisions;
  if (!decision) throw new Error('no decision');
  return decision;
}

async function declare(prefectures: string[], startsAt: Date, endsAt: Date): Promise<string> {
  const result = await system.graphql<{ declareDisaster: { id: string } }>(
    'mutation($p: [String!]!, $s: String!, $e: String!) { declareDisaster(name: "テスト地震", prefectures: $p, startsAt: $s, endsAt: $e) { id } }',
    { p: prefectures, s: startsAt.toISOString(), e: endsAt.toISOString() }, await system.token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.declareDisaster.id ?? '';
}

interface Fields { name: string; birthdate: string; sex: string; insurerNameOrAddress: string }
/** The four fields of a demo patient, the fourth being the municipality of the address (e.g. 港区). */
function fieldsOf(index: number): Fields {
  const p = system.patient(index);
  const municipality = /^(?:東京都|北海道|大阪府|京都府|.{2,3}県)?(.+?[市区町村])/.exec(p.address)?.[1] ?? p.address;
  return { name: p.name, birthdate: p.birthdate, sex: p.sex, insurerNameOrAddress: municipality };
}

const search = async (account: string, fields: Fields) => system.graphql<{ disasterSearch: { patient: { id: string }; identificationId: string; special: boolean } }>(
  'query($n: String!, $b: String!, $s: String!, $i: String!) { disasterSearch(name: $n, birthdate: $b, sex: $s, insurerNameOrAddress: $i) { patient { id } identificationId special } }',
  { n: fields.name, b: fields.birthdate, s: fields.sex, i: fields.insurerNameOrAddress }, await system.token(account));
const recordConsent = async (account: string, patientId: string) => system.graphql<{ recordDisasterConsent: { basis: string; recordedBy: string; patient: { id: string } } }>(
  'mutation($p: ID!) { recordDisasterConsent(patientId: $p) { basis recordedBy recordedAt patient { id } } }', { p: patientId }, await system.token(account));
const recordExemption = async (account: string, patientId: string, reason: string) => system.graphql<{ recordDisasterExemption: { basis: string; reason: string } }>(
  'mutation($p: ID!, $r: String!) { recordDisasterExemption(patientId: $p, reason: $r) { basis reason recordedBy } }', { p: patientId, r: reason }, await system.token(account));
const readDrugsAndCheckups = async (account: string, patientId: string) => system.graphql<{ patient: { dispensings: { edges: Array<{ node: { drugName: string } }> } | null; checkups: unknown[] | null } | null }>(
  'query($id: ID!) { patient(id: $id) { dispensings { edges { node { drugName } } } checkups { __typename } } }', { id: patientId }, await system.token(account));
const readCheckups = async (account: string, patientId: string) => system.graphql<{ patient: { checkups: unknown[] | null } | null }>(
  'query($id: ID!) { patient(id: $id) { checkups { __typename } } }', { id: patientId }, await system.token(account));

interface SearchLogRow { kind: string; outcome: string; actorRole: string; patientId: string | null; actorSubject: string; facilityCode: string | null }
async function searchLog(facilityCode: string): Promise<SearchLogRow[]> {
  const result = await system.graphql<{ specialSearchLog: SearchLogRow[] }>(
    'query($f: String!) { specialSearchLog(facilityCode: $f, first: 500) { kind outcome actorRole patientId actorSubject facilityCode requestId at } }', { f: facilityCode }, await system.token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.specialSearchLog ?? [];
}
interface LogRow { reason: string; decision: string; special: boolean; category: string; facilityCode: string | null }
async function accessLog(patientId: string, facilityCode: string): Promise<LogRow[]> {
  const result = await system.graphql<{ accessLogSearch: LogRow[] }>(
    'query($p: ID!, $f: String!) { accessLogSearch(patientId: $p, facilityCode: $f, first: 500) { reason decision special category facilityCode } }', { p: patientId, f: facilityCode }, await system.token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.accessLogSearch ?? [];
}
const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;

/** A refused read through the gateway: an error, and no drug name or checkup in the answer. */
function expectNoData(response: Awaited<ReturnType<typeof readDrugsAndCheckups>>): void {
  expect(response.body.errors?.length).toBeGreaterThan(0);
  expect(response.body.data?.patient?.dispensings ?? null).toBeNull();
  expect(response.body.data?.patient?.checkups ?? null).toBeNull();
  expect(response.text).not.toContain('drugName":"');
}

/** What the clinic patient page asks before showing data: the special operation the caller's reads rest on, if any. */
async function specialHere(account: string, patientId: string): Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> }> {
  const result = await system.graphql('query($id: ID!) { patient(id: $id) { specialAccessHere { kind categories } } }', { id: patientId }, await system.token(account));
  return result.body as { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> };
}

describe('disaster mode: consent or exemption before any data', () => {
  test('after one match the search names the person and nothing is readable; the recorded consent then opens drugs and checkups as special', async () => {
    const patient = system.patient(12);
    const found = await search('clinic-doctor', fieldsOf(12));
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data?.disasterSearch).toMatchObject({ patient: { id: patient.id }, special: true });

    // Neither consent nor exemption: no data, and the refusal is logged.
    expect(await decide('clinic-doctor', patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    expectNoData(await readDrugsAndCheckups('clinic-doctor', patient.id));
    const before = await accessLog(patient.id, DEMO_CLINIC.code);
    expect(before.some((e) => e.decision === 'DENY' && e.category === 'DRUG')).toBe(true);
    expect(before.some((e) => e.reason === 'DISASTER' && e.category === 'QUALIFICATION' && e.special)).toBe(true);

    const recorded = await recordConsent('clinic-doctor', patient.id);
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordDisasterConsent).toMatchObject({ basis: 'CONSENT', recordedBy: `${DEMO_CLINIC.code}:D0001`, patient: { id: patient.id } });
    expect(await decide('clinic-doctor', patient.id, 'DRUG')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    expect(await decide('clinic-doctor', patient.id, 'CHECKUP')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    const read = await readDrugsAndCheckups('clinic-doctor', patient.id);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.patient?.dispensings).not.toBeNull();
    // The page says so before any data: the API names the special operation the reads here rest on.
    expect(await specialHere('clinic-doctor', patient.id)).toEqual({ data: { patient: { specialAccessHere: { kind: 'DISASTER', categories: ['DRUG', 'CHECKUP'] } } } });
    // Only at the facility that identified the person.
    expect(await decide('dental-dentist', patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    expect((await specialHere('dental-dentist', patient.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const after = await accessLog(patient.id, DEMO_CLINIC.code);
    expect(after.some((e) => e.reason === 'DISASTER_CONSENT' && e.special)).toBe(true);
    expect(after.some((e) => e.reason === 'DISASTER' && e.category === 'DRUG' && e.decision === 'ALLOW' && e.special)).toBe(true);
  });

  test('the exemption needs a reason, and with it opens the reads', async () => {
    const patient = system.patient(13);
    expect((await search('dental-dentist', fieldsOf(13))).body.errors).toBeUndefined();
    const noReason = await recordExemption('dental-dentist', patient.id, '  ');
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(await decide('dental-dentist', patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    const recorded = await recordExemption('dental-dentist', patient.id, '意識障害のため意思表示不可。投薬歴の確認が救命に必要');
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordDisasterExemption).toMatchObject({ basis: 'EXEMPTION', reason: '意識障害のため意思表示不可。投薬歴の確認が救命に必要' });
    expect(await decide('dental-dentist', patient.id, 'DRUG')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    expect((await accessLog(patient.id, DEMO_DENTAL.code)).some((e) => e.reason === 'DISASTER_EXEMPTION' && e.special)).toBe(true);
  });

  test('recording consent for a person not identified here is refused (an arbitrary id, or a real person identified elsewhere)', async () => {
    const elsewhere = system.patient(12); // identified and consented at the clinic, not at the dental clinic
    for (const patientId of ['pt-made-up-0001', system.patient(15).id]) {
      const forged = await recordConsent('clinic-doctor', patientId);
      expect(codeOf(forged)).toBe('NOT_FOUND');
      expect(forged.body.data ?? null).toBeNull();
    }
    expect(codeOf(await recordConsent('dental-dentist', elsewhere.id))).toBe('NOT_FOUND');
    expect(await decide('clinic-doctor', system.patient(15).id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    expectNoData(await readDrugsAndCheckups('clinic-doctor', system.patient(15).id));
    const log = await searchLog(DEMO_CLINIC.code);
    expect(log.filter((e) => e.kind === 'DISASTER_RECORD' && e.outcome === 'NOT_IDENTIFIED').map((e) => e.patientId)).toEqual(expect.arrayContaining(['pt-made-up-0001', system.patient(15).id]));
  });

  test('reception without the disaster viewing authority is refused (search and reads); with it, allowed', async () => {
    const patient = system.patient(12); // consented at the clinic in the first test
    const refused = await search('clinic-reception', fieldsOf(12));
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.text).not.toContain(patient.id);
    expect(await decide('clinic-reception', patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    expectNoData(await readDrugsAndCheckups('clinic-reception', patient.id));
    expect((await searchLog(DEMO_CLINIC.code)).some((e) => e.kind === 'DISASTER' && e.outcome === 'REFUSED' && e.actorSubject === `${DEMO_CLINIC.code}:R0001`)).toBe(true);
    expect((await accessLog(patient.id, DEMO_CLINIC.code)).some((e) => e.decision === 'DENY' && e.reason === 'ROLE_NOT_LICENSED')).toBe(true);

    // Only the operator grants the authority.
    const byDoctor = await system.graphql('mutation { grantViewingAuthority(account: "clinic-reception", authority: DISASTER_VIEWING) { id } }', {}, await system.token('clinic-doctor'));
    expect(codeOf(byDoctor)).toBe('FORBIDDEN');
    // An authority outside the ViewingAuthority enum (docs/api-guide.md "Enums") is refused by validation and grants nothing.
    const unknownAuthority = await system.graphql('mutation { grantViewingAuthority(account: "clinic-reception", authority: ALL_VIEWING) { id } }', {}, await system.token('admin'));
    expect(codeOf(unknownAuthority)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await decide('clinic-reception', patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    const granted = await system.graphql<{ grantViewingAuthority: { authority: string; facilityCode: string } }>(
      'mutation { grantViewingAuthority(account: "clinic-reception", authority: DISASTER_VIEWING) { authority facilityCode } }', {}, await system.token('admin'));
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data?.grantViewingAuthority).toEqual({ authority: 'DISASTER_VIEWING', facilityCode: DEMO_CLINIC.code });

    expect(await decide('clinic-reception', patient.id, 'DRUG')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    expect(await decide('clinic-reception', patient.id, 'CHECKUP')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    const read = await readDrugsAndCheckups('clinic-reception', patient.id);
    expect(read.body.errors).toBeUndefined();
    expect((await search('clinic-reception', fieldsOf(12))).body.data?.disasterSearch.patient.id).toBe(patient.id);
    // Outside disaster mode the authority opens nothing: a consent at the counter is still for licensed staff only.
    expect(await decide('clinic-reception', system.patient(0).id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
  });

  test('an authority granted for one declaration ends with that declaration, though disaster mode goes on under another', async () => {
    const patient = system.patient(9);
    // A short declaration beside the day-long one of beforeAll; the pharmacy's receptionist is given the authority for it only.
    // It ends 12 s from now: long enough for the steps below on a loaded machine, and the test waits for its end.
    const endsAt = Date.now() + 12_000;
    const shortLived = await declare(['13'], new Date(Date.now() - HOUR), new Date(endsAt));
    const granted = await system.graphql('mutation($d: ID!) { grantViewingAuthority(account: "pharmacy-reception", authority: DISASTER_VIEWING, disasterId: $d) { authority } }', { d: shortLived }, await system.token('admin'));
    expect(granted.body.errors).toBeUndefined();
    // The pharmacist identifies her here and records her consent (the receptionist's searches are left to the rate-limit test).
    const found = await search('pharmacy-pharmacist', fieldsOf(9));
    expect(found.body.data?.disasterSearch.patient.id).toBe(patient.id);
    expect((await recordConsent('pharmacy-pharmacist', patient.id)).body.errors).toBeUndefined();
    expect(await decide('pharmacy-reception', patient.id, 'DRUG')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    // The declaration it was granted for is over: the authority opens nothing more, and the refusal is logged.
    expect(Date.now()).toBeLessThan(endsAt);
    await new Promise((resolve) => setTimeout(resolve, endsAt + 500 - Date.now()));
    expect(await decide('pharmacy-reception', patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    expectNoData(await readDrugsAndCheckups('pharmacy-reception', patient.id));
    // The pharmacist's reads rest on the identification, not on an authority: they go on under the other declaration.
    expect(await decide('pharmacy-pharmacist', patient.id, 'DRUG')).toMatchObject({ allow: true, reason: 'DISASTER' });
    const denials = (await accessLog(patient.id, DEMO_PHARMACY.code)).filter((e) => e.decision === 'DENY' && e.category === 'DRUG');
    expect(denials.length).toBeGreaterThanOrEqual(1);
  });

  test('a pharmacy never receives checkups, even after consent in disaster mode', async () => {
    const patient = system.patient(14);
    expect((await search('pharmacy-pharmacist', fieldsOf(14))).body.errors).toBeUndefined();
    expect((await recordConsent('pharmacy-pharmacist', patient.id)).body.errors).toBeUndefined();
    expect(await decide('pharmacy-pharmacist', patient.id, 'DRUG')).toMatchObject({ allow: true, reason: 'DISASTER', special: true });
    expect(await decide('pharmacy-pharmacist', patient.id, 'CHECKUP')).toMatchObject({ allow: false, code: 'FORBIDDEN' });
    const checkups = await readCheckups('pharmacy-pharmacist', patient.id);
    expect(codeOf(checkups)).toBe('FORBIDDEN');
    expect(checkups.body.data?.patient?.checkups ?? null).toBeNull();
    expect((await accessLog(patient.id, DEMO_PHARMACY.code)).some((e) => e.category === 'CHECKUP' && e.decision === 'DENY')).toBe(true);
  });

  test('a fourth field without a meaningful part ("1", "-", "都") is BAD_USER_INPUT, and logged', async () => {
    for (const fourth of ['1', '-', '都']) {
      const result = await search('clinic-doctor', { ...fieldsOf(15), insurerNameOrAddress: fourth });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.text).not.toContain(system.patient(15).id);
    }
    expect((await searchLog(DEMO_CLINIC.code)).filter((e) => e.outcome === 'BAD_INPUT').length).toBeGreaterThanOrEqual(3);
  });

  test('sex is read as staff type it (1/2, 男/女, M/F, MALE/FEMALE); any other word is BAD_USER_INPUT on field sex, with no one named, and logged', async () => {
    // docs/api-guide.md "Enums" (the strings kept on purpose): the search keeps the words staff hear, not an enum. Patient 10 is searched by no other test.
    const fields = fieldsOf(10);
    const words = fields.sex === '1' ? ['男', 'm', 'MALE'] : ['女', 'f', 'FEMALE'];
    for (const word of words) {
      expect((await search('dental-dentist', { ...fields, sex: word })).body.data?.disasterSearch.patient.id).toBe(system.patient(10).id);
    }
    const before = (await searchLog(DEMO_DENTAL.code)).filter((e) => e.outcome === 'BAD_INPUT').length;
    const wrong = await search('dental-dentist', { ...fields, sex: 'X' });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors?.[0]?.extensions?.field).toBe('sex');
    expect(wrong.body.data ?? null).toBeNull();
    expect(wrong.text).not.toContain(system.patient(10).id);
    expect((await searchLog(DEMO_DENTAL.code)).filter((e) => e.outcome === 'BAD_INPUT').length).toBe(before + 1);
  });

  test('a search that finds nobody is logged for the operator; a DV-blocked person is answered exactly like nobody', async () => {
    const nobody = await search('clinic-doctor', { name: '存在 しない', birthdate: '1970-01-01', sex: '1', insurerNameOrAddress: '港区' });
    const sato = system.patient(1);
    const blocked = await search('clinic-doctor', fieldsOf(1));
    for (const response of [nobody, blocked]) {
      expect(response.status).toBe(nobody.status);
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.body.data ?? null).toBeNull();
    }
    expect(blocked.body.errors?.[0]?.message).toBe(nobody.body.errors?.[0]?.message);
    expect(Object.keys(blocked.body.errors?.[0]?.extensions ?? {}).sort()).toEqual(Object.keys(nobody.body.errors?.[0]?.extensions ?? {}).sort());
    expect(blocked.text).not.toContain(sato.id);
    const log = await searchLog(DEMO_CLINIC.code);
    // kind, outcome and actorRole are enums (SpecialSearchKind, SpecialSearchOutcome, Role: docs/api-guide.md "Enums"); the wire words are theirs.
    expect(log.some((e) => e.kind === 'DISASTER' && e.outcome === 'NOT_FOUND' && e.actorRole === 'DOCTOR' && e.patientId === null)).toBe(true);
    // Only the operator's log tells the two apart.
    expect(log.some((e) => e.kind === 'DISASTER' && e.outcome === 'BLOCKED' && e.patientId === sato.id)).toBe(true);
    const ownView = await system.graphql('query($f: String!) { specialSearchLog(facilityCode: $f) { outcome } }', { f: DEMO_CLINIC.code }, await system.token('clinic-doctor'));
    expect(codeOf(ownView)).toBe('FORBIDDEN');
  });

  test('repeated searches are rate-limited per staff member (RATE_LIMITED with retry-after), and the throttled search is logged', async () => {
    await system.graphql('mutation { grantViewingAuthority(account: "pharmacy-reception", authority: DISASTER_VIEWING) { id } }', {}, await system.token('admin'));
    const guess = (k: number) => ({ name: '推測 太郎', birthdate: `1960-01-${String(k + 1).padStart(2, '0')}`, sex: '1', insurerNameOrAddress: '港区' });
    for (let k = 0; k < 10; k += 1) expect(codeOf(await search('pharmacy-reception', guess(k)))).toBe('NOT_FOUND');
    const limited = await search('pharmacy-reception', guess(10));
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.body.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    // Even a correct search waits: the limit is per staff member, not per outcome.
    expect(codeOf(await search('pharmacy-reception', fieldsOf(15)))).toBe('RATE_LIMITED');
    expect((await searchLog(DEMO_PHARMACY.code)).filter((e) => e.outcome === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(2);
  });
});

describe('emergency access (救急時医療情報閲覧)', () => {
  const start = async (account: string, args: { cardSerial?: string; reason: string } & Partial<Fields>) => system.graphql<{ startEmergencyAccess: { patient: { id: string }; identifiedBy: string; facilityCode: string; expiresAt: string; special: boolean } }>(
    'mutation($r: String!, $c: String, $n: String, $b: String, $s: String, $i: String) { startEmergencyAccess(reason: $r, cardSerial: $c, name: $n, birthdate: $b, sex: $s, insurerNameOrAddress: $i) { patient { id } identifiedBy facilityCode expiresAt special } }',
    { r: args.reason, c: args.cardSerial ?? null, n: args.name ?? null, b: args.birthdate ?? null, s: args.sex ?? null, i: args.insurerNameOrAddress ?? null }, await system.token(account));
  const REASON = '救急搬送、意識なし。服薬情報の確認が必要';

  test('at a hospital, staff holding the authority open it by card with a reason; reads are special (EMERGENCY) and the patient sees them', async () => {
    const yamada = system.patient(0);
    expect(await decide('hospital-doctor', yamada.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    const noReason = await start('hospital-doctor', { cardSerial: yamada.cardSerial, reason: ' ' });
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.text).not.toContain(yamada.id);
    expect(await decide('hospital-doctor', yamada.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    expect((await searchLog(DEMO_HOSPITAL.code)).some((e) => e.kind === 'EMERGENCY' && e.outcome === 'BAD_INPUT')).toBe(true);

    const opened = await start('hospital-doctor', { cardSerial: yamada.cardSerial, reason: REASON });
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data?.startEmergencyAccess).toMatchObject({ patient: { id: yamada.id }, identifiedBy: 'CARD', facilityCode: DEMO_HOSPITAL.code, special: true });
    expect(Date.parse(opened.body.data?.startEmergencyAccess.expiresAt ?? '') - Date.now()).toBeGreaterThan(23 * HOUR);
    expect(await decide('hospital-doctor', yamada.id, 'DRUG')).toMatchObject({ allow: true, reason: 'EMERGENCY', special: true });
    expect(await decide('hospital-doctor', yamada.id, 'CHECKUP')).toMatchObject({ allow: true, reason: 'EMERGENCY', special: true });
    const read = await readDrugsAndCheckups('hospital-doctor', yamada.id);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.patient?.dispensings?.edges.length).toBeGreaterThan(0);
    expect(await specialHere('hospital-doctor', yamada.id)).toEqual({ data: { patient: { specialAccessHere: { kind: 'EMERGENCY', categories: ['DRUG', 'CHECKUP'] } } } });
    // A patient read under consent is not special: no banner.
    expect(await specialHere('clinic-doctor', yamada.id)).toEqual({ data: { patient: { specialAccessHere: null } } });

    const login = await cardLogin(async (q, v, t) => (await system.graphql(q, v, t)).body, system.demo, yamada.cardSerial, DEMO_PIN);
    const own = await system.graphql<{ me: { accessLog: LogRow[] } }>('{ me { accessLog(first: 200) { reason decision special category facilityCode } } }', {}, login.accessToken);
    const hospitalEntries = (own.body.data?.me.accessLog ?? []).filter((e) => e.facilityCode === DEMO_HOSPITAL.code && e.special);
    expect(hospitalEntries.map((e) => e.reason)).toEqual(expect.arrayContaining(['EMERGENCY_OPENED', 'EMERGENCY']));
  });

  test('without a card, by the four fields', async () => {
    const opened = await start('hospital-doctor', { ...fieldsOf(0), reason: REASON });
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data?.startEmergencyAccess).toMatchObject({ patient: { id: system.patient(0).id }, identifiedBy: 'FOUR_FIELDS' });
    expect(codeOf(await start('hospital-doctor', { ...fieldsOf(0), insurerNameOrAddress: '都', reason: REASON }))).toBe('BAD_USER_INPUT');
  });

  test('at a clinic and at a pharmacy it is refused (and the authority cannot be granted there), with no data and a log entry', async () => {
    const patient = system.patient(15);
    for (const [account, facility] of [['clinic-doctor', DEMO_CLINIC.code], ['pharmacy-pharmacist', DEMO_PHARMACY.code]] as const) {
      const refused = await start(account, { cardSerial: patient.cardSerial, reason: REASON });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.text).not.toContain(patient.id);
      expect(await decide(account, patient.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
      expectNoData(await readDrugsAndCheckups(account, patient.id));
      expect((await searchLog(facility)).some((e) => e.kind === 'EMERGENCY' && e.outcome === 'REFUSED')).toBe(true);
    }
    const grant = await system.graphql('mutation { grantViewingAuthority(account: "clinic-doctor", authority: EMERGENCY_VIEWING) { id } }', {}, await system.token('admin'));
    expect(codeOf(grant)).toBe('BAD_USER_INPUT');
    const hospitalPharmacy = await system.graphql(`mutation { registerHospital(facilityCode: "${DEMO_PHARMACY.code}", name: "薬局") { facilityCode } }`, {}, await system.token('admin'));
    expect(codeOf(hospitalPharmacy)).toBe('BAD_USER_INPUT');
  });

  test('a DV-blocked person is answered like an unknown card or nobody', async () => {
    const sato = system.patient(1);
    const blockedCard = await start('hospital-doctor', { cardSerial: sato.cardSerial, reason: REASON });
    const unknownCard = await start('hospital-doctor', { cardSerial: 'NO-SUCH-CARD-0000', reason: REASON });
    const blockedFields = await start('hospital-doctor', { ...fieldsOf(1), reason: REASON });
    for (const response of [blockedCard, unknownCard, blockedFields]) {
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.body.errors?.[0]?.message).toBe(unknownCard.body.errors?.[0]?.message);
      expect(response.text).not.toContain(sato.id);
    }
    expect(await decide('hospital-doctor', sato.id, 'DRUG')).toMatchObject({ allow: false });
    expect((await searchLog(DEMO_HOSPITAL.code)).filter((e) => e.outcome === 'BLOCKED' && e.patientId === sato.id).length).toBeGreaterThanOrEqual(2);
  });

  test('without the emergency viewing authority (revoked) it is refused, and an open access stops at once', async () => {
    const yamada = system.patient(0);
    const revoked = await system.graphql<{ revokeViewingAuthority: number }>('mutation { revokeViewingAuthority(account: "hospital-doctor", authority: EMERGENCY_VIEWING) }', {}, await system.token('admin'));
    expect(revoked.body.data?.revokeViewingAuthority).toBe(1);
    const refused = await start('hospital-doctor', { cardSerial: yamada.cardSerial, reason: REASON });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(await decide('hospital-doctor', yamada.id, 'DRUG')).toMatchObject({ allow: false, code: 'CONSENT_REQUIRED' });
    expectNoData(await readDrugsAndCheckups('hospital-doctor', yamada.id));
    expect((await accessLog(yamada.id, DEMO_HOSPITAL.code)).some((e) => e.decision === 'DENY' && e.category === 'DRUG')).toBe(true);
    expect((await searchLog(DEMO_HOSPITAL.code)).some((e) => e.outcome === 'REFUSED')).toBe(true);
  });
});

describe('Query.activeDisasters: the declarations in force now', () => {
  const ACTIVE = 'query { activeDisasters { id name prefectures facilityCodes startsAt endsAt } }';
  interface WireDisaster { id: string; name: string; prefectures: string[]; facilityCodes: string[] | null; startsAt: string; endsAt: string }

  test('facility staff and the operator get the one in force, not the one that ended; others are refused with no data', async () => {
    // Okinawa (47): no facility the other tests use is there, so these declarations change none of their answers.
    const inForce = await declare(['47'], new Date(Date.now() - HOUR), new Date(Date.now() + 24 * HOUR));
    const ended = await declare(['47'], new Date(Date.now() - 3 * HOUR), new Date(Date.now() - HOUR));
    for (const account of ['admin', 'clinic-reception', 'clinic-doctor', 'dental-dentist', 'pharmacy-pharmacist']) {
      const result = await system.graphql<{ activeDisasters: WireDisaster[] }>(ACTIVE, {}, await system.token(account));
      expect(result.body.errors).toBeUndefined();
      const ids = (result.body.data?.activeDisasters ?? []).map((disaster) => disaster.id);
      expect(ids).toContain(inForce);
      expect(ids).not.toContain(ended);
      expect(result.body.data?.activeDisasters.find((disaster) => disaster.id === inForce)).toEqual({
        id: inForce, name: 'テスト地震', prefectures: ['47'], facilityCodes: null, startsAt: expect.any(String), endsAt: expect.any(String),
      });
    }
    // A patient, an insurer and a PHR app may not call it: FORBIDDEN, and no declaration in the answer.
    for (const account of ['yamada', 'insurer-kokuho', 'phr-demo']) {
      const refused = await system.graphql(ACTIVE, {}, await system.token(account));
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.text).not.toContain(inForce);
    }
    const anonymous = await system.graphql(ACTIVE, {});
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data ?? null).toBeNull();
    expect(anonymous.text).not.toContain(inForce);
  });
});
