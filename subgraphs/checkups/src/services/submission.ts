import { ageOn } from '@onshi/kit';
import { mapUnit } from './cda';
import type { StoredCheckup } from './checkupView';
import { fiscalYearEnd, fiscalYearOf, retentionWindow } from './fiscalYear';
import { JLAC10, answerLabelsFor, findItem, type CheckupResult, type Sex } from './itemMaster';

/**
 * Validation of checkup results an insurer submits (GraphQL `submitCheckups`, `importCheckupCda`): every result
 * must use a JLAC10 code of the item master and a value of the item's kind, or the whole batch is refused
 * (issue 6: all-or-nothing, nothing half-written).
 */

export interface SubmittedResult {
  code: string;
  /** Numeric items. */
  value?: number | null;
  /** Qualitative (urine 1–5) and coded (questionnaire) items. */
  answerCode?: string | null;
  /** Free-text items (医師の診断). */
  text?: string | null;
  /** Optional for numeric items; UCUM spellings are mapped (DOMAIN.md: "Map, don't reject"). */
  unit?: string | null;
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

export type SubmissionErrorReason = 'UNKNOWN_ITEM_CODE' | 'INVALID_VALUE' | 'DUPLICATE_ITEM' | 'INVALID_DATE' | 'OUT_OF_RANGE' | 'NO_RESULTS';

export class SubmissionError extends Error {
  override readonly name = 'SubmissionError';
  constructor(readonly reason: SubmissionErrorReason, message: string, readonly detail: Readonly<Record<string, string | number>> = {}) {
    super(message);
  }
}

/** 特定健診 covers ages 40–74 (DOMAIN.md), as of the end of the fiscal year (年度末年齢). */
const MIN_AGE = 40;
const MAX_AGE = 74;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function resultRow(patientId: string, fiscalYear: number, result: SubmittedResult, position: number): StoredCheckup['results'][number] {
  const item = findItem(result.code);
  if (item === undefined) {
    throw new SubmissionError('UNKNOWN_ITEM_CODE', `Unknown JLAC10 code "${result.code}" (not in the 特定健診 item master) / JLAC10 コード「${result.code}」は項目マスタにありません`, { code: result.code, position });
  }
  const base = { patientId, fiscalYear, itemCode: item.code, numericValue: null, textValue: null, answerCode: null };
  const invalid = (what: string) =>
    new SubmissionError('INVALID_VALUE', `${item.nameEn} (${item.code}) needs ${what} / ${item.nameJa} の値が不正です`, { code: item.code, position });
  if (item.kind === 'numeric') {
    if (typeof result.value !== 'number' || !Number.isFinite(result.value)) throw invalid('a numeric value');
    return { ...base, numericValue: result.value, unit: mapUnit(result.unit ?? undefined, item.unit) };
  }
  if (item.kind === 'text') {
    const text = result.text?.trim() ?? '';
    if (text === '') throw invalid('a text');
    return { ...base, textValue: text, unit: '' };
  }
  const labels = answerLabelsFor(item.code) ?? {};
  const code = result.answerCode?.trim() ?? '';
  const label = labels[code];
  if (label === undefined) throw invalid(`an answer code (${Object.keys(labels).join(', ')})`);
  return { ...base, textValue: label, answerCode: code, unit: '' };
}

/**
 * Turns one submission into the rows to store, or throws SubmissionError. `insurerNumber` is the submitting insurer
 * (the one that commissioned the checkup); `today` bounds the 5-fiscal-year window.
 */
export function validateSubmission(submission: CheckupSubmission, context: { insurerNumber: string; today: string; source: 'SUBMISSION' | 'CDA' }): StoredCheckup {
  const { examinedOn, birthDate, patientId } = submission;
  if (!isIsoDate(examinedOn) || examinedOn > context.today) {
    throw new SubmissionError('INVALID_DATE', `examinedOn "${examinedOn}" must be a date (YYYY-MM-DD) not after today / 健診実施日が不正です`, { field: 'examinedOn' });
  }
  if (!isIsoDate(birthDate) || birthDate >= examinedOn) {
    throw new SubmissionError('INVALID_DATE', `birthDate "${birthDate}" must be a date (YYYY-MM-DD) before the examination / 生年月日が不正です`, { field: 'birthDate' });
  }
  const fiscalYear = fiscalYearOf(examinedOn);
  const window = retentionWindow(context.today);
  if (fiscalYear < window.from || fiscalYear > window.to) {
    throw new SubmissionError('OUT_OF_RANGE', `FY${fiscalYear} is outside the kept fiscal years FY${window.from}–FY${window.to} / 保存期間（5年度）外の健診です`, { fiscalYear });
  }
  const age = ageOn(birthDate, fiscalYearEnd(fiscalYear));
  if (age < MIN_AGE || age > MAX_AGE) {
    throw new SubmissionError('OUT_OF_RANGE', `特定健診 is for ages ${MIN_AGE}–${MAX_AGE}; this person is ${age} at the end of FY${fiscalYear} / 特定健診の対象年齢外です`, { age });
  }
  if (submission.results.length === 0) throw new SubmissionError('NO_RESULTS', 'A checkup needs at least one result / 結果が 1 件もありません');
  const seen = new Set<string>();
  const results = submission.results.map((result, position) => {
    const row = resultRow(patientId, fiscalYear, result, position);
    if (seen.has(row.itemCode)) throw new SubmissionError('DUPLICATE_ITEM', `Item ${row.itemCode} appears twice / 同じ項目が 2 回あります`, { code: row.itemCode, position });
    seen.add(row.itemCode);
    return row;
  });
  return {
    checkup: {
      patientId,
      fiscalYear,
      examinedOn,
      facilityCode: submission.facilityCode,
      insurerNumber: context.insurerNumber,
      sex: submission.sex,
      ageAtFiscalYearEnd: age,
      fasting: submission.fasting ?? seen.has(JLAC10.FASTING_GLUCOSE),
      source: context.source,
      recordedAt: new Date(),
    },
    results,
  };
}

/** A parsed CDA observation as a submitted result; the first observation per item wins, as in 階層化. */
export function submittedResultsOf(observations: readonly CheckupResult[]): SubmittedResult[] {
  const seen = new Set<string>();
  const results: SubmittedResult[] = [];
  for (const observation of observations) {
    if (seen.has(observation.code)) continue;
    seen.add(observation.code);
    const item = findItem(observation.code);
    if (item?.kind === 'numeric' && typeof observation.value === 'number') results.push({ code: observation.code, value: observation.value, unit: observation.unit });
    else if (item?.kind === 'text') results.push({ code: observation.code, text: String(observation.value) });
    else results.push({ code: observation.code, answerCode: observation.qualitativeCode ?? String(observation.value) });
  }
  return results;
}
