import { JLAC10, type CheckupResult, type Sex } from './itemMaster';
import {
  GuidanceLevel, ItemJudgement, judgeItem, metabolicSyndrome, stratify, stratificationInputFromResults, answerCodeOf,
  type StratificationInput, type RiskFactor,
} from './judgement';

const { NORMAL, GUIDANCE, SEE_DOCTOR } = ItemJudgement;
const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * Thresholds restated from docs/domain.md "Specific health checkups (特定健診)" (not read from the CSV), so these tests
 * check the CSV and the logic together. step = the smallest reported increment for the item.
 */
const THRESHOLDS: ReadonlyArray<{
  name: string; code: string; step: number; direction: 'high' | 'low';
  guidance: Record<Sex, number>; seeDoctor?: number;
}> = [
  { name: 'BMI', code: JLAC10.BMI, step: 0.1, direction: 'high', guidance: { M: 25, F: 25 } },
  { name: 'waist', code: JLAC10.WAIST, step: 0.1, direction: 'high', guidance: { M: 85, F: 90 } },
  { name: 'SBP', code: JLAC10.SYSTOLIC_BP, step: 1, direction: 'high', guidance: { M: 130, F: 130 }, seeDoctor: 140 },
  { name: 'DBP', code: JLAC10.DIASTOLIC_BP, step: 1, direction: 'high', guidance: { M: 85, F: 85 }, seeDoctor: 90 },
  { name: 'FBG', code: JLAC10.FASTING_GLUCOSE, step: 1, direction: 'high', guidance: { M: 100, F: 100 }, seeDoctor: 126 },
  { name: 'HbA1c', code: JLAC10.HBA1C, step: 0.1, direction: 'high', guidance: { M: 5.6, F: 5.6 }, seeDoctor: 6.5 },
  { name: 'TG', code: JLAC10.TRIGLYCERIDES, step: 1, direction: 'high', guidance: { M: 150, F: 150 }, seeDoctor: 300 },
  { name: 'HDL', code: JLAC10.HDL, step: 1, direction: 'low', guidance: { M: 39, F: 39 }, seeDoctor: 34 },
  { name: 'LDL', code: JLAC10.LDL, step: 1, direction: 'high', guidance: { M: 120, F: 120 }, seeDoctor: 140 },
  { name: 'AST', code: JLAC10.AST, step: 1, direction: 'high', guidance: { M: 31, F: 31 }, seeDoctor: 51 },
  { name: 'ALT', code: JLAC10.ALT, step: 1, direction: 'high', guidance: { M: 31, F: 31 }, seeDoctor: 51 },
  { name: 'γ-GT', code: JLAC10.GAMMA_GT, step: 1, direction: 'high', guidance: { M: 51, F: 51 }, seeDoctor: 101 },
];

type EdgeRow = [name: string, sex: Sex, value: number, expected: ItemJudgement];

/** For every item and both sexes: just below, at and just above each threshold ("below" means less abnormal). */
const EDGE_ROWS: EdgeRow[] = THRESHOLDS.flatMap(({ name, step, direction, guidance, seeDoctor }) =>
  (['M', 'F'] as const).flatMap((sex): EdgeRow[] => {
    const towardsNormal = direction === 'high' ? -step : step;
    const g = guidance[sex];
    const rows: EdgeRow[] = [
      [name, sex, round1(g + towardsNormal), NORMAL],
      [name, sex, g, GUIDANCE],
      [name, sex, round1(g - towardsNormal), GUIDANCE],
    ];
    if (seeDoctor !== undefined) {
      rows.push(
        [name, sex, round1(seeDoctor + towardsNormal), GUIDANCE],
        [name, sex, seeDoctor, SEE_DOCTOR],
        [name, sex, round1(seeDoctor - towardsNormal), SEE_DOCTOR],
      );
    } else {
      rows.push([name, sex, round1(g - 20 * towardsNormal), GUIDANCE]);
    }
    return rows;
  }),
);
const CODE_BY_NAME = new Map(THRESHOLDS.map((row) => [row.name, row.code]));

describe('judgeItem at every threshold edge', () => {
  it.each(EDGE_ROWS)('%s %s %p → %s', (name, sex, value, expected) => {
    expect(judgeItem(CODE_BY_NAME.get(name) ?? '', value, sex)).toBe(expected);
  });

  it('waist 88 cm is GUIDANCE for a man and NORMAL for a woman', () => {
    expect(judgeItem(JLAC10.WAIST, 88, 'M')).toBe(GUIDANCE);
    expect(judgeItem(JLAC10.WAIST, 88, 'F')).toBe(NORMAL);
  });

  it.each([JLAC10.HEIGHT, JLAC10.WEIGHT, JLAC10.URINE_GLUCOSE, JLAC10.MEDICATION_BLOOD_PRESSURE, JLAC10.DOCTOR_JUDGEMENT])(
    '%s has no thresholds → null',
    (code) => {
      expect(judgeItem(code, 1, 'M')).toBeNull();
    },
  );

  it('throws for a code outside the master', () => {
    expect(() => judgeItem('9Z999000000000001', 1, 'M')).toThrow(/Unknown JLAC10/);
  });
});

