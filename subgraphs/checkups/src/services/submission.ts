import { ageOn, bilingual, isCalendarDate } from '@onshi/kit';
import type { StoredCheckup } from './checkupView';
import { fiscalYearEnd, fiscalYearOf, retentionWindow } from './fiscalYear';
import { JLAC10, findItem, matchUnit, type CheckupItem, type Sex } from './itemMaster';

/**
 * Validation of checkup results an insurer submits (GraphQL `submitCheckups`, `importCheckupCda`, the archive
 * import): every result must use a JLAC10 code of the item master, the item's unit (spellings such as UCUM mm[Hg]
 * are mapped, other units refused, never converted), a plausible value, an answer code the item defines, and each
 * item (analyte) at most once; otherwise the whole file or batch is refused with the item, the line and the reason
 * (docs/domain.md "Specific health checkups (特定健診)"; all-or-nothing, nothing half-written).
 */

export interface SubmittedResult {
  code: string;
  /** Numeric items. */
  value?: number | null;
  /** Qualitative (urine 1–5) and coded (questionnaire) items. */
  answerCode?: string | null;
  /** Free-text items (医師の診断). */
  text?: string | null;
  /** Numeric items: absent (GraphQL only) means the item's unit; UCUM spellings are mapped, other units refused. */
  unit?: string | null;
  /** Line of the observation in the CDA file, for the error message. */
  line?: number;
}

export interface CheckupSubmission {
  patientId: string;
  examinedOn: string;
  facilityCode: string;
  sex: Sex;
  birthDate: string;
  /** Default: fasting when a fasting glucose was measured (the TG cut-off of 階層化 depends on it). */
  fasting?: boolean | null;
  results: SubmittedResult[];
}

export type SubmissionErrorReason =
  | 'UNKNOWN_ITEM_CODE' | 'INVALID_VALUE' | 'UNIT_MISMATCH' | 'IMPLAUSIBLE_VALUE' | 'UNKNOWN_ANSWER_CODE' | 'DUPLICATE_ITEM'
  | 'INVALID_DATE' | 'FUTURE_DATE' | 'OUT_OF_RANGE' | 'NO_RESULTS' | 'MISSING_FACILITY' | 'MISSING_PERSON';

export class SubmissionError extends Error {
  override readonly name = 'SubmissionError';
  constructor(readonly reason: SubmissionErrorReason, message: string, readonly detail: Readonly<Record<string, string | number>> = {}) {
    super(message);
  }
}

/** 特定健診 covers ages 40–74 (docs/domain.md "Specific health checkups (特定健診)"), as of the end of the fiscal year (年度末年齢). */
const MIN_AGE = 40;
const MAX_AGE = 74;
/**
 * 後期高齢者健診: members of a 後期高齢者医療広域連合 (insurer numbers 39…, docs/domain.md "Specific health checkups (特定健診)") are 75+, or 65–74 with a
 * disability certification (障害認定), so the 広域連合's files are accepted from 65 at the examination.
 */
const KOUKI_MIN_AGE = 65;

export enum CheckupProgram {
  TOKUTEI_KENSHIN = 'TOKUTEI_KENSHIN',
  KOUKI_KENSHIN = 'KOUKI_KENSHIN',
}

/** The program a checkup belongs to follows from who commissioned it: a 広域連合 (39…) runs 後期高齢者健診. */
export function programOfInsurer(insurerNumber: string): CheckupProgram {
  return /^39\d{6}$/.test(insurerNumber) ? CheckupProgram.KOUKI_KENSHIN : CheckupProgram.TOKUTEI_KENSHIN;
}

/** "Line 42: HbA1c (3D046…)" or just the item, in both languages. */
function where(item: CheckupItem | undefined, code: string, line: number | undefined): { en: string; ja: string } {
  const at = line === undefined ? { en: '', ja: '' } : { en: `Line ${line}: `, ja: `${line} 行目: ` };
  return { en: `${at.en}${item?.nameEn ?? 'item'} (${code})`, ja: `${at.ja}${item?.nameJa ?? '項目'}（${code}）` };
}

