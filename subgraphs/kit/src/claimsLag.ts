// When claims-based data (薬剤情報, 医療費通知) becomes viewable. Facilities submit the claims (レセプト) of a
// month of care M by the 10th of M+1; the 審査支払機関 review them during M+1, and the result reaches the
// online qualification system at the start of M+2 — Mynaportal shows a month's 薬剤情報 and 医療費 from about
// the 11th of the month after next (翌々月11日頃). Hence the "about 1.5 months" lag of docs/domain.md "Drug
// information (薬剤情報) and medical expenses". One rule, used by the demo world (whose claims end there) and by the
// drugs subgraph (which says how current its information is and judges active drugs against it).

/** The day of month M+2 from which the claims of month M are viewable. */
export const CLAIMS_VIEWABLE_FROM_DAY = 11;
/** Months from the month of care to the month its claims become viewable. */
export const CLAIMS_VIEWABLE_AFTER_MONTHS = 2;

/** The latest month of care (YYYY-MM) whose claims are viewable on the Japanese date `today` (YYYY-MM-DD). */
export function latestViewableClaimMonth(today: string): string {
  const [year, month, day] = today.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined || Number.isNaN(year + month + day)) throw new RangeError(`not a date: ${today}`);
  const lag = CLAIMS_VIEWABLE_AFTER_MONTHS + (day >= CLAIMS_VIEWABLE_FROM_DAY ? 0 : 1);
  const latest = new Date(Date.UTC(year, month - 1 - lag, 1));
  return latest.toISOString().slice(0, 7);
}

/** The last day of care (YYYY-MM-DD) whose claims are viewable on `today`: the last day of the latest viewable month. */
export function claimsViewableThrough(today: string): string {
  const [year, month] = latestViewableClaimMonth(today).split('-').map(Number);
  if (year === undefined || month === undefined) throw new RangeError(`not a date: ${today}`);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
