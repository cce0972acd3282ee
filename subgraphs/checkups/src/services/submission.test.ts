import { JLAC10 } from './itemMaster';
import { SubmissionError, submittedResultsOf, validateSubmission, type CheckupSubmission, type SubmissionErrorReason } from './submission';

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
    ['a urine answer outside 1–5', { results: [{ code: JLAC10.URINE_GLUCOSE, answerCode: '6' }] }, 'INVALID_VALUE'],
    ['an item twice', { results: [{ code: JLAC10.HBA1C, value: 5 }, { code: JLAC10.HBA1C, value: 6 }] }, 'DUPLICATE_ITEM'],
    ['no results', { results: [] }, 'NO_RESULTS'],
    ['an examination in the future', { examinedOn: '2026-11-26' }, 'INVALID_DATE'],
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

describe('submittedResultsOf (CDA observations)', () => {
  it('keeps the first observation per item and maps each kind to its field', () => {
    expect(submittedResultsOf([
      { code: JLAC10.HBA1C, value: 5.8, unit: '%' },
      { code: JLAC10.HBA1C, value: 9.9, unit: '%' },
      { code: JLAC10.URINE_GLUCOSE, value: '−', unit: '', qualitativeCode: '1' },
      { code: JLAC10.DOCTOR_JUDGEMENT, value: '異常なし', unit: '' },
    ])).toEqual([
      { code: JLAC10.HBA1C, value: 5.8, unit: '%' },
      { code: JLAC10.URINE_GLUCOSE, answerCode: '1' },
      { code: JLAC10.DOCTOR_JUDGEMENT, text: '異常なし' },
    ]);
  });
});
