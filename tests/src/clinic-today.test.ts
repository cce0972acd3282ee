/**
 * 本日の資格確認 at a facility: `confirmationsAtMyFacilityToday` is one list shared by every
 * staff PC of the facility (it replaced a per-browser cookie), with this visit's consent flags and the time
 * each consent has left. Attacks: another facility's staff, roles without a counter, asking it for drug
 * data, and a person DV-blocked after the confirmation.
 */
import { DEMO_STAFF } from '@onshi/demo';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 12 });
});
afterAll(async () => {
  await system?.stop();
});

interface Row {
  patientId: string; name: string; confirmedAt: string; method: string; qualificationValidity: string;
  drugInfoConsentFlag: string; checkupInfoConsentFlag: string; drugConsentExpiresAt: string | null; checkupConsentExpiresAt: string | null;
}
const LIST = `{ confirmationsAtMyFacilityToday { patientId name nameKana sex birthdate confirmedAt method qualificationValidity
  drugInfoConsentFlag checkupInfoConsentFlag drugConsentExpiresAt checkupConsentExpiresAt } }`;

/** Staff TOTP codes are single-use per window: one token per account for the whole file. */
async function listOf(account: string): Promise<GraphQLResponse<{ confirmationsAtMyFacilityToday: Row[] }>> {
  return system.graphql<{ confirmationsAtMyFacilityToday: Row[] }>(LIST, {}, await system.token(account));
}

const call: GraphQLCall = async (query, variables, bearer) => (await system.graphql(query, variables, bearer)).body;

/** The reader flow at the staff member's facility (docs/contracts.md contract 4) with the patient's answers, then the confirmation by card. */
async function visit(staffAccount: string, patientIndex: number, answers: { drug: boolean; checkup: boolean }): Promise<void> {
  const token = await system.token(staffAccount);
  const facilityCode = DEMO_STAFF.find((staff) => staff.account === staffAccount)?.facilityCode ?? '';
  const { verificationToken } = await readerVisit(call, system.demo, system.reader(facilityCode), system.patient(patientIndex).cardSerial, answers);
  const confirmed = await system.graphql<{ confirmQualificationByCard: { qualificationValidity: string } }>(
    'mutation($v: String!) { confirmQualificationByCard(verificationToken: $v) { qualificationValidity } }', { v: verificationToken }, token);
  expect(confirmed.body.errors).toBeUndefined();
}

const BOTH = 3;
const DRUG_ONLY = 4;
const AT_PHARMACY = 6;
const LATER_BLOCKED = 7;

