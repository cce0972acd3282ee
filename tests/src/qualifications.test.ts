/**
 * Qualifications subgraph, end to end through the gateway: confirmation at the counter by My
 * Number Card and by insurance card (every QualificationValidity), card registration and loss, check
 * digits, history by date, insurer operations, facility isolation of confirmation records, and the
 * statement count of `Patient.qualifications` for 100 patients vs 1.
 *
 * Tokens come from the harness (the real login flows) and card proofs from the real reader flow
 * (docs/contracts.md contract 4: the demo reader's signed statement over the demo virtual card's signature).
 */
import { INTERNAL_SECRET_HEADER, withCheckDigit } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_PHARMACY, DEMO_PIN, DEMO_STAFF } from '@onshi/demo';
import { readerVisit, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { routeCalls, startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

const PATIENTS = 110;
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ patients: PATIENTS });
});
afterAll(async () => {
  await system?.stop();
});

type Data = Record<string, unknown>;
const errorOf = (result: GraphQLResponse<Data>) => result.body.errors?.[0];
const gql = <T = Data>(query: string, variables: Record<string, unknown>, token: string) => system.graphql<T>(query, variables, token);
const login = (account: string) => system.token(account);

/** A card serial of the demo world (docs/contracts.md contract 1). */
const serialOf = (index: number) => system.patient(index).cardSerial;

/**
 * The facility's registered card reader (docs/contracts.md contract 4): the card signs the reader's nonce, the reader checks
 * the person (face / PIN / visual attestation) and signs a statement with the patient's answers ("yes" here,
 * so no seeded consent is withdrawn). Answers the verification token the clerk confirms with.
 */
async function readCard(staffAccount: string, cardSerial: string, method: 'FACE' | 'PIN' | 'VISUAL' = 'FACE'): Promise<string> {
  const facilityCode = DEMO_STAFF.find((staff) => staff.account === staffAccount)?.facilityCode;
  if (!facilityCode) throw new Error(`${staffAccount} has no facility`);
  const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
  const check = method === 'FACE' ? { method } : method === 'PIN' ? { method, pin: DEMO_PIN } : { method, attestedBy: 'R0001' };
  return (await readerVisit(call, system.demo, system.reader(facilityCode), cardSerial, { drug: true, checkup: true }, check)).verificationToken;
}

const QUALIFICATION_FIELDS = 'id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber personalFamilyClassification qualificationDate disqualificationDate insuredPartialContributionRatio limitApplicationCertificateClassificationFlag';
const RESULT_FIELDS = `qualificationValidity referenceClassification confirmedAt patientId name nameKana sex birthdate address postNumber drugInfoConsentFlag checkupInfoConsentFlag qualification { ${QUALIFICATION_FIELDS} } newQualification { ${QUALIFICATION_FIELDS} }`;

interface QualificationView { id: string; insurerNumber: string; insurerName: string; insuredCardSymbol: string; insuredIdentificationNumber: string; insuredBranchNumber: string; qualificationDate: string; disqualificationDate: string | null }
interface ConfirmationView {
  qualificationValidity: string; referenceClassification: string; patientId: string | null; name: string | null; birthdate: string | null;
  drugInfoConsentFlag: string; checkupInfoConsentFlag: string; qualification: QualificationView | null; newQualification: QualificationView | null;
}

async function confirmByCard(staffAccount: string, verificationToken: string) {
  return gql<{ confirmQualificationByCard: ConfirmationView }>(`mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { ${RESULT_FIELDS} } }`, { t: verificationToken }, await login(staffAccount));
}

interface CardNumbers { insurerNumber: string; insuredCardSymbol: string; insuredIdentificationNumber: string; insuredBranchNumber?: string | null; birthdate: string }
async function confirmByNumbers(staffAccount: string, numbers: CardNumbers) {
  return gql<{ confirmQualificationByInsuranceCard: ConfirmationView }>(
    `mutation($i: String!, $s: String!, $n: String!, $b: String, $d: String!) { confirmQualificationByInsuranceCard(insurerNumber: $i, insuredCardSymbol: $s, insuredIdentificationNumber: $n, insuredBranchNumber: $b, birthdate: $d) { ${RESULT_FIELDS} } }`,
    { i: numbers.insurerNumber, s: numbers.insuredCardSymbol, n: numbers.insuredIdentificationNumber, b: numbers.insuredBranchNumber ?? null, d: numbers.birthdate }, await login(staffAccount),
  );
}

/** The consent subgraph's own answer for the flags (docs/contracts.md contract 5), to compare the confirmation with. */
async function consentFlagsFromConsent(patientId: string, facilityCode: string): Promise<{ drug: string; checkup: string }> {
  const response = await fetch(`${system.urls.consent}/internal/consent-flags`, {
    method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret }, body: JSON.stringify({ patientId, facilityCode }),
  });
  // Fail closed: when consent cannot answer, the confirmation says 3 取得困難 for both.
  if (!response.ok) return { drug: '3', checkup: '3' };
  const { drug, checkup } = (await response.json()) as { drug: string; checkup: string };
  return { drug, checkup };
}

