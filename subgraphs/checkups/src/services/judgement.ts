import {
  JLAC10, analyteOf, findItem, thresholdsFor, answerLabelsFor, type CheckupResult, type Sex,
} from './itemMaster';

/** Per-item judgement against the 保健指導判定値 / 受診勧奨判定値 (docs/domain.md "Specific health checkups (特定健診)"). */
export enum ItemJudgement {
  NORMAL = 'NORMAL',
  /** 保健指導判定値 reached. */
  GUIDANCE = 'GUIDANCE',
  /** 受診勧奨判定値 reached. */
  SEE_DOCTOR = 'SEE_DOCTOR',
}

/** Outcome of 階層化 (docs/domain.md "Specific health checkups (特定健診)", steps 1–4). */
export enum GuidanceLevel {
  /** 積極的支援 */
  INTENSIVE = 'INTENSIVE',
  /** 動機付け支援 */
  MOTIVATIONAL = 'MOTIVATIONAL',
  /** 情報提供 */
  INFORMATION = 'INFORMATION',
  /** On medication for blood pressure, glucose or lipids (服薬1–3): no 特定保健指導. */
  NONE_ON_MEDICATION = 'NONE_ON_MEDICATION',
}

export type ObesityGroup = 'A' | 'B';
export type RiskFactor = 'GLUCOSE' | 'LIPIDS' | 'BLOOD_PRESSURE' | 'SMOKING';
export type MedicationKind = 'BLOOD_PRESSURE' | 'GLUCOSE' | 'LIPIDS';

/**
 * Judges one numeric result. 'high' items: value ≥ threshold is abnormal; 'low' items (HDL): value ≤ threshold
 * is abnormal (docs/domain.md "Judgements and 階層化": HDL ≤39/≤34). Waist uses men 85 / women 90. Returns null for items without thresholds
 * (height, weight, urine, questionnaire, text); throws for a code that is not in the item master.
 */
export function judgeItem(code: string, value: number, sex: Sex): ItemJudgement | null {
  const item = findItem(code);
  if (item === undefined) throw new Error(`Unknown JLAC10 code ${code}`);
  const { guidance, seeDoctor } = thresholdsFor(item, sex);
  if (item.direction === undefined || (guidance === undefined && seeDoctor === undefined)) return null;
  const reaches = (threshold: number | undefined): boolean =>
    threshold !== undefined && (item.direction === 'low' ? value <= threshold : value >= threshold);
  if (reaches(seeDoctor)) return ItemJudgement.SEE_DOCTOR;
  if (reaches(guidance)) return ItemJudgement.GUIDANCE;
  return ItemJudgement.NORMAL;
}

export interface StratificationInput {
  sex: Sex;
  /** Age as the program defines it for the year (the caller decides: age at exam or at fiscal-year end). */
  age: number;
  /** Whether blood was drawn fasting; selects the TG cut-off (≥150 fasting / ≥175 non-fasting). */
  fasting: boolean;
  waistCm?: number;
  bmi?: number;
  fastingGlucose?: number;
  hba1c?: number;
  triglycerides?: number;
  hdl?: number;
  systolicBp?: number;
  diastolicBp?: number;
  /** Currently smoking (喫煙 answer 1). */
  smoker: boolean;
  onBloodPressureMedication: boolean;
  onGlucoseMedication: boolean;
  onLipidMedication: boolean;
}

export interface StratificationResult {
  level: GuidanceLevel;
  /** Step 1 group; null when neither waist nor BMI reaches its cut-off. */
  group: ObesityGroup | null;
  /** Step 2 risks that were counted (smoking only when another risk is present). */
  risks: RiskFactor[];
  medications: MedicationKind[];
  /** Step 4: 積極的支援 became 動機付け支援 because the person is 65–74. */
  downgradedForAge: boolean;
  /** Human-readable trail of the decision, one line per rule applied. */
  reasons: string[];
}

/** Step 1 cut-offs and step 2 risk cut-offs exactly as docs/domain.md "Judgements and 階層化" states them. */
const WAIST_CUTOFF: Readonly<Record<Sex, number>> = { M: 85, F: 90 };
const BMI_CUTOFF = 25;
const FBG_CUTOFF = 100;
const HBA1C_CUTOFF = 5.6;
const TG_FASTING_CUTOFF = 150;
const TG_NON_FASTING_CUTOFF = 175;
/** 階層化 says "HDL <40" (docs/domain.md "Judgements and 階層化") (the item judgement uses ≤39; identical for integer results). */
const HDL_BELOW = 40;
const SBP_CUTOFF = 130;
const DBP_CUTOFF = 85;
const DOWNGRADE_AGE_FROM = 65;
const DOWNGRADE_AGE_TO = 74;

const atLeast = (value: number | undefined, cutoff: number): boolean => value !== undefined && value >= cutoff;

