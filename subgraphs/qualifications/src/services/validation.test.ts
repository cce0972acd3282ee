import { withCheckDigit } from '@onshi/kit';
import { normalizeTyped, requireBranchNumber, requireFacilityCode, requireInsuredCardSymbol, requireInsuredIdentificationNumber, requireInsurerNumber, requirePastDate, BIRTHDATE_LABEL } from './validation';

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
}

describe('insurer numbers (docs/domain.md: 8 digits with a Luhn check digit, 6 for 国保)', () => {
  test.each(['33120015', '01130012', '06132013', '131011', '39131008'])('%s is valid', (number) => {
    expect(requireInsurerNumber(number)).toBe(number);
  });
  test('full-width digits typed at the counter are accepted', () => {
    expect(requireInsurerNumber('３３１２００１５')).toBe('33120015');
  });
  test.each([['33120016', '5'], ['01130013', '2'], ['06132010', '3'], ['131012', '1']])('%s has a wrong check digit (expected %s)', (number, expected) => {
    expect(() => requireInsurerNumber(number)).toThrow(`should be ${expected}`);
    expect(fieldOf(() => requireInsurerNumber(number))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'insurerNumber' });
  });
  test.each(['1311', '1234567', '123456789', '0113001X', ''])('%s is malformed', (number) => {
    expect(() => requireInsurerNumber(number)).toThrow('6 digits (国民健康保険) or 8 digits');
  });
});

describe('medical institution codes (docs/domain.md: 10 digits, table code 1/3/4, Luhn check digit over the first 9)', () => {
  test.each(['0110113719', withCheckDigit('131012345'), withCheckDigit('133010042'), withCheckDigit('134010567')])('%s is valid', (code) => {
    expect(requireFacilityCode(code)).toBe(code);
  });
  test('a wrong check digit names the right one', () => {
    expect(() => requireFacilityCode('0110113718')).toThrow('should be 9');
  });
  test('table codes other than 1 医科, 3 歯科, 4 調剤 are refused', () => {
    expect(() => requireFacilityCode(withCheckDigit('012011371'))).toThrow('table code');
  });
  test.each(['011011371', '01101137190', 'ABCDEFGHIJ'])('%s is not 10 digits', (code) => {
    expect(fieldOf(() => requireFacilityCode(code))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilityCode' });
  });
});

describe('記号・番号・枝番 (strings, full-width allowed)', () => {
  test('full-width digits and letters normalise; kana and kanji stay', () => {
    expect(normalizeTyped('２８１１')).toBe('2811');
    expect(requireInsuredCardSymbol('東京Ａ１')).toBe('東京A1');
    expect(requireInsuredCardSymbol('')).toBe('');
    expect(requireInsuredIdentificationNumber('５５３２０１')).toBe('553201');
  });
  test.each(['28 11', '<b>', 'a;b', 'x'.repeat(21)])('symbol %s is refused', (symbol) => {
    expect(fieldOf(() => requireInsuredCardSymbol(symbol))).toMatchObject({ field: 'insuredCardSymbol' });
  });
  test('an empty number is refused', () => {
    expect(fieldOf(() => requireInsuredIdentificationNumber(' '))).toMatchObject({ field: 'insuredIdentificationNumber' });
  });
  test.each(['0', '001', 'A1'])('branch %s is refused', (branch) => {
    expect(fieldOf(() => requireBranchNumber(branch))).toMatchObject({ field: 'insuredBranchNumber' });
  });
});

describe('dates', () => {
  test('a birthdate cannot be in the future or impossible', () => {
    expect(requirePastDate('1962-04-12', '2026-11-25', 'birthdate', BIRTHDATE_LABEL)).toBe('1962-04-12');
    expect(requirePastDate('2026-11-25', '2026-11-25', 'birthdate', BIRTHDATE_LABEL)).toBe('2026-11-25');
    expect(() => requirePastDate('2026-11-26', '2026-11-25', 'birthdate', BIRTHDATE_LABEL)).toThrow('未来');
    expect(() => requirePastDate('1990-02-30', '2026-11-25', 'birthdate', BIRTHDATE_LABEL)).toThrow('YYYY-MM-DD');
    expect(() => requirePastDate('1899-12-31', '2026-11-25', 'birthdate', BIRTHDATE_LABEL)).toThrow('YYYY-MM-DD');
  });
});
