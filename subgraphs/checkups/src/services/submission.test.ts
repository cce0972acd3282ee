import { JLAC10 } from './itemMaster';
import { SubmissionError, programOfInsurer, validateSubmission, type CheckupSubmission, type SubmissionErrorReason } from './submission';

const context = { insurerNumber: '131011', today: '2026-11-25', source: 'SUBMISSION' as const };
const base: CheckupSubmission = {
  patientId: 'pt_1', examinedOn: '2026-06-10', facilityCode: '1311234567', sex: 'M', birthDate: '1970-04-15',
  results: [
    { code: JLAC10.HBA1C, value: 5.9 },
    { code: JLAC10.SYSTOLIC_BP, value: 128, unit: 'mm[Hg]' },
    { code: JLAC10.URINE_PROTEIN, answerCode: '2' },
    { code: JLAC10.DOCTOR_JUDGEMENT, text: '要指導' },
  ],
};

function reasonOf(submission: CheckupSubmission): SubmissionErrorReason | undefined {
  try {
    validateSubmission(submission, context);
    return undefined;
  } catch (error) {
    if (error instanceof SubmissionError) return error.reason;
    throw error;
  }
}

describe('validateSubmission', () => {
  it('turns a valid submission into rows: fiscal year, 年度末 age, UCUM unit mapped, answer label', () => {
    const stored = validateSubmission(base, context);
    expect(stored.checkup).toMatchObject({ fiscalYear: 2026, ageAtFiscalYearEnd: 56, insurerNumber: '131011', fasting: false, source: 'SUBMISSION' });
    expect(stored.results).toEqual([
      expect.objectContaining({ itemCode: JLAC10.HBA1C, numericValue: 5.9, unit: '%' }),
      expect.objectContaining({ itemCode: JLAC10.SYSTOLIC_BP, numericValue: 128, unit: 'mmHg' }),
      expect.objectContaining({ itemCode: JLAC10.URINE_PROTEIN, textValue: '±', answerCode: '2' }),
      expect.objectContaining({ itemCode: JLAC10.DOCTOR_JUDGEMENT, textValue: '要指導' }),
    ]);
  });

  it('counts the blood as fasting when a fasting glucose is given', () => {
    expect(validateSubmission({ ...base, results: [{ code: JLAC10.FASTING_GLUCOSE, value: 99 }] }, context).checkup.fasting).toBe(true);
  });

  it.each<[string, Partial<CheckupSubmission>, SubmissionErrorReason]>([
    ['an unknown JLAC10 code', { results: [{ code: '9Z999999999999999', value: 1 }] }, 'UNKNOWN_ITEM_CODE'],
    ['a numeric item without a number', { results: [{ code: JLAC10.HBA1C, answerCode: '1' }] }, 'INVALID_VALUE'],
    ['a urine answer outside 1–5', { results: [{ code: JLAC10.URINE_GLUCOSE, answerCode: '6' }] }, 'UNKNOWN_ANSWER_CODE'],
    ['a smoking answer outside 1–3', { results: [{ code: JLAC10.SMOKING, answerCode: '4' }] }, 'UNKNOWN_ANSWER_CODE'],
    ['an item twice', { results: [{ code: JLAC10.HBA1C, value: 5 }, { code: JLAC10.HBA1C, value: 6 }] }, 'DUPLICATE_ITEM'],
    ['HbA1c by two methods', { results: [{ code: JLAC10.HBA1C, value: 5 }, { code: '3D046000001920402', value: 5.1 }] }, 'DUPLICATE_ITEM'],
    ['HbA1c in IFCC mmol/mol', { results: [{ code: JLAC10.HBA1C, value: 40, unit: 'mmol/mol' }] }, 'UNIT_MISMATCH'],
    ['glucose in mmol/L', { results: [{ code: JLAC10.FASTING_GLUCOSE, value: 5.5, unit: 'mmol/L' }] }, 'UNIT_MISMATCH'],
    ['a quantity with an empty unit', { results: [{ code: JLAC10.SYSTOLIC_BP, value: 120, unit: '' }] }, 'UNIT_MISMATCH'],
    ['a systolic pressure of 900', { results: [{ code: JLAC10.SYSTOLIC_BP, value: 900, unit: 'mm[Hg]' }] }, 'IMPLAUSIBLE_VALUE'],
    ['a negative HDL', { results: [{ code: JLAC10.HDL, value: -3 }] }, 'IMPLAUSIBLE_VALUE'],
    ['no results', { results: [] }, 'NO_RESULTS'],
    ['no 健診機関 code', { facilityCode: '' }, 'MISSING_FACILITY'],
    ['an examination in the future', { examinedOn: '2026-11-26' }, 'FUTURE_DATE'],
    ['an impossible date', { examinedOn: '2026-02-30' }, 'INVALID_DATE'],
    ['a fiscal year older than the 5 kept', { examinedOn: '2022-03-31' }, 'OUT_OF_RANGE'],
    ['a person of 39 at fiscal-year end', { birthDate: '1987-04-01' }, 'OUT_OF_RANGE'],
    ['a person of 75 at fiscal-year end', { birthDate: '1951-12-01' }, 'OUT_OF_RANGE'],
  ])('refuses %s', (_name, change, reason) => {
    expect(reasonOf({ ...base, ...change })).toBe(reason);
  });

  it('accepts the age edges 40 and 74 at fiscal-year end', () => {
    expect(reasonOf({ ...base, birthDate: '1986-03-31' })).toBeUndefined();
    expect(reasonOf({ ...base, birthDate: '1952-04-01' })).toBeUndefined();
  });
});

