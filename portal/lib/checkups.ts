import type { MyCheckupsQuery, ThresholdDirection } from './graphql/generated/graphql';

export type Checkup = NonNullable<MyCheckupsQuery['me']['checkups']>[number];
export type CheckupItem = Checkup['items'][number];

export interface ItemRow {
  code: string;
  nameJa: string;
  nameEn: string;
  unit: string;
  guidanceThreshold: number | null;
  seeDoctorThreshold: number | null;
  direction: ThresholdDirection | null;
  /** One cell per fiscal year shown, in the order of `years`. */
  cells: Array<CheckupItem | undefined>;
}

/** Rows = items in the order the newest checkup lists them; columns = fiscal years, oldest first. */
export function itemRows(checkups: Checkup[]): { years: number[]; rows: ItemRow[] } {
  const sorted = [...checkups].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const years = sorted.map((checkup) => checkup.fiscalYear);
  const order = new Map<string, CheckupItem>();
  for (const checkup of [...sorted].reverse()) {
    for (const item of checkup.items) if (!order.has(item.code)) order.set(item.code, item);
  }
  const rows = [...order.values()].map((first) => ({
    code: first.code, nameJa: first.nameJa, nameEn: first.nameEn, unit: first.unit,
    guidanceThreshold: first.guidanceThreshold, seeDoctorThreshold: first.seeDoctorThreshold, direction: first.direction,
    cells: sorted.map((checkup) => checkup.items.find((item) => item.code === first.code)),
  }));
  return { years, rows };
}

/**
 * The label of a coded answer or the free text. The API labels every coded answer from the item master (urine −…3+,
 * 喫煙 いいえ, 食べ方 速い …), so the portal never guesses from the raw code (喫煙 showed 「3」).
 */
export function answerText(item: CheckupItem, locale: 'ja' | 'en'): string | undefined {
  if (item.value !== null) return undefined;
  if (locale === 'en' && item.textEn !== null) return item.textEn;
  return item.text ?? undefined;
}

/** The items worth a chart: numeric, with at least one threshold to draw. */
export function chartable(row: ItemRow): boolean {
  return (row.guidanceThreshold !== null || row.seeDoctorThreshold !== null) && row.cells.some((cell) => cell?.value !== null && cell?.value !== undefined);
}
