import { DEMO_STAFF, demoFacilities } from '@onshi/demo';
import { DEMO_FACILITIES_REGISTERED_ON, demoReaderPlan } from './demoReaders';

const demo = { seed: 'onshi', patients: 40, asOf: '2026-11-25' };
const liveBy = (plan: ReturnType<typeof demoReaderPlan>, day: string) => plan.filter((p) => p.liveOn !== null && p.liveOn <= day).length / plan.length;

describe('the demo rollout history (docs/operations.md "Rollout dashboard")', () => {
  test('the same seed gives the same plan; every demo facility is in it once', () => {
    const plan = demoReaderPlan(demo, demo.asOf);
    expect(demoReaderPlan(demo, demo.asOf)).toEqual(plan);
    expect(plan.map((p) => p.facilityCode).sort()).toEqual(demoFacilities(demo.seed).map((f) => f.code).sort());
    expect(demoReaderPlan({ ...demo, seed: 'other' }, demo.asOf)).not.toEqual(plan);
  });

  test('along the schedule: about 60 % live by March 2021, 90 % by March 2022, a few never', () => {
    const plan = demoReaderPlan(demo, demo.asOf);
    expect(Math.abs(liveBy(plan, '2021-03-31') - 0.6)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(liveBy(plan, '2022-03-31') - 0.9)).toBeLessThanOrEqual(0.03);
    expect(liveBy(plan, '2023-03-31')).toBeLessThan(1);
    expect(liveBy(plan, demo.asOf)).toBeGreaterThanOrEqual(0.9);
  });

  test('a reader before going live, after registration; nothing after the as-of date; the demo accounts\' facilities always have a reader', () => {
    const plan = demoReaderPlan(demo, '2021-01-15');
    for (const p of plan) {
      if (p.liveOn !== null) expect(p.readerOn !== null && p.readerOn < p.liveOn).toBe(true);
      if (p.readerOn !== null) expect(p.readerOn >= DEMO_FACILITIES_REGISTERED_ON && p.readerOn <= '2021-01-15').toBe(true);
      expect(p.liveOn === null || p.liveOn <= '2021-01-15').toBe(true);
      expect(p.patientIndex).toBeGreaterThanOrEqual(2);
      expect(p.patientIndex % 10).not.toBe(9);
    }
    const staffed = new Set(DEMO_STAFF.flatMap((s) => (s.facilityCode ? [s.facilityCode] : [])));
    expect(plan.filter((p) => staffed.has(p.facilityCode)).every((p) => p.readerOn !== null)).toBe(true);
    expect(demoReaderPlan(demo, '2019-12-01').filter((p) => p.readerOn !== null).map((p) => p.facilityCode).sort()).toEqual([...staffed].sort());
  });
});
