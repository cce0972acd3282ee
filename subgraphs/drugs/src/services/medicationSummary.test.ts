import type { Claim } from './claims';
import { loadDrugMaster } from './drugMaster';
import {
  coverageOf,
  dispensingsFromClaims,
  isProbablyTaken,
  summarizeMedications,
  type Dispensing,
} from './medicationSummary';

const CLINIC = '0110113719';
const HOSPITAL = '1310177884';
const PHARMACY = '1340105673';

/** Noon in Japan on a calendar date. */
const jst = (date: string) => new Date(`${date}T12:00:00+09:00`);
/** The summary on `date` with the information complete through that same day (no claims lag). */
const summaryOn = (dispensings: readonly Dispensing[], date: string) => summarizeMedications(dispensings, jst(date), date);

function dispensing(overrides: Partial<Dispensing>): Dispensing {
  return {
    date: '2025-01-01',
    drugCode: '2171022F2025',
    drugName: 'ノルバスク錠５ｍｇ',
    ingredient: 'アムロジピンベシル酸塩',
    quantity: 28,
    unit: '錠',
    usage: '１日１回朝食後',
    days: 28,
    facilityCode: CLINIC,
    pharmacyCode: PHARMACY,
    ...overrides,
  };
}

describe('active drugs', () => {
  it.each([
    ['the day before dispensing', 28, '2024-12-31', false],
    ['the dispensing day', 28, '2025-01-01', true],
    ['the last day covered (date + days − 1)', 28, '2025-01-28', true],
    ['the first day not covered', 28, '2025-01-29', false],
    ['a 1-day supply on its day', 1, '2025-01-01', true],
    ['a 1-day supply the next day', 1, '2025-01-02', false],
    ['a 56-day supply on its last day', 56, '2025-02-25', true],
    ['a 56-day supply the day after', 56, '2025-02-26', false],
  ])('%s: %d days, as of %s → %s', (_label, days, asOf, active) => {
    expect(isProbablyTaken(dispensing({ days }), asOf, asOf)).toBe(active);
  });

  it.each([
    ['absent days', undefined],
    ['0 days', 0],
  ])('treats external/once items (%s) as active for 30 days', (_label, days) => {
    const patch = dispensing({ days, drugCode: '2649729S2240', unit: '枚', ingredient: 'ケトプロフェン' });
    expect(coverageOf(patch)).toEqual({ coveredThrough: '2025-01-30', basis: 'untimed-30-days' });
    expect(isProbablyTaken(patch, '2025-01-30', '2025-01-30')).toBe(true);
    expect(isProbablyTaken(patch, '2025-01-31', '2025-01-31')).toBe(false);
  });

  it('uses the Japanese date of asOf', () => {
    // 2025-01-28T15:30Z is already 29 January in Japan: a dispensing of the 29th has happened.
    const of29th = dispensing({ date: '2025-01-29' });
    expect(summarizeMedications([of29th], new Date('2025-01-28T15:30:00Z'), '2025-01-28').activeDrugs).toHaveLength(1);
    expect(summarizeMedications([of29th], new Date('2025-01-28T14:30:00Z'), '2025-01-28').activeDrugs).toEqual([]);
  });

  describe('judged where the claims end, about 1.5 months before today (docs/domain.md "Drug information (薬剤情報) and medical expenses")', () => {
    const today = jst('2025-03-05');
    // On 5 March the claims of January are not viewable yet (from 11 March): the information ends on 31 December.
    const informationThrough = '2024-12-31';

    it('keeps a long-term drug whose last supply reaches the end of the information, although it ran out before today', () => {
      const refill = dispensing({ date: '2024-12-20', days: 28 });
      const summary = summarizeMedications([dispensing({ date: '2024-11-22', days: 28 }), refill], today, informationThrough);
      expect(summary).toMatchObject({ asOf: '2025-03-05', informationThrough, activeDrugs: [{ dispensing: refill, coveredThrough: '2025-01-16' }] });
    });

    it('drops a drug whose supply ran out before the end of the information (not renewed: stopped)', () => {
      expect(summarizeMedications([dispensing({ date: '2024-12-01', days: 14 })], today, informationThrough).activeDrugs).toEqual([]);
    });

    it('counts a claim that arrived early (dated after the end of the information), not one dated after today', () => {
      const early = dispensing({ date: '2025-02-10', days: 7 });
      expect(summarizeMedications([early], today, informationThrough).activeDrugs.map((active) => active.dispensing)).toEqual([early]);
      expect(summarizeMedications([dispensing({ date: '2025-03-06' })], today, informationThrough).activeDrugs).toEqual([]);
    });
  });

  it('lists an early refill once, keeping the latest dispensing', () => {
    const first = dispensing({ date: '2025-01-01' });
    const refill = dispensing({ date: '2025-01-25' });
    const summary = summaryOn([first, refill], '2025-01-26');
    expect(summary.activeDrugs).toEqual([{ dispensing: refill, coveredThrough: '2025-02-21', basis: 'days-supplied' }]);
    expect(summary.counts).toEqual({ dispensings: 2, activeDrugs: 1, activeIngredients: 1, prescribingFacilities: 1, duplicateIngredients: 0 });
  });
});

