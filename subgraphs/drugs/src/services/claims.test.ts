import { isValidFacilityCode, isValidInsurerNumber, luhnCheckDigit } from '@onshi/kit';
import {
  facilityTableCode,
  patientShareYenFor,
  validateClaimBatch,
  type Claim,
} from './claims';
import { loadDrugMaster } from './drugMaster';

const master = loadDrugMaster();
const NOW = new Date('2025-04-15T12:00:00+09:00');

const CLINIC = '0110113719'; // docs/domain.md "Identity without the My Number" example, table 1 (医科)
const DENTIST = '1330100429'; // table 3 (歯科)
const PHARMACY = '1340105673'; // table 4 (調剤)

const AMLODIPINE_5 = '2171022F2025'; // ノルバスク錠５ｍｇ, oral, 錠
const KETOPROFEN_TAPE = '2649729S2240'; // ケトプロフェンテープ２０ｍｇ「ＳＮ」, external, 枚

function medicalClaim(): Claim {
  return {
    claimKind: 'MEDICAL',
    claimNumber: '1001',
    patientId: 'pt_demo_1',
    facilityCode: CLINIC,
    insurerNumber: '01130012',
    serviceMonth: '2025-03',
    totalPoints: 500,
    patientShareYen: 1500,
    items: [{ date: '2025-03-10', drugCode: AMLODIPINE_5, quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, inOut: 'IN' }],
  };
}

function pharmacyClaim(): Claim {
  return {
    claimKind: 'PHARMACY',
    claimNumber: '2001',
    patientId: 'pt_demo_1',
    facilityCode: PHARMACY,
    prescribingFacilityCode: CLINIC,
    insurerNumber: '131011',
    serviceMonth: '2025-03',
    totalPoints: 612,
    patientShareYen: 1840,
    items: [
      { date: '2025-03-10', drugCode: AMLODIPINE_5, quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, inOut: 'OUT' },
      // External item supplied as a total quantity: no days.
      { date: '2025-03-10', drugCode: KETOPROFEN_TAPE, quantity: 28, unit: '枚', usage: '１日１回患部に貼付', inOut: 'OUT' },
    ],
  };
}

/** A copy of `claim` as a plain record whose fields tests may break freely. */
function broken(claim: Claim, change: (row: Record<string, unknown>, item: Record<string, unknown>) => void): unknown {
  const row: Record<string, unknown> = JSON.parse(JSON.stringify(claim));
  const items = row.items;
  const firstItem: Record<string, unknown> = Array.isArray(items) && typeof items[0] === 'object' && items[0] !== null ? items[0] : {};
  change(row, firstItem);
  return row;
}

