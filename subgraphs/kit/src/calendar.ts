// Calendar arithmetic on Japanese calendar dates ('YYYY-MM-DD') shared by every service: dates of care, coverage
// periods, retention windows. An instant becomes such a date through the clock (clock.ts).
import { isCalendarDate } from './clock';

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const YEAR_MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** True for a real month written YYYY-MM (01–12). */
export function isYearMonth(value: string): boolean {
  const match = YEAR_MONTH_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

function utcMidnight(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` moved by a whole number of days (negative moves back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return new Date(utcMidnight(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/**
 * `date` moved by whole years; 29 February becomes 28 February in a non-leap year
 * (the usual civil reading of "N years before 2024-02-29").
 */
export function addYearsClamped(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`years must be an integer: ${years}`);
  utcMidnight(date);
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const candidate = `${String(year).padStart(4, '0')}-${monthDay}`;
  return isCalendarDate(candidate) ? candidate : `${String(year).padStart(4, '0')}-02-28`;
}

/** The YYYY-MM month of a YYYY-MM-DD date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Age in whole years on `onDate` of someone born on `birthdate` (the birthday itself counts: civil age as at the counter). */
export function ageOn(birthdate: string, onDate: string): number {
  const [by, bm, bd] = birthdate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined) throw new Error('bad date');
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The date someone born on `birthdate` turns `age`; a 29 February birthday falls on 1 March in other years. */
export function birthdayAtAge(birthdate: string, age: number): string {
  const [year, month, day] = birthdate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) throw new Error(`bad date ${birthdate}`);
  return new Date(Date.UTC(year + age, month - 1, day)).toISOString().slice(0, 10);
}
