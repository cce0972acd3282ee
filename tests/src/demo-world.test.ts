// yamada's five years tell one story (README "yamada's five years"): read from the generated demo world exactly as
// the subgraphs seed it — qualifications' coverage (kit world), checkups' examinations and questionnaire, drugs'
// stored claims — and checked against each other, so a change to one generator cannot quietly contradict another.
import { addDays, ageOn, instantOfJapanDate, claimsViewableThrough } from '@onshi/kit';
import { coverageOn, demoPatient, type DemoPatient } from '@onshi/demo';
import { demoCheckupsOf } from '../../subgraphs/checkups/src/services/seed';
import { retentionWindow } from '../../subgraphs/checkups/src/services/fiscalYear';
import { findItem, JLAC10 } from '../../subgraphs/checkups/src/services/itemMaster';
import { storedDemoClaimsOf } from '../../subgraphs/drugs/src/services/seed';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { dispensingsFromClaims } from '../../subgraphs/drugs/src/services/medicationSummary';
import { retentionCutoff } from '../../subgraphs/drugs/src/services/retention';
import { AS_OF } from './harness';

const AMLODIPINE = 'アムロジピンベシル酸塩';
const ATORVASTATIN = 'アトルバスタチンカルシウム水和物';
/** YJ codes of 糖尿病用剤 start with the 薬効分類 396. */
const isGlucoseLowering = (drugCode: string) => drugCode.startsWith('396');
const YES = '1';
const NO = '2';

describe.each([AS_OF, '2027-06-30'])("yamada's five years as of %s", (asOf) => {
  const demo = { seed: 'onshi', patients: 40, asOf };
  const yamada: DemoPatient = demoPatient(demo, 0);
  const master = loadDrugMaster();
  const checkups = demoCheckupsOf(demo, yamada).sort((a, b) => a.checkup.examinedOn.localeCompare(b.checkup.examinedOn));
  const claims = storedDemoClaimsOf(demo, yamada, master);
  const dispensings = dispensingsFromClaims(claims, master);
  const claimsEnd = claimsViewableThrough(asOf);
  const window = retentionWindow(asOf);
  const value = (results: (typeof checkups)[number]['results'], code: string) => {
    const result = results.find((r) => r.itemCode === code);
    return result?.numericValue ?? result?.answerCode ?? undefined;
  };
  /** Whether `ingredient` was dispensed in the 120 days before `date` (or before the claims end, for a later date). */
  const dispensedBefore = (ingredient: string, date: string) => {
    const until = date < claimsEnd ? date : claimsEnd;
    return dispensings.some((d) => d.ingredient === ingredient && d.date <= until && d.date > addDays(until, -120));
  };

  test('insured without a gap: 健保組合 → 協会けんぽ (a new employer) → 国保 after retiring, each change on 1 April, 30 % (under 70)', () => {
    const from = retentionCutoff(instantOfJapanDate(asOf));
    for (let day = from; day <= asOf; day = addDays(day, 1)) expect({ day, insured: coverageOn(yamada, day) !== undefined }).toEqual({ day, insured: true });
    expect(yamada.coverages.map((c) => c.insurerNumber)).toEqual(['06132013', '01130012', '131011']);
    expect(yamada.coverages.slice(1).map((c) => c.qualificationDate.slice(5))).toEqual(['04-01', '04-01']);
    expect(ageOn(yamada.birthdate, asOf)).toBeLessThan(70);
    expect(yamada.coverages.every((c) => c.insuredPartialContributionRatio === '030')).toBe(true);
  });

  test('a checkup every kept fiscal year, each commissioned by the insurer of its day', () => {
    const years = checkups.map((c) => c.checkup.fiscalYear);
    expect(years).toEqual(Array.from({ length: window.to - window.from + 1 }, (_, k) => window.from + k));
    for (const { checkup } of checkups) {
      expect(checkup.examinedOn <= asOf).toBe(true);
      expect(checkup.insurerNumber).toBe(coverageOn(yamada, checkup.examinedOn)?.insurerNumber);
    }
  });

  test('HbA1c and fasting glucose climb every year past the 保健指導判定値, never to 受診勧奨: no glucose drug, 服薬（血糖）いいえ', () => {
    for (const code of [JLAC10.HBA1C, JLAC10.FASTING_GLUCOSE]) {
      const item = findItem(code);
      const series = checkups.map((c) => Number(value(c.results, code)));
      expect(series).toEqual([...series].sort((a, b) => a - b));
      expect(new Set(series).size).toBe(series.length);
      expect(series[0]).toBeLessThan(item?.guidanceThreshold ?? NaN);
      expect(series[series.length - 1]).toBeGreaterThanOrEqual(item?.guidanceThreshold ?? NaN);
      expect(Math.max(...series)).toBeLessThan(item?.seeDoctorThreshold ?? NaN);
    }
    expect(checkups.map((c) => value(c.results, JLAC10.MEDICATION_GLUCOSE))).toEqual(checkups.map(() => NO));
    expect(dispensings.filter((d) => isGlucoseLowering(d.drugCode))).toEqual([]);
  });

  test('treated for blood pressure and lipids throughout: amlodipine and the statin before every checkup, 服薬 はい, values below 受診勧奨', () => {
    for (const { checkup, results } of checkups) {
      const year = checkup.fiscalYear;
      expect({ year, bp: value(results, JLAC10.MEDICATION_BLOOD_PRESSURE), lipids: value(results, JLAC10.MEDICATION_LIPIDS) }).toEqual({ year, bp: YES, lipids: YES });
      expect({ year, amlodipine: dispensedBefore(AMLODIPINE, checkup.examinedOn), statin: dispensedBefore(ATORVASTATIN, checkup.examinedOn) }).toEqual({ year, amlodipine: true, statin: true });
      for (const code of [JLAC10.SYSTOLIC_BP, JLAC10.DIASTOLIC_BP, JLAC10.LDL]) {
        expect({ year, code, belowSeeDoctor: Number(value(results, code)) < (findItem(code)?.seeDoctorThreshold ?? NaN) }).toEqual({ year, code, belowSeeDoctor: true });
      }
      expect(value(results, JLAC10.SMOKING)).toBe(NO);
    }
  });

  test('the long-term drugs never run out for long, up to where the claims end', () => {
    for (const ingredient of [AMLODIPINE, ATORVASTATIN]) {
      const dates = dispensings.filter((d) => d.ingredient === ingredient).map((d) => d.date).sort();
      const gaps = dates.slice(1).map((date, k) => (Date.parse(date) - Date.parse(dates[k] ?? date)) / 86_400_000);
      expect({ ingredient, longestGap: Math.max(...gaps) <= 60 }).toEqual({ ingredient, longestGap: true });
      expect((dates[dates.length - 1] ?? '') > addDays(claimsEnd, -60)).toBe(true);
    }
    expect(dispensings.every((d) => d.date <= claimsEnd)).toBe(true);
  });

  test('every claim is stored under the insurer of its dates of care', () => {
    for (const claim of claims) {
      for (const item of claim.items) expect({ date: item.date, insurer: claim.insurerNumber }).toEqual({ date: item.date, insurer: coverageOn(yamada, item.date)?.insurerNumber });
    }
  });
});