/** The API's ConsentFlag names for consent's internal codes (docs/api-guide.md "Enums"): the confirmation answers names. */
const FLAG_NAMES: Record<string, string> = { 0: 'NOT_CONSENTED', 1: 'CONSENTED', 2: 'EXPIRED', 3: 'UNAVAILABLE' };
const named = (flags: { drug: string; checkup: string }) => ({ drug: FLAG_NAMES[flags.drug], checkup: FLAG_NAMES[flags.checkup] });

/** A demo patient (index ≥ 2) whose coverage in force today is with `insurerNumber`, skipping `exclude`. */
function memberOf(insurerNumber: string, exclude: number[] = []): number {
  for (let index = 2; index < PATIENTS; index += 1) {
    // 5 is reported lost and every tenth card is unregistered by other tests.
    if (exclude.includes(index) || index === 5 || index % 10 === 9) continue;
    const open = system.patient(index).coverages.find((c) => c.disqualificationDate === undefined);
    if (open?.insurerNumber === insurerNumber) return index;
  }
  throw new Error(`no demo member of ${insurerNumber}`);
}

function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\s+at .+\.(ts|js):\d+/);
  expect(text).not.toContain('stacktrace');
}

describe('confirmation by My Number Card (ReferenceClassification 1)', () => {
  test('the demo clerk confirms yamada by card: validity 1, current insurer, identity, consent flags from consent', async () => {
    const yamada = system.patient(0);
    const result = await confirmByCard('clinic-reception', await readCard('clinic-reception', yamada.cardSerial, 'FACE'));
    expect(result.body.errors).toBeUndefined();
    const confirmation = result.body.data?.confirmQualificationByCard;
    expect(confirmation).toMatchObject({
      qualificationValidity: 'VALID', referenceClassification: 'MY_NUMBER_CARD', patientId: yamada.id, name: '山田 太郎', birthdate: yamada.birthdate,
      qualification: { insurerNumber: '131011', insurerName: '千代田区国民健康保険', insuredIdentificationNumber: '00712345', disqualificationDate: null },
      newQualification: null,
    });
    const flags = await consentFlagsFromConsent(yamada.id, DEMO_CLINIC.code);
    expect({ drug: confirmation?.drugInfoConsentFlag, checkup: confirmation?.checkupInfoConsentFlag }).toEqual(named(flags));
  });

  test('one call to consent per confirmation: the decision carries the flags, 0 / 1 / 2 exactly as consent answers them', async () => {
    // Patient 13 at the clinic says "no" to drugs (every earlier drug consent there is withdrawn) and "yes" to checkups
    // (1); a drug consent that lapsed yesterday is then on record (2 期限切れ). At the pharmacy: its own flags, checkup 3.
    const person = system.patient(13);
    const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
    const { verificationToken } = await readerVisit(call, system.demo, system.reader(DEMO_CLINIC.code), person.cardSerial, { drug: false, checkup: true });
    const lapsed = await fetch(`${system.urls.consent}/internal/demo/consents`, {
      method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: system.internalSecret },
      body: JSON.stringify({ patientId: person.id, facilityCode: DEMO_CLINIC.code, category: 'DRUG', registeredAt: new Date(Date.now() - 25 * 3_600_000).toISOString() }),
    });
    expect(lapsed.status).toBe(200);
    const consentCalls = () => routeCalls(system.urls.consent);
    const before = await consentCalls();
    const atClinic = await confirmByCard('clinic-reception', verificationToken);
    const after = await consentCalls();
    expect(atClinic.body.errors).toBeUndefined();
    expect(atClinic.body.data?.confirmQualificationByCard).toMatchObject({ patientId: person.id, drugInfoConsentFlag: 'EXPIRED', checkupInfoConsentFlag: 'CONSENTED' });
    expect(await consentFlagsFromConsent(person.id, DEMO_CLINIC.code)).toEqual({ drug: '2', checkup: '1' });
    const delta = (route: string) => (after[route] ?? 0) - (before[route] ?? 0);
    expect({ decisions: delta('POST /internal/decisions'), flags: delta('POST /internal/consent-flags') }).toEqual({ decisions: 1, flags: 0 });

    const atPharmacy = await confirmByCard('pharmacy-reception', await readCard('pharmacy-reception', person.cardSerial));
    expect(atPharmacy.body.errors).toBeUndefined();
    const pharmacyFlags = await consentFlagsFromConsent(person.id, DEMO_PHARMACY.code);
    expect({ drug: atPharmacy.body.data?.confirmQualificationByCard.drugInfoConsentFlag, checkup: atPharmacy.body.data?.confirmQualificationByCard.checkupInfoConsentFlag }).toEqual(named(pharmacyFlags));
    expect(pharmacyFlags.checkup).toBe('3');
  });

  test('PIN and visual verification confirm too, and each method is recorded', async () => {
    for (const method of ['PIN', 'VISUAL'] as const) {
      const result = await confirmByCard('clinic-reception', await readCard('clinic-reception', serialOf(0), method));
      expect(result.body.data?.confirmQualificationByCard.qualificationValidity).toBe('VALID');
    }
    const mine = await gql<{ me: { confirmations: Array<{ method: string; facilityCode: string }> } }>('{ me { confirmations { method facilityCode at } } }', {}, await login('yamada'));
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data?.me.confirmations.map((c) => c.method)).toEqual(expect.arrayContaining(['CARD_FACE', 'CARD_PIN', 'CARD_VISUAL']));
  });

  test("a reader token from another facility is refused (FORBIDDEN) and the patient's data stays out", async () => {
    const pharmacyProof = await readCard('pharmacy-reception', serialOf(0), 'FACE');
    const result = await confirmByCard('clinic-reception', pharmacyProof);
    expect(errorOf(result)?.extensions?.code).toBe('FORBIDDEN');
    expect(result.text).not.toContain('山田');
  });

  test('a forged or garbled verification token is BAD_USER_INPUT with a message for the clerk', async () => {
    const real = await readCard('clinic-reception', serialOf(0));
    const [header, payload] = real.split('.');
    const forged = `${header}.${payload}.${Buffer.alloc(64).toString('base64url')}`;
    for (const token of [forged, 'not-a-token']) {
      const result = await confirmByCard('clinic-reception', token);
      expect(errorOf(result)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'verificationToken' });
      expect(errorOf(result)?.message).toMatch(/card.* \/ .*カード/i);
      expect(result.text).not.toContain('山田');
      expectNoStackTrace(result.text);
    }
  });

  test('a card reported lost gives a clear error and no personal data', async () => {
    const index = 5;
    const proof = await readCard('clinic-reception', serialOf(index));
    const lost = await gql('mutation($s: String!) { reportCardLost(cardSerial: $s) { cardSerial status } }', { s: serialOf(index) }, await login('admin'));
    expect(lost.body.data).toEqual({ reportCardLost: { cardSerial: serialOf(index), status: 'LOST' } });
    const result = await confirmByCard('clinic-reception', proof);
    expect(errorOf(result)?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'LOST', field: 'verificationToken' });
    expect(errorOf(result)?.message).toContain('紛失');
    expect(errorOf(result)?.message).toContain('reported lost');
    expect(result.text).not.toContain(system.patient(index).name);
    expectNoStackTrace(result.text);
  });

  test('a card not registered for health insurance cannot confirm until it is registered (face auth at the counter)', async () => {
    const index = 9; // every tenth generated card is unregistered in the demo (services/seed.ts)
    const before = await confirmByCard('clinic-reception', await readCard('clinic-reception', serialOf(index)));
    expect(errorOf(before)?.extensions).toMatchObject({ code: 'CARD_NOT_USABLE', reason: 'NOT_REGISTERED' });
    expect(errorOf(before)?.message).toContain('初回登録');
    expect(before.text).not.toContain(system.patient(index).name);

    // Only a FACE check verifies a card that is not registered yet (registration at the counter); a PIN check is refused at the reader.
    const byPin = await readCard('clinic-reception', serialOf(index), 'PIN').catch((error: unknown) => String(error));
    expect(byPin).toContain('CARD_NOT_USABLE');

    const registered = await gql<{ registerCardForInsuranceAtCounter: { cardSerial: string; registeredAt: string; status: string } }>(
      'mutation($t: String!) { registerCardForInsuranceAtCounter(verificationToken: $t) { cardSerial registeredAt status } }', { t: await readCard('clinic-reception', serialOf(index), 'FACE') }, await login('clinic-reception'),
    );
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data?.registerCardForInsuranceAtCounter).toMatchObject({ cardSerial: serialOf(index), status: 'ACTIVE' });
    const after = await confirmByCard('clinic-reception', await readCard('clinic-reception', serialOf(index)));
    expect(after.body.data?.confirmQualificationByCard.patientId).toBe(system.patient(index).id);
  });

  test("in the portal a patient registers their own card; another person's card answers NOT_FOUND", async () => {
    const own = await gql<{ registerCardForInsurance: { cardSerial: string; status: string } }>('mutation($s: String!) { registerCardForInsurance(cardSerial: $s) { cardSerial status registeredAt } }', { s: serialOf(0) }, await login('yamada'));
    expect(own.body.data?.registerCardForInsurance).toMatchObject({ cardSerial: serialOf(0), status: 'ACTIVE' });
    for (const serial of [serialOf(19), 'CARD-NO-SUCH-CARD']) {
      const other = await gql('mutation($s: String!) { registerCardForInsurance(cardSerial: $s) { cardSerial } }', { s: serial }, await login('yamada'));
      expect(errorOf(other)?.extensions?.code).toBe('NOT_FOUND');
      expect(other.text).not.toContain(system.patient(19).name);
    }
  });
});