/** A man with nothing abnormal and no medication; each case overrides what it needs. */
const HEALTHY: StratificationInput = {
  sex: 'M', age: 50, fasting: true, waistCm: 80, bmi: 22, fastingGlucose: 90, hba1c: 5.2, triglycerides: 90,
  hdl: 60, systolicBp: 115, diastolicBp: 70, smoker: false,
  onBloodPressureMedication: false, onGlucoseMedication: false, onLipidMedication: false,
};
const GROUP_A: Partial<StratificationInput> = { waistCm: 90 };
const GROUP_B: Partial<StratificationInput> = { bmi: 26 };
const GLUCOSE_RISK: Partial<StratificationInput> = { fastingGlucose: 105 };
const LIPID_RISK: Partial<StratificationInput> = { triglycerides: 160 };
const BP_RISK: Partial<StratificationInput> = { systolicBp: 135 };
const SMOKER: Partial<StratificationInput> = { smoker: true };
const person = (...parts: Array<Partial<StratificationInput>>): StratificationInput => Object.assign({}, HEALTHY, ...parts);

describe('stratify step 1 (waist → A, else BMI → B)', () => {
  it.each<[string, Partial<StratificationInput>, 'A' | 'B' | null]>([
    ['man waist 85', { sex: 'M', waistCm: 85 }, 'A'],
    ['man waist 84.9, BMI 24.9', { sex: 'M', waistCm: 84.9, bmi: 24.9 }, null],
    ['man waist 84.9, BMI 25', { sex: 'M', waistCm: 84.9, bmi: 25 }, 'B'],
    ['man waist 85 and BMI 30 (A wins)', { sex: 'M', waistCm: 85, bmi: 30 }, 'A'],
    ['woman waist 90', { sex: 'F', waistCm: 90 }, 'A'],
    ['woman waist 89.9, BMI 22', { sex: 'F', waistCm: 89.9 }, null],
    ['woman waist 88 (A for a man), BMI 22', { sex: 'F', waistCm: 88 }, null],
    ['woman waist 89.9, BMI 25', { sex: 'F', waistCm: 89.9, bmi: 25 }, 'B'],
    ['no waist, BMI 26', { waistCm: undefined, bmi: 26 }, 'B'],
    ['no waist, no BMI', { waistCm: undefined, bmi: undefined }, null],
  ])('%s → group %p', (_label, overrides, group) => {
    expect(stratify(person(overrides)).group).toBe(group);
  });
});

describe('stratify step 2 (risk count)', () => {
  it.each<[string, Partial<StratificationInput>, RiskFactor[]]>([
    ['FBG 99', { fastingGlucose: 99 }, []],
    ['FBG 100', { fastingGlucose: 100 }, ['GLUCOSE']],
    ['HbA1c 5.5', { hba1c: 5.5 }, []],
    ['HbA1c 5.6', { hba1c: 5.6 }, ['GLUCOSE']],
    ['FBG and HbA1c both high count once', { fastingGlucose: 110, hba1c: 6 }, ['GLUCOSE']],
    ['no FBG, HbA1c 5.6', { fastingGlucose: undefined, hba1c: 5.6 }, ['GLUCOSE']],
    ['TG 149 fasting', { triglycerides: 149 }, []],
    ['TG 150 fasting', { triglycerides: 150 }, ['LIPIDS']],
    ['TG 174 non-fasting', { triglycerides: 174, fasting: false }, []],
    ['TG 175 non-fasting', { triglycerides: 175, fasting: false }, ['LIPIDS']],
    ['HDL 40', { hdl: 40 }, []],
    ['HDL 39.9', { hdl: 39.9 }, ['LIPIDS']],
    ['HDL 39', { hdl: 39 }, ['LIPIDS']],
    ['SBP 129', { systolicBp: 129 }, []],
    ['SBP 130', { systolicBp: 130 }, ['BLOOD_PRESSURE']],
    ['DBP 84', { diastolicBp: 84 }, []],
    ['DBP 85', { diastolicBp: 85 }, ['BLOOD_PRESSURE']],
    ['smoking alone does not count', SMOKER, []],
    ['smoking counts with another risk', { ...SMOKER, ...BP_RISK }, ['BLOOD_PRESSURE', 'SMOKING']],
    ['all four', { ...SMOKER, ...BP_RISK, ...GLUCOSE_RISK, ...LIPID_RISK }, ['GLUCOSE', 'LIPIDS', 'BLOOD_PRESSURE', 'SMOKING']],
  ])('%s → %p', (_label, overrides, risks) => {
    expect(stratify(person(GROUP_A, overrides)).risks).toEqual(risks);
  });
});

