import { addDays, ageOn, birthdayAtAge, isValidFacilityCode, isValidInsurerNumber } from '@onshi/kit';
import { coverageOn, demoFacilities, demoPatient, DEMO_INSURERS } from './world';

const demo = { seed: 'onshi', patients: 1000, asOf: '2026-11-25' };

describe('demo world', () => {
  test('the same seed gives the same patient', () => {
    expect(demoPatient(demo, 123)).toEqual(demoPatient({ ...demo }, 123));
    expect(demoPatient(demo, 123)).not.toEqual(demoPatient({ ...demo, seed: 'other' }, 123));
  });

  test('named patients: 山田 太郎 changed insurer twice; 佐藤 花子', () => {
    const yamada = demoPatient(demo, 0);
    expect(yamada.name).toBe('山田 太郎');
    expect(yamada.coverages.map((c) => c.insurerNumber)).toEqual(['06132013', '01130012', '131011']);
    expect(demoPatient(demo, 1).name).toBe('佐藤 花子');
  });

  test('every insurer number and facility code carries a valid check digit', () => {
    expect(DEMO_INSURERS.every((i) => isValidInsurerNumber(i.number))).toBe(true);
    expect(demoFacilities(demo.seed).every((f) => isValidFacilityCode(f.code))).toBe(true);
    const kinds = new Set(demoFacilities(demo.seed).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['DENTAL', 'MEDICAL', 'PHARMACY']);
  });

  test('coverage periods of generated people are contiguous and valid dates', () => {
    for (let index = 2; index < 300; index += 1) {
      const { coverages } = demoPatient(demo, index);
      for (const [k, coverage] of coverages.entries()) {
        expect(Number.isNaN(Date.parse(coverage.qualificationDate))).toBe(false);
        const next = coverages[k + 1];
        if (next) expect(coverage.disqualificationDate && coverage.disqualificationDate < next.qualificationDate).toBe(true);
      }
    }
  });

  test('insured numbers name one person each, also far into a 10⁶-patient world (the unique index of qualifications)', () => {
    const big = { ...demo, patients: 1_000_000 };
    const seen = new Map<string, number>();
    // Consecutive people and people spread over the whole world: random numbers collided at ~1.4 × 10⁵.
    const indexes = [...Array.from({ length: 20_000 }, (_, i) => i + 2), ...Array.from({ length: 20_000 }, (_, i) => 20_002 + i * 49)];
    for (const index of indexes) {
      for (const coverage of demoPatient(big, index).coverages) {
        const key = [coverage.insurerNumber, coverage.insuredCardSymbol, coverage.insuredIdentificationNumber, coverage.insuredBranchNumber].join('|');
        const owner = seen.get(key);
        if (owner !== undefined && owner !== index) throw new Error(`${key} names patients ${owner} and ${index}`);
        seen.set(key, index);
      }
    }
    expect(seen.size).toBeGreaterThan(40_000);
  });

  describe('invariants a Japanese tester checks (docs/domain.md "Specific health checkups")', () => {
    const people = Array.from({ length: 3000 }, (_, i) => demoPatient(demo, i));
    const kind = (insurerNumber: string) => DEMO_INSURERS.find((i) => i.number === insurerNumber)?.kind;

    test('from the 75th birthday everyone is insured by the 広域連合 of their prefecture (39 + prefecture, valid check digit), before it nobody is', () => {
      let elderly = 0;
      const wrong: string[] = [];
      for (const person of people) {
        const first = person.coverages[0]?.qualificationDate ?? demo.asOf;
        const seventyFifth = birthdayAtAge(person.birthdate, 75);
        // Every month of the history, and the days either side of the 75th birthday.
        const days = [first, demo.asOf, addDays(seventyFifth, -1), seventyFifth].filter((d) => d >= first && d <= demo.asOf);
        for (let d = first; d <= demo.asOf; d = addDays(d, 30)) days.push(d);
        for (const day of days) {
          const coverage = coverageOn(person, day);
          const insurerNumber = coverage?.insurerNumber ?? 'none';
          const where = `person ${person.index} on ${day}: ${insurerNumber}`;
          if (ageOn(person.birthdate, day) >= 75) {
            if (kind(insurerNumber) !== 'KOUKI' || !insurerNumber.startsWith(`39${person.prefecture}`) || !isValidInsurerNumber(insurerNumber)) wrong.push(`${where} at 75+`);
            if (coverage?.insuredPartialContributionRatio !== '010' || coverage.personalFamilyClassification !== '1') wrong.push(`${where} share or family`);
          } else if (coverage === undefined || kind(insurerNumber) === 'KOUKI') wrong.push(`${where} under 75`);
        }
        if (ageOn(person.birthdate, demo.asOf) >= 75) elderly += 1;
      }
      expect(wrong).toEqual([]);
      expect(elderly).toBeGreaterThan(300);
    });

    test('the share of a coverage is that of its last day’s age: 30 % under 70, 20 % at 70–74, 10 % at 75+', () => {
      const wrong = people.slice(2).flatMap((person) => person.coverages.flatMap((coverage) => {
        const age = ageOn(person.birthdate, coverage.disqualificationDate ?? demo.asOf);
        const expected = age >= 75 ? '010' : age >= 70 ? '020' : '030';
        return coverage.insuredPartialContributionRatio === expected ? [] : [`person ${person.index} ${coverage.insurerNumber}: ${coverage.insuredPartialContributionRatio}, expected ${expected}`];
      }));
      expect(wrong).toEqual([]);
    });

    test('coverages are in date order with no gap and no overlap', () => {
      const wrong = people.flatMap((person) => person.coverages.flatMap((coverage, k) => {
        const next = person.coverages[k + 1];
        const expected = next ? addDays(next.qualificationDate, -1) : undefined;
        return coverage.disqualificationDate === expected ? [] : [`person ${person.index} coverage ${k}`];
      }));
      expect(wrong).toEqual([]);
    });
  });
});
