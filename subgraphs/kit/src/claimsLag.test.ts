import { claimsViewableThrough, latestViewableClaimMonth } from './claimsLag';

describe('claims become viewable on the 11th of the month after next (翌々月11日)', () => {
  it.each([
    ['2026-11-10', '2026-08', '2026-08-31'],
    ['2026-11-11', '2026-09', '2026-09-30'],
    ['2026-11-25', '2026-09', '2026-09-30'],
    ['2026-12-02', '2026-09', '2026-09-30'],
    ['2026-12-11', '2026-10', '2026-10-31'],
    ['2027-01-05', '2026-10', '2026-10-31'],
    ['2027-01-11', '2026-11', '2026-11-30'],
    ['2024-04-11', '2024-02', '2024-02-29'],
    ['2025-04-11', '2025-02', '2025-02-28'],
  ])('on %s the latest viewable month of care is %s (through %s)', (today, month, through) => {
    expect(latestViewableClaimMonth(today)).toBe(month);
    expect(claimsViewableThrough(today)).toBe(through);
  });

  it('leaves the last 39 to 72 days without claims: nothing dispensed in the last few weeks is viewable (docs/domain.md)', () => {
    const lags: number[] = [];
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const today = new Date(day).toISOString().slice(0, 10);
      lags.push((day - Date.parse(`${claimsViewableThrough(today)}T00:00:00Z`)) / 86_400_000);
    }
    expect(Math.min(...lags)).toBe(39);
    expect(Math.max(...lags)).toBe(72);
  });
});