describe('confirmation by insurance-card numbers (ReferenceClassification 2) — every validity value', () => {
  test('1 有効: yamada by his current 国保 card', async () => {
    const yamada = system.patient(0);
    const result = await confirmByNumbers('clinic-reception', { insurerNumber: '131011', insuredCardSymbol: '', insuredIdentificationNumber: '00712345', insuredBranchNumber: '00', birthdate: yamada.birthdate });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'VALID', referenceClassification: 'INSURANCE_CARD', patientId: yamada.id, qualification: { insurerNumber: '131011' }, newQualification: null });
  });

  test('3 無効・新資格あり: his old 協会けんぽ card (full-width digits as typed) names the new qualification', async () => {
    const yamada = system.patient(0);
    const result = await confirmByNumbers('clinic-reception', { insurerNumber: '０１１３００１２', insuredCardSymbol: '２８１１', insuredIdentificationNumber: '５５３２０１', insuredBranchNumber: '００', birthdate: yamada.birthdate });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.confirmQualificationByInsuranceCard).toMatchObject({
      qualificationValidity: 'INVALID_NEW_QUALIFICATION', patientId: yamada.id,
      qualification: { insurerNumber: '01130012', insuredCardSymbol: '2811', disqualificationDate: `${Number(system.demo.asOf.slice(0, 4)) - 1}-03-31` },
      newQualification: { insurerNumber: '131011', insurerName: '千代田区国民健康保険', disqualificationDate: null },
    });
  });

  test('4 該当資格なし: unknown numbers (or a wrong birthdate) return no personal data', async () => {
    const yamada = system.patient(0);
    for (const numbers of [
      { insurerNumber: '131011', insuredCardSymbol: '', insuredIdentificationNumber: '99999999', insuredBranchNumber: '00', birthdate: yamada.birthdate },
      { insurerNumber: '131011', insuredCardSymbol: '', insuredIdentificationNumber: '00712345', insuredBranchNumber: '00', birthdate: '1970-01-01' },
    ]) {
      const result = await confirmByNumbers('clinic-reception', numbers);
      expect(result.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'NOT_FOUND', patientId: null, name: null, qualification: null, drugInfoConsentFlag: 'UNAVAILABLE', checkupInfoConsentFlag: 'UNAVAILABLE' });
      expect(result.text).not.toContain('山田');
    }
  });

  test('5 複数該当: the demo twins share 記号・番号 and birthdate; without 枝番 both match and nothing personal is returned', async () => {
    const twins = { insurerNumber: '06132013', insuredCardSymbol: '4711', insuredIdentificationNumber: '777001', birthdate: '1990-07-07' };
    const both = await confirmByNumbers('clinic-reception', twins);
    expect(both.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'MULTIPLE', patientId: null, name: null, qualification: null });
    expect(both.text).not.toContain('恩志');
    const one = await confirmByNumbers('clinic-reception', { ...twins, insuredBranchNumber: '02' });
    expect(one.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'VALID', name: '恩志 双子', qualification: { insuredBranchNumber: '02' } });
  });

  test('2 無効: after the insurer ends the only coverage, by numbers and by card', async () => {
    const index = memberOf('01130012');
    const person = system.patient(index);
    const open = person.coverages.find((c) => c.disqualificationDate === undefined);
    if (!open) throw new Error('no open coverage');
    const history = await gql<{ patient: { qualifications: QualificationView[] } }>(`query($id: ID!) { patient(id: $id) { qualifications { ${QUALIFICATION_FIELDS} } } }`, { id: person.id }, await login('admin'));
    const current = history.body.data?.patient.qualifications.find((q) => q.disqualificationDate === null);
    if (!current) throw new Error(`no current qualification: ${history.text}`);
    const ended = await gql<{ endQualification: QualificationView }>('mutation($q: ID!, $d: String!) { endQualification(qualificationId: $q, disqualificationDate: $d) { id disqualificationDate } }', { q: current.id, d: '2026-11-01' }, await login('insurer-kyokai'));
    expect(ended.body.errors).toBeUndefined();
    expect(ended.body.data?.endQualification.disqualificationDate).toBe('2026-11-01');

    const byNumbers = await confirmByNumbers('clinic-reception', { insurerNumber: open.insurerNumber, insuredCardSymbol: open.insuredCardSymbol, insuredIdentificationNumber: open.insuredIdentificationNumber, insuredBranchNumber: open.insuredBranchNumber, birthdate: person.birthdate });
    expect(byNumbers.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'INVALID', newQualification: null, qualification: { id: current.id, disqualificationDate: '2026-11-01' } });
    const byCard = await confirmByCard('clinic-reception', await readCard('clinic-reception', person.cardSerial));
    expect(byCard.body.data?.confirmQualificationByCard).toMatchObject({ qualificationValidity: 'INVALID', qualification: { id: current.id } });
  });

  test('the result type has no drug or checkup field: selecting one is refused, nothing is executed', async () => {
    const result = await gql('mutation($t: String!) { confirmQualificationByCard(verificationToken: $t) { qualificationValidity dispensings { drugName } } }', { t: 'x' }, await login('clinic-reception'));
    expect(errorOf(result)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.body.data ?? null).toBeNull();
  });

  test('a DV-blocked person is confirmed like anyone, without address or postcode (nothing tells the clerk)', async () => {
    const sato = system.patient(1);
    const first = sato.coverages[0];
    if (!first) throw new Error('sato has no coverage');
    const result = await confirmByNumbers('clinic-reception', { ...first, birthdate: sato.birthdate });
    expect(errorOf(result)).toBeUndefined();
    expect(result.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'VALID', patientId: sato.id, address: null, postNumber: null, qualification: { insurerNumber: first.insurerNumber } });
    expect(result.text).not.toContain(sato.address);
    expect(result.text).not.toContain(sato.postNumber);
    expect(result.body.data?.confirmQualificationByInsuranceCard.drugInfoConsentFlag).not.toBe('UNAVAILABLE');
  });
});

