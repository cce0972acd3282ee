// The drugs subgraph (docs/drugs.md) through the real system: gateway, four subgraphs, real database.
import { storedDemoClaimsOf } from '../../subgraphs/drugs/src/services/seed';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { retentionCutoff } from '../../subgraphs/drugs/src/services/retention';
import { YEN_PER_POINT, type Claim } from '../../subgraphs/drugs/src/services/claims';
// The virtual My Number Card and the demo reader belong to the consent subgraph (docs/contracts.md contracts 1 and 4): used here as the devices.
import { readerVisit, type GraphQLCall } from '../../subgraphs/consent/src/cli/demoClient';
import { claimsViewableThrough, instantOfJapanDate } from '@onshi/kit';
import { DEMO_PHARMACY, DEMO_PIN, demoPhrAppSecret } from '@onshi/demo';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  // 110 patients: demo indexes 2..101 give the statement-count test its 100 consented patients.
  system = await startTestSystem({ patients: 110 });
});
afterAll(async () => {
  await system?.stop();
});

interface DispensingNode {
  date: string;
  drugCode: string;
  drugName: string;
  ingredient: string;
  quantity: number;
  unit: string;
  usage: string;
  days: number | null;
  inOut: string;
  prescribingFacilityCode: string;
  prescribingFacility: { code: string; name: string | null };
  pharmacyCode: string | null;
  pharmacy: { code: string; name: string | null } | null;
}
interface DispensingPage {
  edges: Array<{ cursor: string; node: DispensingNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const DISPENSING_FIELDS = 'date drugCode drugName ingredient quantity unit usage days inOut prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name }';
const MY_DISPENSINGS = `query($first: Int!, $after: String) { me { dispensings(first: $first, after: $after) { edges { cursor node { ${DISPENSING_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;
const PATIENT_DISPENSINGS = `query($id: ID!, $from: String, $to: String) { patient(id: $id) { dispensings(first: 100, from: $from, to: $to) { edges { node { ${DISPENSING_FIELDS} } } pageInfo { hasNextPage } } } }`;
const PATIENT_SUMMARY = 'query($id: ID!) { patient(id: $id) { medicationSummary { asOf informationThrough polypharmacy counts { activeDrugs activeIngredients } activeDrugs { coveredThrough basis dispensing { date drugName ingredient days } } duplicates { ingredient facilityCodes } } } }';
const PATIENT_EXPENSES = 'query($id: ID!, $year: Int!) { patient(id: $id) { medicalExpenses(year: $year) { year claimCount totalPoints totalCostYen patientShareYen months { serviceMonth facilityCode claimCount totalPoints totalCostYen patientShareYen } } } }';
const INGEST = 'mutation($claims: [ClaimInput!]!) { ingestClaims(claims: $claims) { batchId claimCount itemCount } }';

/** The demo world's claims of a patient, as the drugs subgraph seeded them (the returned ones are not stored: docs/drugs.md "Re-routing claims"). */
function seededClaimsOf(index: number): Claim[] {
  return storedDemoClaimsOf(system.demo, system.patient(index), loadDrugMaster());
}

function cutoff(): string {
  return retentionCutoff(instantOfJapanDate(system.demo.asOf));
}

/** Every page of yamada's own drug information, following the cursors. */
async function readAllMyDispensings(token: string, pageSize: number): Promise<{ nodes: DispensingNode[]; pages: number }> {
  const nodes: DispensingNode[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const result: GraphQLResponse<{ me: { dispensings: DispensingPage } }> = await system.graphql<{ me: { dispensings: DispensingPage } }>(MY_DISPENSINGS, { first: pageSize, after }, token);
    expect(result.body.errors).toBeUndefined();
    const page: DispensingPage | undefined = result.body.data?.me.dispensings;
    if (!page) throw new Error(`no page: ${result.text}`);
    pages += 1;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    after = page.pageInfo.endCursor;
    expect(after).not.toBeNull();
  }
}

/** Drug names that must never appear in a denied response. */
function drugNamesOf(index: number): string[] {
  const master = loadDrugMaster();
  const names = new Set<string>();
  for (const claim of seededClaimsOf(index)) for (const item of claim.items) names.add(master.byCode(item.drugCode)?.name ?? item.drugCode);
  return [...names];
}

function expectNoDrugData(text: string, index: number): void {
  for (const name of drugNamesOf(index)) expect(text).not.toContain(name);
}

describe('drug information: the patient reads their own 5 years, paged with cursors', () => {
  test("yamada's own token pages through every dispensing of the last 5 years, newest first, none older", async () => {
    const token = await system.token('yamada');
    const expectedItems = seededClaimsOf(0).flatMap((claim) => claim.items);
    expect(expectedItems.length).toBeGreaterThan(40);

    const { nodes, pages } = await readAllMyDispensings(token, 25);
    expect(pages).toBeGreaterThan(1);
    expect(nodes).toHaveLength(expectedItems.length);
    // Newest first, and nothing before the same day 5 years ago.
    const dates = nodes.map((node) => node.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Claims-based: nothing after the last month whose claims are viewable (about 1.5 months ago, kit claimsLag.ts).
    expect(dates.every((date) => date >= cutoff() && date <= claimsViewableThrough(system.demo.asOf))).toBe(true);
    // Every generated item is there exactly once (cursors neither skip nor repeat).
    const key = (date: string, drugCode: string, quantity: number) => `${date}|${drugCode}|${quantity}`;
    expect(nodes.map((node) => key(node.date, node.drugCode, node.quantity)).sort()).toEqual(expectedItems.map((item) => key(item.date, item.drugCode, item.quantity)).sort());
    // 院外 prescriptions name both the prescribing clinic and the dispensing pharmacy.
    const outOfHospital = nodes.find((node) => node.inOut === 'OUT');
    expect(outOfHospital).toMatchObject({ prescribingFacility: { name: 'オンシ内科クリニック' }, pharmacy: { name: 'みどり薬局 丸の内店' } });
    expect(outOfHospital?.ingredient).toBeTruthy();
  });

  test('a claim older than 5 years is neither listed nor counted in that year’s medical expenses', async () => {
    const admin = await system.token('admin');
    const yamada = system.patient(0);
    const oldYear = Number(cutoff().slice(0, 4)) - 1;
    const stored = await system.graphql<{ ingestClaims: { claimCount: number; itemCount: number } }>(INGEST, {
      claims: [{
        claimKind: 'DENTAL', claimNumber: 'OLD-1', patientId: yamada.id, facilityCode: yamada.dentalCode, insurerNumber: '06132013', serviceMonth: `${oldYear}-06`,
        totalPoints: 500, patientShareYen: 1500,
        items: [{ date: `${oldYear}-06-10`, drugCode: loadDrugMaster().byIngredient('アセトアミノフェン').find((drug) => drug.dosageUnit === '錠')?.drugCode, quantity: 6, unit: '錠', usage: '疼痛時', days: 3, inOut: 'IN' }],
      }],
    }, admin);
    expect(stored.body.errors).toBeUndefined();
    expect(stored.body.data?.ingestClaims).toMatchObject({ claimCount: 1, itemCount: 1 });

    const token = await system.token('yamada');
    const all = await readAllMyDispensings(token, 100);
    expect(all.nodes.some((node) => node.date.startsWith(String(oldYear)) && node.date < cutoff())).toBe(false);
    const expenses = await system.graphql<{ patient: { medicalExpenses: { claimCount: number } } }>(PATIENT_EXPENSES, { id: yamada.id, year: oldYear }, token);
    expect(expenses.body.errors).toBeUndefined();
    expect(expenses.body.data?.patient.medicalExpenses.claimCount).toBe(0);
  });

  test('every combination of the optional conditions (upper date, ingredient, cursor), paged, lists exactly the seeded items; % and _ are text, not patterns', async () => {
    // Each combination of the optional conditions is its own prepared statement (drugs store/drugReads.ts), eight in
    // all: each of the four combinations of an upper date and an ingredient below is paged two at a time, so its first
    // page runs the statement without a cursor and every later page the one with it.
    const token = await system.token('yamada');
    const master = loadDrugMaster();
    const viewable = seededClaimsOf(0).flatMap((claim) => claim.items)
      .filter((item) => item.date >= cutoff() && item.date <= claimsViewableThrough(system.demo.asOf))
      .map((item) => ({ ...item, ingredient: master.byCode(item.drugCode)?.ingredient ?? '' }));
    const counts = new Map<string, number>();
    for (const item of viewable) counts.set(item.ingredient, (counts.get(item.ingredient) ?? 0) + 1);
    const [ingredient] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [''];
    const search = ingredient.slice(0, 4);
    const dates = viewable.map((item) => item.date).sort();
    const from = dates[Math.floor(dates.length / 4)] ?? cutoff();
    const to = dates[Math.floor((dates.length * 3) / 4)] ?? cutoff();

    const query = 'query($first: Int!, $after: String, $from: String, $to: String, $ingredient: String) { me { dispensings(first: $first, after: $after, from: $from, to: $to, ingredient: $ingredient) { edges { cursor node { date drugCode ingredient quantity } } pageInfo { hasNextPage endCursor } } } }';
    type Page = { edges: Array<{ node: { date: string; drugCode: string; ingredient: string; quantity: number } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const key = (item: { date: string; drugCode: string; quantity: number }) => `${item.date}|${item.drugCode}|${item.quantity}`;
    for (const conditions of [{}, { to }, { ingredient: search }, { to, ingredient: search }] as Array<{ to?: string; ingredient?: string }>) {
      const expected = viewable.filter((item) => item.date >= from && (conditions.to === undefined || item.date <= conditions.to) && (conditions.ingredient === undefined || item.ingredient.includes(conditions.ingredient)));
      expect({ conditions, enoughForTwoPages: expected.length > 3 }).toEqual({ conditions, enoughForTwoPages: true });
      const nodes: Page['edges'][number]['node'][] = [];
      let after: string | null = null;
      let pages = 0;
      for (; pages < 200; pages += 1) {
        const result: GraphQLResponse<{ me: { dispensings: Page } }> = await system.graphql<{ me: { dispensings: Page } }>(query, { first: 2, after, from, ...conditions }, token);
        expect(result.body.errors).toBeUndefined();
        const page = result.body.data?.me.dispensings;
        if (!page) throw new Error(`no page: ${result.text}`);
        nodes.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect({ conditions, listed: nodes.map(key).sort() }).toEqual({ conditions, listed: expected.map(key).sort() });
      expect(nodes.map((node) => node.date)).toEqual(nodes.map((node) => node.date).sort().reverse());
      // A second page was read, so the statement with the cursor ran for these conditions too.
      expect(pages).toBeGreaterThanOrEqual(1);
    }

    // A LIKE wildcard in the search is the character itself: no ingredient contains it, so nothing is listed.
    for (const wildcard of ['%', '_', '\\']) {
      const result = await system.graphql<{ me: { dispensings: Page } }>(query, { first: 10, ingredient: wildcard }, token);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.me.dispensings.edges).toEqual([]);
    }
  });

  test('a malformed cursor or page size is a BAD_USER_INPUT, not a stack trace', async () => {
    const token = await system.token('yamada');
    const badCursor = await system.graphql(MY_DISPENSINGS, { first: 5, after: 'not-a-cursor' }, token);
    expect(badCursor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await system.graphql(MY_DISPENSINGS, { first: 1000 }, token);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.text).not.toContain('    at ');
  });
});

describe('medical expenses (医療費通知)', () => {
  test('each year adds up to the sum of that year’s claims, and the months add up to the year', async () => {
    const token = await system.token('yamada');
    const firstMonth = cutoff().slice(0, 7);
    const claims = seededClaimsOf(0);
    const firstYear = Number(firstMonth.slice(0, 4));
    const lastYear = Number(system.demo.asOf.slice(0, 4));
    for (let year = firstYear; year <= lastYear; year += 1) {
      const ofYear = claims.filter((claim) => claim.serviceMonth.startsWith(`${year}-`) && claim.serviceMonth >= firstMonth);
      const result = await system.graphql<{ me: { medicalExpenses: { claimCount: number; totalPoints: number; totalCostYen: number; patientShareYen: number; months: Array<{ totalCostYen: number; patientShareYen: number; claimCount: number }> } } }>(
        'query($year: Int!) { me { medicalExpenses(year: $year) { claimCount totalPoints totalCostYen patientShareYen months { claimCount totalCostYen patientShareYen } } } }', { year }, token,
      );
      expect(result.body.errors).toBeUndefined();
      const notice = result.body.data?.me.medicalExpenses;
      const points = ofYear.reduce((sum, claim) => sum + claim.totalPoints, 0);
      expect(notice).toMatchObject({
        claimCount: ofYear.length,
        totalPoints: points,
        totalCostYen: points * YEN_PER_POINT,
        patientShareYen: ofYear.reduce((sum, claim) => sum + claim.patientShareYen, 0),
      });
      expect(notice?.months.reduce((sum, month) => sum + month.totalCostYen, 0)).toBe(notice?.totalCostYen);
      expect(notice?.months.reduce((sum, month) => sum + month.patientShareYen, 0)).toBe(notice?.patientShareYen);
      expect(notice?.months.reduce((sum, month) => sum + month.claimCount, 0)).toBe(ofYear.length);
    }
  });
});

describe('who may read drug information', () => {
  test('the demo doctor reads yamada’s medication summary with the consent given at the clinic: his long-term drugs are current although the claims end 1.5 months ago', async () => {
    const token = await system.token('clinic-doctor');
    const result = await system.graphql<{ patient: { medicationSummary: { asOf: string; informationThrough: string; polypharmacy: boolean; counts: { activeDrugs: number; activeIngredients: number }; activeDrugs: Array<{ coveredThrough: string; dispensing: { date: string; ingredient: string } }> } } }>(
      PATIENT_SUMMARY, { id: system.patient(0).id }, token,
    );
    expect(result.body.errors).toBeUndefined();
    const summary = result.body.data?.patient.medicationSummary;
    // 25 November: the claims of October are viewable from 11 December, so the information ends on 30 September.
    expect(summary).toMatchObject({ asOf: system.demo.asOf, informationThrough: claimsViewableThrough(system.demo.asOf) });
    expect(summary?.informationThrough).toBe('2026-09-30');
    // 山田 太郎 is treated for hypertension and dyslipidemia: amlodipine and the statin were being taken when the claims end.
    const ingredients = summary?.activeDrugs.map((active) => active.dispensing.ingredient) ?? [];
    expect(ingredients).toEqual(expect.arrayContaining(['アムロジピンベシル酸塩', 'アトルバスタチンカルシウム水和物']));
    expect(summary?.activeDrugs.every((active) => active.coveredThrough >= '2026-09-30' && active.dispensing.date <= '2026-09-30')).toBe(true);
    expect(summary?.polypharmacy).toBe((summary?.counts.activeIngredients ?? 0) >= 6);
  });

  test('the pharmacist reads nothing until yamada consents at the pharmacy card reader, then reads', async () => {
    const pharmacist = await system.token('pharmacy-pharmacist');
    const yamadaId = system.patient(0).id;
    // Not presented at the pharmacy yet: it cannot even find him (docs/domain.md "What a facility may see at all").
    const before = await system.graphql(PATIENT_SUMMARY, { id: yamadaId }, pharmacist);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expectNoDrugData(before.text, 0);

    // At the pharmacy's registered reader (docs/contracts.md contract 4): the card signs the nonce, the PIN, "drug information: yes".
    const call: GraphQLCall = async (q, v, t) => (await system.graphql(q, v, t)).body;
    const visit = await readerVisit(call, system.demo, system.reader(DEMO_PHARMACY.code), system.patient(0).cardSerial, { drug: true, checkup: false }, { method: 'PIN', pin: DEMO_PIN });
    expect(visit.consents.map((c) => c.category)).toEqual(['DRUG']);

    const after = await system.graphql<{ patient: { medicationSummary: { counts: { activeDrugs: number } } } }>(PATIENT_SUMMARY, { id: yamadaId }, pharmacist);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.patient.medicationSummary.counts.activeDrugs).toBeGreaterThan(0);
  });

  test('a doctor without a consent at their facility gets NOT_FOUND, and after confirming his insurance card CONSENT_REQUIRED, and no drug data', async () => {
    // The demo hospital holds consents for patients from index 2 on, not for yamada.
    const token = await system.token('hospital-doctor');
    const unseen = await system.graphql<{ patient: { medicationSummary: unknown } | null }>(PATIENT_SUMMARY, { id: system.patient(0).id }, token);
    expect(unseen.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expectNoDrugData(unseen.text, 0);
    const yamada = system.patient(0);
    const kokuho = yamada.coverages.find((c) => c.insurerNumber === '131011');
    const confirmed = await system.graphql(
      'mutation($i: String!, $s: String!, $n: String!, $d: String!) { confirmQualificationByInsuranceCard(insurerNumber: $i, insuredCardSymbol: $s, insuredIdentificationNumber: $n, birthdate: $d) { qualificationValidity } }',
      { i: kokuho?.insurerNumber, s: kokuho?.insuredCardSymbol, n: kokuho?.insuredIdentificationNumber, d: yamada.birthdate }, token);
    expect(confirmed.body.errors).toBeUndefined();
    const result = await system.graphql<{ patient: { medicationSummary: unknown } | null }>(PATIENT_SUMMARY, { id: system.patient(0).id }, token);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    // The drug fields are nullable (partial failure): the refused field is null, nothing else leaks.
    expect(result.body.data?.patient?.medicationSummary ?? null).toBeNull();
    expectNoDrugData(result.text, 0);
  });

  // Reception reads drugs only with a disaster viewing authority (docs/domain.md "Disaster"): without one the
  // decision point refuses; the person's coverage (confirmed here) may come back, never a drug.
  test('reception without a disaster viewing authority is refused with FORBIDDEN and no drug data', async () => {
    const token = await system.token('clinic-reception');
    const result = await system.graphql<{ patient: { medicationSummary: unknown } | null }>(PATIENT_SUMMARY, { id: system.patient(0).id }, token);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.data?.patient?.medicationSummary ?? null).toBeNull();
    expectNoDrugData(result.text, 0);
  });

  test('reception calling the drugs subgraph directly is refused there too (defense in depth)', async () => {
    const token = await system.token('clinic-reception');
    const result = await system.graphql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Patient { dispensings(first: 5) { edges { node { drugName } } } } } }`,
      { reps: [{ __typename: 'Patient', id: system.patient(0).id }] }, token, `${system.urls.drugs}/graphql`,
    );
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectNoDrugData(result.text, 0);
  });

  test('an insurer may not read drug information', async () => {
    const token = await system.token('insurer-kokuho');
    const result = await system.graphql(PATIENT_DISPENSINGS, { id: system.patient(0).id }, token);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectNoDrugData(result.text, 0);
  });

  test('a PHR app whose grant lacks the drug category gets FORBIDDEN and no drug data; with it, it reads', async () => {
    const yamada = await system.token('yamada');
    const grant = await system.graphql<{ grantPhrAccess: { id: string } }>(
      'mutation { grantPhrAccess(appId: "phr-demo", categories: [QUALIFICATION, CHECKUP], days: 30) { id } }', {}, yamada,
    );
    expect(grant.body.errors).toBeUndefined();
    const grantId = grant.body.data?.grantPhrAccess.id;
    const login = await system.graphql<{ phrToken: { accessToken: string } }>(
      'mutation($grantId: ID!, $secret: String!) { phrToken(clientId: "phr-demo", clientSecret: $secret, grantId: $grantId) { accessToken } }',
      { grantId, secret: demoPhrAppSecret(system.demo.seed, 'phr-demo') },
    );
    expect(login.body.errors).toBeUndefined();
    const checkupOnly = login.body.data?.phrToken.accessToken;
    // The app may see who the patient is (QUALIFICATION) but not the drugs: the decision point refuses the field
    // (GRANT_SCOPE: the patient did not grant drugs — CONSENT_REQUIRED, logged; one scope check).
    const denied = await system.graphql<{ patient: { dispensings: DispensingPage | null } | null }>(PATIENT_DISPENSINGS, { id: system.patient(0).id }, checkupOnly);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    expect(denied.body.data?.patient?.dispensings ?? null).toBeNull();
    expectNoDrugData(denied.text, 0);

    const withDrugs = await system.graphql<{ grantPhrAccess: { id: string } }>(
      'mutation { grantPhrAccess(appId: "phr-demo", categories: [QUALIFICATION, DRUG], days: 30) { id } }', {}, yamada,
    );
    const drugLogin = await system.graphql<{ phrToken: { accessToken: string } }>(
      'mutation($grantId: ID!, $secret: String!) { phrToken(clientId: "phr-demo", clientSecret: $secret, grantId: $grantId) { accessToken } }',
      { grantId: withDrugs.body.data?.grantPhrAccess.id, secret: demoPhrAppSecret(system.demo.seed, 'phr-demo') },
    );
    const allowed = await system.graphql<{ patient: { dispensings: DispensingPage } }>(PATIENT_DISPENSINGS, { id: system.patient(0).id }, drugLogin.body.data?.phrToken.accessToken);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.patient.dispensings.edges.length).toBeGreaterThan(0);

    // The same app may not read anyone else's drugs.
    const other = await system.graphql(PATIENT_DISPENSINGS, { id: system.patient(2).id }, drugLogin.body.data?.phrToken.accessToken);
    expect(['NOT_FOUND', 'FORBIDDEN', 'CONSENT_REQUIRED']).toContain(other.body.errors?.[0]?.extensions?.code);
    expectNoDrugData(other.text, 2);
  });
});

