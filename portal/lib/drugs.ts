import { gatewayQuery, type GatewayResult } from './gateway';
import type { DispensingFieldsFragment, MyDispensingsQuery as MyDispensingsResult } from './graphql/generated/graphql';
import { MyDispensingsQuery } from './graphql/drugs';
import { facilityLabel } from './labels';
import type { Messages } from './messages';

/** The API's page size limit (drugs subgraph DISPENSINGS_PAGE_MAX). */
const PAGE_SIZE = 100;
/** Enough for 5 years of a heavy user; beyond it the page asks the reader to narrow the period. */
const MAX_PAGES = 20;

/** `informationThrough`: the last day of care the claims-based list is complete through (about 1.5 months ago). */
export interface DispensingList { dispensings: DispensingFieldsFragment[]; truncated: boolean; informationThrough?: string }

/** Every dispensing of a period, newest first, following the connection's cursor. */
export async function loadDispensings(token: string | undefined, period: { from?: string; to?: string }): Promise<GatewayResult<DispensingList>> {
  const dispensings: DispensingFieldsFragment[] = [];
  let after: string | null = null;
  let informationThrough: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: GatewayResult<MyDispensingsResult> = await gatewayQuery(MyDispensingsQuery, { from: period.from ?? null, to: period.to ?? null, first: PAGE_SIZE, after }, token);
    if (!result.ok) return result;
    const connection: MyDispensingsResult['me']['dispensings'] = result.data.me.dispensings;
    if (!connection) return { ok: true, data: { dispensings, truncated: false } };
    informationThrough = connection.informationThrough;
    dispensings.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return { ok: true, data: { dispensings, truncated: false, informationThrough } };
    after = connection.pageInfo.endCursor;
  }
  return { ok: true, data: { dispensings, truncated: true, ...(informationThrough === undefined ? {} : { informationThrough }) } };
}

/** Hiragana ぁ (U+3041) to ゖ (U+3096) and ゝゞ sit 0x60 below their katakana. */
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/gu;

/**
 * Search as people type it (portal/README.md "薬剤情報"): full-width/half-width and kana width do not matter (NFKC), nor
 * case, nor hiragana against katakana — drug names are written in katakana (ロキソニン) but a phone keyboard offers
 * hiragana first (ろきそにん).
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '').replace(HIRAGANA, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

export function matchesSearch(dispensing: DispensingFieldsFragment, query: string): boolean {
  const needle = normalizeForSearch(query);
  if (!needle) return true;
  return normalizeForSearch(dispensing.drugName).includes(needle) || normalizeForSearch(dispensing.ingredient).includes(needle);
}

export interface MonthGroup { month: string; places: Array<{ place: string; dispensings: DispensingFieldsFragment[] }> }

/** Groups newest-first dispensings by month (YYYY-MM) and, inside a month, by the pharmacy or facility that handed them out (by name). */
export function groupByMonthAndPlace(dispensings: DispensingFieldsFragment[], t: Messages): MonthGroup[] {
  const months = new Map<string, Map<string, DispensingFieldsFragment[]>>();
  for (const dispensing of dispensings) {
    const month = dispensing.date.slice(0, 7);
    const place = facilityLabel(t, dispensing.pharmacy ?? dispensing.prescribingFacility);
    const places = months.get(month) ?? new Map<string, DispensingFieldsFragment[]>();
    months.set(month, places);
    const list = places.get(place) ?? [];
    places.set(place, list);
    list.push(dispensing);
  }
  return [...months].map(([month, places]) => ({ month, places: [...places].map(([place, list]) => ({ place, dispensings: list })) }));
}