describe('validation: clear BAD_USER_INPUT in Japanese and English, never a stack trace', () => {
  const yamadaBirthdate = () => system.patient(0).birthdate;

  test('insurer numbers: the valid examples of docs/domain.md pass, wrong check digits and lengths are refused with the field', async () => {
    for (const valid of ['33120015', '01130012', '06132013', '131011']) {
      const result = await confirmByNumbers('clinic-reception', { insurerNumber: valid, insuredCardSymbol: '1', insuredIdentificationNumber: '1', birthdate: yamadaBirthdate() });
      expect(result.body.data?.confirmQualificationByInsuranceCard.qualificationValidity).toBe('NOT_FOUND');
    }
    for (const [wrong, pattern] of [['33120016', /check digit.*5 \/ .*検証番号/], ['01130013', /check digit.* \/ .*検証番号/], ['131012', /検証番号/], ['1311', /8 digits \/ .*6桁/], ['0113001X', /8桁/]] as const) {
      const result = await confirmByNumbers('clinic-reception', { insurerNumber: wrong, insuredCardSymbol: '1', insuredIdentificationNumber: '1', birthdate: yamadaBirthdate() });
      expect(errorOf(result)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'insurerNumber' });
      expect(errorOf(result)?.message).toMatch(pattern);
      expect(result.body.data ?? null).toBeNull();
      expectNoStackTrace(result.text);
    }
  });

  test('facility codes: the example of docs/domain.md and the demo facilities pass the check digit; wrong ones are refused', async () => {
    const token = await login('clinic-reception');
    const found = await gql<{ facility: { code: string; kind: string } }>('query($c: String!) { facility(code: $c) { code name kind } }', { c: DEMO_PHARMACY.code }, token);
    expect(found.body.data?.facility).toMatchObject({ code: DEMO_PHARMACY.code, kind: 'PHARMACY' });
    const example = await gql('query($c: String!) { facility(code: $c) { code } }', { c: '0110113719' }, token);
    expect(errorOf(example)?.extensions?.code).toBe('NOT_FOUND'); // valid code, not in the demo master
    const wrongDigit = `${DEMO_CLINIC.code.slice(0, 9)}${(Number(DEMO_CLINIC.code.slice(9)) + 1) % 10}`;
    for (const [code, pattern] of [['0110113718', /check digit.*9 \/ .*検証番号/], [wrongDigit, /検証番号/], [withCheckDigit('012011371'), /table code.* \/ .*点数表/], ['011011371', /10 digits \/ .*10桁/]] as const) {
      const result = await gql('query($c: String!) { facility(code: $c) { code name } }', { c: code }, token);
      expect(errorOf(result)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(errorOf(result)?.message).toMatch(pattern);
      expectNoStackTrace(result.text);
    }
  });

  test('malformed 記号・番号・枝番 and future or impossible birthdates name their field', async () => {
    const base = { insurerNumber: '131011', insuredCardSymbol: '', insuredIdentificationNumber: '00712345', insuredBranchNumber: '00', birthdate: yamadaBirthdate() };
    const cases: Array<[Partial<CardNumbers>, string]> = [
      [{ insuredCardSymbol: '28 11' }, 'insuredCardSymbol'],
      [{ insuredCardSymbol: '<script>' }, 'insuredCardSymbol'],
      [{ insuredIdentificationNumber: '' }, 'insuredIdentificationNumber'],
      [{ insuredIdentificationNumber: '1'.repeat(21) }, 'insuredIdentificationNumber'],
      [{ insuredBranchNumber: '1' }, 'insuredBranchNumber'],
      [{ birthdate: '2099-01-01' }, 'birthdate'],
      [{ birthdate: '1990-02-30' }, 'birthdate'],
      [{ birthdate: '19900101' }, 'birthdate'],
    ];
    for (const [change, field] of cases) {
      const result = await confirmByNumbers('clinic-reception', { ...base, ...change });
      expect(errorOf(result)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errorOf(result)?.message).toMatch(/[A-Za-z].* \/ [ぁ-んァ-ヶ一-龯]/);
      expect(result.text).not.toContain('山田');
      expectNoStackTrace(result.text);
    }
    const future = await confirmByNumbers('clinic-reception', { ...base, birthdate: '2099-01-01' });
    expect(errorOf(future)?.message).toContain('未来');
  });
});

