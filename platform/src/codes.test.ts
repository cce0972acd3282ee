import { isValidFacilityCode, isValidInsurerNumber, facilityKindOfCode, withCheckDigit } from './codes';

describe('check digits (docs/domain.md "Identity without the My Number")', () => {
  test.each(['33120015', '01130012', '06132013', '131011', '39131008'])('insurer number %s is valid', (n) => {
    expect(isValidInsurerNumber(n)).toBe(true);
  });
  test.each(['33120016', '01130013', '1311', '131012', '3312001X', '0113001'])('insurer number %s is invalid', (n) => {
    expect(isValidInsurerNumber(n)).toBe(false);
  });
  test('facility code 0110113719 is valid and a 医科 code', () => {
    expect(isValidFacilityCode('0110113719')).toBe(true);
    expect(facilityKindOfCode('0110113719')).toBe('MEDICAL');
  });
  test.each(['0110113718', '011011371', '0120113719', 'abcdefghij'])('facility code %s is invalid', (c) => {
    expect(isValidFacilityCode(c)).toBe(false);
  });
  test('a facility code names one of the 47 prefectures (01–47), even with a correct check digit', () => {
    for (const prefecture of ['00', '48', '99']) expect(isValidFacilityCode(withCheckDigit(`${prefecture}1011371`))).toBe(false);
    for (const prefecture of ['01', '47']) expect(isValidFacilityCode(withCheckDigit(`${prefecture}1011371`))).toBe(true);
  });
  test('withCheckDigit builds valid codes of each table', () => {
    for (const table of ['1', '3', '4']) expect(isValidFacilityCode(withCheckDigit(`13${table}011234`))).toBe(true);
  });
});
