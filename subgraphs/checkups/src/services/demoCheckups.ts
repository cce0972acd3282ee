import {
  JLAC10, answerLabelsFor, loadItemMaster, findItem,
  type CheckupResult, type Sex,
} from './itemMaster';
import { ItemJudgement, judgeItem } from './judgement';
import { seededRng } from '@onshi/demo';

/**
 * Deterministic demo 特定健診 results (docs/domain.md "Specific health checkups (特定健診)": items, thresholds).
 * Values come only from the given rng, so the same rng sequence gives the same results.
 *
 * To show a person's history, seed the rng per person (`createRng` of the demo package) and call once per fiscal year: the
 * person's baseline is then stable, each year adds its own small measurement noise (derived from the rng and the
 * fiscal year), and `trend` adds a slow drift per year since `trend.baselineFiscalYear`.
 * In the baseline year the profile is honoured exactly: a healthy value stays below the 保健指導判定値,
 * a condition that is present and untreated reaches it.
 */

export interface CheckupProfile {
  hypertension: boolean;
  dyslipidemia: boolean;
  diabetes: boolean;
  smoker: boolean;
  obese: boolean;
  onBloodPressureMeds: boolean;
  onGlucoseMeds: boolean;
  onLipidMeds: boolean;
}

export type TrendItem =
  | 'weight' | 'waist' | 'systolicBp' | 'diastolicBp' | 'fastingGlucose' | 'hba1c' | 'triglycerides' | 'hdl' | 'ldl';

export interface CheckupTrend {
  baselineFiscalYear: number;
  /** Change per fiscal year; items left out use `defaultTrendSlopes(profile)`. */
  perYear?: Partial<Record<TrendItem, number>>;
}

export interface GenerateCheckupInput {
  /** Uniform on [0, 1). */
  rng: () => number;
  sex: Sex;
  ageAtExam: number;
  fiscalYear: number;
  profile: CheckupProfile;
  trend?: CheckupTrend;
}

