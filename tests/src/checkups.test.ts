import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { INTERNAL_SECRET_HEADER, REPO_ROOT, ageOn } from '@onshi/kit';
import { DEMO_PHARMACY, DEMO_PIN, coverageOn, type DemoPatient } from '@onshi/demo';
import { startTestSystem, type TestSystem } from './harness';

/**
 * The checkups subgraph, end to end through the gateway: 5 fiscal years of 特定健診 with judgements and trends,
 * pharmacy/reception denial, insurer transfer, all-or-nothing ingest (GraphQL, CDA, CLI) and batched reads.
 */

const HBA1C = '3D046000001906202';
const SYSTOLIC_BP = '9A755000000000001';
const FIXTURES = path.join(REPO_ROOT, 'subgraphs/checkups/src/services/__fixtures__');
const KOKUHO = '131011';
const KYOKAI = '01130012';

interface CheckupItem { code: string; value: number | null; unit: string; judgement: string | null; guidanceThreshold: number | null; seeDoctorThreshold: number | null }
interface Checkup { fiscalYear: number; examinedOn: string; insurerNumber: string; items: CheckupItem[]; guidance: { level: string; group: string | null; risks: string[] } }
interface Trend { guidanceThreshold: number; seeDoctorThreshold: number; unit: string; points: Array<{ fiscalYear: number; value: number; judgement: string }> }

const CHECKUPS_OF_PATIENT = `query($id: ID!, $from: Int, $to: Int) { patient(id: $id) { checkups(fromYear: $from, toYear: $to) {
  fiscalYear examinedOn insurerNumber items { code value unit judgement guidanceThreshold seeDoctorThreshold } guidance { level group risks } } } }`;

let system: TestSystem;
beforeAll(async () => {
  // 110 patients: enough for the 100-patient statement-count check, small enough for the shared machine.
  system = await startTestSystem({ patients: 110 });
});
afterAll(async () => {
  await system?.stop();
});

async function checkupsAs(account: string, patientId: string, range: { from?: number; to?: number } = {}) {
  return system.graphql<{ patient: { checkups: Checkup[] } | null }>(CHECKUPS_OF_PATIENT, { id: patientId, ...range }, await system.token(account));
}

