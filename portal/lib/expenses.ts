import { XMLBuilder } from 'fast-xml-parser';
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
 * before one) gets a leading `'`, so it stays text (OWASP "CSV Injection"). Numbers are
 * our own figures and stay numbers.
 */
export function csvField(value: string | number): string {
  const raw = String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/u.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The year as CSV (UTF-8 with BOM so spreadsheet programs in Japan open it correctly). */
export function expensesCsv(notice: ExpenseNotice, header: string[]): string {
  const lines = [header, ...notice.months.map((row) => [row.serviceMonth, row.facilityCode, row.facility.name ?? '', row.claimCount, row.totalPoints, row.totalCostYen, row.patientShareYen])];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The coverage periods the e-Tax file names the insurer from (a subset of Qualification). */
export interface NoticeCoverage { insurerNumber: string; insurerName: string; qualificationDate: string; disqualificationDate?: string | null }

/** The insurer that covered a service month (YYYY-MM): the period in force on the month's first day, else any in it. */
export function insurerOfMonth(coverages: readonly NoticeCoverage[], serviceMonth: string): NoticeCoverage | undefined {
  const first = `${serviceMonth}-01`;
  const last = `${serviceMonth}-31`;
  const covers = (coverage: NoticeCoverage, day: string) => coverage.qualificationDate <= day && (!coverage.disqualificationDate || coverage.disqualificationDate > day);
  return coverages.find((coverage) => covers(coverage, first))
    ?? coverages.find((coverage) => coverage.qualificationDate <= last && (!coverage.disqualificationDate || coverage.disqualificationDate > first));
}

/** Namespace of Onshi's 医療費通知情報 file (portal/README.md "医療費通知情報"): ours, not the NTA's. */
export const EXPENSE_NOTICE_NAMESPACE = 'urn:onshi:iryohi-tsuchi:1';

/**
 * The year's 医療費通知情報 as XML, one 通知 per service month and facility, carrying the six items a 医療費通知
 * must show to stand in for receipts in a tax return (NTA タックスアンサー No.1119): ① the insured person's
 * name, ② the month of care, ③ who received the care, ④ the facility, ⑤ what the person paid, ⑥ the insurer.
 * The element names are Japanese as in the notice; the structure is documented in portal/README.md.
 */
export function expenseNoticeXml(notice: ExpenseNotice, person: { name: string; coverages: readonly NoticeCoverage[] }, createdOn: string): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ', suppressEmptyNode: true });
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    '医療費通知情報': {
      '@xmlns': EXPENSE_NOTICE_NAMESPACE,
      '@対象年': String(notice.year),
      '@作成日': createdOn,
      '被保険者等氏名': person.name,
      '合計': { 件数: notice.claimCount, 医療費の額: notice.totalCostYen, 窓口負担額: notice.patientShareYen },
      '通知': notice.months.map((row) => {
        const insurer = insurerOfMonth(person.coverages, row.serviceMonth);
        return {
          療養年月: row.serviceMonth,
          療養を受けた者: person.name,
          医療機関等: { '@医療機関コード': row.facilityCode, '#text': row.facility.name ?? row.facilityCode },
          件数: row.claimCount,
          医療費の額: row.totalCostYen,
          窓口負担額: row.patientShareYen,
          保険者: insurer ? { '@保険者番号': insurer.insurerNumber, '#text': insurer.insurerName } : undefined,
        };
      }),
    },
  };
  return builder.build(document) as string;
}
