import type { Claim } from './claims';
import { loadDrugMaster } from './drugMaster';
import {
  coverageOf,
  dispensingsFromClaims,
  isActiveOn,
  summarizeMedications,
  type Dispensing,
} from './medicationSummary';

const CLINIC = '0110113719';
const HOSPITAL = '1310177884';
const PHARMACY = '1340105673';

/** Noon in Japan on a calendar date. */
const jst = (date: string) => new Date(`${date}T12:00:00+09:00`);

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
    facilityName: 'オンシ内科クリニック',
    pharmacyCode: PHARMACY,
    pharmacyName: 'みどり薬局',
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
    expect(isActiveOn(dispensing({ days }), asOf)).toBe(active);
  });

  it.each([
    ['absent days', undefined],
    ['0 days', 0],
  ])('treats external/once items (%s) as active for 30 days', (_label, days) => {
    const patch = dispensing({ days, drugCode: '2649729S2240', unit: '枚', ingredient: 'ケトプロフェン' });
    expect(coverageOf(patch)).toEqual({ coveredThrough: '2025-01-30', basis: 'untimed-30-days' });
    expect(isActiveOn(patch, '2025-01-30')).toBe(true);
    expect(isActiveOn(patch, '2025-01-31')).toBe(false);
  });

  it('uses the Japanese date of asOf', () => {
    // 2025-01-28T15:30Z is already 29 January in Japan: the 28-day supply has run out.
    expect(summarizeMedications([dispensing({})], new Date('2025-01-28T15:30:00Z')).activeDrugs).toEqual([]);
    expect(summarizeMedications([dispensing({})], new Date('2025-01-28T14:30:00Z')).activeDrugs).toHaveLength(1);
  });

  it('lists an early refill once, keeping the latest dispensing', () => {
    const first = dispensing({ date: '2025-01-01' });
    const refill = dispensing({ date: '2025-01-25' });
    const summary = summarizeMedications([first, refill], jst('2025-01-26'));
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
    facilityName: '港総合病院',
  });

  it('flags the same ingredient from two facilities, even under different product names', () => {
    const summary = summarizeMedications([amlodipineAtClinic, amlodipineGenericAtHospital], jst('2025-01-20'));
    expect(summary.duplicates).toHaveLength(1);
    expect(summary.duplicates[0]?.ingredient).toBe('アムロジピンベシル酸塩');
    expect(summary.duplicates[0]?.facilityCodes).toEqual([CLINIC, HOSPITAL].sort());
    expect(summary.duplicates[0]?.activeDrugs.map((active) => active.dispensing)).toEqual([amlodipineAtClinic, amlodipineGenericAtHospital]);
    expect(summary.counts.duplicateIngredients).toBe(1);
    expect(summary.counts.prescribingFacilities).toBe(2);
  });

  it('does not flag two products of one ingredient from the same facility', () => {
    const sameFacility = { ...amlodipineGenericAtHospital, facilityCode: CLINIC, facilityName: 'オンシ内科クリニック' };
    expect(summarizeMedications([amlodipineAtClinic, sameFacility], jst('2025-01-20')).duplicates).toEqual([]);
  });

  it('does not flag a duplicate when one of the two is no longer active', () => {
    expect(summarizeMedications([amlodipineAtClinic, amlodipineGenericAtHospital], jst('2025-02-03')).duplicates).toEqual([]);
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
    const summary = summarizeMedications(drugsOf(count), jst('2025-01-10'));
    expect(summary.counts.activeIngredients).toBe(count);
    expect(summary.polypharmacy).toBe(flagged);
  });

  it('counts ingredients, not products: 6 products of 5 ingredients is not polypharmacy', () => {
    const secondProductOfA = dispensing({ ingredient: '成分A', drugCode: 'DRUG0-GENERIC', drugName: '成分A後発' });
    const summary = summarizeMedications([...drugsOf(5), secondProductOfA], jst('2025-01-10'));
    expect(summary.counts.activeDrugs).toBe(6);
    expect(summary.polypharmacy).toBe(false);
  });

  it('ignores expired dispensings', () => {
    const old = dispensing({ ingredient: '成分F', drugCode: 'OLD', date: '2024-06-01' });
    expect(summarizeMedications([...drugsOf(5), old], jst('2025-01-10')).polypharmacy).toBe(false);
  });
});

describe('dispensingsFromClaims', () => {
  const master = loadDrugMaster();
  const names: Record<string, string> = { [CLINIC]: 'オンシ内科クリニック', [PHARMACY]: 'みどり薬局' };
  const nameOf = (code: string) => names[code] ?? code;

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
    expect(dispensingsFromClaims(claims, master, nameOf)).toEqual([
      {
        date: '2025-01-03', drugCode: '2649729S2240', drugName: 'ケトプロフェンテープ２０ｍｇ「ＳＮ」', ingredient: 'ケトプロフェン',
        quantity: 14, unit: '枚', usage: '１日１回患部に貼付', facilityCode: CLINIC, facilityName: 'オンシ内科クリニック',
      },
      {
        date: '2025-01-05', drugCode: '2171022F2025', drugName: 'ノルバスク錠５ｍｇ', ingredient: 'アムロジピンベシル酸塩',
        quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, facilityCode: CLINIC, facilityName: 'オンシ内科クリニック',
        pharmacyCode: PHARMACY, pharmacyName: 'みどり薬局',
      },
    ]);
  });
});
