import { japanDate, addYearsClamped } from '@onshi/kit';
// Drug information is kept for up to 5 years (docs/domain.md "Drug information (薬剤情報) and medical expenses"; checkups
// likewise, docs/domain.md "Specific health checkups (特定健診)"). Anything dated before the cutoff is neither shown
// nor kept: readers filter with `isRetained`, the purge job deletes what `partitionByRetention` marks.

export const RETENTION_YEARS = 5;

/**
 * First Japanese calendar date still retained on `asOf`: the same day 5 years earlier
 * (29 February → 28 February). Records dated on or after it are kept; earlier ones are excluded and purged.
 */
export function retentionCutoff(asOf: Date): string {
  return addYearsClamped(japanDate(asOf), -RETENTION_YEARS);
}

/** True when a YYYY-MM-DD date is inside the 5-year window ending `asOf`. */
export function isRetained(date: string, asOf: Date): boolean {
  return date >= retentionCutoff(asOf);
}

/** Splits records into those to keep and those to purge, preserving order. */
export function partitionByRetention<T>(
  records: readonly T[],
  dateOf: (record: T) => string,
  asOf: Date,
): { kept: T[]; purged: T[] } {
  const cutoff = retentionCutoff(asOf);
  const kept: T[] = [];
  const purged: T[] = [];
  for (const record of records) (dateOf(record) >= cutoff ? kept : purged).push(record);
  return { kept, purged };
}
