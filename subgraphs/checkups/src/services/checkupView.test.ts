import type { StoredCheckup } from './checkupView';
import { toCheckupView, toTrendView } from './checkupView';
import { JLAC10, findItem } from './itemMaster';

function stored(sex: 'M' | 'F', fiscalYear: number, waist: number): StoredCheckup {
  return {
    checkup: {
      patientId: 'pt_1', fiscalYear, examinedOn: `${fiscalYear}-06-01`, facilityCode: '1311234567', insurerNumber: '131011',
      sex, ageAtFiscalYearEnd: 60, fasting: true, source: 'SUBMISSION', recordedAt: new Date(0),
    },
    results: [
      { patientId: 'pt_1', fiscalYear, itemCode: JLAC10.WAIST, numericValue: waist, textValue: null, answerCode: null, unit: 'cm' },
      { patientId: 'pt_1', fiscalYear, itemCode: JLAC10.URINE_PROTEIN, numericValue: null, textValue: '−', answerCode: '1', unit: '' },
    ],
  };
}

describe('checkup views', () => {
  it('judges the waist with the sex of the person (men 85 / women 90 cm)', () => {
    expect(toCheckupView(stored('M', 2024, 87)).items[0]).toMatchObject({ code: JLAC10.WAIST, guidanceThreshold: 85, judgement: 'GUIDANCE' });
    expect(toCheckupView(stored('F', 2024, 87)).items[0]).toMatchObject({ code: JLAC10.WAIST, guidanceThreshold: 90, judgement: 'NORMAL' });
  });

  it('leaves qualitative items unjudged and shows their label and code', () => {
    expect(toCheckupView(stored('M', 2024, 80)).items[1]).toMatchObject({ text: '−', answerCode: '1', judgement: null, guidanceThreshold: null });
  });

  it('a trend is oldest first, with the thresholds for the newest checkup’s sex', () => {
    const waist = findItem(JLAC10.WAIST);
    if (waist === undefined) throw new Error('waist missing from the master');
    const trend = toTrendView(waist, [stored('F', 2025, 91), stored('F', 2023, 84)]);
    expect(trend.guidanceThreshold).toBe(90);
    expect(trend.points).toEqual([
      { fiscalYear: 2023, examinedOn: '2023-06-01', value: 84, judgement: 'NORMAL' },
      { fiscalYear: 2025, examinedOn: '2025-06-01', value: 91, judgement: 'GUIDANCE' },
    ]);
  });
});
