import { ageOn, type DemoOptions } from '@onshi/kit';
import { coverageOn, demoPatient } from '@onshi/demo';
import { toCheckupView, toTrendView } from './checkupView';
import { JLAC10, findItem } from './itemMaster';
import { demoCheckupsOf } from './seed';
import { CheckupProgram, programOfInsurer } from './submission';

const demo: DemoOptions = { seed: 'onshi', patients: 200, asOf: '2026-11-25' };

describe('demo checkups', () => {
  it('gives yamada 5 fiscal years up to asOf, with the insurer of the time and an HbA1c crossing 5.6', () => {
    const stored = demoCheckupsOf(demo, demoPatient(demo, 0));
    expect(stored.map((s) => s.checkup.fiscalYear)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(stored.every((s) => s.checkup.examinedOn <= demo.asOf)).toBe(true);
    expect(stored.map((s) => s.checkup.insurerNumber)).toEqual(['01130012', '01130012', '01130012', '131011', '131011']);
    const hba1c = findItem(JLAC10.HBA1C);
    if (hba1c === undefined) throw new Error('HbA1c missing from the master');
    const values = toTrendView(hba1c, stored).points.map((p) => p.value);
    expect(values[0]).toBeLessThan(5.6);
    expect(values[values.length - 1]).toBeGreaterThanOrEqual(5.6);
  });

  it('is deterministic: 特定健診 in the years a person is 40–74 at fiscal-year end, 後期高齢者健診 of their 広域連合 from 75', () => {
    const wrong: string[] = [];
    let kouki = 0;
    for (let index = 2; index < demo.patients; index += 1) {
      const patient = demoPatient(demo, index);
      const stored = demoCheckupsOf(demo, patient);
      expect(demoCheckupsOf(demo, patient)).toEqual(stored);
      for (const { checkup } of stored) {
        const where = `person ${index} FY${checkup.fiscalYear} (${checkup.insurerNumber})`;
        if (checkup.insurerNumber !== coverageOn(patient, checkup.examinedOn)?.insurerNumber) wrong.push(`${where}: not the insurer of the examination day`);
        if (programOfInsurer(checkup.insurerNumber) === CheckupProgram.KOUKI_KENSHIN) {
          kouki += 1;
          if (ageOn(patient.birthdate, checkup.examinedOn) < 75 || !checkup.insurerNumber.startsWith(`39${patient.prefecture}`)) wrong.push(`${where}: 後期高齢者健診 before 75 or of another prefecture`);
        } else {
          const age = ageOn(patient.birthdate, `${checkup.fiscalYear + 1}-03-31`);
          if (age < 40 || age > 74) wrong.push(`${where}: 特定健診 at ${age}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(kouki).toBeGreaterThan(20);
  });

  it('shows every stored item with its judgement and a 階層化 level', () => {
    const [first] = demoCheckupsOf(demo, demoPatient(demo, 0));
    if (first === undefined) throw new Error('no checkup');
    const view = toCheckupView(first);
    expect(view.items).toHaveLength(first.results.length);
    expect(view.items.find((item) => item.code === JLAC10.WAIST)).toMatchObject({ guidanceThreshold: 85, unit: 'cm' });
    expect(view.guidance.level).toBe('NONE_ON_MEDICATION');
  });
});
