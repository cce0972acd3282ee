import { GraphQLError } from 'graphql';
import { withCheckDigit } from '@onshi/kit';
import { validateFacility, type FacilityInput } from './onboarding';

const OSAKA_CLINIC = withCheckDigit('271059001');
const valid: FacilityInput = { code: OSAKA_CLINIC, name: ' テスト内科医院 ', kind: 'MEDICAL', prefecture: '27', hospital: false };

function fieldOf(input: FacilityInput): unknown {
  try {
    validateFacility(input);
  } catch (error) {
    if (error instanceof GraphQLError) return { code: error.extensions.code, field: error.extensions.field };
    throw error;
  }
  return 'accepted';
}

describe('validateFacility: one validator, the code decides prefecture and kind (docs/domain.md "Identity without the My Number")', () => {
  test('a valid facility is accepted, its name trimmed', () => {
    expect(validateFacility(valid)).toEqual({ ...valid, name: 'テスト内科医院' });
    expect(validateFacility({ ...valid, hospital: true }).hospital).toBe(true);
  });

  test.each<[string, Partial<FacilityInput>, string]>([
    ['wrong check digit', { code: `${OSAKA_CLINIC.slice(0, 9)}${(Number(OSAKA_CLINIC.charAt(9)) + 1) % 10}` }, 'code'],
    ['letters', { code: '27105900a1' }, 'code'],
    ['table digit 2 (no kind)', { code: withCheckDigit('272059001') }, 'code'],
    ['prefecture 00', { prefecture: '00' }, 'prefecture'],
    ['prefecture 48', { prefecture: '48' }, 'prefecture'],
    ['another prefecture than the code', { prefecture: '13' }, 'prefecture'],
    ['another kind than the code', { kind: 'DENTAL' }, 'kind'],
    ['no name', { name: ' ' }, 'name'],
    ['a pharmacy as hospital', { code: withCheckDigit('274059001'), kind: 'PHARMACY', hospital: true }, 'hospital'],
  ])('%s: BAD_USER_INPUT naming the field', (_label, change, field) => {
    expect(fieldOf({ ...valid, ...change })).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});