describe('who sees what', () => {
  test('reception sees the qualification fields of a patient', async () => {
    const result = await gql<{ patient: { currentQualification: { insurerNumber: string } } }>('query($id: ID!) { patient(id: $id) { name currentQualification { insurerNumber insuredIdentificationNumber } } }', { id: system.patient(0).id }, await login('clinic-reception'));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.patient.currentQualification.insurerNumber).toBe('131011');
  });

  // Reception reads drugs and checkups only with a disaster viewing authority (docs/domain.md "Disaster"), which the
  // decision point reads from the database; without one the fields are refused there, and nothing of them leaves.
  test('reception asking for dispensings or checkups in the same request gets FORBIDDEN for them and none of their data', async () => {
    const token = await login('clinic-reception');
    for (const [field, selection, leak] of [['dispensings', 'dispensings { edges { node { drugName } } }', 'drugName'], ['checkups', 'checkups { fiscalYear }', 'fiscalYear']] as const) {
      const result = await gql<{ patient: Record<string, unknown> | null }>(`query($id: ID!) { patient(id: $id) { name currentQualification { insurerNumber } ${selection} } }`, { id: system.patient(0).id }, token);
      expect(errorOf(result)?.extensions?.code).toBe('FORBIDDEN');
      expect(result.body.data?.patient?.[field] ?? null).toBeNull();
      expect(result.text).not.toContain(leak);
    }
  });

  test("confirmation records: facility A never reads facility B's; the patient sees both", async () => {
    const yamada = system.patient(0);
    await confirmByCard('clinic-reception', await readCard('clinic-reception', yamada.cardSerial));
    await confirmByCard('pharmacy-reception', await readCard('pharmacy-reception', yamada.cardSerial));
    const query = 'query($id: ID!) { patient(id: $id) { confirmations { facilityCode facilityName method qualificationValidity at } } }';

    const pharmacy = await gql<{ patient: { confirmations: Array<{ facilityCode: string }> } }>(query, { id: yamada.id }, await login('pharmacy-reception'));
    expect(pharmacy.body.errors).toBeUndefined();
    const pharmacyCodes = new Set(pharmacy.body.data?.patient.confirmations.map((c) => c.facilityCode));
    expect([...pharmacyCodes]).toEqual([DEMO_PHARMACY.code]);
    expect(pharmacy.text).not.toContain(DEMO_CLINIC.code);
    expect(pharmacy.text).not.toContain(DEMO_CLINIC.name);

    const clinic = await gql<{ patient: { confirmations: Array<{ facilityCode: string }> } }>(query, { id: yamada.id }, await login('clinic-doctor'));
    expect([...new Set(clinic.body.data?.patient.confirmations.map((c) => c.facilityCode))]).toEqual([DEMO_CLINIC.code]);
    expect(clinic.text).not.toContain(DEMO_PHARMACY.code);

    // The hospital never confirmed him: it cannot even find him (docs/domain.md "What a facility may see at all").
    const hospital = await gql<{ patient: { confirmations: unknown[] } }>(query, { id: yamada.id }, await login('hospital-doctor'));
    expect(errorOf(hospital)?.extensions?.code).toBe('NOT_FOUND');
    expect(hospital.body.data?.patient ?? null).toBeNull();
    expect(hospital.text).not.toContain(DEMO_CLINIC.code);

    const self = await gql<{ me: { confirmations: Array<{ facilityCode: string; facilityName: string }> } }>('{ me { confirmations { facilityCode facilityName } } }', {}, await login('yamada'));
    expect(new Set(self.body.data?.me.confirmations.map((c) => c.facilityCode))).toEqual(new Set([DEMO_CLINIC.code, DEMO_PHARMACY.code]));
  });

  test('PHR apps and insurers may not read confirmation records (refused at the gateway)', async () => {
    const result = await gql('query($id: ID!) { patient(id: $id) { confirmations { facilityCode } } }', { id: system.patient(0).id }, await login('insurer-kokuho'));
    expect(errorOf(result)?.extensions?.code).toBe('FORBIDDEN');
    expect(result.text).not.toContain(DEMO_CLINIC.code);
  });
});