function resultRow(patientId: string, fiscalYear: number, result: SubmittedResult, position: number): StoredCheckup['results'][number] {
  const item = findItem(result.code);
  const detail = { item: result.code, position, ...(result.line !== undefined ? { line: result.line } : {}) };
  const at = where(item, result.code, result.line);
  if (item === undefined) {
    throw new SubmissionError('UNKNOWN_ITEM_CODE', bilingual(`${at.en}: unknown JLAC10 code "${result.code}" (not in the 特定健診 item master)`, `${at.ja}: JLAC10 コード「${result.code}」は項目マスタにありません`), detail);
  }
  const base = { patientId, fiscalYear, itemCode: item.code, numericValue: null, textValue: null, answerCode: null };
  const invalid = (what: string) => new SubmissionError('INVALID_VALUE', bilingual(`${at.en} needs ${what}`, `${at.ja} の値が不正です`), detail);
  if (item.kind === 'numeric') {
    if (typeof result.value !== 'number' || !Number.isFinite(result.value)) throw invalid('a numeric value');
    const given = result.unit ?? item.unit;
    const unit = matchUnit(item, given);
    if (unit === undefined) {
      throw new SubmissionError('UNIT_MISMATCH', bilingual(`${at.en}: unit "${given}" is not the item's unit "${item.unit}" (values are never converted)`, `${at.ja}: 単位「${given}」は項目の単位「${item.unit}」ではありません（換算しません）`), { ...detail, unit: given, expectedUnit: item.unit });
    }
    const { plausibleMin: min, plausibleMax: max } = item;
    if ((min !== undefined && result.value < min) || (max !== undefined && result.value > max)) {
      throw new SubmissionError('IMPLAUSIBLE_VALUE', bilingual(`${at.en}: ${result.value} ${unit} is outside the plausible range ${min ?? '−∞'}–${max ?? '∞'}`, `${at.ja}: ${result.value} ${unit} はありえない値です（${min ?? ''}〜${max ?? ''}）`), { ...detail, value: result.value });
    }
    return { ...base, numericValue: result.value, unit };
  }
  if (item.kind === 'text') {
    const text = result.text?.trim() ?? '';
    if (text === '') throw invalid('a text');
    return { ...base, textValue: text, unit: '' };
  }
  const labels = item.answers ?? {};
  const code = result.answerCode?.trim() ?? '';
  const label = labels[code];
  if (label === undefined) {
    const choices = Object.entries(labels).map(([answer, text]) => `${answer} ${text}`).join(', ');
    throw new SubmissionError('UNKNOWN_ANSWER_CODE', bilingual(`${at.en}: answer code "${code}" is not one of ${choices}`, `${at.ja}: 回答コード「${code}」は定義されていません`), { ...detail, answerCode: code });
  }
  return { ...base, textValue: label, answerCode: code, unit: '' };
}

/**
 * Turns one submission into the rows to store, or throws SubmissionError. `insurerNumber` is the submitting insurer
 * (the one that commissioned the checkup); `today` bounds the 5-fiscal-year window.
 */
