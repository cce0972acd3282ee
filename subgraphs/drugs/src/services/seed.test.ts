import { instantOfJapanDate, claimsViewableThrough, latestViewableClaimMonth } from '@onshi/kit';
import { demoPatient } from '@onshi/demo';
import { loadDrugMaster } from './drugMaster';
import { dispensingsFromClaims, summarizeMedications } from './medicationSummary';
import { storedDemoClaimsOf } from './seed';

const master = loadDrugMaster();

// Claims-based drug information lags about 1.5 months (docs/domain.md "Drug information (薬剤情報) and medical expenses"): the demo world's claims end
// where claims are viewable on its "today" (kit claimsLag.ts), on any day of the month.
describe.each(['2026-11-25', '2026-12-10', '2026-12-11', '2027-03-01'])('the demo world as of %s', (asOf) => {
  const demo = { seed: 'onshi', patients: 200, asOf };
  const people = Array.from({ length: demo.patients }, (_, index) => demoPatient(demo, index));
  const claimsOf = new Map(people.map((person) => [person.index, storedDemoClaimsOf(demo, person, master)]));
  const through = claimsViewableThrough(asOf);

  test(`has no claim of care after ${latestViewableClaimMonth(asOf)} and no dispensing after the cut-off`, () => {
    const late = people.flatMap((person) => (claimsOf.get(person.index) ?? []).flatMap((claim) => [
      ...(claim.serviceMonth > latestViewableClaimMonth(asOf) ? [`person ${person.index} claim of ${claim.serviceMonth}`] : []),
      ...claim.items.filter((item) => item.date > through).map((item) => `person ${person.index} dispensing of ${item.date}`),
    ]));
    expect(late).toEqual([]);
  });

  test('still has claims up to the cut-off: the last viewable month is not empty', () => {
    const months = new Set(people.flatMap((person) => (claimsOf.get(person.index) ?? []).map((claim) => claim.serviceMonth)));
    expect(months.has(latestViewableClaimMonth(asOf))).toBe(true);
  });

  test('people on long-term medication still have current drugs in the medication summary', () => {
    const chronic = people.filter((person) => person.conditions.hypertension || person.conditions.dyslipidemia || person.conditions.diabetes);
    expect(chronic.length).toBeGreaterThan(50);
    const without = chronic.filter((person) => {
      const dispensings = dispensingsFromClaims(claimsOf.get(person.index) ?? [], master);
      return summarizeMedications(dispensings, instantOfJapanDate(asOf), through).activeDrugs.length === 0;
    });
    expect(without.map((person) => person.index)).toEqual([]);
  });
});