// The rule itself lives in the kit (codes.ts); these cases pin what the claim validator relies on.
describe('Luhn check digits (docs/domain.md "Identity without the My Number")', () => {
  it.each([
    ['3312001', 5],
    ['0113001', 2],
    ['0613201', 3],
    ['011011371', 9],
  ])('luhnCheckDigit(%s) = %d', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it.each([
    ['33120015', true],
    ['01130012', true],
    ['06132013', true],
    ['131011', true], // 6-digit 国保 numbers carry a check digit too
    ['131012', false],
    ['33120016', false],
    ['01130013', false],
    ['1234567', false],
    ['123456789', false],
    ['3312001a', false],
    ['', false],
  ])('isValidInsurerNumber(%s) = %s', (value, valid) => {
    expect(isValidInsurerNumber(value)).toBe(valid);
  });

  it.each([
    ['0110113719', true],
    [DENTIST, true],
    [PHARMACY, true],
    ['0110113718', false], // wrong check digit
    ['011011371', false], // 9 digits
    ['4810113714', false], // prefecture 48
    ['0120113717', false], // table 2 does not exist
    ['01101137１9', false], // full-width digit
  ])('isValidFacilityCode(%s) = %s', (value, valid) => {
    expect(isValidFacilityCode(value)).toBe(valid);
  });

  it('reads the table code of a facility', () => {
    expect(facilityTableCode(CLINIC)).toBe('1');
    expect(facilityTableCode(DENTIST)).toBe('3');
    expect(facilityTableCode(PHARMACY)).toBe('4');
    expect(facilityTableCode('0110113718')).toBeUndefined();
  });
});

describe('patientShareYenFor', () => {
  it.each([
    [1234, 30, 3700], // 3702 yen → 3700
    [1235, 30, 3710], // 3705 yen → 3710 (四捨五入)
    [1234, 10, 1230], // 1234 → 1230
    [1234, 20, 2470], // 2468 → 2470
    [0, 30, 0],
  ])('%d points at %d %% → %d yen', (points, percent, yen) => {
    expect(patientShareYenFor(points, percent)).toBe(yen);
  });

  it('refuses fractional points', () => {
    expect(() => patientShareYenFor(1.5, 30)).toThrow(RangeError);
  });
});

describe('validateClaimBatch', () => {
  it('accepts valid medical, pharmacy, DPC and dental claims and returns them typed', () => {
    const dpc = { ...medicalClaim(), claimKind: 'DPC' as const };
    const dental = { ...medicalClaim(), claimKind: 'DENTAL' as const, facilityCode: DENTIST };
    const withoutItems = { ...medicalClaim(), items: [] };
    const result = validateClaimBatch([medicalClaim(), pharmacyClaim(), dpc, dental, withoutItems], NOW, master);
    expect(result).toEqual({ ok: true, claims: [medicalClaim(), pharmacyClaim(), dpc, dental, withoutItems] });
  });

  it('accepts an empty batch', () => {
    expect(validateClaimBatch([], NOW, master)).toEqual({ ok: true, claims: [] });
  });

  it('judges "future" by the Japanese date of now', () => {
    // 2025-03-31T15:30Z is already 1 April 00:30 in Japan.
    const now = new Date('2025-03-31T15:30:00Z');
    const claim = broken(medicalClaim(), (row, item) => {
      row.serviceMonth = '2025-04';
      item.date = '2025-04-01';
    });
    expect(validateClaimBatch([claim], now, master).ok).toBe(true);
    const tomorrow = broken(medicalClaim(), (row, item) => {
      row.serviceMonth = '2025-04';
      item.date = '2025-04-02';
    });
    expect(validateClaimBatch([tomorrow], now, master)).toMatchObject({
      ok: false,
      errors: [{ row: 1, path: 'items.0.date', reason: 'must not be in the future' }],
    });
  });

  type Case = [label: string, base: () => Claim, change: (row: Record<string, unknown>, item: Record<string, unknown>) => void, path: string, reason: RegExp];
  const cases: Case[] = [
    ['unknown claim kind', medicalClaim, (row) => { row.claimKind = 'HOSPITAL'; }, 'claimKind', /MEDICAL, DPC, DENTAL or PHARMACY/],
    ['missing patient id', medicalClaim, (row) => { delete row.patientId; }, 'patientId', /is required/],
    ['blank patient id', medicalClaim, (row) => { row.patientId = '  '; }, 'patientId', /must not be empty/],
    ['facility code of 9 digits', medicalClaim, (row) => { row.facilityCode = '011011371'; }, 'facilityCode', /10 digits/],
    ['facility code with a wrong check digit', medicalClaim, (row) => { row.facilityCode = '0110113718'; }, 'facilityCode', /check digit/],
    ['facility code with prefecture 48', medicalClaim, (row) => { row.facilityCode = '4810113714'; }, 'facilityCode', /prefecture/],
    ['facility code with table 2', medicalClaim, (row) => { row.facilityCode = '0120113717'; }, 'facilityCode', /table code \(digit 3\) must be 1 \(医科\)/],
    ['MEDICAL claim from a pharmacy code', medicalClaim, (row) => { row.facilityCode = PHARMACY; }, 'facilityCode', /must be 1 for a MEDICAL claim/],
    ['DPC claim from a dental code', medicalClaim, (row) => { row.claimKind = 'DPC'; row.facilityCode = DENTIST; }, 'facilityCode', /must be 1 for a DPC claim/],
    ['DENTAL claim from a clinic code', medicalClaim, (row) => { row.claimKind = 'DENTAL'; }, 'facilityCode', /must be 3 for a DENTAL claim/],
    ['PHARMACY claim from a clinic code', pharmacyClaim, (row) => { row.facilityCode = CLINIC; }, 'facilityCode', /must be 4 for a PHARMACY claim/],
    ['PHARMACY claim without prescriber', pharmacyClaim, (row) => { delete row.prescribingFacilityCode; }, 'prescribingFacilityCode', /required on a PHARMACY claim/],
    ['PHARMACY claim prescribed by a pharmacy', pharmacyClaim, (row) => { row.prescribingFacilityCode = PHARMACY; }, 'prescribingFacilityCode', /not a pharmacy/],
    ['prescriber with a bad check digit', pharmacyClaim, (row) => { row.prescribingFacilityCode = '0110113718'; }, 'prescribingFacilityCode', /check digit/],
    ['prescriber on a MEDICAL claim', medicalClaim, (row) => { row.prescribingFacilityCode = DENTIST; }, 'prescribingFacilityCode', /only allowed on a PHARMACY claim/],
    ['PHARMACY claim without items', pharmacyClaim, (row) => { row.items = []; }, 'items', /at least one drug/],
    ['insurer number with a wrong check digit', medicalClaim, (row) => { row.insurerNumber = '33120016'; }, 'insurerNumber', /check digit/],
    ['insurer number of 7 digits', medicalClaim, (row) => { row.insurerNumber = '3312001'; }, 'insurerNumber', /8 digits/],
    ['service month 13', medicalClaim, (row) => { row.serviceMonth = '2025-13'; }, 'serviceMonth', /real month/],
    ['service month without a dash', medicalClaim, (row) => { row.serviceMonth = '202503'; }, 'serviceMonth', /real month/],
    ['service month in the future', medicalClaim, (row) => { row.serviceMonth = '2025-05'; row.items = []; }, 'serviceMonth', /future/],
    ['negative points', medicalClaim, (row) => { row.totalPoints = -1; }, 'totalPoints', /0 or more/],
    ['fractional points', medicalClaim, (row) => { row.totalPoints = 1.5; }, 'totalPoints', /whole number/],
    ['points beyond the stored 32-bit range', medicalClaim, (row) => { row.totalPoints = 3_000_000_000; row.patientShareYen = 0; }, 'totalPoints', /at most 2147483647/],
    ['points as a string', medicalClaim, (row) => { row.totalPoints = '500'; }, 'totalPoints', /must be a number/],
    ['negative patient share', medicalClaim, (row) => { row.patientShareYen = -10; }, 'patientShareYen', /0 or more/],
    ['patient share above the total', medicalClaim, (row) => { row.patientShareYen = 5010; }, 'patientShareYen', /must not exceed/],
    ['items not an array', medicalClaim, (row) => { row.items = 'none'; }, 'items', /must be an array/],
    ['item date outside the service month', medicalClaim, (_row, item) => { item.date = '2025-02-28'; }, 'items.0.date', /within serviceMonth 2025-03/],
    ['item date that does not exist', medicalClaim, (_row, item) => { item.date = '2025-02-30'; }, 'items.0.date', /real date/],
    ['item date in the future', medicalClaim, (row, item) => { row.serviceMonth = '2025-04'; item.date = '2025-04-16'; }, 'items.0.date', /future/],
    ['drug code not in the master', medicalClaim, (_row, item) => { item.drugCode = '9999999F9999'; }, 'items.0.drugCode', /not in the drug master/],
    ['zero quantity', medicalClaim, (_row, item) => { item.quantity = 0; }, 'items.0.quantity', /greater than 0/],
    ['negative quantity', medicalClaim, (_row, item) => { item.quantity = -28; }, 'items.0.quantity', /greater than 0/],
    ['unit other than the drug\'s', medicalClaim, (_row, item) => { item.unit = 'カプセル'; }, 'items.0.unit', /must be 錠 for 2171022F2025/],
    ['unknown unit', medicalClaim, (_row, item) => { item.unit = 'tabs'; }, 'items.0.unit', /must be one of/],
    ['blank usage', medicalClaim, (_row, item) => { item.usage = ' '; }, 'items.0.usage', /must not be empty/],
    ['oral drug without days', medicalClaim, (_row, item) => { delete item.days; }, 'items.0.days', /1 or more for an oral drug/],
    ['oral drug with 0 days', medicalClaim, (_row, item) => { item.days = 0; }, 'items.0.days', /1 or more for an oral drug/],
    ['fractional days', medicalClaim, (_row, item) => { item.days = 1.5; }, 'items.0.days', /whole number of days/],
    ['days beyond the stored 32-bit range', medicalClaim, (_row, item) => { item.days = 3_000_000_000; }, 'items.0.days', /at most 2147483647/],
    ['院外 item on a MEDICAL claim', medicalClaim, (_row, item) => { item.inOut = 'OUT'; }, 'items.0.inOut', /must be IN on a MEDICAL claim/],
    ['院内 item on a PHARMACY claim', pharmacyClaim, (_row, item) => { item.inOut = 'IN'; }, 'items.0.inOut', /must be OUT on a PHARMACY claim/],
    ['unknown in/out', medicalClaim, (_row, item) => { item.inOut = 'X'; }, 'items.0.inOut', /IN \(院内\) or OUT \(院外\)/],
    ['unknown claim field', medicalClaim, (row) => { row.note = 'x'; }, 'note', /not a known field/],
    ['unknown item field', medicalClaim, (_row, item) => { item.price = 1; }, 'items.0.price', /not a known field/],
  ];

  it.each(cases)('rejects %s', (_label, base, change, path, reason) => {
    const result = validateClaimBatch([broken(base(), change)], NOW, master);
    if (result.ok) throw new Error('expected the batch to be rejected');
    expect(result.errors.length).toBeGreaterThanOrEqual(1);
    const error = result.errors.find((candidate) => candidate.path === path);
    expect(error).toBeDefined();
    expect(error?.row).toBe(1);
    expect(error?.reason).toMatch(reason);
    expect(error?.reasonJa).not.toBe('');
    // Every reason has a Japanese wording of its own, not a generic fallback.
    expect(error?.reasonJa).not.toBe('入力値が不正です');
  });

  it('reports every bad row with its 1-based row number, and no good rows', () => {
    const rows = [
      medicalClaim(),
      broken(medicalClaim(), (row, item) => {
        row.insurerNumber = '33120016';
        item.quantity = 0;
      }),
      pharmacyClaim(),
      broken(pharmacyClaim(), (row) => {
        row.facilityCode = CLINIC;
      }),
      null,
    ];
    const result = validateClaimBatch(rows, NOW, master);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ row, path }) => ({ row, path }))).toEqual([
      { row: 2, path: 'insurerNumber' },
      { row: 2, path: 'items.0.quantity' },
      { row: 4, path: 'facilityCode' },
      { row: 5, path: '' },
    ]);
    expect(result.errors[1]).toEqual({
      row: 2,
      path: 'items.0.quantity',
      reason: 'must be greater than 0',
      reasonJa: '0より大きい数値で指定してください',
    });
  });

  it.each([[null], ['a string'], [42], [[]]])('rejects a row that is not an object: %p', (row) => {
    expect(validateClaimBatch([row], NOW, master)).toEqual({
      ok: false,
      errors: [{ row: 1, path: '', reason: 'must be an object', reasonJa: 'オブジェクトで指定してください' }],
    });
  });

  it('works with a small fake master', () => {
    const tablet = master.byCode(AMLODIPINE_5);
    if (!tablet) throw new Error('fixture drug missing');
    const fake = { byCode: (code: string) => (code === AMLODIPINE_5 ? tablet : undefined) };
    expect(validateClaimBatch([medicalClaim()], NOW, fake).ok).toBe(true);
    expect(validateClaimBatch([pharmacyClaim()], NOW, fake)).toMatchObject({ ok: false, errors: [{ path: 'items.1.drugCode' }] });
  });
});
