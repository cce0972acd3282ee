import { seededRng } from '@onshi/demo';
import { validateClaimBatch, type Claim } from './claims';
import { drugPointsFromHundredthsOfYen, generateClaims, type DemoClaimsInput } from './demoClaims';
import { loadDrugMaster } from './drugMaster';
import { dispensingsFromClaims, summarizeMedications } from './medicationSummary';
import { summarizeMedicalExpenses } from './medicalExpenses';

const master = loadDrugMaster();
const CLINIC = '0110113719';
const DENTIST = '1330100429';
const PHARMACY = '1340105673';

const FROM = new Date('2020-07-01T09:00:00+09:00');
const TO = new Date('2025-06-30T18:00:00+09:00');

function input(seed: number, overrides: Partial<DemoClaimsInput> = {}): DemoClaimsInput {
  return {
    rng: seededRng(seed),
    patientId: 'pt_demo_1',
    from: FROM,
    to: TO,
    conditions: { hypertension: true, dyslipidemia: true, diabetes: false, gerd: false, insomnia: false, dementia: false, anticoagulation: false },
    clinic: { code: CLINIC, kind: 'MEDICAL' },
    pharmacy: { code: PHARMACY },
    dentist: { code: DENTIST },
    // An insurer change (協会けんぽ → 国保) on 2023-04-01.
    insurerOn: (date) => (date < '2023-04-01' ? '01130012' : '131011'),
    ...overrides,
  };
}

const ingredientOf = (drugCode: string) => master.byCode(drugCode)?.ingredient;
const itemsOf = (claims: readonly Claim[]) => claims.flatMap((claim) => claim.items.map((item) => ({ claim, item })));

describe('drugPointsFromHundredthsOfYen (薬剤料)', () => {
  it.each([
    [0, 1],
    [1500, 1], // 15 yen → 1 point
    [1501, 2], // 15.01 yen → 1.501 → 2 (五捨五超入)
    [2500, 2], // 25 yen → 2.5 → 2 (exactly .5 rounds down)
    [2510, 3], // 25.1 yen → 2.51 → 3
    [13700, 14], // 137 yen → 13.7 → 14
  ])('%d hundredths of a yen → %d points', (hundredths, points) => {
    expect(drugPointsFromHundredthsOfYen(hundredths)).toBe(points);
  });
});