/**
 * 階層化 of 特定保健指導 (docs/domain.md "Specific health checkups (特定健診)", MHLW standard program):
 * 1. waist ≥85 (men) / ≥90 (women) → group A, else BMI ≥25 → group B, else none.
 * 2. risks: glucose (FBG ≥100 or HbA1c ≥5.6), lipids (TG ≥150 fasting / ≥175 non-fasting, or HDL <40),
 *    blood pressure (SBP ≥130 or DBP ≥85), smoking (counts only if another risk is present).
 * 3. A with ≥2 risks or B with ≥3 → 積極的支援; A with 1 or B with 1–2 → 動機付け支援; else 情報提供.
 * 4. on medication (服薬1–3) → no 保健指導; ages 65–74 get 動機付け支援 instead of 積極的支援.
 * Missing values simply do not count towards a group or a risk.
 */
export function stratify(input: StratificationInput): StratificationResult {
  const reasons: string[] = [];

  let group: ObesityGroup | null = null;
  if (atLeast(input.waistCm, WAIST_CUTOFF[input.sex])) {
    group = 'A';
    reasons.push(`Step 1: waist ${input.waistCm} cm ≥ ${WAIST_CUTOFF[input.sex]} → group A`);
  } else if (atLeast(input.bmi, BMI_CUTOFF)) {
    group = 'B';
    reasons.push(`Step 1: waist below ${WAIST_CUTOFF[input.sex]} cm, BMI ${input.bmi} ≥ ${BMI_CUTOFF} → group B`);
  } else {
    reasons.push('Step 1: neither waist nor BMI reaches its cut-off → no group');
  }

  const risks: RiskFactor[] = [];
  if (atLeast(input.fastingGlucose, FBG_CUTOFF) || atLeast(input.hba1c, HBA1C_CUTOFF)) {
    risks.push('GLUCOSE');
    reasons.push(`Step 2: glucose risk (FBG ${input.fastingGlucose ?? '—'} / HbA1c ${input.hba1c ?? '—'})`);
  }
  const tgCutoff = input.fasting ? TG_FASTING_CUTOFF : TG_NON_FASTING_CUTOFF;
  if (atLeast(input.triglycerides, tgCutoff) || (input.hdl !== undefined && input.hdl < HDL_BELOW)) {
    risks.push('LIPIDS');
    reasons.push(
      `Step 2: lipid risk (TG ${input.triglycerides ?? '—'} vs ${tgCutoff} ${input.fasting ? 'fasting' : 'non-fasting'}, HDL ${input.hdl ?? '—'})`,
    );
  }
  if (atLeast(input.systolicBp, SBP_CUTOFF) || atLeast(input.diastolicBp, DBP_CUTOFF)) {
    risks.push('BLOOD_PRESSURE');
    reasons.push(`Step 2: blood-pressure risk (${input.systolicBp ?? '—'}/${input.diastolicBp ?? '—'} mmHg)`);
  }
  if (input.smoker) {
    if (risks.length > 0) {
      risks.push('SMOKING');
      reasons.push('Step 2: smoking counts because another risk is present');
    } else {
      reasons.push('Step 2: smoking not counted (no other risk)');
    }
  }

  const riskCount = risks.length;
  let level: GuidanceLevel;
  if ((group === 'A' && riskCount >= 2) || (group === 'B' && riskCount >= 3)) {
    level = GuidanceLevel.INTENSIVE;
  } else if ((group === 'A' && riskCount === 1) || (group === 'B' && riskCount >= 1)) {
    level = GuidanceLevel.MOTIVATIONAL;
  } else {
    level = GuidanceLevel.INFORMATION;
  }
  reasons.push(`Step 3: group ${group ?? 'none'} with ${riskCount} risk(s) → ${level}`);

  const medications: MedicationKind[] = [];
  if (input.onBloodPressureMedication) medications.push('BLOOD_PRESSURE');
  if (input.onGlucoseMedication) medications.push('GLUCOSE');
  if (input.onLipidMedication) medications.push('LIPIDS');

  let downgradedForAge = false;
  if (medications.length > 0) {
    level = GuidanceLevel.NONE_ON_MEDICATION;
    reasons.push(`Step 4: on medication (${medications.join(', ')}) → no 特定保健指導`);
  } else if (level === GuidanceLevel.INTENSIVE && input.age >= DOWNGRADE_AGE_FROM && input.age <= DOWNGRADE_AGE_TO) {
    level = GuidanceLevel.MOTIVATIONAL;
    downgradedForAge = true;
    reasons.push(`Step 4: age ${input.age} is 65–74 → 動機付け支援 instead of 積極的支援`);
  }

  return { level, group, risks, medications, downgradedForAge, reasons };
}

