import { withCheckDigit } from '@onshi/kit';
import { DEMO_INSURERS } from '@onshi/demo';
import { validateInsurer } from './insurers';

describe('validateInsurer (docs/operations.md "Registering an insurer")', () => {
  test('every demo insurer is valid as the seed has it, and its kind and prefecture follow from the number (except 共済, given)', () => {
    for (const insurer of DEMO_INSURERS) {
      expect(validateInsurer({ number: insurer.number, name: insurer.name, kind: insurer.kind, prefecture: insurer.prefecture })).toEqual({ number: insurer.number, name: insurer.name, kind: insurer.kind, prefecture: insurer.prefecture });
      if (insurer.kind !== 'KYOSAI') expect(validateInsurer({ number: insurer.number, name: insurer.name })).toMatchObject({ kind: insurer.kind, prefecture: insurer.prefecture });
    }
  });

  test.each([
    ['a wrong check digit', { number: '131012' }, 'INVALID_INSURER_NUMBER'],
    ['7 digits', { number: withCheckDigit('131010') }, 'INVALID_INSURER_NUMBER'],
    ['法別番号 05', { number: withCheckDigit('0513999') }, 'UNKNOWN_HOUBETSU'],
    ['a kind other than the number\'s', { number: '131011', kind: 'KUMIAI' }, 'INSURER_KIND_MISMATCH'],
    ['a prefecture other than the number\'s', { number: '01130012', prefecture: '27' }, 'INSURER_PREFECTURE'],
    ['a 共済組合 without a prefecture', { number: '33120015' }, 'INSURER_PREFECTURE'],
  ])('%s: refused with its reason', (_label, input, reason) => {
    expect(() => validateInsurer({ name: 'x', ...input })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason }) }));
  });
});
