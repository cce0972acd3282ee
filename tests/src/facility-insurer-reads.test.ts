/**
 * What facilities and insurers see (docs/domain.md "What a facility may see at all", "Insurers", "DV and abuse
 * victims"), attacked through the gateway: staff read a person only as the answer to a confirmation at their own
 * facility in the last 24 h, with the coverage it answered and never past insurers; anything else answers NOT_FOUND
 * exactly as an unknown id, and the refusal is logged. Insurers see their own coverage periods, a former one nothing
 * of the later coverage or address; no insurer ends another's coverage; overlapping coverage answers 5 until the old
 * insurer records the loss; the checkup transfer is a copy. A DV-registered person is confirmed like anyone, without
 * address and postcode.
 */
import { DEMO_PHARMACY, type DemoPatient } from '@onshi/demo';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

/** Demo-mode route of qualifications (http/internalRoutes.ts): moves a person's confirmations at a facility back in time. */
const DEMO_AGE_CONFIRMATIONS_PATH = '/internal/demo/age-confirmations';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 16 });
});
afterAll(async () => {
  await system?.stop();
});

/** Staff TOTP codes are single-use per window: one token per account for the whole file. */
const QUALIFICATION_FIELDS = 'id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber qualificationDate disqualificationDate insuredPartialContributionRatio';
const PERSON = `query($id: ID!) { patient(id: $id) { id name birthdate address postNumber currentQualification { ${QUALIFICATION_FIELDS} } qualifications { ${QUALIFICATION_FIELDS} } } }`;
const CONFIRMATION_FIELDS = `qualificationValidity referenceClassification patientId name nameKana sex birthdate address postNumber drugInfoConsentFlag checkupInfoConsentFlag
  qualification { ${QUALIFICATION_FIELDS} } newQualification { ${QUALIFICATION_FIELDS} }`;

interface QualificationView { id: string; insurerNumber: string; insuredIdentificationNumber: string; qualificationDate: string; disqualificationDate: string | null }
interface PersonView { id: string; name: string; address: string | null; postNumber: string | null; currentQualification: QualificationView | null; qualifications: QualificationView[] }
interface ConfirmationView {
  qualificationValidity: string; patientId: string | null; name: string | null; address: string | null; postNumber: string | null;
  drugInfoConsentFlag: string; checkupInfoConsentFlag: string; qualification: QualificationView | null; newQualification: QualificationView | null;
}

async function read(account: string, id: string): Promise<GraphQLResponse<{ patient: PersonView }>> {
  return system.graphql<{ patient: PersonView }>(PERSON, { id }, await system.token(account));
}

type Coverage = DemoPatient['coverages'][number];
function currentCoverage(patient: DemoPatient): Coverage | undefined {
  return patient.coverages.find((c) => c.qualificationDate <= system.demo.asOf && (!c.disqualificationDate || c.disqualificationDate >= system.demo.asOf));
}

async function confirmByNumbers(account: string, coverage: Coverage, birthdate: string): Promise<GraphQLResponse<{ confirmQualificationByInsuranceCard: ConfirmationView }>> {
  return system.graphql<{ confirmQualificationByInsuranceCard: ConfirmationView }>(
    `mutation($i: String!, $s: String!, $n: String!, $b: String, $d: String!) { confirmQualificationByInsuranceCard(insurerNumber: $i, insuredCardSymbol: $s, insuredIdentificationNumber: $n, insuredBranchNumber: $b, birthdate: $d) { ${CONFIRMATION_FIELDS} } }`,
    { i: coverage.insurerNumber, s: coverage.insuredCardSymbol, n: coverage.insuredIdentificationNumber, b: coverage.insuredBranchNumber, d: birthdate }, await system.token(account));
}

