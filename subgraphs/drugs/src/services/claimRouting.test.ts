import { routeClaim } from './claimRouting';

const item = (date: string) => ({ date, drugCode: 'x', quantity: 1, unit: '錠' as const, usage: 'u', days: 1, inOut: 'IN' as const });
const claimOn = (insurerNumber: string, ...dates: string[]) => ({ insurerNumber, serviceMonth: (dates[0] ?? '').slice(0, 7), items: dates.map(item) });
const A = { insurerNumber: 'A', from: '2020-01-01', to: '2026-03-15' };
const B = { insurerNumber: 'B', from: '2026-03-16', to: null };

describe('routeClaim (docs/drugs.md "Re-routing claims (レセプト振替)")', () => {
  test('the insurer that covered every date of care → as billed', () => {
    expect(routeClaim(claimOn('A', '2026-03-02'), [A, B])).toEqual({ kind: 'AS_BILLED', insurerNumber: 'A' });
  });
  test('another single insurer covered the whole month → re-routed, INSURER_CHANGED', () => {
    expect(routeClaim(claimOn('A', '2026-04-02'), [B])).toEqual({ kind: 'REROUTED', insurerNumber: 'B', reason: 'INSURER_CHANGED' });
  });
  test('insurer changed mid-month → routed by the date of care, MID_MONTH_CHANGE', () => {
    expect(routeClaim(claimOn('A', '2026-03-20'), [A, B])).toEqual({ kind: 'REROUTED', insurerNumber: 'B', reason: 'MID_MONTH_CHANGE' });
    expect(routeClaim(claimOn('B', '2026-03-01', '2026-03-15'), [A, B])).toEqual({ kind: 'REROUTED', insurerNumber: 'A', reason: 'MID_MONTH_CHANGE' });
  });
  test('dates under two insurers → returned, SPLIT_REQUIRED', () => {
    expect(routeClaim(claimOn('A', '2026-03-10', '2026-03-20'), [A, B])).toMatchObject({ kind: 'RETURNED', reason: 'SPLIT_REQUIRED' });
  });
  test('no coverage, partly uncovered, overlapping → returned with the reason', () => {
    expect(routeClaim(claimOn('A', '2026-03-10'), [])).toMatchObject({ kind: 'RETURNED', reason: 'NO_COVERAGE', coverageInsurerNumbers: [] });
    expect(routeClaim(claimOn('A', '2026-03-10', '2026-03-20'), [A])).toMatchObject({ kind: 'RETURNED', reason: 'NO_COVERAGE_ON_DATE' });
    expect(routeClaim(claimOn('A', '2026-03-20'), [{ ...A, to: null }, B])).toMatchObject({ kind: 'RETURNED', reason: 'OVERLAPPING_COVERAGE', coverageInsurerNumbers: ['A', 'B'] });
  });
  test('two periods of the same insurer overlapping are not an overlap of insurers', () => {
    expect(routeClaim(claimOn('A', '2026-03-10'), [A, { ...A, from: '2026-03-01' }])).toEqual({ kind: 'AS_BILLED', insurerNumber: 'A' });
  });
});
