import { seededRng } from '@onshi/demo';
import { defaultTrendSlopes, generateCheckup, type CheckupProfile, type GenerateCheckupInput } from './demoCheckups';
import { JLAC10, answerLabelsFor, findItem, loadItemMaster, type CheckupResult, type Sex } from './itemMaster';
import { GuidanceLevel, ItemJudgement, judgeItem, stratify, stratificationInputFromResults } from './judgement';

const HEALTHY: CheckupProfile = {
  hypertension: false, dyslipidemia: false, diabetes: false, smoker: false, obese: false,
  onBloodPressureMeds: false, onGlucoseMeds: false, onLipidMeds: false,
};
const METABOLIC: CheckupProfile = { ...HEALTHY, hypertension: true, dyslipidemia: true, diabetes: true, smoker: true, obese: true };

const input = (overrides: Partial<GenerateCheckupInput> = {}): GenerateCheckupInput => ({
  rng: seededRng(42), sex: 'M', ageAtExam: 52, fiscalYear: 2024, profile: HEALTHY, ...overrides,
});
const valueOf = (results: CheckupResult[], code: string): number | string | undefined =>
  results.find((result) => result.code === code)?.value;
const numberOf = (results: CheckupResult[], code: string): number => {
  const value = valueOf(results, code);
  if (typeof value !== 'number') throw new Error(`${code} is not numeric`);
  return value;
};
/** Seeds × sexes × ages, to check properties over many generated people. */
const POPULATION: Array<[seed: number, sex: Sex, age: number]> = Array.from({ length: 120 }, (_, i) => [
  1000 + i, i % 2 === 0 ? 'M' : 'F', 40 + (i % 35),
]);