async function adminLog(patientId: string): Promise<Array<{ decision: string; reason: string; actorSubject: string; category: string }>> {
  const result = await system.graphql<{ patient: { accessLog: Array<{ decision: string; reason: string; actorSubject: string; category: string }> } }>(
    'query($id: ID!) { patient(id: $id) { accessLog(first: 200) { decision reason actorSubject category } } }', { id: patientId }, await system.token('admin'));
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.patient.accessLog ?? [];
}

/** The error a caller gets, without what differs per request: the id asked for and request ids (nothing else may differ). */
function refusal(result: GraphQLResponse, askedId: string): unknown {
  return {
    status: result.status, data: result.body.data ?? null,
    errors: (result.body.errors ?? []).map(({ message, path, extensions }) => ({ message: message.replaceAll(askedId, '<id>'), path, extensions: { ...extensions, requestId: undefined, correlationId: undefined } })),
  };
}

const UNKNOWN_ID = 'pt_00000000000000000000';

/** A generated person with a current coverage and at least one past insurer (a past 健保組合 would name an employer). */
function personWithPastInsurers(exclude: string[] = []): DemoPatient {
  for (let index = 2; index < 16; index += 1) {
    const patient = system.patient(index);
    if (exclude.includes(patient.id)) continue;
    const current = currentCoverage(patient);
    if (current && patient.coverages.some((c) => c.insurerNumber !== current.insurerNumber)) return patient;
  }
  throw new Error('no generated person with past insurers among the 16');
}

