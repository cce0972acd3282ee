import type { MyMedicalExpensesQuery } from './graphql/generated/graphql';

export type ExpenseNotice = NonNullable<MyMedicalExpensesQuery['me']['medicalExpenses']>;
export type ExpenseRow = ExpenseNotice['months'][number];

export interface MonthSum { month: string; totalCostYen: number; patientShareYen: number; rows: ExpenseRow[] }

/** Per service month (YYYY-MM), oldest first, with the facilities of that month. */
export function byMonth(notice: ExpenseNotice): MonthSum[] {
  const months = new Map<string, MonthSum>();
  for (const row of notice.months) {
    const sum = months.get(row.serviceMonth) ?? { month: row.serviceMonth, totalCostYen: 0, patientShareYen: 0, rows: [] };
    months.set(row.serviceMonth, sum);
    sum.totalCostYen += row.totalCostYen;
    sum.patientShareYen += row.patientShareYen;
    sum.rows.push(row);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * A text cell that a spreadsheet would run as a formula (`= + - @`, or TAB / CR that some programs skip
 * before one) gets a leading `'`, so it stays text (OWASP "CSV Injection"; issue 15, item 9). Numbers are
 * our own figures and stay numbers.
 */
export function csvField(value: string | number): string {
  const raw = String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/u.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The year as CSV (UTF-8 with BOM so spreadsheet programs in Japan open it correctly). */
export function expensesCsv(notice: ExpenseNotice, header: string[]): string {
  const lines = [header, ...notice.months.map((row) => [row.serviceMonth, row.facilityCode, row.facilityName ?? '', row.claimCount, row.totalPoints, row.totalCostYen, row.patientShareYen])];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