describe('generateCheckup determinism', () => {
  it('same rng sequence → same output', () => {
    expect(generateCheckup(input({ rng: seededRng(7) }))).toEqual(generateCheckup(input({ rng: seededRng(7) })));
    const trend = { baselineFiscalYear: 2020 };
    expect(generateCheckup(input({ rng: seededRng(7), profile: METABOLIC, trend })))
      .toEqual(generateCheckup(input({ rng: seededRng(7), profile: METABOLIC, trend })));
  });

  it('different seeds → different people', () => {
    expect(generateCheckup(input({ rng: seededRng(7) }))).not.toEqual(generateCheckup(input({ rng: seededRng(8) })));
  });

  it('uses only the given rng (Math.random is never called)', () => {
    const spy = jest.spyOn(Math, 'random');
    generateCheckup(input({ profile: METABOLIC }));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('seededRng is uniform on [0, 1) and reproducible', () => {
    const rng = seededRng(123);
    const draws = Array.from({ length: 1000 }, () => rng());
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(Array.from({ length: 3 }, seededRng(123))).toEqual(draws.slice(0, 3));
  });
});

describe('generateCheckup shape and consistency', () => {
  it('produces each judged item of docs/domain.md once, in master order, with the master unit', () => {
    const results = generateCheckup(input());
    const generated = new Set<string>(Object.values(JLAC10).filter((code) => code !== JLAC10.SAMPLING_TIME));
    const expected = loadItemMaster().filter((item) => generated.has(item.code)).map((item) => [item.code, item.unit]);
    expect(results.map((result) => [result.code, result.unit])).toEqual(expected);
  });

  it.each(POPULATION)('seed %i %s age %i: every value lies in the master\'s plausible range', (seed, sex, age) => {
    for (const profile of [HEALTHY, METABOLIC]) {
      for (const result of generateCheckup(input({ rng: seededRng(seed), sex, ageAtExam: age, profile }))) {
        const item = findItem(result.code);
        if (typeof result.value !== 'number' || item === undefined) continue;
        expect(result.value).toBeGreaterThanOrEqual(item.plausibleMin ?? -Infinity);
        expect(result.value).toBeLessThanOrEqual(item.plausibleMax ?? Infinity);
      }
    }
  });

  it.each(POPULATION)('seed %i %s age %i: BMI matches height and weight, DBP below SBP, HbA1c in range', (seed, sex, age) => {
    for (const profile of [HEALTHY, METABOLIC]) {
      const results = generateCheckup(input({ rng: seededRng(seed), sex, ageAtExam: age, profile }));
      const heightM = numberOf(results, JLAC10.HEIGHT) / 100;
      expect(Math.abs(numberOf(results, JLAC10.BMI) - numberOf(results, JLAC10.WEIGHT) / heightM ** 2)).toBeLessThanOrEqual(0.05);
      expect(numberOf(results, JLAC10.DIASTOLIC_BP)).toBeLessThan(numberOf(results, JLAC10.SYSTOLIC_BP));
      expect(numberOf(results, JLAC10.HBA1C)).toBeGreaterThanOrEqual(4.5);
      expect(numberOf(results, JLAC10.HBA1C)).toBeLessThanOrEqual(9.5);
      expect(Object.values(answerLabelsFor(JLAC10.URINE_GLUCOSE) ?? {})).toContain(valueOf(results, JLAC10.URINE_GLUCOSE));
      expect(Object.values(answerLabelsFor(JLAC10.URINE_PROTEIN) ?? {})).toContain(valueOf(results, JLAC10.URINE_PROTEIN));
    }
  });
});

describe('generateCheckup honours the profile in the baseline year', () => {
  const RISK_ITEMS = [
    JLAC10.BMI, JLAC10.WAIST, JLAC10.SYSTOLIC_BP, JLAC10.DIASTOLIC_BP, JLAC10.FASTING_GLUCOSE, JLAC10.HBA1C,
    JLAC10.TRIGLYCERIDES, JLAC10.HDL, JLAC10.LDL,
  ];

  it.each(POPULATION)('healthy seed %i %s age %i → metabolic items NORMAL, 情報提供', (seed, sex, age) => {
    const results = generateCheckup(input({ rng: seededRng(seed), sex, ageAtExam: age }));
    for (const code of RISK_ITEMS) expect([code, judgeItem(code, numberOf(results, code), sex)]).toEqual([code, ItemJudgement.NORMAL]);
    expect(stratify(stratificationInputFromResults(results, { sex, age, fasting: true })).level).toBe(GuidanceLevel.INFORMATION);
    expect(valueOf(results, JLAC10.SMOKING)).not.toBe('はい');
  });

  it.each(POPULATION)('untreated metabolic seed %i %s age %i → group A with all four risks', (seed, sex, age) => {
    const results = generateCheckup(input({ rng: seededRng(seed), sex, ageAtExam: age, profile: METABOLIC }));
    const result = stratify(stratificationInputFromResults(results, { sex, age, fasting: true }));
    expect(result.group).toBe('A');
    expect(result.risks).toEqual(['GLUCOSE', 'LIPIDS', 'BLOOD_PRESSURE', 'SMOKING']);
    expect(result.level).toBe(age >= 65 ? GuidanceLevel.MOTIVATIONAL : GuidanceLevel.INTENSIVE);
    expect(valueOf(results, JLAC10.DOCTOR_JUDGEMENT)).toMatch(/^要医療|^要指導/);
  });

  it('medication answers follow the profile and exclude from 保健指導', () => {
    const profile = { ...METABOLIC, onBloodPressureMeds: true, onLipidMeds: true };
    const results = generateCheckup(input({ profile }));
    expect(results.filter((result) => result.code.startsWith('9N7')).map((result) => [result.value, result.qualitativeCode]))
      .toEqual([['はい', '1'], ['いいえ', '2'], ['はい', '1'], ['はい', '1']]);
    expect(stratify(stratificationInputFromResults(results, { sex: 'M', age: 52, fasting: true })).level)
      .toBe(GuidanceLevel.NONE_ON_MEDICATION);
  });

  it('a healthy person is reported 異常なし when all values are normal', () => {
    const results = generateCheckup(input());
    const abnormal = results.some(
      (result) => typeof result.value === 'number' && judgeItem(result.code, result.value, 'M') !== null
        && judgeItem(result.code, result.value, 'M') !== ItemJudgement.NORMAL,
    );
    expect(valueOf(results, JLAC10.DOCTOR_JUDGEMENT)).toBe(abnormal ? expect.stringMatching(/^要/) : '異常なし');
  });
});

describe('generateCheckup trend across fiscal years', () => {
  const PREDIABETIC: CheckupProfile = { ...HEALTHY, diabetes: true };
  const history = (profile: CheckupProfile, years: number[], trend?: GenerateCheckupInput['trend']): CheckupResult[][] =>
    years.map((fiscalYear, offset) =>
      generateCheckup(input({ rng: seededRng(99), profile, fiscalYear, ageAtExam: 50 + offset, ...(trend ? { trend } : {}) })),
    );

  it('an untreated (pre-)diabetic HbA1c rises by ~0.1 per year', () => {
    const years = [2020, 2021, 2022, 2023, 2024];
    const hba1c = history(PREDIABETIC, years, { baselineFiscalYear: 2020 }).map((results) => numberOf(results, JLAC10.HBA1C));
    const rise = (hba1c[4] ?? 0) - (hba1c[0] ?? 0);
    expect(rise).toBeGreaterThanOrEqual(0.2);
    expect(rise).toBeLessThanOrEqual(0.6);
    expect(defaultTrendSlopes(PREDIABETIC).hba1c).toBe(0.1);
  });

  it('without a trend, years differ only by measurement noise', () => {
    const [first, last] = history(PREDIABETIC, [2020, 2024]);
    expect(first).toBeDefined();
    expect(last).toBeDefined();
    if (first === undefined || last === undefined) return;
    expect(Math.abs(numberOf(first, JLAC10.HBA1C) - numberOf(last, JLAC10.HBA1C))).toBeLessThanOrEqual(0.3);
    expect(Math.abs(numberOf(first, JLAC10.HEIGHT) - numberOf(last, JLAC10.HEIGHT))).toBeLessThanOrEqual(1.5);
    expect(first).not.toEqual(last);
  });

  it('per-year overrides replace the default slope', () => {
    const trend = { baselineFiscalYear: 2020, perYear: { systolicBp: 5 } };
    const [baseline, later] = history(HEALTHY, [2020, 2030], trend);
    if (baseline === undefined || later === undefined) throw new Error('missing years');
    const rise = numberOf(later, JLAC10.SYSTOLIC_BP) - numberOf(baseline, JLAC10.SYSTOLIC_BP);
    expect(rise).toBeGreaterThanOrEqual(35);
    expect(rise).toBeLessThanOrEqual(65);
  });
});