describe('same-ingredient duplicates across prescribing facilities', () => {
  const amlodipineAtClinic = dispensing({ date: '2025-01-05' });
  const amlodipineGenericAtHospital = dispensing({
    date: '2025-01-10',
    drugCode: '2171022F5075',
    drugName: 'アムロジピン錠１０ｍｇ「トーワ」',
    facilityCode: HOSPITAL,
  });

  it('flags the same ingredient from two facilities, even under different product names', () => {
    const summary = summaryOn([amlodipineAtClinic, amlodipineGenericAtHospital], '2025-01-20');
    expect(summary.duplicates).toHaveLength(1);
    expect(summary.duplicates[0]?.ingredient).toBe('アムロジピンベシル酸塩');
    expect(summary.duplicates[0]?.facilityCodes).toEqual([CLINIC, HOSPITAL].sort());
    expect(summary.duplicates[0]?.activeDrugs.map((active) => active.dispensing)).toEqual([amlodipineAtClinic, amlodipineGenericAtHospital]);
    expect(summary.counts.duplicateIngredients).toBe(1);
    expect(summary.counts.prescribingFacilities).toBe(2);
  });

  it('does not flag two products of one ingredient from the same facility', () => {
    const sameFacility = { ...amlodipineGenericAtHospital, facilityCode: CLINIC };
    expect(summaryOn([amlodipineAtClinic, sameFacility], '2025-01-20').duplicates).toEqual([]);
  });

  it('does not flag a duplicate when one of the two is no longer active', () => {
    expect(summaryOn([amlodipineAtClinic, amlodipineGenericAtHospital], '2025-02-03').duplicates).toEqual([]);
  });
});

describe('polypharmacy (6 or more active ingredients)', () => {
  const ingredients = ['成分A', '成分B', '成分C', '成分D', '成分E', '成分F'];
  const drugsOf = (count: number) =>
    ingredients.slice(0, count).map((ingredient, index) => dispensing({ ingredient, drugCode: `DRUG${index}`, drugName: ingredient }));

  it.each([
    [5, false],
    [6, true],
  ])('%d active ingredients → %s', (count, flagged) => {
    const summary = summaryOn(drugsOf(count), '2025-01-10');
    expect(summary.counts.activeIngredients).toBe(count);
    expect(summary.polypharmacy).toBe(flagged);
  });

  it('counts ingredients, not products: 6 products of 5 ingredients is not polypharmacy', () => {
    const secondProductOfA = dispensing({ ingredient: '成分A', drugCode: 'DRUG0-GENERIC', drugName: '成分A後発' });
    const summary = summaryOn([...drugsOf(5), secondProductOfA], '2025-01-10');
    expect(summary.counts.activeDrugs).toBe(6);
    expect(summary.polypharmacy).toBe(false);
  });

  it('ignores expired dispensings', () => {
    const old = dispensing({ ingredient: '成分F', drugCode: 'OLD', date: '2024-06-01' });
    expect(summaryOn([...drugsOf(5), old], '2025-01-10').polypharmacy).toBe(false);
  });
});

describe('dispensingsFromClaims', () => {
  const master = loadDrugMaster();

  it('takes the prescriber from PHARMACY claims and the facility itself from others', () => {
    const claims: Claim[] = [
      {
        claimKind: 'PHARMACY', claimNumber: '1', patientId: 'p', facilityCode: PHARMACY, prescribingFacilityCode: CLINIC, insurerNumber: '01130012',
        serviceMonth: '2025-01', totalPoints: 300, patientShareYen: 900,
        items: [{ date: '2025-01-05', drugCode: '2171022F2025', quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, inOut: 'OUT' }],
      },
      {
        claimKind: 'MEDICAL', claimNumber: '2', patientId: 'p', facilityCode: CLINIC, insurerNumber: '01130012',
        serviceMonth: '2025-01', totalPoints: 300, patientShareYen: 900,
        items: [{ date: '2025-01-03', drugCode: '2649729S2240', quantity: 14, unit: '枚', usage: '１日１回患部に貼付', inOut: 'IN' }],
      },
    ];
    expect(dispensingsFromClaims(claims, master)).toEqual([
      {
        date: '2025-01-03', drugCode: '2649729S2240', drugName: 'ケトプロフェンテープ２０ｍｇ「ＳＮ」', ingredient: 'ケトプロフェン',
        quantity: 14, unit: '枚', usage: '１日１回患部に貼付', facilityCode: CLINIC,
      },
      {
        date: '2025-01-05', drugCode: '2171022F2025', drugName: 'ノルバスク錠５ｍｇ', ingredient: 'アムロジピンベシル酸塩',
        quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, facilityCode: CLINIC,
        pharmacyCode: PHARMACY,
      },
    ]);
  });
});
