/**
 * Japanese fiscal years (年度: April to March) and the 5-year retention window of 特定健診 data
 * (docs/domain.md "Specific health checkups (特定健診)": kept for 5 years, available from FY2020).
 */

import { bilingual } from '@onshi/kit';

/** The first fiscal year whose checkups the system provides (docs/domain.md "Specific health checkups (特定健診)": from FY2020 on). */
export const FIRST_FISCAL_YEAR = 2020;
/** Checkups are kept for 5 fiscal years (docs/domain.md "Specific health checkups (特定健診)"). */
export const RETENTION_FISCAL_YEARS = 5;

/** The fiscal year of a date (YYYY-MM-DD): April–December belong to that year, January–March to the previous. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearOf: not a date "${date}"`);
  }
  return month >= 4 ? year : year - 1;
}

/** 31 March that ends the fiscal year (年度末). */
export function fiscalYearEnd(fiscalYear: number): string {
  return `${fiscalYear + 1}-03-31`;
}

export interface FiscalYearRange {
  from: number;
  to: number;
}

/** The fiscal years whose checkups are kept on `today`: the current one and the 4 before it, never before FY2020. */
export function retentionWindow(today: string): FiscalYearRange {
  const to = fiscalYearOf(today);
  return { from: Math.max(FIRST_FISCAL_YEAR, to - RETENTION_FISCAL_YEARS + 1), to };
}

/**
 * Checks a requested range of fiscal years: not before FY2020, from ≤ to, and at most 5 years wide.
 * Returns a message for the client, or null when the range is acceptable; missing ends default to the window.
 */
export function resolveRequestedRange(
  today: string,
  fromYear: number | null | undefined,
  toYear: number | null | undefined,
): FiscalYearRange | string {
  const window = retentionWindow(today);
  const to = toYear ?? window.to;
  const from = fromYear ?? Math.max(window.from, to - RETENTION_FISCAL_YEARS + 1);
  if (from < FIRST_FISCAL_YEAR) return bilingual(`fromYear must be ${FIRST_FISCAL_YEAR} or later (checkups are available from FY${FIRST_FISCAL_YEAR})`, `特定健診情報は${FIRST_FISCAL_YEAR}年度分から提供されます`);
  if (from > to) return bilingual(`fromYear (${from}) is after toYear (${to})`, '開始年度が終了年度より後です');
  if (to - from + 1 > RETENTION_FISCAL_YEARS) return bilingual(`At most ${RETENTION_FISCAL_YEARS} fiscal years per request (asked ${from}–${to})`, `一度に取得できるのは${RETENTION_FISCAL_YEARS}年度分までです`);
  return { from, to };
}
