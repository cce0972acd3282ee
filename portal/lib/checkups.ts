import type { MyCheckupsQuery } from './graphql/generated/graphql';

export type Checkup = NonNullable<MyCheckupsQuery['me']['checkups']>[number];
export type CheckupItem = Checkup['items'][number];

export interface ItemRow {
  code: string;
  nameJa: string;
  nameEn: string;
  unit: string;
  guidanceThreshold: number | null;
  seeDoctorThreshold: number | null;
  direction: string | null;
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

/** Qualitative urine results are coded 1–5 for −, ±, +, 2+, 3+ (DOMAIN.md "Specific health checkups"). */
const URINE_ANSWERS: Record<string, string> = { '1': '−', '2': '±', '3': '+', '4': '2+', '5': '3+' };
const URINE_CODES = new Set(['1A020000000191111', '1A010000000191111']);

export function answerText(item: CheckupItem, yes: string, no: string): string | undefined {
  if (item.value !== null) return undefined;
  if (item.answerCode !== null) {
    if (URINE_CODES.has(item.code)) return URINE_ANSWERS[item.answerCode] ?? item.answerCode;
    if (item.answerCode === '1') return yes;
    if (item.answerCode === '2') return no;
    return item.answerCode;
  }
  return item.text ?? undefined;
}

/** The items worth a chart: numeric, with at least one threshold to draw. */
export function chartable(row: ItemRow): boolean {
  return (row.guidanceThreshold !== null || row.seeDoctorThreshold !== null) && row.cells.some((cell) => cell?.value !== null && cell?.value !== undefined);
}