describe('units, lines and programs', () => {
  it.each([['mm[Hg]'], ['mmHg'], ['MMHG'], [' mm[Hg] ']])('maps the spelling %j of mmHg', (unit) => {
    expect(validateSubmission({ ...base, results: [{ code: JLAC10.SYSTOLIC_BP, value: 120, unit }] }, context).results[0]?.unit).toBe('mmHg');
  });

  it('names the item, the line and the reason', () => {
    try {
      validateSubmission({ ...base, results: [{ code: JLAC10.HBA1C, value: 40, unit: 'mmol/mol', line: 57 }] }, context);
      throw new Error('expected a refusal');
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
      expect(error.message).toContain('Line 57');
      expect(error.message).toContain('HbA1c');
      expect(error.message).toContain('mmol/mol');
      expect(error.detail).toMatchObject({ item: JLAC10.HBA1C, line: 57, unit: 'mmol/mol', expectedUnit: '%' });
    }
  });

  it('takes 採血時間 2 (食後10時間以上) as fasting and 1 as not fasting', () => {
    const withSampling = (code: string) => ({ ...base, results: [{ code: JLAC10.FASTING_GLUCOSE, value: 99 }, { code: JLAC10.SAMPLING_TIME, answerCode: code }] });
    expect(validateSubmission(withSampling('2'), context).checkup.fasting).toBe(true);
    expect(validateSubmission(withSampling('1'), context).checkup.fasting).toBe(false);
  });

  it('a 後期高齢者医療広域連合 (39…) runs 後期高齢者健診 for 75+; others refuse them', () => {
    expect(programOfInsurer('39131015')).toBe('KOUKI_KENSHIN');
    expect(programOfInsurer('131011')).toBe('TOKUTEI_KENSHIN');
    const old = { ...base, birthDate: '1945-05-01' };
    expect(reasonOf(old)).toBe('OUT_OF_RANGE');
    expect(validateSubmission(old, { ...context, insurerNumber: '39131015' }).checkup).toMatchObject({ insurerNumber: '39131015', ageAtFiscalYearEnd: 81 });
    expect(() => validateSubmission(base, { ...context, insurerNumber: '39131015' })).toThrow(/後期高齢者健診/);
  });
});