describe('history by date and insurer operations', () => {
  test("yamada's history answers 'who insured him on date D' for each period", async () => {
    const year = Number(system.demo.asOf.slice(0, 4));
    const result = await gql<Record<string, { insurerNumber: string } | null>>(
      `query($id: ID!) { patient(id: $id) {
        a: qualificationOn(date: "2015-06-01") { insurerNumber }
        b: qualificationOn(date: "${year - 4}-03-31") { insurerNumber }
        c: qualificationOn(date: "${year - 4}-04-01") { insurerNumber }
        d: qualificationOn(date: "${year - 1}-04-01") { insurerNumber }
        e: qualificationOn(date: "2000-01-01") { insurerNumber }
      } }`, { id: system.patient(0).id }, await login('admin'),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.patient).toEqual({ a: { insurerNumber: '06132013' }, b: { insurerNumber: '06132013' }, c: { insurerNumber: '01130012' }, d: { insurerNumber: '131011' }, e: null });
    // The clinic (a consent and a confirmation here) sees only the coverage it confirmed: never the past insurers.
    const clinic = await gql<Record<string, Record<string, unknown>>>(`query($id: ID!) { patient(id: $id) {
        a: qualificationOn(date: "2015-06-01") { insurerNumber } c: qualificationOn(date: "${year - 4}-04-01") { insurerNumber } d: qualificationOn(date: "${year - 1}-04-01") { insurerNumber }
      } }`, { id: system.patient(0).id }, await login('clinic-doctor'));
    expect(clinic.body.data?.patient).toEqual({ a: null, c: null, d: { insurerNumber: '131011' } });
  });

  test('people aged 70–74 carry 高齢受給者 information on their current qualification', async () => {
    const asOf = system.demo.asOf;
    const ageOf = (birthdate: string) => Number(asOf.slice(0, 4)) - Number(birthdate.slice(0, 4)) - (asOf.slice(5) < birthdate.slice(5) ? 1 : 0);
    let index = -1;
    for (let k = 2; k < PATIENTS && index < 0; k += 1) {
      const age = ageOf(system.patient(k).birthdate);
      if (age >= 70 && age < 75) index = k;
    }
    expect(index).toBeGreaterThan(1);
    const person = system.patient(index);
    const result = await gql<{ patient: { currentQualification: { elderlyRecipientContributionRatio: string | null; elderlyRecipientValidStartDate: string | null; elderlyRecipientValidEndDate: string | null } | null } }>(
      'query($id: ID!) { patient(id: $id) { currentQualification { elderlyRecipientContributionRatio elderlyRecipientValidStartDate elderlyRecipientValidEndDate } } }', { id: person.id }, await login('admin'),
    );
    const seventyFifth = `${Number(person.birthdate.slice(0, 4)) + 75}${person.birthdate.slice(4)}`;
    expect(result.body.data?.patient.currentQualification).toMatchObject({ elderlyRecipientContributionRatio: '020' });
    expect(result.body.data?.patient.currentQualification?.elderlyRecipientValidEndDate).toBe(new Date(Date.parse(`${seventyFifth}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    expect(result.body.data?.patient.currentQualification?.elderlyRecipientValidStartDate?.endsWith('-01')).toBe(true);
  });

  test('changeInsurer (deprecated) acquires for the new insurer and leaves the old coverage open: 5 until the old insurer records the loss, then 3', async () => {
    const index = memberOf('01130012', [memberOf('01130012')]);
    const person = system.patient(index);
    const old = person.coverages.find((c) => c.disqualificationDate === undefined);
    if (!old) throw new Error('no open coverage');
    const changed = await gql<{ changeInsurer: QualificationView }>(
      `mutation($l: String!, $q: QualificationInput!) { changeInsurer(linkageNumber: $l, qualification: $q) { ${QUALIFICATION_FIELDS} } }`,
      { l: person.linkageNumber, q: { insuredCardSymbol: '', insuredIdentificationNumber: '00990001', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2026-10-01', insuredPartialContributionRatio: '030' } },
      await login('insurer-kokuho'),
    );
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data?.changeInsurer).toMatchObject({ insurerNumber: '131011', qualificationDate: '2026-10-01', disqualificationDate: null });

    const byDate = await gql<{ patient: { qualifications: Array<{ insurerNumber: string; disqualificationDate: string | null }> } }>(
      'query($id: ID!) { patient(id: $id) { qualifications { insurerNumber disqualificationDate } } }', { id: person.id }, await login('admin'),
    );
    // 国保 did not end 協会けんぽ's coverage (docs/domain.md "Insurers"): both are open.
    expect(byDate.body.data?.patient.qualifications.filter((q) => q.disqualificationDate === null).map((q) => q.insurerNumber).sort()).toEqual(['01130012', '131011']);
    // The change reaches checkups through the outbox (docs/contracts.md contract 6): one event, delivered.
    let events: Array<{ fromInsurerNumber: string | null; toInsurerNumber: string; effectiveDate: string; deliveredAt: string | null }> = [];
    for (let tries = 0; tries < 50; tries += 1) {
      const listed = await gql<{ insurerChangeEvents: typeof events }>('query($p: ID!) { insurerChangeEvents(patientId: $p) { eventId fromInsurerNumber toInsurerNumber effectiveDate attempts deliveredAt lastError } }', { p: person.id }, await login('admin'));
      events = listed.body.data?.insurerChangeEvents ?? [];
      if (events[0]?.deliveredAt) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromInsurerNumber: '01130012', toInsurerNumber: '131011', effectiveDate: '2026-10-01', deliveredAt: expect.any(String) });

    const oldNumbers = { insurerNumber: old.insurerNumber, insuredCardSymbol: old.insuredCardSymbol, insuredIdentificationNumber: old.insuredIdentificationNumber, insuredBranchNumber: old.insuredBranchNumber, birthdate: person.birthdate };
    const overlap = await confirmByNumbers('clinic-reception', oldNumbers);
    expect(overlap.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'MULTIPLE', qualification: { insurerNumber: '01130012' }, newQualification: { insurerNumber: '131011', insuredIdentificationNumber: '00990001' } });

    // 協会けんぽ records the loss of its own member; then the old card answers 3 with the new coverage.
    const own = await gql<{ patient: { qualifications: Array<{ id: string; insurerNumber: string; disqualificationDate: string | null }> } }>(
      'query($id: ID!) { patient(id: $id) { qualifications { id insurerNumber disqualificationDate } } }', { id: person.id }, await login('insurer-kyokai'));
    const openOwn = own.body.data?.patient.qualifications.find((q) => q.disqualificationDate === null);
    expect(own.body.data?.patient.qualifications.every((q) => q.insurerNumber === '01130012')).toBe(true);
    const loss = await gql('mutation($q: ID!) { endQualification(qualificationId: $q, disqualificationDate: "2026-09-30") { id } }', { q: openOwn?.id }, await login('insurer-kyokai'));
    expect(errorOf(loss)).toBeUndefined();
    const oldCard = await confirmByNumbers('clinic-reception', oldNumbers);
    expect(oldCard.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'INVALID_NEW_QUALIFICATION', newQualification: { insurerNumber: '131011', insuredIdentificationNumber: '00990001' } });
  });

  test('insurers act on their own members only; other roles cannot; bad input is refused before any write', async () => {
    const yamadaHistory = await gql<{ patient: { qualifications: QualificationView[] } }>(`query($id: ID!) { patient(id: $id) { qualifications { ${QUALIFICATION_FIELDS} } } }`, { id: system.patient(0).id }, await login('admin'));
    const kokuhoCoverage = yamadaHistory.body.data?.patient.qualifications.find((q) => q.insurerNumber === '131011');
    if (!kokuhoCoverage) throw new Error(yamadaHistory.text);
    const foreign = await gql('mutation($q: ID!) { endQualification(qualificationId: $q, disqualificationDate: "2026-11-01") { id } }', { q: kokuhoCoverage.id }, await login('insurer-kyokai'));
    expect(errorOf(foreign)?.extensions?.code).toBe('NOT_FOUND');

    const byClerk = await gql('mutation($q: ID!) { endQualification(qualificationId: $q, disqualificationDate: "2026-11-01") { id } }', { q: kokuhoCoverage.id }, await login('clinic-reception'));
    expect(errorOf(byClerk)?.extensions?.code).toBe('FORBIDDEN');

    const future = await gql('mutation($q: ID!) { endQualification(qualificationId: $q, disqualificationDate: "2099-01-01") { id } }', { q: kokuhoCoverage.id }, await login('insurer-kokuho'));
    expect(errorOf(future)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'disqualificationDate' });

    // An insurer cannot acquire a person again while its own coverage of them is in force.
    const overlapping = await gql(
      'mutation($l: String!, $q: QualificationInput!) { registerQualification(linkageNumber: $l, qualification: $q) { id } }',
      { l: system.patient(0).linkageNumber, q: { insuredCardSymbol: '1', insuredIdentificationNumber: '1', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2026-11-01', insuredPartialContributionRatio: '030' } },
      await login('insurer-kokuho'),
    );
    expect(errorOf(overlapping)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'qualificationDate' });

    const after = await gql<{ patient: { currentQualification: { insurerNumber: string; disqualificationDate: string | null } } }>('query($id: ID!) { patient(id: $id) { currentQualification { insurerNumber disqualificationDate } qualifications { id } } }', { id: system.patient(0).id }, await login('admin'));
    expect(after.body.data?.patient.currentQualification).toEqual({ insurerNumber: '131011', disqualificationDate: null });
  });

  test('registerQualification after a loss of coverage starts the new period', async () => {
    // The member ended in the validity-2 test above has no coverage since 2026-11-01.
    const index = memberOf('01130012');
    const person = system.patient(index);
    const registered = await gql<{ registerQualification: QualificationView }>(
      `mutation($l: String!, $q: QualificationInput!) { registerQualification(linkageNumber: $l, qualification: $q) { ${QUALIFICATION_FIELDS} } }`,
      { l: person.linkageNumber, q: { insuredCardSymbol: '', insuredIdentificationNumber: '00990002', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2026-11-02', insuredPartialContributionRatio: '030' } },
      await login('insurer-kokuho'),
    );
    expect(registered.body.errors).toBeUndefined();
    const byCard = await confirmByCard('hospital-doctor', await readCard('hospital-doctor', person.cardSerial));
    expect(byCard.body.data?.confirmQualificationByCard).toMatchObject({ qualificationValidity: 'VALID', qualification: { insurerNumber: '131011', insuredIdentificationNumber: '00990002' } });
  });
});

describe('batching: Patient.qualifications costs the same SQL for 100 patients as for 1', () => {
  async function statements(): Promise<number> {
    const metrics = (await (await fetch(`${system.urls.qualifications}/metrics`)).json()) as { statements: number };
    return metrics.statements;
  }
  async function entitiesDelta(count: number): Promise<number> {
    // hospital-doctor has consents for every patient with index ≥ 2 (demo seed).
    const representations = Array.from({ length: count }, (_, k) => ({ __typename: 'Patient', id: system.patient(k + 2).id }));
    const before = await statements();
    const result = await system.graphql<{ _entities: Array<{ qualifications: unknown[] }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id name qualifications { ${QUALIFICATION_FIELDS} } currentQualification { insurerNumber } qualificationOn(date: "2024-01-01") { insurerNumber } confirmations { at } } } }`,
      { r: representations }, await login('hospital-doctor'), `${system.urls.qualifications}/graphql`,
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?._entities).toHaveLength(count);
    expect(result.body.data?._entities.every((p) => p.qualifications.length > 0)).toBe(true);
    return (await statements()) - before;
  }

  test('statement deltas on /metrics are equal for 1 and 100 patients', async () => {
    const one = await entitiesDelta(1);
    const hundred = await entitiesDelta(100);
    expect(one).toBeGreaterThan(0);
    expect(hundred).toBe(one);
  });
});
