import { summarizeMedicalExpenses, type ExpenseClaim } from './medicalExpenses';

const CLINIC = '0110113719';
const PHARMACY = '1340105673';

const claim = (serviceMonth: string, facilityCode: string, totalPoints: number, patientShareYen: number): ExpenseClaim => ({
  serviceMonth,
  facilityCode,
  totalPoints,
  patientShareYen,
});

describe('summarizeMedicalExpenses (医療費通知)', () => {
  const claims = [
    claim('2024-12', PHARMACY, 1237, 3710),
    claim('2024-12', CLINIC, 520, 1560),
    claim('2025-01', CLINIC, 211, 630),
    claim('2025-01', CLINIC, 333, 1000), // a second claim for the same month and facility (e.g. an insurer change)
    claim('2025-01', PHARMACY, 999, 3000),
  ];
  const notice = summarizeMedicalExpenses(claims);

  it('sums per month and facility, 1 point = 10 yen, sorted by month then facility', () => {
    expect(notice.monthly).toEqual([
      { serviceMonth: '2024-12', facilityCode: CLINIC, claimCount: 1, totalPoints: 520, totalCostYen: 5200, patientShareYen: 1560 },
      { serviceMonth: '2024-12', facilityCode: PHARMACY, claimCount: 1, totalPoints: 1237, totalCostYen: 12370, patientShareYen: 3710 },
      { serviceMonth: '2025-01', facilityCode: CLINIC, claimCount: 2, totalPoints: 544, totalCostYen: 5440, patientShareYen: 1630 },
      { serviceMonth: '2025-01', facilityCode: PHARMACY, claimCount: 1, totalPoints: 999, totalCostYen: 9990, patientShareYen: 3000 },
    ]);
  });

  it('totals each calendar year for the tax deduction', () => {
    expect(notice.yearly).toEqual([
      { year: 2024, claimCount: 2, totalPoints: 1757, totalCostYen: 17570, patientShareYen: 5270 },
      { year: 2025, claimCount: 3, totalPoints: 1543, totalCostYen: 15430, patientShareYen: 4630 },
    ]);
  });

  it('monthly rows, yearly rows and the claims all add up to the same yen', () => {
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const claimCost = sum(claims.map((item) => item.totalPoints * 10));
    expect(sum(notice.monthly.map((row) => row.totalCostYen))).toBe(claimCost);
    expect(sum(notice.yearly.map((row) => row.totalCostYen))).toBe(claimCost);
    expect(sum(notice.yearly.map((row) => row.patientShareYen))).toBe(sum(claims.map((item) => item.patientShareYen)));
  });

  it('is empty for no claims', () => {
    expect(summarizeMedicalExpenses([])).toEqual({ monthly: [], yearly: [] });
  });

  it.each([
    ['fractional points', claim('2025-01', CLINIC, 10.5, 0)],
    ['negative share', claim('2025-01', CLINIC, 10, -1)],
  ])('refuses %s (integer money only)', (_label, bad) => {
    expect(() => summarizeMedicalExpenses([bad])).toThrow(RangeError);
  });
});