describe('one list for every staff PC of the facility', () => {
  beforeAll(async () => {
    await visit('clinic-reception', BOTH, { drug: true, checkup: true });
    await visit('clinic-reception', DRUG_ONLY, { drug: true, checkup: false });
    await visit('pharmacy-reception', AT_PHARMACY, { drug: true, checkup: false });
  });

  test("the doctor's PC lists the people reception confirmed, with each category's consent and until when it lasts", async () => {
    const before = Date.now();
    const result = await listOf('clinic-doctor');
    expect(result.body.errors).toBeUndefined();
    const rows = result.body.data?.confirmationsAtMyFacilityToday ?? [];
    const both = rows.find((row) => row.patientId === system.patient(BOTH).id);
    expect(both).toMatchObject({ name: system.patient(BOTH).name, method: 'CARD_FACE', qualificationValidity: 'VALID', drugInfoConsentFlag: 'CONSENTED', checkupInfoConsentFlag: 'CONSENTED' });
    // Valid 24 h from registration (docs/domain.md "Consent (同意) — the core rule"): registered moments ago, so 23–24 h are left.
    for (const until of [both?.drugConsentExpiresAt, both?.checkupConsentExpiresAt]) {
      const left = Date.parse(until ?? '') - before;
      expect(left).toBeGreaterThan(23 * 3_600_000);
      expect(left).toBeLessThanOrEqual(24 * 3_600_000);
    }
    const drugOnly = rows.find((row) => row.patientId === system.patient(DRUG_ONLY).id);
    expect(drugOnly).toMatchObject({ drugInfoConsentFlag: 'CONSENTED', checkupInfoConsentFlag: 'NOT_CONSENTED', checkupConsentExpiresAt: null });
    expect(drugOnly?.drugConsentExpiresAt).toEqual(expect.any(String));
    // Newest first, one row per person.
    expect(rows.map((row) => row.patientId)).toEqual([...new Set(rows.map((row) => row.patientId))]);
    expect([...rows.map((row) => row.confirmedAt)].sort().reverse()).toEqual(rows.map((row) => row.confirmedAt));
    // The reception PC sees the very same list.
    const reception = await listOf('clinic-reception');
    expect(reception.body.data?.confirmationsAtMyFacilityToday.map((row) => row.patientId)).toEqual(rows.map((row) => row.patientId));
  });

  test("another facility's staff never see it: the hospital's list is empty, the pharmacy's has only its own", async () => {
    const hospital = await listOf('hospital-doctor');
    expect(hospital.body.errors).toBeUndefined();
    expect(hospital.body.data?.confirmationsAtMyFacilityToday).toEqual([]);
    for (const index of [BOTH, DRUG_ONLY]) {
      expect(hospital.text).not.toContain(system.patient(index).id);
      expect(hospital.text).not.toContain(system.patient(index).name);
    }
    const pharmacy = await listOf('pharmacy-pharmacist');
    expect(pharmacy.body.data?.confirmationsAtMyFacilityToday.map((row) => row.patientId)).toEqual([system.patient(AT_PHARMACY).id]);
    expect(pharmacy.text).not.toContain(system.patient(BOTH).name);
    const clinic = await listOf('clinic-doctor');
    expect(clinic.text).not.toContain(system.patient(AT_PHARMACY).id);
  });

  test('patients, apps, insurers and the operator have no counter: FORBIDDEN and no data', async () => {
    for (const account of ['yamada', 'phr-demo', 'insurer-kokuho', 'admin']) {
      const result = await listOf(account);
      expect({ account, code: result.body.errors?.[0]?.extensions?.code }).toEqual({ account, code: 'FORBIDDEN' });
      expect(result.body.data ?? null).toBeNull();
      expect(result.text).not.toContain(system.patient(BOTH).name);
    }
  });

  test('the list carries no drug or checkup data: selecting any is refused before anything runs', async () => {
    for (const selection of ['medicationSummary { polypharmacy }', 'dispensings(first: 1) { edges { node { drugName } } }', 'checkups { fiscalYear }']) {
      const result = await system.graphql(`{ confirmationsAtMyFacilityToday { patientId ${selection} } }`, {}, await system.token('clinic-reception'));
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.body.data ?? null).toBeNull();
      expect(result.text).not.toContain(system.patient(BOTH).name);
    }
  });

  test('a person DV-blocked after the visit stays listed like anyone (nothing tells the clerk), and her drugs read as none', async () => {
    const blocked = system.patient(LATER_BLOCKED);
    await visit('clinic-reception', LATER_BLOCKED, { drug: true, checkup: true });
    expect((await listOf('clinic-doctor')).body.data?.confirmationsAtMyFacilityToday.map((row) => row.patientId)).toContain(blocked.id);
    const admin = await system.token('admin');
    const block = await system.graphql('mutation($p: String!) { registerDvBlock(patientId: $p, requestReference: "test: the person request") { patientId } }', { p: blocked.id }, admin);
    expect(block.body.errors).toBeUndefined();
    const after = await listOf('clinic-doctor');
    expect(after.body.errors).toBeUndefined();
    // docs/domain.md "DV and abuse victims": the confirmation works as for anyone; a row that vanished, or flags of 3,
    // would tell the clerk that a block exists.
    const row = after.body.data?.confirmationsAtMyFacilityToday.find((entry) => entry.patientId === blocked.id);
    expect(row).toMatchObject({ name: blocked.name, drugInfoConsentFlag: 'CONSENTED', checkupInfoConsentFlag: 'CONSENTED' });
    // She consented here: her records read as a person's with none (docs/domain.md "DV": like no records), not as a
    // refusal that her "consent given" flags would contradict.
    const drugs = await system.graphql('query($id: ID!) { patient(id: $id) { medicationSummary { activeDrugs { dispensing { drugName } } } dispensings(first: 5) { edges { node { drugName } } } } }', { id: blocked.id }, await system.token('clinic-doctor'));
    expect(drugs.body).toEqual({ data: { patient: { medicationSummary: { activeDrugs: [] }, dispensings: { edges: [] } } } });
  });
});
