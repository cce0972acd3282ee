import type { Locale } from './messages';

/** Dates are shown in Japan time whatever the server's zone: the data and the users are in Japan. */
const TIME_ZONE = 'Asia/Tokyo';

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) is not an instant: format it without any time-zone shift. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  if (locale === 'ja') return `${year}年${month}月${day}日`;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A month (YYYY-MM) in words; `short` abbreviates the English month name (Sep 2025) where a column must stay narrow. */
export function formatMonth(yearMonth: string, locale: Locale, length: 'long' | 'short' = 'long'): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month) return yearMonth;
  if (locale === 'ja') return `${year}年${month}月`;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: length }).format(new Date(Date.UTC(year, month - 1, 1)));
}

export function formatYen(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { style: 'currency', currency: 'JPY' }).format(amount);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}

/** 一部負担金割合 `030` → 30 (percent). */
export function copayPercent(ratioCode: string): number | undefined {
  const value = Number.parseInt(ratioCode, 10);
  return Number.isFinite(value) ? value : undefined;
}

/** The time of day (Japan time) of an instant, for the earlier end of a group of reads on one day. */
export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: TIME_ZONE, timeStyle: 'short' }).format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) of an instant in Japan time: "the same day" for a patient in Japan. */
export function japanDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);
}
