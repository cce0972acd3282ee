/**
 * The operator's rollout dashboard (docs/operations.md "Rollout dashboard"): facilities registered against
 * facilities live, by prefecture, by kind and month by month, against the national schedule (docs/domain.md "Rollout
 * and subsidy, seed 1(1)": about 60 % of facilities by March 2021, 90 % by March 2022, all by March 2023), and readers per facility.
 *
 * A facility is live from its first verification at one of its card readers (reader_verifications: the card checked
 * at the reader, the confirmation's first step in this system). The share is of the facilities registered here — the
 * only population this system knows — not of every 保険医療機関 in Japan.
 */
import { japanDate, type Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { rolloutReads } from '../../store/rollout';

/** The schedule (デジタル・ガバメント閣僚会議, September 2019; docs/domain.md "Rollout and subsidy, seed 1(1)"): month → share of facilities. */
export const ROLLOUT_TARGETS: ReadonlyArray<{ month: string; percent: number }> = [
  { month: '2021-03', percent: 60 },
  { month: '2022-03', percent: 90 },
  { month: '2023-03', percent: 100 },
];

/** FY2020 (令和2年度): the year the schedule's first milestone closes; the series starts there. */
const SERIES_START = '2020-04';

export interface RolloutGroup { key: string; registered: number; live: number }
/** Counts are null for months still to come (drawn for the schedule only). */
export interface RolloutMonth { month: string; registered: number | null; live: number | null; targetPercent: number | null }
export interface ReaderCount { readers: number; facilities: number }
export interface Rollout {
  registered: number;
  live: number;
  byPrefecture: RolloutGroup[];
  byKind: RolloutGroup[];
  monthly: RolloutMonth[];
  readersPerFacility: ReaderCount[];
  asOf: string;
}

/** MEDICAL_HOSPITAL, MEDICAL_CLINIC, DENTAL_HOSPITAL, DENTAL_CLINIC or PHARMACY: the kinds the schedule is followed by. */
export function rolloutKind(facility: { kind: string; hospital: boolean }): string {
  return facility.kind === 'PHARMACY' ? 'PHARMACY' : `${facility.kind}_${facility.hospital ? 'HOSPITAL' : 'CLINIC'}`;
}

function monthOf(instant: Date): string {
  return japanDate(instant).slice(0, 7);
}
function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
/** The target in force in a month: the latest milestone reached by then (none before the first). */
function targetIn(month: string): number | null {
  return ROLLOUT_TARGETS.filter((target) => target.month <= month).at(-1)?.percent ?? null;
}

function grouped(rows: Array<{ key: string; live: boolean }>): RolloutGroup[] {
  const groups = new Map<string, RolloutGroup>();
  for (const row of rows) {
    const group = groups.get(row.key) ?? { key: row.key, registered: 0, live: 0 };
    group.registered += 1;
    if (row.live) group.live += 1;
    groups.set(row.key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The dashboard's figures, from three grouped reads. The monthly series runs from April 2020 (or an earlier
 * registration) to this month, and on to the last milestone, so the schedule is drawn whole; each month counts the
 * facilities registered and live by its end.
 */
export async function rollout(db: Db<Tables>, now: Date): Promise<Rollout> {
  const [registeredRows, firstVerifications, readerCounts] = await rolloutReads(db);
  const liveSince = new Map(firstVerifications.filter((row) => row.first !== null).map((row) => [row.facilityCode, row.first as Date]));
  const rows = registeredRows.map((row) => ({ ...row, liveSince: liveSince.get(row.code) ?? null }));

  const registeredMonths = rows.map((row) => monthOf(row.registeredAt));
  const liveMonths = rows.flatMap((row) => (row.liveSince ? [monthOf(row.liveSince)] : []));
  const thisMonth = monthOf(now);
  const firstMonth = [...registeredMonths, thisMonth, SERIES_START].sort()[0] as string;
  const lastMonth = [thisMonth, ROLLOUT_TARGETS.at(-1)?.month ?? thisMonth].sort().at(-1) as string;
  const monthly: RolloutMonth[] = [];
  for (let month = firstMonth; month <= lastMonth; month = nextMonth(month)) {
    const future = month > thisMonth;
    monthly.push({
      month,
      registered: future ? null : registeredMonths.filter((m) => m <= month).length,
      live: future ? null : liveMonths.filter((m) => m <= month).length,
      targetPercent: targetIn(month),
    });
  }

  const readersOf = new Map(readerCounts.map((row) => [row.facilityCode, Number(row.readers)]));
  const histogram = new Map<number, number>();
  for (const row of rows) {
    const readers = readersOf.get(row.code) ?? 0;
    histogram.set(readers, (histogram.get(readers) ?? 0) + 1);
  }

  return {
    registered: rows.length,
    live: liveMonths.length,
    byPrefecture: grouped(rows.map((row) => ({ key: row.prefecture, live: row.liveSince !== null }))),
    byKind: grouped(rows.map((row) => ({ key: rolloutKind(row), live: row.liveSince !== null }))),
    monthly,
    readersPerFacility: [...histogram.entries()].sort((a, b) => a[0] - b[0]).map(([readers, facilityCount]) => ({ readers, facilities: facilityCount })),
    asOf: now.toISOString(),
  };
}