describe('what facilities see: only the answer to a confirmation here, for 24 h', () => {
  let person: DemoPatient;
  beforeAll(() => {
    person = personWithPastInsurers();
  });

  test('pharmacy reception asking for a person nobody confirmed here: NOT_FOUND exactly as an unknown id, no data, logged', async () => {
    const refused = await read('pharmacy-reception', person.id);
    const unknown = await read('pharmacy-reception', UNKNOWN_ID);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refusal(refused, person.id)).toEqual(refusal(unknown, UNKNOWN_ID));
    for (const leak of [person.name, person.address, person.birthdate, ...person.coverages.map((c) => c.insuredIdentificationNumber)]) expect(refused.text).not.toContain(leak);
    expect(refused.text).not.toContain('FORBIDDEN');
    const log = await adminLog(person.id);
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'QUALIFICATION', decision: 'DENY', actorSubject: expect.stringContaining(DEMO_PHARMACY.code) })]));
  });

  test('the clinic doctor is refused the same way', async () => {
    const refused = await read('clinic-doctor', person.id);
    expect(refusal(refused, person.id)).toEqual(refusal(await read('clinic-doctor', UNKNOWN_ID), UNKNOWN_ID));
    expect(refused.text).not.toContain(person.name);
  });

  test('after the pharmacy confirmed the numbers presented: the person and that coverage only, never past insurers', async () => {
    const current = currentCoverage(person);
    if (!current) throw new Error('no current coverage');
    const confirmed = await confirmByNumbers('pharmacy-reception', current, person.birthdate);
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data?.confirmQualificationByInsuranceCard.qualificationValidity).toBe('VALID');
    const result = await read('pharmacy-reception', person.id);
    expect(result.body.errors).toBeUndefined();
    const seen = result.body.data?.patient;
    expect(seen).toMatchObject({ id: person.id, name: person.name, address: person.address, currentQualification: { insurerNumber: current.insurerNumber } });
    expect(seen?.qualifications.map((q) => q.insurerNumber)).toEqual([current.insurerNumber]);
    for (const past of person.coverages.filter((c) => c.insurerNumber !== current.insurerNumber)) {
      expect(result.text).not.toContain(past.insuredIdentificationNumber);
    }
    // The pharmacist of the same pharmacy reads what the counter confirmed, as the shared counter list does.
    expect((await read('pharmacy-pharmacist', person.id)).body.data?.patient.qualifications).toHaveLength(1);
  });

  test('another facility still gets NOT_FOUND: the confirmation opens the person at the pharmacy only', async () => {
    const refused = await read('clinic-reception', person.id);
    expect(refusal(refused, person.id)).toEqual(refusal(await read('clinic-reception', UNKNOWN_ID), UNKNOWN_ID));
    expect(refused.text).not.toContain(person.name);
  });

  test('24 h after the confirmation the pharmacy gets NOT_FOUND again', async () => {
    const response = await fetch(`${system.urls.qualifications}${DEMO_AGE_CONFIRMATIONS_PATH}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret },
      body: JSON.stringify({ patientId: person.id, facilityCode: DEMO_PHARMACY.code, hours: 24 }),
    });
    expect(await response.json()).toEqual({ moved: 1 });
    const refused = await read('pharmacy-reception', person.id);
    expect(refusal(refused, person.id)).toEqual(refusal(await read('pharmacy-reception', UNKNOWN_ID), UNKNOWN_ID));
    expect(refused.text).not.toContain(person.name);
  });
});

describe('DV at the counter: confirmed like anyone, address and postcode withheld, nothing tells the block', () => {
  const sato = () => system.patient(1);

  test("sato's confirmation answers validity, coverage and copay; address and postcode are null; the flags are not 3", async () => {
    const coverage = currentCoverage(sato());
    if (!coverage) throw new Error('sato has no coverage');
    const result = await confirmByNumbers('pharmacy-reception', coverage, sato().birthdate);
    expect(result.body.errors).toBeUndefined();
    const answer = result.body.data?.confirmQualificationByInsuranceCard;
    expect(answer).toMatchObject({
      qualificationValidity: 'VALID', patientId: sato().id, name: sato().name, address: null, postNumber: null,
      qualification: { insurerNumber: coverage.insurerNumber, insuredPartialContributionRatio: coverage.insuredPartialContributionRatio },
    });
    expect(['NOT_CONSENTED', 'CONSENTED', 'EXPIRED']).toContain(answer?.drugInfoConsentFlag);
    expect(answer?.checkupInfoConsentFlag).toBe('UNAVAILABLE'); // a pharmacy never receives checkups, for anyone
    expect(result.text).not.toContain(sato().address);
    expect(result.text).not.toContain(sato().postNumber);
    expect(result.text).not.toMatch(/DV|BLOCK|FORBIDDEN/);

    // The same confirmation of an unblocked person differs only in the values, never in shape or in what is null.
    const other = personWithPastInsurers();
    const otherCoverage = currentCoverage(other);
    if (!otherCoverage) throw new Error('no coverage');
    const normal = (await confirmByNumbers('pharmacy-reception', otherCoverage, other.birthdate)).body.data?.confirmQualificationByInsuranceCard;
    const shape = (value: object | null | undefined) => Object.entries(value ?? {}).map(([key, v]) => [key, v === null ? 'null' : typeof v]);
    expect(shape(answer)).toEqual(shape({ ...normal, address: null, postNumber: null }));
  });

  test('a wrong birth date answers 4 for her exactly as for anyone', async () => {
    const coverage = currentCoverage(sato());
    const other = personWithPastInsurers();
    const otherCoverage = currentCoverage(other);
    if (!coverage || !otherCoverage) throw new Error('no coverage');
    const hers = await confirmByNumbers('pharmacy-reception', coverage, '1950-01-01');
    const theirs = await confirmByNumbers('pharmacy-reception', otherCoverage, '1950-01-01');
    const body = (r: typeof hers) => ({ ...r.body.data?.confirmQualificationByInsuranceCard, confirmedAt: undefined });
    expect(body(hers)).toEqual(body(theirs));
    expect(hers.body.data?.confirmQualificationByInsuranceCard.qualificationValidity).toBe('NOT_FOUND');
  });

  test('the pharmacy that confirmed her reads her as the confirmation answered: no address, as for a person with none on file', async () => {
    const result = await read('pharmacy-reception', sato().id);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.patient).toMatchObject({ name: sato().name, address: null, postNumber: null });
    expect(result.text).not.toContain(sato().address);
    // Another facility: NOT_FOUND exactly as an unknown id.
    expect(refusal(await read('clinic-reception', sato().id), sato().id)).toEqual(refusal(await read('clinic-reception', UNKNOWN_ID), UNKNOWN_ID));
  });
});

describe('insurers: own coverage periods; a former insurer sees nothing of the later coverage or address', () => {
  const yamada = () => system.patient(0);

  test("協会けんぽ, yamada's former insurer, gets only its own period: no current coverage, no address", async () => {
    const result = await read('insurer-kyokai', yamada().id);
    expect(result.body.errors).toBeUndefined();
    const seen = result.body.data?.patient;
    expect(seen).toMatchObject({ name: yamada().name, address: null, postNumber: null, currentQualification: null });
    expect(seen?.qualifications.map((q) => q.insurerNumber)).toEqual(['01130012']);
    expect(result.text).not.toContain(yamada().address);
    expect(result.text).not.toContain('00712345'); // 国保's insured number
    expect(result.text).not.toContain('102938'); // the company union's
    const log = await adminLog(yamada().id);
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'QUALIFICATION', decision: 'ALLOW', reason: 'INSURER', actorSubject: expect.stringContaining('01130012') })]));
  });

  test('国保, his insurer now, gets its own coverage and the address, not the earlier insurers', async () => {
    const result = await read('insurer-kokuho', yamada().id);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.patient).toMatchObject({ address: yamada().address, currentQualification: { insurerNumber: '131011' } });
    expect(result.body.data?.patient.qualifications.map((q) => q.insurerNumber)).toEqual(['131011']);
  });

  test('an insurer of no period of the person: NOT_FOUND as an unknown id', async () => {
    const refused = await read('insurer-kouki', yamada().id);
    expect(refusal(refused, yamada().id)).toEqual(refusal(await read('insurer-kouki', UNKNOWN_ID), UNKNOWN_ID));
    expect(refused.text).not.toContain(yamada().name);
  });

  test("the former insurer's checkups: only those it commissioned, nothing dated after he left", async () => {
    const query = 'query($id: ID!) { patient(id: $id) { checkups { examinedOn insurerNumber } } }';
    const kyokai = await system.graphql<{ patient: { checkups: Array<{ examinedOn: string; insurerNumber: string }> } }>(query, { id: yamada().id }, await system.token('insurer-kyokai'));
    expect(kyokai.body.errors).toBeUndefined();
    const own = kyokai.body.data?.patient.checkups ?? [];
    expect(own.length).toBeGreaterThan(0);
    for (const checkup of own) {
      expect(checkup.insurerNumber).toBe('01130012');
      expect(checkup.examinedOn <= `${Number(system.demo.asOf.slice(0, 4)) - 1}-03-31`).toBe(true);
    }
    const kokuho = await system.graphql<{ patient: { checkups: Array<{ examinedOn: string; insurerNumber: string }> } }>(query, { id: yamada().id }, await system.token('insurer-kokuho'));
    expect(kokuho.body.data?.patient.checkups.length).toBeGreaterThan(own.length);
  });
});

describe('each insurer records its own acquisition and loss; overlap answers 5; the checkup transfer is a copy', () => {
  const yamada = () => system.patient(0);
  let kokuhoCoverageId = '';

  async function kokuhoCoverage(): Promise<QualificationView | undefined> {
    const result = await system.graphql<{ patient: PersonView }>(PERSON, { id: yamada().id }, await system.token('admin'));
    return result.body.data?.patient.qualifications.find((q) => q.insurerNumber === '131011');
  }

  test("協会けんぽ cannot end 国保's coverage of yamada: NOT_FOUND, nothing changes", async () => {
    kokuhoCoverageId = (await kokuhoCoverage())?.id ?? '';
    expect(kokuhoCoverageId).not.toBe('');
    const attempt = await system.graphql('mutation($q: ID!, $d: String!) { endQualification(qualificationId: $q, disqualificationDate: $d) { id disqualificationDate } }',
      { q: kokuhoCoverageId, d: system.demo.asOf }, await system.token('insurer-kyokai'));
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(attempt.body.data ?? null).toBeNull();
    expect((await kokuhoCoverage())?.disqualificationDate).toBeNull();
  });

  test("協会けんぽ records its acquisition: 国保's coverage stays open and the confirmation answers 5 until 国保 records the loss", async () => {
    const acquired = await system.graphql<{ registerQualification: QualificationView }>(
      'mutation($l: String!, $q: QualificationInput!) { registerQualification(linkageNumber: $l, qualification: $q) { id insurerNumber qualificationDate disqualificationDate } }',
      { l: yamada().linkageNumber, q: { insuredCardSymbol: '2811', insuredIdentificationNumber: '778899', insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2026-11-01', insuredPartialContributionRatio: '030' } },
      await system.token('insurer-kyokai'));
    expect(acquired.body.errors).toBeUndefined();
    expect((await kokuhoCoverage())?.disqualificationDate).toBeNull();

    const kokuho = yamada().coverages.find((c) => c.insurerNumber === '131011');
    if (!kokuho) throw new Error('no 国保 coverage');
    const overlap = await confirmByNumbers('clinic-reception', kokuho, yamada().birthdate);
    expect(overlap.body.errors).toBeUndefined();
    expect(overlap.body.data?.confirmQualificationByInsuranceCard).toMatchObject({
      qualificationValidity: 'MULTIPLE', qualification: { insurerNumber: '131011' }, newQualification: { insurerNumber: '01130012', qualificationDate: '2026-11-01' },
    });

    const loss = await system.graphql('mutation($q: ID!, $d: String!) { endQualification(qualificationId: $q, disqualificationDate: $d) { disqualificationDate } }',
      { q: kokuhoCoverageId, d: '2026-10-31' }, await system.token('insurer-kokuho'));
    expect(loss.body.errors).toBeUndefined();
    const after = await confirmByNumbers('clinic-reception', kokuho, yamada().birthdate);
    expect(after.body.data?.confirmQualificationByInsuranceCard).toMatchObject({ qualificationValidity: 'INVALID_NEW_QUALIFICATION', newQualification: { insurerNumber: '01130012' } });
  });

  test('the checkups are copied to 協会けんぽ; 国保 keeps exactly the ones it commissioned', async () => {
    const query = 'query($id: ID!) { patient(id: $id) { checkups { examinedOn insurerNumber } } }';
    type Checkups = { patient: { checkups: Array<{ examinedOn: string; insurerNumber: string }> } };
    // The transfer is delivered by the outbox relay: wait for it.
    let kyokai: GraphQLResponse<Checkups> | undefined;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      kyokai = await system.graphql<Checkups>(query, { id: yamada().id }, await system.token('insurer-kyokai'));
      if ((kyokai.body.data?.patient.checkups ?? []).some((c) => c.insurerNumber === '131011')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const all = kyokai?.body.data?.patient.checkups ?? [];
    expect(all.some((c) => c.insurerNumber === '131011')).toBe(true);
    const kokuho = await system.graphql<Checkups>(query, { id: yamada().id }, await system.token('insurer-kokuho'));
    expect(kokuho.body.errors).toBeUndefined();
    const kept = kokuho.body.data?.patient.checkups ?? [];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((c) => c.insurerNumber === '131011')).toBe(true);
    expect(kept).toEqual(all.filter((c) => c.insurerNumber === '131011'));
  });
});

describe('the clinic still reads a consented person (a card verified at its reader opens the person)', () => {
  test("yamada's seeded consent at the clinic: the clinic doctor reads him with the coverage in force only", async () => {
    const result = await read('clinic-doctor', system.patient(0).id);
    expect(result.body.errors).toBeUndefined();
    const seen = result.body.data?.patient;
    expect(seen?.qualifications.length).toBeLessThanOrEqual(2);
    expect(result.text).not.toContain('102938'); // the company union of 2008: a past employer
  });
});