describe('stratify step 3 (level from group and risk count)', () => {
  it.each<[string, Array<Partial<StratificationInput>>, GuidanceLevel]>([
    ['A, 0 risks', [GROUP_A], GuidanceLevel.INFORMATION],
    ['A, smoking only', [GROUP_A, SMOKER], GuidanceLevel.INFORMATION],
    ['A, 1 risk', [GROUP_A, BP_RISK], GuidanceLevel.MOTIVATIONAL],
    ['A, 1 risk + smoking = 2', [GROUP_A, BP_RISK, SMOKER], GuidanceLevel.INTENSIVE],
    ['A, 2 risks', [GROUP_A, BP_RISK, GLUCOSE_RISK], GuidanceLevel.INTENSIVE],
    ['A, 3 risks', [GROUP_A, BP_RISK, GLUCOSE_RISK, LIPID_RISK], GuidanceLevel.INTENSIVE],
    ['B, 0 risks', [GROUP_B], GuidanceLevel.INFORMATION],
    ['B, smoking only', [GROUP_B, SMOKER], GuidanceLevel.INFORMATION],
    ['B, 1 risk', [GROUP_B, LIPID_RISK], GuidanceLevel.MOTIVATIONAL],
    ['B, 2 risks', [GROUP_B, LIPID_RISK, GLUCOSE_RISK], GuidanceLevel.MOTIVATIONAL],
    ['B, 2 risks + smoking = 3', [GROUP_B, LIPID_RISK, GLUCOSE_RISK, SMOKER], GuidanceLevel.INTENSIVE],
    ['B, 3 risks', [GROUP_B, LIPID_RISK, GLUCOSE_RISK, BP_RISK], GuidanceLevel.INTENSIVE],
    ['no group, 4 risks', [BP_RISK, GLUCOSE_RISK, LIPID_RISK, SMOKER], GuidanceLevel.INFORMATION],
  ])('%s → %s', (_label, parts, level) => {
    const result = stratify(person(...parts));
    expect(result.level).toBe(level);
    expect(result.medications).toEqual([]);
    expect(result.downgradedForAge).toBe(false);
  });
});

describe('stratify step 4 (medication, ages 65–74)', () => {
  it.each<[string, Partial<StratificationInput>]>([
    ['blood pressure', { onBloodPressureMedication: true }],
    ['glucose', { onGlucoseMedication: true }],
    ['lipids', { onLipidMedication: true }],
  ])('on %s medication → NONE_ON_MEDICATION even with A and 3 risks', (_label, medication) => {
    const result = stratify(person(GROUP_A, BP_RISK, GLUCOSE_RISK, LIPID_RISK, medication));
    expect(result.level).toBe(GuidanceLevel.NONE_ON_MEDICATION);
    expect(result.medications).toHaveLength(1);
    expect(result.risks).toEqual(['GLUCOSE', 'LIPIDS', 'BLOOD_PRESSURE']);
  });

  it('medication also applies with no group, and lists every medication', () => {
    const result = stratify(person({ onBloodPressureMedication: true, onLipidMedication: true }));
    expect(result.level).toBe(GuidanceLevel.NONE_ON_MEDICATION);
    expect(result.medications).toEqual(['BLOOD_PRESSURE', 'LIPIDS']);
  });

  it.each<[number, GuidanceLevel, boolean]>([
    [40, GuidanceLevel.INTENSIVE, false],
    [64, GuidanceLevel.INTENSIVE, false],
    [65, GuidanceLevel.MOTIVATIONAL, true],
    [74, GuidanceLevel.MOTIVATIONAL, true],
  ])('age %i with A and 2 risks → %s', (age, level, downgraded) => {
    const result = stratify(person(GROUP_A, BP_RISK, GLUCOSE_RISK, { age }));
    expect(result.level).toBe(level);
    expect(result.downgradedForAge).toBe(downgraded);
  });

  it('age 70 already 動機付け支援 is not marked downgraded', () => {
    const result = stratify(person(GROUP_B, BP_RISK, { age: 70 }));
    expect(result.level).toBe(GuidanceLevel.MOTIVATIONAL);
    expect(result.downgradedForAge).toBe(false);
  });

  it('medication wins over the age rule', () => {
    expect(stratify(person(GROUP_A, BP_RISK, GLUCOSE_RISK, { age: 70, onGlucoseMedication: true })).level)
      .toBe(GuidanceLevel.NONE_ON_MEDICATION);
  });

  it('explains each step in the reasons', () => {
    const { reasons } = stratify(person(GROUP_A, BP_RISK, SMOKER, { age: 68 }));
    expect(reasons).toEqual([
      expect.stringMatching(/^Step 1: waist 90 cm ≥ 85 → group A/),
      expect.stringMatching(/^Step 2: blood-pressure risk/),
      expect.stringMatching(/^Step 2: smoking counts/),
      expect.stringMatching(/^Step 3: group A with 2 risk\(s\) → INTENSIVE/),
      expect.stringMatching(/^Step 4: age 68 is 65–74/),
    ]);
  });
});