describe('claim ingest (ADMIN): all or nothing', () => {
  const DAY = '2026-10-07';
  function validClaim(index: number, drugCode: string): Record<string, unknown> {
    const patient = system.patient(index);
    return {
      claimKind: 'PHARMACY', claimNumber: `T-${index}`, patientId: patient.id, facilityCode: patient.pharmacyCode, prescribingFacilityCode: patient.homeClinicCode,
      insurerNumber: patient.coverages[patient.coverages.length - 1]?.insurerNumber, serviceMonth: DAY.slice(0, 7), totalPoints: 300, patientShareYen: 900,
      items: [{ date: DAY, drugCode, quantity: 14, unit: '錠', usage: '１日１回朝食後', days: 14, inOut: 'OUT' }],
    };
  }
  const oralTablet = () => {
    const drug = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');
    if (!drug) throw new Error('no oral tablet in the master');
    return drug.drugCode;
  };

  async function dispensingsOn(index: number): Promise<number> {
    const doctor = await system.token('hospital-doctor');
    const result = await system.graphql<{ patient: { dispensings: DispensingPage } }>(PATIENT_DISPENSINGS, { id: system.patient(index).id, from: DAY, to: DAY }, doctor);
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.patient.dispensings.edges.length ?? -1;
  }

  test('a batch with one bad row is rejected whole, naming the row and the reason; nothing is stored', async () => {
    const admin = await system.token('admin');
    const before = [await dispensingsOn(3), await dispensingsOn(4), await dispensingsOn(5)];
    const pharmacy = system.patient(4).pharmacyCode;
    const wrongCheckDigit = `${pharmacy.slice(0, 9)}${(Number(pharmacy.slice(9)) + 1) % 10}`;
    const bad = { ...validClaim(4, oralTablet()), facilityCode: wrongCheckDigit };
    const result = await system.graphql(INGEST, { claims: [validClaim(3, oralTablet()), bad, validClaim(5, 'NOTADRUG0000')] }, admin);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rows = result.body.errors?.[0]?.extensions?.rows as Array<{ row: number; path: string; reason: string; reasonJa: string }>;
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, path: 'facilityCode', reason: expect.any(String), reasonJa: expect.any(String) }),
      expect.objectContaining({ row: 3, path: 'items.0.drugCode', reason: 'is not in the drug master' }),
    ]));
    expect(rows.some((row) => row.row === 1)).toBe(false);
    expect(result.text).not.toContain('    at ');
    expect([await dispensingsOn(3), await dispensingsOn(4), await dispensingsOn(5)]).toEqual(before);
  });

  test('the same batch without the bad rows is stored and readable', async () => {
    const admin = await system.token('admin');
    const before = await dispensingsOn(6);
    const result = await system.graphql<{ ingestClaims: { claimCount: number; itemCount: number } }>(INGEST, { claims: [validClaim(6, oralTablet())] }, admin);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.ingestClaims).toMatchObject({ claimCount: 1, itemCount: 1 });
    expect(await dispensingsOn(6)).toBe(before + 1);
  });

  test('only the operator may ingest claims', async () => {
    const doctor = await system.token('clinic-doctor');
    const result = await system.graphql(INGEST, { claims: [validClaim(7, oralTablet())] }, doctor);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.data ?? null).toBeNull();
  });
});

describe('efficiency', () => {
  test('dispensings of 100 patients take as many SQL statements as those of 1', async () => {
    const token = await system.token('hospital-doctor');
    const url = `${system.urls.drugs}/graphql`;
    const query = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Patient { dispensings(first: 5) { edges { node { drugName } } } } } }';
    const statements = async () => ((await (await fetch(`${system.urls.drugs}/metrics`)).json()) as { statements: number }).statements;
    const run = async (indexes: number[]) => {
      const before = await statements();
      const result = await system.graphql<{ _entities: Array<{ dispensings: DispensingPage }> }>(
        query, { reps: indexes.map((index) => ({ __typename: 'Patient', id: system.patient(index).id })) }, token, url,
      );
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?._entities).toHaveLength(indexes.length);
      return (await statements()) - before;
    };
    const hundred = Array.from({ length: 100 }, (_, k) => k + 2);
    const forOne = await run([2]);
    const forHundred = await run(hundred);
    expect(forOne).toBeGreaterThan(0);
    expect(forHundred).toBe(forOne);
  });
});