export function validateSubmission(submission: CheckupSubmission, context: { insurerNumber: string; today: string; source: 'SUBMISSION' | 'CDA' }): StoredCheckup {
  const { examinedOn, birthDate, patientId } = submission;
  if (!isCalendarDate(examinedOn)) {
    throw new SubmissionError('INVALID_DATE', bilingual(`examinedOn "${examinedOn}" must be a date (YYYY-MM-DD)`, '健診実施日が不正です'), { field: 'examinedOn' });
  }
  if (examinedOn > context.today) {
    throw new SubmissionError('FUTURE_DATE', bilingual(`examinedOn ${examinedOn} is after today (${context.today})`, `健診実施日 ${examinedOn} が未来の日付です`), { field: 'examinedOn' });
  }
  if (!/^\d{10}$/.test(submission.facilityCode)) {
    throw new SubmissionError('MISSING_FACILITY', bilingual(`The 健診機関 code must be 10 digits, got "${submission.facilityCode}"`, '健診機関番号（10 桁）がありません'), { field: 'facilityCode' });
  }
  if (!isCalendarDate(birthDate) || birthDate >= examinedOn) {
    throw new SubmissionError('INVALID_DATE', bilingual(`birthDate "${birthDate}" must be a date (YYYY-MM-DD) before the examination`, '生年月日が不正です'), { field: 'birthDate' });
  }
  const fiscalYear = fiscalYearOf(examinedOn);
  const window = retentionWindow(context.today);
  if (fiscalYear < window.from || fiscalYear > window.to) {
    throw new SubmissionError('OUT_OF_RANGE', bilingual(`FY${fiscalYear} is outside the kept fiscal years FY${window.from}–FY${window.to}`, '保存期間（5年度）外の健診です'), { fiscalYear });
  }
  const age = ageOn(birthDate, fiscalYearEnd(fiscalYear));
  if (programOfInsurer(context.insurerNumber) === CheckupProgram.KOUKI_KENSHIN) {
    const ageAtExamination = ageOn(birthDate, examinedOn);
    if (ageAtExamination < KOUKI_MIN_AGE) {
      throw new SubmissionError('OUT_OF_RANGE', bilingual(`後期高齢者健診 is for members aged ${KOUKI_MIN_AGE}+; this person is ${ageAtExamination}`, '後期高齢者健診の対象年齢外です'), { age: ageAtExamination });
    }
  } else if (age < MIN_AGE || age > MAX_AGE) {
    throw new SubmissionError('OUT_OF_RANGE', bilingual(`特定健診 is for ages ${MIN_AGE}–${MAX_AGE}; this person is ${age} at the end of FY${fiscalYear} (ages 75+ get 後期高齢者健診 from their 広域連合)`, '特定健診の対象年齢外です'), { age });
  }
  if (submission.results.length === 0) throw new SubmissionError('NO_RESULTS', bilingual('A checkup needs at least one result', '結果が 1 件もありません'));
  const firstLineOfAnalyte = new Map<string, number | undefined>();
  const results = submission.results.map((result, position) => {
    const row = resultRow(patientId, fiscalYear, result, position);
    // One result per analyte: the same code twice, or HbA1c by two methods, leaves no way to tell which one counts.
    const analyte = findItem(row.itemCode)?.analyte ?? row.itemCode;
    if (firstLineOfAnalyte.has(analyte)) {
      const first = firstLineOfAnalyte.get(analyte);
      const at = where(findItem(row.itemCode), row.itemCode, result.line);
      throw new SubmissionError(
        'DUPLICATE_ITEM',
        bilingual(`${at.en} appears twice in one examination${first !== undefined ? ` (first at line ${first})` : ''}`, `${at.ja} が 1 回の健診に 2 回あります`),
        { item: row.itemCode, position, ...(result.line !== undefined ? { line: result.line } : {}) },
      );
    }
    firstLineOfAnalyte.set(analyte, result.line);
    return row;
  });
  const samplingTime = results.find((row) => row.itemCode === JLAC10.SAMPLING_TIME)?.answerCode;
  return {
    checkup: {
      patientId,
      fiscalYear,
      examinedOn,
      facilityCode: submission.facilityCode,
      insurerNumber: context.insurerNumber,
      sex: submission.sex,
      ageAtFiscalYearEnd: age,
      // 採血時間 2 (食後10時間以上) is fasting; without it, a fasting glucose implies a fasting draw.
      fasting: submission.fasting ?? (samplingTime !== undefined ? samplingTime === '2' : firstLineOfAnalyte.has('FASTING_GLUCOSE')),
      source: context.source,
      recordedAt: new Date(),
    },
    results,
  };
}