async function postInsurerChange(body: Record<string, unknown>, secret: string | null = system.internalSecret) {
  const response = await fetch(`${system.urls.checkups}/internal/insurer-changes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== null ? { [INTERNAL_SECRET_HEADER]: secret } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A demo patient of 国保 131011 today who is 40–74 in every kept fiscal year: the ingest tests' subject. */
function kokuhoMember(): DemoPatient {
  for (let index = 2; index < system.demo.patients; index += 1) {
    const patient = system.patient(index);
    const ages = [2022, 2026].map((fy) => ageOn(patient.birthdate, `${fy + 1}-03-31`));
    if (coverageOn(patient, system.demo.asOf)?.insurerNumber === KOKUHO && ages.every((age) => age >= 40 && age <= 74)) return patient;
  }
  throw new Error('no 国保 member aged 40–74 in the demo world');
}

/** The good fixture, re-addressed to a demo member: insurer and card numbers, sex, birth date, examination date. */
function cdaFor(patient: DemoPatient, examinedOn: string, mutate: (xml: string) => string = (xml) => xml): string {
  const coverage = coverageOn(patient, system.demo.asOf);
  if (coverage === undefined) throw new Error('no coverage');
  const hl7 = (date: string) => date.replaceAll('-', '');
  const xml = readFileSync(path.join(FIXTURES, 'tokutei-kenshin-good.xml'), 'utf8')
    .replace('root="1.2.392.200119.6.101" extension="06139999"', `root="1.2.392.200119.6.101" extension="${coverage.insurerNumber}"`)
    .replace('root="1.2.392.200119.6.204" extension="オンシ"', `root="1.2.392.200119.6.204" extension="${coverage.insuredCardSymbol}"`)
    .replace('root="1.2.392.200119.6.205" extension="1234"', `root="1.2.392.200119.6.205" extension="${coverage.insuredIdentificationNumber}"`)
    .replace('<administrativeGenderCode code="1"', `<administrativeGenderCode code="${patient.sex}"`)
    .replace('<birthTime value="19700415"/>', `<birthTime value="${hl7(patient.birthdate)}"/>`)
    .replace('<effectiveTime value="20240515"/>', `<effectiveTime value="${hl7(examinedOn)}"/>`);
  return mutate(xml);
}

const IMPORT_CDA = 'mutation($xml: String!) { importCheckupCda(xml: $xml) { stored checkups { patientId fiscalYear itemCount } } }';
const SUBMIT = 'mutation($checkups: [CheckupSubmissionInput!]!) { submitCheckups(checkups: $checkups) { stored checkups { patientId fiscalYear itemCount } } }';

describe('checkups: the patient reads 5 fiscal years with judgements and trends', () => {
  test('yamada reads FY2022–FY2026 with every item judged and the 階層化 level of each year', async () => {
    const result = await system.graphql<{ me: { checkups: Checkup[] } }>(
      '{ me { checkups { fiscalYear examinedOn insurerNumber items { code value unit judgement guidanceThreshold seeDoctorThreshold } guidance { level group risks } } } }',
      {}, await system.token('yamada'),
    );
    expect(result.body.errors).toBeUndefined();
    const checkups = result.body.data?.me.checkups ?? [];
    expect(checkups.map((c) => c.fiscalYear)).toEqual([2022, 2023, 2024, 2025, 2026]);
    // The insurer at the time: 協会けんぽ until March 2025, 国保 since (docs/domain.md "Receipt re-routing (レセプト振替), seed 3" demo history).
    expect(checkups.map((c) => c.insurerNumber)).toEqual([KYOKAI, KYOKAI, KYOKAI, KOKUHO, KOKUHO]);
    for (const checkup of checkups) {
      const systolic = checkup.items.find((item) => item.code === SYSTOLIC_BP);
      expect(systolic).toMatchObject({ unit: 'mmHg', guidanceThreshold: 130, seeDoctorThreshold: 140 });
      expect(['NORMAL', 'GUIDANCE', 'SEE_DOCTOR']).toContain(systolic?.judgement);
      // yamada takes blood-pressure and lipid medication (demo drug history), so 特定保健指導 does not apply.
      expect(checkup.guidance.level).toBe('NONE_ON_MEDICATION');
    }
  });

  test('the HbA1c trend carries the 5.6 / 6.5 thresholds and crosses 5.6 over the years', async () => {
    const result = await system.graphql<{ me: { checkupTrend: Trend } }>(
      `{ me { checkupTrend(code: "${HBA1C}") { unit guidanceThreshold seeDoctorThreshold points { fiscalYear value judgement } } } }`, {}, await system.token('yamada'),
    );
    expect(result.body.errors).toBeUndefined();
    const trend = result.body.data?.me.checkupTrend;
    expect(trend).toMatchObject({ unit: '%', guidanceThreshold: 5.6, seeDoctorThreshold: 6.5 });
    const points = trend?.points ?? [];
    expect(points.map((p) => p.fiscalYear)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(points[0]?.value).toBeLessThan(5.6);
    expect(points[0]?.judgement).toBe('NORMAL');
    expect(points[points.length - 1]?.value).toBeGreaterThanOrEqual(5.6);
    expect(points[points.length - 1]?.judgement).toBe('GUIDANCE');
  });

  test('a range is at most 5 fiscal years from FY2020; a narrower range returns only those years', async () => {
    const id = system.patient(0).id;
    const narrow = await checkupsAs('clinic-doctor', id, { from: 2024, to: 2025 });
    expect(narrow.body.errors).toBeUndefined();
    expect(narrow.body.data?.patient?.checkups.map((c) => c.fiscalYear)).toEqual([2024, 2025]);
    for (const range of [{ from: 2019, to: 2022 }, { from: 2020, to: 2025 }, { from: 2025, to: 2024 }]) {
      const refused = await checkupsAs('clinic-doctor', id, range);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.text).not.toContain(HBA1C);
    }
  });

  test('a trend of a code outside the item master is BAD_USER_INPUT', async () => {
    const result = await system.graphql(`{ me { checkupTrend(code: "9Z999999999999999") { points { value } } } }`, {}, await system.token('yamada'));
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.text).not.toContain('"points"');
  });
});

describe('checkups: who may not read them', () => {
  test('the doctor of the clinic where yamada consented reads them; a hospital he never presented his card to cannot even find him', async () => {
    const allowed = await checkupsAs('clinic-doctor', system.patient(0).id);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.patient?.checkups).toHaveLength(5);
    // docs/domain.md "What a facility may see at all": NOT_FOUND, as for an unknown id.
    const refused = await checkupsAs('hospital-doctor', system.patient(0).id);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refused.text).not.toContain(HBA1C);
  });

  test('a PHR app reads checkups only under a grant that includes CHECKUP', async () => {
    const id = system.patient(0).id;
    const withCheckups = await checkupsAs('phr-demo', id);
    expect(withCheckups.body.errors).toBeUndefined();
    expect(withCheckups.body.data?.patient?.checkups).toHaveLength(5);

    const granted = await system.graphql<{ grantPhrAccess: { id: string } }>(
      'mutation { grantPhrAccess(appId: "phr-demo", categories: [QUALIFICATION, DRUG]) { id } }', {}, await system.token('yamada'));
    const grantId = granted.body.data?.grantPhrAccess.id;
    if (!grantId) throw new Error(granted.text);
    const app = await system.graphql<{ phrToken: { accessToken: string } }>(
      'mutation($g: ID!) { phrToken(clientId: "phr-demo", clientSecret: "onshi:phr-demo", grantId: $g) { accessToken } }', { g: grantId });
    const drugOnly = app.body.data?.phrToken.accessToken;
    if (!drugOnly) throw new Error(app.text);
    const refused = await system.graphql(CHECKUPS_OF_PATIENT, { id }, drugOnly);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    expect(refused.text).not.toContain(HBA1C);
  });

  test('the pharmacist, even after yamada answered "checkup: yes" at the pharmacy reader, gets FORBIDDEN and no values', async () => {
    await registerPharmacyConsentForYamada();
    const viaGateway = await checkupsAs('pharmacy-pharmacist', system.patient(0).id);
    expect(viaGateway.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(viaGateway.text).not.toContain(HBA1C);
    expect(viaGateway.text).not.toContain('judgement');
    // Defense in depth: straight at the subgraph, past the gateway, the answer is the same.
    const direct = await entitiesAt(await system.token('pharmacy-pharmacist'), [system.patient(0).id]);
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(direct.text).not.toContain(HBA1C);
  });

  test.each(['clinic-reception', 'pharmacy-reception', 'admin'])('%s gets FORBIDDEN and no checkup values', async (account) => {
    const viaGateway = await checkupsAs(account, system.patient(0).id);
    expect(viaGateway.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(viaGateway.text).not.toContain(HBA1C);
    const direct = await entitiesAt(await system.token(account), [system.patient(0).id]);
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(direct.text).not.toContain(HBA1C);
  });
});

describe('checkups: insurer transfer (docs/contracts.md contract 6) and insurer reads (docs/contracts.md contract 7)', () => {
  const yamada = () => system.patient(0).id;

  /** The insurers of the checkups an insurer's token reads (the ones it commissioned, or all it holds). */
  const commissioners = async (account: string) => (await checkupsAs(account, yamada())).body.data?.patient?.checkups.map((c) => c.insurerNumber);

  test('the current insurer reads the member’s past years, including those under the previous insurer; the previous one only what it commissioned', async () => {
    const current = await checkupsAs('insurer-kokuho', yamada());
    expect(current.body.errors).toBeUndefined();
    expect(current.body.data?.patient?.checkups.map((c) => c.insurerNumber)).toEqual([KYOKAI, KYOKAI, KYOKAI, KOKUHO, KOKUHO]);
    // docs/domain.md "Specific health checkups": the old insurer keeps what it commissioned, nothing dated after he left.
    const previous = await checkupsAs('insurer-kyokai', yamada());
    expect(previous.body.errors).toBeUndefined();
    expect(previous.body.data?.patient?.checkups.map((c) => c.insurerNumber)).toEqual([KYOKAI, KYOKAI, KYOKAI]);
    expect(previous.body.data?.patient?.checkups.every((c) => c.examinedOn < '2025-04-01')).toBe(true);
  });

  test('the internal endpoint refuses callers without the internal secret and malformed events', async () => {
    const event = { eventId: 'e0', patientId: yamada(), fromInsurerNumber: KOKUHO, toInsurerNumber: KYOKAI, effectiveDate: '2026-11-25' };
    expect((await postInsurerChange(event, null)).status).toBe(401);
    expect((await postInsurerChange(event, 'x'.repeat(43))).status).toBe(401);
    expect((await postInsurerChange({ ...event, toInsurerNumber: 'abc' })).status).toBe(400);
    expect(await commissioners('insurer-kyokai')).toEqual([KYOKAI, KYOKAI, KYOKAI]);
  });

  test('after an insurer change the new insurer reads a copy of the previous checkups and the old one keeps what it commissioned; events are idempotent', async () => {
    const toKyokai = { eventId: '5b0c1f6e-0000-4000-8000-000000000001', patientId: yamada(), fromInsurerNumber: KOKUHO, toInsurerNumber: KYOKAI, effectiveDate: '2026-11-20' };
    const moved = await postInsurerChange(toKyokai);
    expect(moved).toMatchObject({ status: 200, body: { applied: true, duplicate: false, checkupsMoved: 5 } });
    const newInsurer = await checkupsAs('insurer-kyokai', yamada());
    expect(newInsurer.body.errors).toBeUndefined();
    expect(newInsurer.body.data?.patient?.checkups).toHaveLength(5);
    expect(await commissioners('insurer-kokuho')).toEqual([KOKUHO, KOKUHO]);

    // A retry of the same event changes nothing (docs/contracts.md contract 6: idempotent by eventId).
    expect(await postInsurerChange(toKyokai)).toMatchObject({ status: 200, body: { duplicate: true } });

    // A late event older than the change already applied is recorded but does not move the data back.
    const stale = await postInsurerChange({ ...toKyokai, eventId: '5b0c1f6e-0000-4000-8000-000000000002', fromInsurerNumber: KYOKAI, toInsurerNumber: KOKUHO, effectiveDate: '2025-04-01' });
    expect(stale).toMatchObject({ status: 200, body: { applied: false, duplicate: false } });
    expect(await commissioners('insurer-kokuho')).toEqual([KOKUHO, KOKUHO]);

    // And back: 国保 holds the data again, 協会けんぽ keeps only what it commissioned.
    const back = await postInsurerChange({ ...toKyokai, eventId: '5b0c1f6e-0000-4000-8000-000000000003', fromInsurerNumber: KYOKAI, toInsurerNumber: KOKUHO, effectiveDate: '2026-11-21' });
    expect(back).toMatchObject({ status: 200, body: { applied: true } });
    expect((await checkupsAs('insurer-kokuho', yamada())).body.data?.patient?.checkups).toHaveLength(5);
    expect(await commissioners('insurer-kyokai')).toEqual([KYOKAI, KYOKAI, KYOKAI]);
  });
});

describe('checkups: ingest by insurers is all-or-nothing', () => {
  const examinedOn = '2026-06-10';
  const validSubmission = (patient: DemoPatient) => ({
    patientId: patient.id, examinedOn, facilityCode: '1311234567', sex: patient.sex, birthDate: patient.birthdate,
    results: [
      { code: HBA1C, value: 6.7 },
      { code: SYSTOLIC_BP, value: 141, unit: 'mm[Hg]' },
      { code: '1A010000000191111', answerCode: '3' },
    ],
  });

  test('a batch with one unknown JLAC10 code is refused with the reason and nothing is stored', async () => {
    const member = kokuhoMember();
    const before = await checkupsAs('insurer-kokuho', member.id);
    expect(before.body.errors).toBeUndefined();
    const bad = { ...validSubmission(member), results: [...validSubmission(member).results, { code: '9Z999999999999999', value: 1 }] };
    const refused = await system.graphql(SUBMIT, { checkups: [validSubmission(member), bad] }, await system.token('insurer-kokuho'));
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ITEM_CODE', index: 1 });
    expect(refused.body.errors?.[0]?.message).toContain('9Z999999999999999');
    expect(await checkupsAs('insurer-kokuho', member.id)).toEqual(before);
  });

  test('another insurer’s member is FORBIDDEN and nothing is stored', async () => {
    const member = kokuhoMember();
    const before = await checkupsAs('insurer-kokuho', member.id);
    const refused = await system.graphql(SUBMIT, { checkups: [validSubmission(member)] }, await system.token('insurer-kyokai'));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await checkupsAs('insurer-kokuho', member.id)).toEqual(before);
  });

  test('a valid batch is stored and read back with judgements', async () => {
    const member = kokuhoMember();
    const stored = await system.graphql<{ submitCheckups: { stored: number } }>(SUBMIT, { checkups: [validSubmission(member)] }, await system.token('insurer-kokuho'));
    expect(stored.body.errors).toBeUndefined();
    expect(stored.body.data?.submitCheckups.stored).toBe(1);
    const read = await checkupsAs('insurer-kokuho', member.id, { from: 2026, to: 2026 });
    const items = read.body.data?.patient?.checkups[0]?.items ?? [];
    expect(items.find((item) => item.code === HBA1C)).toMatchObject({ value: 6.7, judgement: 'SEE_DOCTOR' });
    expect(items.find((item) => item.code === SYSTOLIC_BP)).toMatchObject({ value: 141, unit: 'mmHg', judgement: 'SEE_DOCTOR' });
  });

  test('a malformed CDA file and a CDA with an unknown JLAC10 code are refused with a reason; nothing is stored', async () => {
    const member = kokuhoMember();
    const token = await system.token('insurer-kokuho');
    const before = await checkupsAs('insurer-kokuho', member.id);
    const malformed = await system.graphql(IMPORT_CDA, { xml: readFileSync(path.join(FIXTURES, 'tokutei-kenshin-malformed.xml'), 'utf8') }, token);
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_XML' });
    expect(malformed.body.errors?.[0]?.message).toMatch(/line \d+/);
    const unknown = await system.graphql(IMPORT_CDA, { xml: cdaFor(member, '2024-05-15', (xml) => xml.replace(`code="${HBA1C}"`, 'code="9Z999999999999999"')) }, token);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ITEM_CODE' });
    expect(await checkupsAs('insurer-kokuho', member.id)).toEqual(before);
  });

  test('a good CDA file of an own member is stored (UCUM mm[Hg] mapped); another insurer may not import it', async () => {
    const member = kokuhoMember();
    const xml = cdaFor(member, '2024-05-15');
    const foreign = await system.graphql(IMPORT_CDA, { xml }, await system.token('insurer-kyokai'));
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const imported = await system.graphql<{ importCheckupCda: { stored: number; checkups: Array<{ patientId: string; fiscalYear: number }> } }>(IMPORT_CDA, { xml }, await system.token('insurer-kokuho'));
    expect(imported.body.errors).toBeUndefined();
    expect(imported.body.data?.importCheckupCda.checkups).toEqual([expect.objectContaining({ patientId: member.id, fiscalYear: 2024 })]);
    const read = await checkupsAs('insurer-kokuho', member.id, { from: 2024, to: 2024 });
    const items = read.body.data?.patient?.checkups[0]?.items ?? [];
    expect(items.find((item) => item.code === HBA1C)).toMatchObject({ value: 5.8, judgement: 'GUIDANCE' });
    expect(items.find((item) => item.code === SYSTOLIC_BP)).toMatchObject({ value: 138, unit: 'mmHg', judgement: 'GUIDANCE' });
  });

  test('the import-cda CLI stores a good file and refuses a malformed one with the reason', async () => {
    const run = promisify(execFile);
    const member = kokuhoMember();
    const good = path.join(system.dataDir, 'cli-good.xml');
    writeFileSync(good, cdaFor(member, '2023-07-01'));
    const env = { ...process.env, ONSHI_TOKEN: await system.token('insurer-kokuho'), ONSHI_GRAPHQL_URL: `${system.gatewayUrl}/graphql` };
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    const cli = ['--tsconfig', 'tsconfig.base.json', 'subgraphs/checkups/src/cli/import-cda.ts'];
    const stored = await run(tsx, [...cli, good], { cwd: REPO_ROOT, env });
    expect(stored.stdout).toContain(`stored FY2023 checkup of ${member.id}`);
    const refused = await run(tsx, [...cli, path.join(FIXTURES, 'tokutei-kenshin-malformed.xml')], { cwd: REPO_ROOT, env }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('MALFORMED_XML');
    expect(refused.stderr).toContain('nothing was stored');
  });
});

describe('checkups: batched reads', () => {
  test('_entities for 100 patients runs as many SQL statements as for 1', async () => {
    const token = await system.token('hospital-doctor');
    const ids = Array.from({ length: 100 }, (_, k) => system.patient(k + 2).id);
    const statementsFor = async (patientIds: string[]) => {
      const before = await metrics();
      const result = await entitiesAt(token, patientIds);
      expect(result.body.errors).toBeUndefined();
      const after = await metrics();
      return after.statements - before.statements;
    };
    const one = await statementsFor(ids.slice(0, 1));
    const hundred = await statementsFor(ids);
    expect(one).toBeGreaterThan(0);
    expect(hundred).toBe(one);
  });
});

describe('checkups: an insurer change recorded by qualifications reaches checkups (docs/contracts.md contracts 6 and 7, end to end)', () => {
  test('協会けんぽ acquires yamada (changeInsurer, deprecated): it receives a copy of all his kept checkups; 国保 keeps only those it commissioned', async () => {
    const yamada = system.patient(0);
    const changed = await system.graphql(
      'mutation($linkage: String!, $q: QualificationInput!) { changeInsurer(linkageNumber: $linkage, qualification: $q) { qualificationDate } }',
      {
        linkage: yamada.linkageNumber,
        q: { insuredCardSymbol: '2811', insuredIdentificationNumber: '553299', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: system.demo.asOf, insuredPartialContributionRatio: '030' },
      },
      await system.token('insurer-kyokai'),
    );
    expect(changed.body.errors).toBeUndefined();
    // The qualifications outbox delivers asynchronously (at least once): wait for the transfer to arrive. Until then
    // 協会けんぽ, his insurer of 2022–2025, reads only the checkups it commissioned then.
    const ALL_KEPT = [2022, 2023, 2024, 2025, 2026];
    let newInsurer = await checkupsAs('insurer-kyokai', yamada.id);
    for (let attempt = 0; attempt < 40 && JSON.stringify(newInsurer.body.data?.patient?.checkups.map((c) => c.fiscalYear)) !== JSON.stringify(ALL_KEPT); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      newInsurer = await checkupsAs('insurer-kyokai', yamada.id);
    }
    expect(newInsurer.body.errors).toBeUndefined();
    expect(newInsurer.body.data?.patient?.checkups.map((c) => c.fiscalYear)).toEqual(ALL_KEPT);
    // A copy (seed 2-3): 国保 keeps the checkups it commissioned (FY2025 on), nothing it did not.
    const oldInsurer = await checkupsAs('insurer-kokuho', yamada.id);
    expect(oldInsurer.body.errors).toBeUndefined();
    expect(oldInsurer.body.data?.patient?.checkups.map((c) => c.fiscalYear)).toEqual([2025, 2026]);
  });

  test("the same event reaches consent: the new insurer may read its new member's qualification from then on", async () => {
    // A generated person never insured by 協会けんぽ 東京支部 before.
    const person = Array.from({ length: system.demo.patients - 2 }, (_, k) => system.patient(k + 2)).find((p) => p.coverages.every((c) => c.insurerNumber !== '01130012'));
    if (!person) throw new Error('no suitable demo person');
    const kyokai = await system.token('insurer-kyokai');
    const read = () => system.graphql<{ patient: { name: string } }>('query($id: ID!) { patient(id: $id) { name } }', { id: person.id }, kyokai);
    const before = await read();
    expect(before.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(before.text).not.toContain(person.name);
    const changed = await system.graphql(
      'mutation($linkage: String!, $q: QualificationInput!) { changeInsurer(linkageNumber: $linkage, qualification: $q) { qualificationDate } }',
      { linkage: person.linkageNumber, q: { insuredCardSymbol: '2811', insuredIdentificationNumber: '600123', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: system.demo.asOf, insuredPartialContributionRatio: '030' } },
      kyokai,
    );
    expect(changed.body.errors).toBeUndefined();
    let after = await read();
    for (let attempt = 0; attempt < 40 && after.body.errors !== undefined; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await read();
    }
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.patient.name).toBe(person.name);
  });
});

async function metrics(): Promise<{ statements: number }> {
  return (await (await fetch(`${system.urls.checkups}/metrics`)).json()) as { statements: number };
}

/** `_entities` straight at the checkups subgraph (what the gateway sends when a query spans subgraphs). */
async function entitiesAt(token: string, patientIds: string[]) {
  return system.graphql<{ _entities: Array<{ checkups: Checkup[] }> }>(
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Patient { checkups { fiscalYear items { code value judgement } guidance { level } } } } }`,
    { representations: patientIds.map((id) => ({ __typename: 'Patient', id })) }, token, `${system.urls.checkups}/graphql`,
  );
}

/**
 * yamada at the pharmacy's card reader answers "drug: yes, checkup: yes" (docs/contracts.md contract 4). The consent subgraph must not
 * record a CHECKUP consent for a pharmacy; whatever it records, the pharmacist must still get no checkups.
 */
async function registerPharmacyConsentForYamada(): Promise<void> {
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  const visit = await readerVisit(call, system.demo, system.reader(DEMO_PHARMACY.code), system.patient(0).cardSerial, { drug: true, checkup: true }, { method: 'PIN', pin: DEMO_PIN });
  // The drug consent is there, so the pharmacy visit is real; a checkup consent is never granted to a pharmacy.
  expect(visit.consents).toContainEqual(expect.objectContaining({ category: 'DRUG', facilityCode: DEMO_PHARMACY.code }));
}