describe('generateClaims', () => {
  const claims = generateClaims(input(42));

  it('is deterministic: the same rng sequence gives the same claims', () => {
    expect(generateClaims(input(42))).toEqual(claims);
    expect(generateClaims(input(43))).not.toEqual(claims);
  });

  it('produces claims that pass batch validation', () => {
    const result = validateClaimBatch(claims, TO, master);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.claims).toHaveLength(claims.length);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('passes validation for seed %d with every condition', (seed) => {
    const everything = generateClaims(
      input(seed, {
        conditions: { hypertension: true, dyslipidemia: true, diabetes: true, gerd: true, insomnia: true, dementia: true, anticoagulation: true },
        clinic: { code: CLINIC, kind: 'DPC' },
        copayPercent: 10,
      }),
    );
    expect(validateClaimBatch(everything, TO, master)).toEqual({ ok: true, claims: everything });
  });

  it('keeps the patient on amlodipine and a statin for years, dispensed 院外 by the pharmacy', () => {
    const pharmacyItems = itemsOf(claims.filter((claim) => claim.claimKind === 'PHARMACY'));
    const amlodipine = pharmacyItems.filter(({ item }) => ingredientOf(item.drugCode) === 'アムロジピンベシル酸塩');
    const statin = pharmacyItems.filter(({ item }) => ingredientOf(item.drugCode) === 'アトルバスタチンカルシウム水和物');
    for (const series of [amlodipine, statin]) {
      expect(series.length).toBeGreaterThanOrEqual(30);
      const first = series[0]?.item.date ?? '';
      const last = series[series.length - 1]?.item.date ?? '';
      expect(first < '2020-08-01').toBe(true);
      expect(last > '2025-04-01').toBe(true);
      expect(series.every(({ item, claim }) => item.inOut === 'OUT' && claim.prescribingFacilityCode === CLINIC)).toBe(true);
      expect(series.every(({ item }) => [28, 30, 56].includes(item.days ?? 0))).toBe(true);
    }
  });

  it('bills the clinic visits on MEDICAL claims without drug lines (院外処方)', () => {
    const clinicClaims = claims.filter((claim) => claim.facilityCode === CLINIC);
    expect(clinicClaims.length).toBeGreaterThanOrEqual(30);
    expect(clinicClaims.every((claim) => claim.claimKind === 'MEDICAL' && claim.items.length === 0)).toBe(true);
  });

  it('switches the statin from brand to generic once, mid-history', () => {
    const statinItems = itemsOf(claims)
      .map(({ item }) => ({ date: item.date, kind: master.byCode(item.drugCode)?.kind, ingredient: ingredientOf(item.drugCode) }))
      .filter((entry) => entry.ingredient === 'アトルバスタチンカルシウム水和物');
    const kinds = statinItems.map((entry) => entry.kind);
    const firstGeneric = kinds.indexOf('generic');
    expect(firstGeneric).toBeGreaterThan(0);
    expect(kinds.slice(0, firstGeneric).every((kind) => kind === 'brand')).toBe(true);
    expect(kinds.slice(firstGeneric).every((kind) => kind === 'generic')).toBe(true);
    const switchDate = statinItems[firstGeneric]?.date ?? '';
    expect(switchDate > '2022-01-01' && switchDate < '2024-01-01').toBe(true);
  });

  it('includes a short antibiotic course, an NSAID with a PPI, and a dental analgesic (院内)', () => {
    const items = itemsOf(claims);
    const antibiotics = ['クラリスロマイシン', 'アモキシシリン水和物', 'レボフロキサシン水和物', 'セフカペン　ピボキシル塩酸塩水和物'];
    expect(items.some(({ item, claim }) => claim.claimKind === 'PHARMACY' && antibiotics.includes(ingredientOf(item.drugCode) ?? '') && (item.days ?? 0) <= 7)).toBe(true);
    const nsaidDates = items.filter(({ item, claim }) => claim.claimKind === 'PHARMACY' && ingredientOf(item.drugCode) === 'ロキソプロフェンナトリウム水和物').map(({ item }) => item.date);
    const ppiDates = items.filter(({ item }) => ingredientOf(item.drugCode) === 'ランソプラゾール').map(({ item }) => item.date);
    expect(nsaidDates.length).toBeGreaterThan(0);
    expect(nsaidDates.every((date) => ppiDates.includes(date))).toBe(true);
    const dental = claims.filter((claim) => claim.claimKind === 'DENTAL');
    expect(dental.some((claim) => claim.facilityCode === DENTIST && claim.items.some((item) => item.inOut === 'IN' && ingredientOf(item.drugCode) === 'ロキソプロフェンナトリウム水和物'))).toBe(true);
  });

  it('gives a patient on anticoagulants acetaminophen at the dentist instead of an NSAID', () => {
    const anticoagulated = generateClaims(
      input(7, { conditions: { hypertension: false, dyslipidemia: false, diabetes: false, gerd: false, insomnia: false, dementia: false, anticoagulation: true } }),
    );
    const dentalIngredients = itemsOf(anticoagulated.filter((claim) => claim.claimKind === 'DENTAL')).map(({ item }) => ingredientOf(item.drugCode));
    expect(dentalIngredients).toContain('アセトアミノフェン');
    expect(dentalIngredients).not.toContain('ロキソプロフェンナトリウム水和物');
  });

  it('bills monthly per facility and insurer, with the insurer in force on the date', () => {
    const keys = claims.map((claim) => [claim.claimKind, claim.facilityCode, claim.prescribingFacilityCode ?? '', claim.insurerNumber, claim.serviceMonth].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    for (const claim of claims) {
      expect(claim.insurerNumber).toBe(claim.serviceMonth < '2023-04' ? '01130012' : '131011');
      for (const item of claim.items) expect(item.date.slice(0, 7)).toBe(claim.serviceMonth);
    }
  });

  it('charges plausible points and a 30 % share rounded to 10 yen', () => {
    for (const claim of claims) {
      expect(Number.isSafeInteger(claim.totalPoints) && claim.totalPoints > 0).toBe(true);
      expect(claim.patientShareYen % 10).toBe(0);
      expect(Math.abs(claim.patientShareYen - claim.totalPoints * 3)).toBeLessThanOrEqual(5);
    }
    // A month of amlodipine + atorvastatin at the pharmacy: fees plus 薬剤料 of a few hundred points.
    const pharmacyPoints = claims.filter((claim) => claim.claimKind === 'PHARMACY').map((claim) => claim.totalPoints);
    expect(Math.min(...pharmacyPoints)).toBeGreaterThan(100);
    expect(Math.max(...pharmacyPoints)).toBeLessThan(3000);
  });

  it('feeds the medication summary and the expense notice', () => {
    const dispensings = dispensingsFromClaims(claims, master);
    const lastChronic = [...dispensings].reverse().find((entry) => entry.ingredient === 'アムロジピンベシル酸塩');
    expect(lastChronic).toBeDefined();
    const lastDate = lastChronic?.date ?? '';
    const summary = summarizeMedications(dispensings, new Date(`${lastDate}T12:00:00+09:00`), lastDate);
    expect(summary.activeDrugs.map((active) => active.dispensing.ingredient)).toEqual(expect.arrayContaining(['アムロジピンベシル酸塩', 'アトルバスタチンカルシウム水和物']));
    expect(summary.duplicates).toEqual([]);
    const notice = summarizeMedicalExpenses(claims);
    expect(notice.yearly.map((row) => row.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(notice.yearly.reduce((sum, row) => sum + row.totalCostYen, 0)).toBe(claims.reduce((sum, claim) => sum + claim.totalPoints * 10, 0));
  });

  it('returns no claims for an empty or reversed period, and only acute care without chronic conditions', () => {
    expect(generateClaims(input(1, { from: TO, to: FROM }))).toEqual([]);
    const healthy = generateClaims(
      input(1, { conditions: { hypertension: false, dyslipidemia: false, diabetes: false, gerd: false, insomnia: false, dementia: false, anticoagulation: false }, dentist: undefined }),
    );
    expect(healthy.length).toBeGreaterThan(0);
    expect(healthy.length).toBeLessThan(40);
    expect(healthy.every((claim) => claim.claimKind !== 'DENTAL')).toBe(true);
  });
});

describe('the demo questionnaire and the dispensings agree', () => {
  // The demo 特定健診 answers 服薬（血圧・血糖・脂質）はい every year a lifestyle condition exists (checkups seed
  // profileOf): its drugs are therefore dispensed from the first months of the history, never years later.
  test.each([1, 2, 3, 4, 5])('seed %i: each lifestyle condition\'s drug is dispensed within the first 100 days', (seed) => {
    const claims = generateClaims(input(seed, { conditions: { hypertension: true, dyslipidemia: true, diabetes: true, gerd: false, insomnia: false, dementia: false, anticoagulation: false } }));
    const dispensings = dispensingsFromClaims(claims, master);
    const firstOf = (ingredient: string) => dispensings.filter((entry) => entry.ingredient === ingredient).map((entry) => entry.date).sort()[0];
    const limit = new Date(FROM.getTime() + 100 * 86_400_000).toISOString().slice(0, 10);
    for (const ingredient of ['アムロジピンベシル酸塩', 'アトルバスタチンカルシウム水和物', 'メトホルミン塩酸塩']) {
      const first = firstOf(ingredient);
      expect({ ingredient, first: first !== undefined && first <= limit }).toEqual({ ingredient, first: true });
    }
  });
});
