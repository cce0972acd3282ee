// 医療費通知 (medical-expense notice): built from the same claims as drug information, per month and
// facility with total points and patient share (docs/domain.md "Drug information (薬剤情報) and medical expenses", last line). Patients
// use the yearly totals for the 医療費控除 (medical-expense tax deduction), which runs by calendar
// year. Points are whole numbers and 1 point = 10 yen, so all arithmetic stays in integers.
import { YEN_PER_POINT, type Claim } from './claims';

/** The claim header fields the notice needs. */
export type ExpenseClaim = Pick<Claim, 'facilityCode' | 'serviceMonth' | 'totalPoints' | 'patientShareYen'>;

export interface MonthlyFacilityExpense {
  /** YYYY-MM 診療年月. */
  serviceMonth: string;
  facilityCode: string;
  claimCount: number;
  totalPoints: number;
  /** 医療費の総額: totalPoints × 10. */
  totalCostYen: number;
  /** 窓口負担相当額. */
  patientShareYen: number;
}

export interface YearlyExpense {
  /** Calendar year (1 January – 31 December), as the tax deduction counts it. */
  year: number;
  claimCount: number;
  totalPoints: number;
  totalCostYen: number;
  patientShareYen: number;
}

export interface MedicalExpenseNotice {
  /** Sorted by month, then facility code. */
  monthly: MonthlyFacilityExpense[];
  /** Sorted by year. */
  yearly: YearlyExpense[];
}

function requireNonNegativeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}

/** Sums claims into per-month-and-facility rows and calendar-year totals. */
export function summarizeMedicalExpenses(claims: readonly ExpenseClaim[]): MedicalExpenseNotice {
  const monthlyByKey = new Map<string, MonthlyFacilityExpense>();
  const yearlyByYear = new Map<number, YearlyExpense>();
  for (const claim of claims) {
    requireNonNegativeInteger(claim.totalPoints, 'totalPoints');
    requireNonNegativeInteger(claim.patientShareYen, 'patientShareYen');
    const costYen = claim.totalPoints * YEN_PER_POINT;
    const key = `${claim.serviceMonth}|${claim.facilityCode}`;
    const monthly = monthlyByKey.get(key) ?? {
      serviceMonth: claim.serviceMonth,
      facilityCode: claim.facilityCode,
      claimCount: 0,
      totalPoints: 0,
      totalCostYen: 0,
      patientShareYen: 0,
    };
    monthly.claimCount += 1;
    monthly.totalPoints += claim.totalPoints;
    monthly.totalCostYen += costYen;
    monthly.patientShareYen += claim.patientShareYen;
    monthlyByKey.set(key, monthly);

    const year = Number(claim.serviceMonth.slice(0, 4));
    const yearly = yearlyByYear.get(year) ?? { year, claimCount: 0, totalPoints: 0, totalCostYen: 0, patientShareYen: 0 };
    yearly.claimCount += 1;
    yearly.totalPoints += claim.totalPoints;
    yearly.totalCostYen += costYen;
    yearly.patientShareYen += claim.patientShareYen;
    yearlyByYear.set(year, yearly);
  }
  const monthly = [...monthlyByKey.values()].sort(
    (a, b) => a.serviceMonth.localeCompare(b.serviceMonth) || a.facilityCode.localeCompare(b.facilityCode),
  );
  const yearly = [...yearlyByYear.values()].sort((a, b) => a.year - b.year);
  return { monthly, yearly };
}
