/**
 * One clock for every service (docs/domain.md "Dates: today in Japan"). Every rule about days is a Japanese calendar
 * question: validity and coverage in force at the counter, age, consent that lasts the day of the visit, the 5-year
 * retention of drug information, the fiscal years of checkups, "not in the future". Japan has one time zone (UTC+9)
 * and no daylight saving time, so a fixed offset turns an instant into the Japanese date without a time-zone database.
 *
 * `today()` is read on every call, never fixed at start-up: a process running past midnight in Japan answers with
 * the new day. `DEMO_AS_OF` pins the day for reproducible demos and tests.
 */

/** Japan Standard Time is UTC+9 all year. */
const JST_OFFSET_MS = 9 * 3_600_000;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Clock {
  /** The instant now (pinned to noon in Japan of the demo's day when DEMO_AS_OF is set). */
  now(): Date;
  /** Today's date in Japan, YYYY-MM-DD. */
  today(): string;
}

/** The Japanese calendar date (YYYY-MM-DD) of an instant. */
export function japanDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 in Japan on the day of `instant`, as an instant: "today" at a Japanese counter starts there. */
export function startOfJapanDay(instant: Date): Date {
  return new Date(Date.parse(`${japanDate(instant)}T00:00:00Z`) - JST_OFFSET_MS);
}

/** Noon in Japan on a YYYY-MM-DD date: an instant whose Japanese date is that date, whichever way it is rounded. */
export function instantOfJapanDate(date: string): Date {
  return new Date(`${date}T12:00:00+09:00`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a real calendar date written YYYY-MM-DD (rejects 2025-02-30 and 2025-2-3). Plain arithmetic (Gregorian leap
 * years): every item of every claim of a month's ingest is checked, and building a Date to read it back cost ~1.7 µs.
 */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** The real clock, or one pinned to a Japanese date (DEMO_AS_OF) for reproducible demos and tests. */
export function createClock(fixedDate?: string): Clock {
  if (fixedDate !== undefined) {
    if (!isCalendarDate(fixedDate)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${fixedDate}`);
    const fixed = instantOfJapanDate(fixedDate).getTime();
    return { now: () => new Date(fixed), today: () => fixedDate };
  }
  return { now: () => new Date(), today: () => japanDate(new Date()) };
}