describe('stratificationInputFromResults', () => {
  const results: CheckupResult[] = [
    { code: JLAC10.WAIST, value: 91.5, unit: 'cm' },
    { code: JLAC10.BMI, value: 26.7, unit: 'kg/m2' },
    { code: JLAC10.SYSTOLIC_BP, value: 138, unit: 'mmHg' },
    { code: JLAC10.SYSTOLIC_BP, value: 120, unit: 'mmHg' },
    { code: JLAC10.HDL, value: 44, unit: 'mg/dL' },
    { code: JLAC10.MEDICATION_BLOOD_PRESSURE, value: 'いいえ', unit: '', qualitativeCode: '2' },
    { code: JLAC10.MEDICATION_GLUCOSE, value: 'はい', unit: '' },
    { code: JLAC10.SMOKING, value: 'はい', unit: '', qualitativeCode: '1' },
  ];

  it('maps numeric results, first reading wins, and questionnaire answers by code or label', () => {
    expect(stratificationInputFromResults(results, { sex: 'M', age: 55, fasting: true })).toEqual({
      sex: 'M', age: 55, fasting: true, waistCm: 91.5, bmi: 26.7, systolicBp: 138, hdl: 44,
      smoker: true, onBloodPressureMedication: false, onGlucoseMedication: true, onLipidMedication: false,
    });
  });

  it('answerCodeOf prefers the raw code, then the label, then the value itself', () => {
    expect(answerCodeOf({ code: JLAC10.SMOKING, value: 'x', unit: '', qualitativeCode: '3' })).toBe('3');
    expect(answerCodeOf({ code: JLAC10.URINE_GLUCOSE, value: '2+', unit: '' })).toBe('4');
    expect(answerCodeOf({ code: JLAC10.MEDICATION_LIPIDS, value: 1, unit: '' })).toBe('1');
  });
});

describe('metabolicSyndrome (メタボリックシンドローム判定)', () => {
  const base: StratificationInput = {
    sex: 'M', age: 60, fasting: true, smoker: false, onBloodPressureMedication: false, onGlucoseMedication: false, onLipidMedication: false,
  };
  test('waist is required: not measured → 判定不能, below the cut-off → 非該当 whatever the risks', () => {
    expect(metabolicSyndrome({ ...base, fastingGlucose: 130, systolicBp: 150 })).toBe('UNDETERMINED');
    expect(metabolicSyndrome({ ...base, waistCm: 84.9, fastingGlucose: 130, systolicBp: 150, triglycerides: 200 })).toBe('NONE');
    expect(metabolicSyndrome({ ...base, sex: 'F', waistCm: 89.9, fastingGlucose: 130, systolicBp: 150 })).toBe('NONE');
  });
  test('waist + 1 risk → 予備群該当, + 2 → 基準該当, with the diagnosis cut-offs (glucose 110, not 100)', () => {
    expect(metabolicSyndrome({ ...base, waistCm: 85 })).toBe('NONE');
    expect(metabolicSyndrome({ ...base, waistCm: 85, fastingGlucose: 109 })).toBe('NONE');
    expect(metabolicSyndrome({ ...base, waistCm: 85, fastingGlucose: 110 })).toBe('PRE');
    expect(metabolicSyndrome({ ...base, waistCm: 85, fastingGlucose: 110, hdl: 39 })).toBe('MEETS');
    expect(metabolicSyndrome({ ...base, sex: 'F', waistCm: 90, diastolicBp: 85, triglycerides: 150 })).toBe('MEETS');
  });
  test('HbA1c counts only without a fasting glucose; medication counts as the risk', () => {
    expect(metabolicSyndrome({ ...base, waistCm: 90, hba1c: 6.0 })).toBe('PRE');
    expect(metabolicSyndrome({ ...base, waistCm: 90, hba1c: 6.5, fastingGlucose: 95 })).toBe('NONE');
    expect(metabolicSyndrome({ ...base, waistCm: 90, onBloodPressureMedication: true, onLipidMedication: true })).toBe('MEETS');
  });
});