/** Per-year drift by profile: e.g. an untreated (pre-)diabetic's HbA1c rises ~0.1 %/yr. */
export function defaultTrendSlopes(profile: CheckupProfile): Record<TrendItem, number> {
  const untreatedDiabetes = profile.diabetes && !profile.onGlucoseMeds;
  const untreatedHypertension = profile.hypertension && !profile.onBloodPressureMeds;
  const untreatedDyslipidemia = profile.dyslipidemia && !profile.onLipidMeds;
  const weight = profile.obese ? 0.4 : 0.1;
  return {
    weight,
    waist: weight,
    systolicBp: untreatedHypertension ? 1.5 : 0.3,
    diastolicBp: untreatedHypertension ? 0.8 : 0.1,
    fastingGlucose: untreatedDiabetes ? 2.5 : 0.3,
    hba1c: untreatedDiabetes ? 0.1 : 0.01,
    triglycerides: untreatedDyslipidemia ? 4 : 0.5,
    hdl: untreatedDyslipidemia ? -0.3 : 0,
    ldl: untreatedDyslipidemia ? 2 : 0.5,
  };
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Box–Muller normal deviate; always consumes exactly two draws so the sequence stays aligned. */
function normal(rng: () => number, mean: number, sd: number): number {
  const u1 = 1 - rng(); // (0, 1]: log(0) is impossible
  const u2 = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** The waist cut-off for group A (docs/domain.md "Judgements and 階層化": ≥85 men / ≥90 women). */
const WAIST_CUTOFF: Readonly<Record<Sex, number>> = { M: 85, F: 90 };

function doctorsJudgement(results: readonly CheckupResult[], sex: Sex): string {
  const names = (wanted: ItemJudgement): string[] =>
    results
      .filter((result) => typeof result.value === 'number' && judgeItem(result.code, result.value, sex) === wanted)
      .map((result) => findItem(result.code)?.nameJa ?? result.code);
  const seeDoctor = names(ItemJudgement.SEE_DOCTOR);
  const guidance = names(ItemJudgement.GUIDANCE);
  if (seeDoctor.length > 0) return `要医療（受診勧奨判定値以上: ${seeDoctor.join('、')}）`;
  if (guidance.length > 0) return `要指導（保健指導判定値以上: ${guidance.join('、')}）`;
  return '異常なし';
}

export function generateCheckup(input: GenerateCheckupInput): CheckupResult[] {
  const { rng, sex, ageAtExam, fiscalYear, profile, trend } = input;
  const male = sex === 'M';
  const ageOver40 = Math.max(0, ageAtExam - 40);

  // Person baseline: a fixed number of draws in a fixed order, whatever the profile.
  const baseHeight = normal(rng, (male ? 171 : 158) - 0.12 * ageOver40, male ? 5.5 : 5);
  const baseBmi = normal(rng, profile.obese ? 27.5 : male ? 22.5 : 21.5, profile.obese ? 2 : 1.5);
  const baseWaistOffset = normal(rng, 0, 2.5);
  const baseSbp = normal(rng, 0, 7);
  const baseDbp = normal(rng, 0, 5);
  const baseFbg = normal(rng, 0, 8);
  const baseHba1cOffset = normal(rng, 0, 0.15);
  const baseTg = normal(rng, 0, 30);
  const baseHdl = normal(rng, 0, 8);
  const baseLdl = normal(rng, 0, 14);
  const baseAst = normal(rng, 0, 4);
  const baseAlt = normal(rng, 0, 6);
  const baseGgt = normal(rng, 0, 10);
  const urineProteinDraw = rng();
  const formerSmokerDraw = rng();
  // This year's measurement noise: its own stream, derived from the person stream and the fiscal year.
  const yearRng = seededRng(Math.floor(rng() * 4294967296) ^ Math.imul(fiscalYear, 0x9e3779b1));
  const noise = (sd: number): number => normal(yearRng, 0, sd);

  const years = trend === undefined ? 0 : fiscalYear - trend.baselineFiscalYear;
  const slopes = { ...defaultTrendSlopes(profile), ...trend?.perYear };
  const drift = (item: TrendItem): number => slopes[item] * years;

  const untreatedHypertension = profile.hypertension && !profile.onBloodPressureMeds;
  const untreatedDiabetes = profile.diabetes && !profile.onGlucoseMeds;
  const untreatedDyslipidemia = profile.dyslipidemia && !profile.onLipidMeds;

  // Body: BMI within the profile's band; weight from BMI and height; BMI recomputed from the rounded figures.
  const height = round(clamp(baseHeight, male ? 150 : 140, male ? 190 : 178) + noise(0.2), 1);
  const heightM = height / 100;
  const bmiTarget = profile.obese ? clamp(baseBmi, 25.5, 38) : clamp(baseBmi, 18.5, 24.4);
  const weight = round(bmiTarget * heightM * heightM + noise(0.6) + drift('weight'), 1);
  const bmi = round(weight / (heightM * heightM), 1);
  const waistFromBmi = (male ? 2.6 * bmiTarget + 21 : 2.4 * bmiTarget + 27) + baseWaistOffset + noise(1);
  const cutoff = WAIST_CUTOFF[sex];
  const waist = round(
    (profile.obese ? clamp(waistFromBmi, cutoff + 0.5, 125) : clamp(waistFromBmi, 62, cutoff - 0.5)) + drift('waist'),
    1,
  );

  // Blood pressure (docs/domain.md "Judgements and 階層化": SBP 130/140, DBP 85/90).
  const sbpBand: [number, number, number] = untreatedHypertension
    ? [148, 140, 178] : profile.onBloodPressureMeds ? [128, 110, 145] : [112 + 0.25 * ageOver40, 95, 129];
  const dbpBand: [number, number, number] = untreatedHypertension
    ? [92, 85, 110] : profile.onBloodPressureMeds ? [78, 65, 92] : [70, 55, 84];
  const systolic = Math.round(clamp(sbpBand[0] + baseSbp + noise(4), sbpBand[1], sbpBand[2]) + drift('systolicBp'));
  const diastolic = Math.round(
    Math.min(systolic - 25, clamp(dbpBand[0] + baseDbp + noise(3), dbpBand[1], dbpBand[2]) + drift('diastolicBp')),
  );

  // Glucose (FBG 100/126, HbA1c 5.6/6.5): HbA1c follows FBG so the two agree.
  const fbgBand: [number, number, number] = untreatedDiabetes
    ? [118, 100, 180] : profile.onGlucoseMeds ? [128, 95, 170] : [90, 72, 99];
  const fbgBaseline = clamp(fbgBand[0] + baseFbg + noise(3), fbgBand[1], fbgBand[2]);
  const fastingGlucose = Math.round(fbgBaseline + drift('fastingGlucose'));
  const hba1cBand: [number, number] = untreatedDiabetes ? [5.6, 9] : profile.onGlucoseMeds ? [5.8, 8.5] : [4.6, 5.5];
  const hba1c = round(
    clamp(5.3 + 0.024 * (fbgBaseline - 90) + baseHba1cOffset + noise(0.05), hba1cBand[0], hba1cBand[1]) + drift('hba1c'),
    1,
  );

  // Lipids, fasting (TG 150/300, HDL ≤39/≤34, LDL 120/140).
  const tgBand: [number, number, number] = untreatedDyslipidemia
    ? [190, 150, 450] : profile.onLipidMeds ? [125, 60, 220] : [profile.obese ? 110 : 85, 40, 149];
  const triglycerides = Math.round(clamp(tgBand[0] + baseTg + noise(15), tgBand[1], tgBand[2]) + drift('triglycerides'));
  const hdlMean = (untreatedDyslipidemia ? (male ? 42 : 48) : male ? 56 : 66) - (profile.smoker ? 4 : 0);
  const hdl = Math.round(clamp(hdlMean + baseHdl + noise(2), untreatedDyslipidemia ? 30 : 40, 100) + drift('hdl'));
  const ldlBand: [number, number, number] = untreatedDyslipidemia
    ? [150, 121, 220] : profile.onLipidMeds ? [98, 60, 140] : [102, 60, 119];
  const ldl = Math.round(clamp(ldlBand[0] + baseLdl + noise(6), ldlBand[1], ldlBand[2]) + drift('ldl'));

  // Liver enzymes: fatty liver (obesity) raises ALT and γ-GT; smoking raises γ-GT a little.
  const ast = Math.round(clamp(20 + (profile.obese ? 4 : 0) + baseAst + noise(2), 10, 60));
  const alt = Math.round(clamp((male ? 19 : 14) + (profile.obese ? 10 : 0) + baseAlt + noise(3), 6, 80));
  const ggt = Math.round(
    clamp((male ? 30 : 18) + (profile.obese ? 8 : 0) + (profile.smoker ? 8 : 0) + baseGgt + noise(3), 8, 150),
  );

  // Urine (codes 1–5 = −, ±, +, 2+, 3+): glucose spills over the renal threshold at high FBG.
  const urineGlucoseCode = fastingGlucose >= 180 ? '4' : fastingGlucose >= 160 ? '3' : '1';
  const proteinCuts: [number, number] = profile.hypertension ? [0.1, 0.25] : [0, 0.05];
  const urineProteinCode = urineProteinDraw < proteinCuts[0] ? '3' : urineProteinDraw < proteinCuts[1] ? '2' : '1';
  const smokingCode = profile.smoker ? '1' : formerSmokerDraw < 0.15 ? '2' : '3';
  const yesNo = (yes: boolean): string => (yes ? '1' : '2');

  const numericValues = new Map<string, number>([
    [JLAC10.HEIGHT, height], [JLAC10.WEIGHT, weight], [JLAC10.BMI, bmi], [JLAC10.WAIST, waist],
    [JLAC10.SYSTOLIC_BP, systolic], [JLAC10.DIASTOLIC_BP, diastolic],
    [JLAC10.FASTING_GLUCOSE, fastingGlucose], [JLAC10.HBA1C, hba1c],
    [JLAC10.TRIGLYCERIDES, triglycerides], [JLAC10.HDL, hdl], [JLAC10.LDL, ldl],
    [JLAC10.AST, ast], [JLAC10.ALT, alt], [JLAC10.GAMMA_GT, ggt],
  ]);
  const codedValues = new Map<string, string>([
    [JLAC10.URINE_GLUCOSE, urineGlucoseCode],
    [JLAC10.URINE_PROTEIN, urineProteinCode],
    [JLAC10.MEDICATION_BLOOD_PRESSURE, yesNo(profile.onBloodPressureMeds)],
    [JLAC10.MEDICATION_GLUCOSE, yesNo(profile.onGlucoseMeds)],
    [JLAC10.MEDICATION_LIPIDS, yesNo(profile.onLipidMeds)],
    [JLAC10.SMOKING, smokingCode],
  ]);

  const results: CheckupResult[] = [];
  for (const item of loadItemMaster()) {
    const numeric = numericValues.get(item.code);
    const coded = codedValues.get(item.code);
    if (numeric !== undefined) {
      results.push({ code: item.code, value: numeric, unit: item.unit });
    } else if (coded !== undefined) {
      results.push({ code: item.code, value: answerLabelsFor(item.code)?.[coded] ?? coded, unit: '', qualitativeCode: coded });
    }
  }
  // The doctor's judgement summarises the other results, so it is computed last and placed where the master puts it.
  const master = loadItemMaster();
  const judgementPosition = master.findIndex((item) => item.code === JLAC10.DOCTOR_JUDGEMENT);
  const insertAt = results.findIndex((result) => master.findIndex((item) => item.code === result.code) > judgementPosition);
  results.splice(insertAt === -1 ? results.length : insertAt, 0, { code: JLAC10.DOCTOR_JUDGEMENT, value: doctorsJudgement(results, sex), unit: '' });
  return results;
}
