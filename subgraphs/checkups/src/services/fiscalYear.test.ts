import { fiscalYearOf, resolveRequestedRange, retentionWindow } from './fiscalYear';

describe('fiscal years (年度: April–March)', () => {
  it.each([
    ['2026-03-31', 2025], ['2026-04-01', 2026], ['2026-12-31', 2026], ['2027-01-01', 2026],
  ])('%s belongs to FY%i', (date, fiscalYear) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear);
  });

  it('keeps the current and the 4 previous fiscal years, never before FY2020', () => {
    expect(retentionWindow('2026-11-25')).toEqual({ from: 2022, to: 2026 });
    expect(retentionWindow('2022-05-01')).toEqual({ from: 2020, to: 2022 });
  });

  it.each([
    [undefined, undefined, { from: 2022, to: 2026 }],
    [2024, 2025, { from: 2024, to: 2025 }],
    [2020, 2024, { from: 2020, to: 2024 }],
    [undefined, 2023, { from: 2022, to: 2023 }],
  ])('accepts fromYear %p toYear %p', (fromYear, toYear, expected) => {
    expect(resolveRequestedRange('2026-11-25', fromYear, toYear)).toEqual(expected);
  });

  it.each([
    [2019, 2022, /2020 or later/], [2020, 2025, /At most 5/], [2025, 2024, /after toYear/],
  ])('refuses fromYear %p toYear %p with a reason', (fromYear, toYear, reason) => {
    expect(resolveRequestedRange('2026-11-25', fromYear, toYear)).toMatch(reason);
  });
});