/** メタボリックシンドローム判定 of a checkup result: 基準該当 / 予備群該当 / 非該当 / 判定不能. */
export type MetabolicSyndrome = 'MEETS' | 'PRE' | 'NONE' | 'UNDETERMINED';

/** Cut-offs of the diagnosis criteria (they differ from 階層化's: glucose 110, not 100; HbA1c 6.0, not 5.6). */
const METABOLIC_FBG_CUTOFF = 110;
const METABOLIC_HBA1C_CUTOFF = 6.0;
const METABOLIC_TG_CUTOFF = 150;

/**
 * メタボリックシンドローム判定 as 特定健診 results report it (MHLW 標準的な健診・保健指導プログラム, after the 2005
 * Japanese diagnostic criteria; docs/domain.md "Specific health checkups (特定健診)"): waist ≥85 (men) / ≥90 (women) is required; the risks are
 * glucose (FBG ≥110, HbA1c ≥6.0 only when no FBG was measured), lipids (TG ≥150 or HDL <40) and blood pressure
 * (SBP ≥130 or DBP ≥85), each also met by taking that medication. Waist + 2 or more risks → 基準該当, + 1 →
 * 予備群該当, else 非該当; without a waist measurement → 判定不能.
 */
export function metabolicSyndrome(input: StratificationInput): MetabolicSyndrome {
  if (input.waistCm === undefined) return 'UNDETERMINED';
  if (input.waistCm < WAIST_CUTOFF[input.sex]) return 'NONE';
  const glucose = input.onGlucoseMedication || atLeast(input.fastingGlucose, METABOLIC_FBG_CUTOFF)
    || (input.fastingGlucose === undefined && atLeast(input.hba1c, METABOLIC_HBA1C_CUTOFF));
  const lipids = input.onLipidMedication || atLeast(input.triglycerides, METABOLIC_TG_CUTOFF) || (input.hdl !== undefined && input.hdl < HDL_BELOW);
  const bloodPressure = input.onBloodPressureMedication || atLeast(input.systolicBp, SBP_CUTOFF) || atLeast(input.diastolicBp, DBP_CUTOFF);
  const risks = [glucose, lipids, bloodPressure].filter(Boolean).length;
  return risks >= 2 ? 'MEETS' : risks === 1 ? 'PRE' : 'NONE';
}

/** The answer code of a coded result: the raw code if known, else the label looked up backwards. */
export function answerCodeOf(result: CheckupResult): string {
  if (result.qualitativeCode !== undefined) return result.qualitativeCode;
  const text = String(result.value);
  const labels = answerLabelsFor(result.code);
  const byLabel = labels === undefined ? undefined : Object.entries(labels).find(([, label]) => label === text);
  return byLabel?.[0] ?? text;
}

/**
 * Builds the 階層化 input from a list of results (CDA or demo), read by analyte so that any method code counts (HbA1c by
 * HPLC is HbA1c); the first result per analyte wins (stored checkups hold one per analyte, submission.ts).
 */
export function stratificationInputFromResults(
  results: readonly CheckupResult[],
  context: { sex: Sex; age: number; fasting: boolean },
): StratificationInput {
  const firstByAnalyte = new Map<string, CheckupResult>();
  for (const result of results) {
    const analyte = analyteOf(result.code) ?? result.code;
    if (!firstByAnalyte.has(analyte)) firstByAnalyte.set(analyte, result);
  }
  const resultOfItem = (code: string): CheckupResult | undefined => firstByAnalyte.get(analyteOf(code) ?? code);
  const numeric = (code: string): number | undefined => {
    const value = resultOfItem(code)?.value;
    return typeof value === 'number' ? value : undefined;
  };
  const answeredYes = (code: string): boolean => {
    const result = resultOfItem(code);
    return result !== undefined && answerCodeOf(result) === '1';
  };
  const input: StratificationInput = {
    ...context,
    smoker: answeredYes(JLAC10.SMOKING),
    onBloodPressureMedication: answeredYes(JLAC10.MEDICATION_BLOOD_PRESSURE),
    onGlucoseMedication: answeredYes(JLAC10.MEDICATION_GLUCOSE),
    onLipidMedication: answeredYes(JLAC10.MEDICATION_LIPIDS),
  };
  const numericFields = [
    ['waistCm', JLAC10.WAIST], ['bmi', JLAC10.BMI], ['fastingGlucose', JLAC10.FASTING_GLUCOSE],
    ['hba1c', JLAC10.HBA1C], ['triglycerides', JLAC10.TRIGLYCERIDES], ['hdl', JLAC10.HDL],
    ['systolicBp', JLAC10.SYSTOLIC_BP], ['diastolicBp', JLAC10.DIASTOLIC_BP],
  ] as const;
  for (const [field, code] of numericFields) {
    const value = numeric(code);
    if (value !== undefined) input[field] = value;
  }
  return input;
}
