import type { checkupResults, checkups } from '../db/tables';
import { findItem, loadItemMaster, thresholdsFor, type CheckupItem, type CheckupResult, type Direction, type Sex } from './itemMaster';
import { programOfInsurer, type CheckupProgram } from './submission';
import {
  judgeItem, metabolicSyndrome, stratificationInputFromResults, stratify, type MetabolicSyndrome, type GuidanceLevel, type ItemJudgement, type ObesityGroup, type RiskFactor,
} from './judgement';

/**
 * Stored rows → what the API shows: every item with its thresholds and judgement, and the 階層化 level of the
 * checkup. Judgements are computed on read from the item master, so a corrected threshold applies to every year.
 */

export type CheckupRow = typeof checkups.$inferSelect;
export type CheckupResultRow = typeof checkupResults.$inferSelect;
export interface StoredCheckup {
  checkup: CheckupRow;
  results: CheckupResultRow[];
}

export interface CheckupItemView {
  code: string;
  nameJa: string;
  nameEn: string;
  value: number | null;
  text: string | null;
  /** English label of a coded answer; null for numbers and free text. */
  textEn: string | null;
  answerCode: string | null;
  valueType: string;
  unit: string;
  guidanceThreshold: number | null;
  seeDoctorThreshold: number | null;
  direction: Direction | null;
  /** Null for items without thresholds (height, weight, urine, questionnaire, free text). */
  judgement: ItemJudgement | null;
}

export interface GuidanceView {
  level: GuidanceLevel;
  group: ObesityGroup | null;
  risks: RiskFactor[];
  downgradedForAge: boolean;
  reasons: string[];
}

export interface CheckupView {
  fiscalYear: number;
  /** 特定健診 (40–74) or 後期高齢者健診 (a 広域連合's member), by the insurer that commissioned it. */
  program: CheckupProgram;
  examinedOn: string;
  facilityCode: string;
  insurerNumber: string;
  fasting: boolean;
  items: CheckupItemView[];
  metabolicSyndrome: MetabolicSyndrome;
  guidance: GuidanceView;
}

export interface TrendPointView {
  fiscalYear: number;
  examinedOn: string;
  value: number;
  judgement: ItemJudgement | null;
}

export interface TrendView {
  code: string;
  nameJa: string;
  nameEn: string;
  unit: string;
  guidanceThreshold: number | null;
  seeDoctorThreshold: number | null;
  direction: Direction | null;
  points: TrendPointView[];
}

export function asSex(value: string): Sex {
  return value === 'F' ? 'F' : 'M';
}

function resultOf(row: CheckupResultRow): CheckupResult {
  return {
    code: row.itemCode,
    value: row.numericValue ?? row.textValue ?? '',
    unit: row.unit,
    ...(row.answerCode !== null ? { qualitativeCode: row.answerCode } : {}),
  };
}

function thresholdFields(item: CheckupItem, sex: Sex) {
  const { guidance, seeDoctor } = thresholdsFor(item, sex);
  return { guidanceThreshold: guidance ?? null, seeDoctorThreshold: seeDoctor ?? null, direction: item.direction ?? null };
}

let positions: ReadonlyMap<string, number> | undefined;
/** Position in the item master, so every year lists its items in the same order. */
function masterOrder(code: string): number {
  positions ??= new Map(loadItemMaster().map((item, position) => [item.code, position]));
  return positions.get(code) ?? Number.MAX_SAFE_INTEGER;
}

export function toCheckupView({ checkup, results }: StoredCheckup): CheckupView {
  const sex = asSex(checkup.sex);
  const items: CheckupItemView[] = [];
  for (const row of [...results].sort((a, b) => masterOrder(a.itemCode) - masterOrder(b.itemCode))) {
    const item = findItem(row.itemCode);
    // Rows are validated against the master before they are stored; a code dropped from the master later is not shown.
    if (item === undefined) continue;
    items.push({
      code: item.code,
      nameJa: item.nameJa,
      nameEn: item.nameEn,
      value: row.numericValue,
      // Coded answers show the master's label (every code has one; the stored label is the one of import time).
      text: row.answerCode !== null ? (item.answers?.[row.answerCode] ?? row.textValue) : row.textValue,
      textEn: row.answerCode !== null ? (item.answersEn?.[row.answerCode] ?? null) : null,
      answerCode: row.answerCode,
      valueType: item.valueType,
      unit: row.unit,
      ...thresholdFields(item, sex),
      judgement: row.numericValue === null ? null : judgeItem(item.code, row.numericValue, sex),
    });
  }
  // 階層化 of 特定保健指導 (docs/domain.md "Specific health checkups (特定健診)", steps 1–4), see judgement.ts `stratify`.
  const input = stratificationInputFromResults(results.map(resultOf), { sex, age: checkup.ageAtFiscalYearEnd, fasting: checkup.fasting });
  const stratification = stratify(input);
  return {
    fiscalYear: checkup.fiscalYear,
    program: programOfInsurer(checkup.insurerNumber),
    examinedOn: checkup.examinedOn,
    facilityCode: checkup.facilityCode,
    insurerNumber: checkup.insurerNumber,
    fasting: checkup.fasting,
    items,
    metabolicSyndrome: metabolicSyndrome(input),
    guidance: {
      level: stratification.level,
      group: stratification.group,
      risks: stratification.risks,
      downgradedForAge: stratification.downgradedForAge,
      reasons: stratification.reasons,
    },
  };
}

/**
 * One numeric series across fiscal years with its thresholds, for charts. The thresholds are those for the sex of the
 * newest checkup (waist differs by sex); a year without a numeric value for the item is left out.
 */
export function toTrendView(item: CheckupItem, stored: readonly StoredCheckup[]): TrendView {
  const ordered = [...stored].sort((a, b) => a.checkup.fiscalYear - b.checkup.fiscalYear);
  const newest = ordered[ordered.length - 1];
  const sex = asSex(newest?.checkup.sex ?? 'M');
  const points: TrendPointView[] = [];
  for (const { checkup, results } of ordered) {
    const value = results.find((row) => row.itemCode === item.code)?.numericValue;
    if (value === null || value === undefined) continue;
    points.push({
      fiscalYear: checkup.fiscalYear,
      examinedOn: checkup.examinedOn,
      value,
      judgement: judgeItem(item.code, value, asSex(checkup.sex)),
    });
  }
  return { code: item.code, nameJa: item.nameJa, nameEn: item.nameEn, unit: item.unit, ...thresholdFields(item, sex), points };
}
