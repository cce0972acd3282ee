import fs from 'node:fs';
import path from 'node:path';
import { CdaParseError, mapUnit, parseCheckupCda, type CdaParseErrorReason } from './cda';
import { JLAC10 } from './itemMaster';
import { GuidanceLevel, stratify, stratificationInputFromResults } from './judgement';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const GOOD = fixture('tokutei-kenshin-good.xml');
const MALFORMED = fixture('tokutei-kenshin-malformed.xml');

/** A minimal CDA around the given section entries. */
const cda = (entries: string, header = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  ${header}
  <component><structuredBody><component><section>${entries}</section></component></structuredBody></component>
</ClinicalDocument>`;
const pq = (code: string, value: string, unit?: string): string =>
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.392.200119.6.1005"/>` +
  `<value xsi:type="PQ" value="${value}"${unit === undefined ? '' : ` unit="${unit}"`}/></observation></entry>`;
const coded = (code: string, answer: string, type = 'CD'): string =>
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.392.200119.6.1005"/>` +
  `<value xsi:type="${type}" code="${answer}" codeSystem="1.2.392.200119.6.2101"/></observation></entry>`;

function parseError(xml: string): CdaParseError {
  try {
    parseCheckupCda(xml);
  } catch (error) {
    if (error instanceof CdaParseError) return error;
    throw error;
  }
  throw new Error('expected a CdaParseError');
}

describe('parseCheckupCda — good fixture', () => {
  const document = parseCheckupCda(GOOD);

  it('reads the header: 健診実施日 from serviceEvent, document date, sex and birth date', () => {
    expect(document.examinationDate).toBe('2024-05-15');
    expect(document.documentDate).toBe('2024-05-20');
    expect(document.patient).toMatchObject({ sex: 'M', birthDate: '1970-04-15' });
  });

  it('reads every JLAC10 observation in document order, skipping nullFlavor and other code systems', () => {
    expect(document.observations).toEqual([
      { code: JLAC10.HEIGHT, value: 171.2, unit: 'cm' },
      { code: JLAC10.WEIGHT, value: 78.4, unit: 'kg' },
      { code: JLAC10.BMI, value: 26.7, unit: 'kg/m2' },
      { code: JLAC10.WAIST, value: 91.5, unit: 'cm' },
      { code: JLAC10.SYSTOLIC_BP, value: 138, unit: 'mmHg' },
      { code: JLAC10.DIASTOLIC_BP, value: 86, unit: 'mmHg' },
      { code: JLAC10.FASTING_GLUCOSE, value: 104, unit: 'mg/dL' },
      { code: JLAC10.HBA1C, value: 5.8, unit: '%' },
      { code: JLAC10.TRIGLYCERIDES, value: 162, unit: 'mg/dL' },
      { code: JLAC10.HDL, value: 44, unit: 'mg/dL' },
      { code: JLAC10.LDL, value: 131, unit: 'mg/dL' },
      { code: JLAC10.AST, value: 24, unit: 'U/L' },
      { code: JLAC10.ALT, value: 33, unit: 'U/L' },
      { code: JLAC10.GAMMA_GT, value: 48, unit: 'U/L' },
      { code: JLAC10.URINE_GLUCOSE, value: '−', unit: '', qualitativeCode: '1' },
      { code: JLAC10.URINE_PROTEIN, value: '±', unit: '', qualitativeCode: '2' },
      { code: JLAC10.DOCTOR_JUDGEMENT, value: '腹囲・血圧・血糖・脂質が保健指導判定値以上。生活習慣の改善を。', unit: '' },
      { code: JLAC10.MEDICATION_BLOOD_PRESSURE, value: 'いいえ', unit: '', qualitativeCode: '2' },
      { code: JLAC10.MEDICATION_GLUCOSE, value: 'いいえ', unit: '', qualitativeCode: '2' },
      { code: JLAC10.MEDICATION_LIPIDS, value: 'いいえ', unit: '', qualitativeCode: '2' },
      { code: JLAC10.SMOKING, value: 'はい', unit: '', qualitativeCode: '1' },
    ]);
  });

  it('feeds 階層化: group A, glucose + lipids + blood pressure + smoking → 積極的支援', () => {
    const result = stratify(stratificationInputFromResults(document.observations, { sex: 'M', age: 54, fasting: true }));
    expect(result.group).toBe('A');
    expect(result.risks).toEqual(['GLUCOSE', 'LIPIDS', 'BLOOD_PRESSURE', 'SMOKING']);
    expect(result.level).toBe(GuidanceLevel.INTENSIVE);
  });
});

describe('parseCheckupCda — values and units ("map, don\'t reject")', () => {
  it.each([
    ['mm[Hg]', 'mmHg'], ['mmHg', 'mmHg'], ['MM[HG]', 'mmHg'], ['mg/dl', 'mg/dL'], ['mg/dL', 'mg/dL'],
    ['%', '%'], ['%{HbA1c}', '%'], ['U/L', 'U/L'], ['IU/L', 'U/L'], ['[IU]/L', 'U/L'], ['cm', 'cm'], ['kg', 'kg'],
    ['kg/m2', 'kg/m2'], ['kg/m^2', 'kg/m2'], ['kg/m[2]', 'kg/m2'], [' kg / m2 ', 'kg/m2'],
    ['mmol/L', 'mmol/L'], ['furlongs', 'furlongs'],
  ])('unit %j → %j', (raw, expected) => {
    expect(mapUnit(raw, 'x')).toBe(expected);
  });

  it.each([[undefined], [''], ['1']])('absent or dimensionless unit %j takes the item unit', (raw) => {
    expect(mapUnit(raw, 'mmHg')).toBe('mmHg');
  });

  it('maps mm[Hg] in a document and fills a missing unit from the master', () => {
    const { observations } = parseCheckupCda(cda(pq(JLAC10.SYSTOLIC_BP, '128', 'mm[Hg]') + pq(JLAC10.DIASTOLIC_BP, '82')));
    expect(observations).toEqual([
      { code: JLAC10.SYSTOLIC_BP, value: 128, unit: 'mmHg' },
      { code: JLAC10.DIASTOLIC_BP, value: 82, unit: 'mmHg' },
    ]);
  });

  it.each([
    ['1', '−'], ['2', '±'], ['3', '+'], ['4', '2+'], ['5', '3+'],
  ])('urine code %s → %s (CD and CO)', (answer, label) => {
    for (const type of ['CD', 'CO']) {
      const { observations } = parseCheckupCda(cda(coded(JLAC10.URINE_PROTEIN, answer, type)));
      expect(observations).toEqual([{ code: JLAC10.URINE_PROTEIN, value: label, unit: '', qualitativeCode: answer }]);
    }
  });

  it('keeps an unlisted answer code rather than rejecting it', () => {
    const { observations } = parseCheckupCda(cda(coded(JLAC10.URINE_GLUCOSE, '9')));
    expect(observations).toEqual([{ code: JLAC10.URINE_GLUCOSE, value: '9', unit: '', qualitativeCode: '9' }]);
  });

  it.each([
    [JLAC10.MEDICATION_BLOOD_PRESSURE, '1', 'はい'],
    [JLAC10.MEDICATION_GLUCOSE, '2', 'いいえ'],
    [JLAC10.SMOKING, '2', '以前は吸っていたが最近1か月間は吸っていない'],
    [JLAC10.SMOKING, '3', 'いいえ'],
  ])('questionnaire %s code %s → %s', (code, answer, label) => {
    expect(parseCheckupCda(cda(coded(code, answer))).observations).toEqual([
      { code, value: label, unit: '', qualitativeCode: answer },
    ]);
  });

  it('accepts a numeric result written as ST and a namespace-prefixed document', () => {
    const xml = `<hl7:ClinicalDocument xmlns:hl7="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <hl7:component><hl7:section><hl7:entry><hl7:observation>
        <hl7:code code="${JLAC10.HBA1C}" codeSystem="1.2.392.200119.6.1005"/><hl7:value xsi:type="ST"> 6.1 </hl7:value>
      </hl7:observation></hl7:entry></hl7:section></hl7:component></hl7:ClinicalDocument>`;
    expect(parseCheckupCda(xml).observations).toEqual([{ code: JLAC10.HBA1C, value: 6.1, unit: '%' }]);
  });

  it('uses the document effectiveTime as examination date when there is no serviceEvent, and HL7 M/F sex', () => {
    const header = '<effectiveTime value="20250301103000+0900"/><recordTarget><patientRole><patient>' +
      '<administrativeGenderCode code="F"/><birthTime value="19800229"/></patient></patientRole></recordTarget>';
    const document = parseCheckupCda(cda(pq(JLAC10.LDL, '118', 'mg/dL'), header));
    expect(document.examinationDate).toBe('2025-03-01');
    expect(document.documentDate).toBe('2025-03-01');
    expect(document.patient).toEqual({ sex: 'F', birthDate: '1980-02-29' });
  });
});

describe('parseCheckupCda — rejections', () => {
  it.each<[string, string, CdaParseErrorReason]>([
    ['the malformed fixture', MALFORMED, 'MALFORMED_XML'],
    ['plain text', 'not xml at all <', 'MALFORMED_XML'],
    ['a DOCTYPE (entity expansion)', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ClinicalDocument/>`, 'MALFORMED_XML'],
    ['another root element', '<Bundle><entry/></Bundle>', 'NOT_A_CLINICAL_DOCUMENT'],
    ['a document without observations', cda('<title>空</title>'), 'NO_OBSERVATIONS'],
    ['only non-JLAC10 or nullFlavor observations', cda(
      '<entry><observation><code code="X" codeSystem="1.2.3"/><value xsi:type="PQ" value="1"/></observation></entry>' +
      `<entry><observation><code code="${JLAC10.LDL}" codeSystem="1.2.392.200119.6.1005"/><value nullFlavor="NI"/></observation></entry>`,
    ), 'NO_OBSERVATIONS'],
    ['an unknown JLAC10 code', cda(pq(JLAC10.HEIGHT, '170', 'cm') + pq('9N141000000000011', '1')), 'UNKNOWN_ITEM_CODE'],
    ['a non-numeric PQ', cda(pq(JLAC10.SYSTOLIC_BP, 'high', 'mm[Hg]')), 'INVALID_VALUE'],
    ['an empty PQ value', cda(pq(JLAC10.SYSTOLIC_BP, '', 'mm[Hg]')), 'INVALID_VALUE'],
    ['a coded item without a code', cda(
      `<entry><observation><code code="${JLAC10.SMOKING}" codeSystem="1.2.392.200119.6.1005"/><value xsi:type="CD"/></observation></entry>`,
    ), 'INVALID_VALUE'],
    ['an impossible examination date', cda(pq(JLAC10.HEIGHT, '170', 'cm'), '<effectiveTime value="20240230"/>'), 'INVALID_VALUE'],
  ])('rejects %s', (_label, xml, reason) => {
    const error = parseError(xml);
    expect(error.reason).toBe(reason);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CdaParseError');
  });

  it('gives an English and a Japanese reason, with the offending code', () => {
    const error = parseError(cda(pq('9N141000000000011', '1')));
    expect(error.message).toBe(
      'Unknown JLAC10 code "9N141000000000011" (not in the 特定健診 item master) / ' +
        'JLAC10 コード「9N141000000000011」は特定健診の項目マスタにありません',
    );
    expect(error.messageEn).toMatch(/^Unknown JLAC10 code/);
    expect(error.messageJa).toMatch(/項目マスタ/);
    expect(error.detail).toEqual({ code: '9N141000000000011' });
  });

  it('says where malformed XML breaks', () => {
    const error = parseError(MALFORMED);
    expect(error.messageEn).toMatch(/^Malformed XML at line \d+, column \d+/);
    expect(error.messageJa).toMatch(/XML の形式が不正です/);
  });
});

describe('member numbers and 健診機関 of the CDA file', () => {
  test('the good fixture names the insurer, the card symbol and number, and the facility', () => {
    const xml = fs.readFileSync(path.join(__dirname, '__fixtures__/tokutei-kenshin-good.xml'), 'utf8');
    const document = parseCheckupCda(xml);
    expect(document.patient).toMatchObject({ insurerNumber: '06139999', insuredCardSymbol: 'オンシ', insuredIdentificationNumber: '1234' });
    expect(document.facilityCode).toBe('1311234567');
  });
});
