import fs from 'node:fs';
import path from 'node:path';
import { CdaParseError, parseCheckupCda, type CdaParseErrorReason } from './cda';
import { JLAC10, type CheckupResult } from './itemMaster';
import type { SubmittedResult } from './submission';
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
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.392.200119.6.1005"/>`
  + `<value xsi:type="PQ" value="${value}"${unit === undefined ? '' : ` unit="${unit}"`}/></observation></entry>`;
const coded = (code: string, answer: string, type = 'CD'): string =>
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.392.200119.6.1005"/>`
  + `<value xsi:type="${type}" code="${answer}" codeSystem="1.2.392.200119.6.2101"/></observation></entry>`;

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

  it('reads every JLAC10 observation in document order with its line and raw unit, skipping nullFlavor', () => {
    const withoutLines = document.results.map(({ line: _line, ...result }) => result);
    expect(withoutLines).toEqual([
      { code: JLAC10.HEIGHT, value: 171.2, unit: 'cm' },
      { code: JLAC10.WEIGHT, value: 78.4, unit: 'kg' },
      { code: JLAC10.BMI, value: 26.7, unit: 'kg/m2' },
      { code: JLAC10.WAIST, value: 91.5, unit: 'cm' },
      { code: JLAC10.SYSTOLIC_BP, value: 138, unit: 'mm[Hg]' },
      { code: JLAC10.DIASTOLIC_BP, value: 86, unit: 'mm[Hg]' },
      { code: JLAC10.FASTING_GLUCOSE, value: 104, unit: 'mg/dL' },
      { code: JLAC10.HBA1C, value: 5.8, unit: '%' },
      { code: JLAC10.TRIGLYCERIDES, value: 162, unit: 'mg/dL' },
      { code: JLAC10.HDL, value: 44, unit: 'mg/dL' },
      { code: JLAC10.LDL, value: 131, unit: 'mg/dl' },
      { code: JLAC10.AST, value: 24, unit: 'U/L' },
      { code: JLAC10.ALT, value: 33, unit: '[IU]/L' },
      { code: JLAC10.GAMMA_GT, value: 48, unit: 'U/L' },
      { code: JLAC10.URINE_GLUCOSE, answerCode: '1' },
      { code: JLAC10.URINE_PROTEIN, answerCode: '2' },
      { code: JLAC10.DOCTOR_JUDGEMENT, text: '腹囲・血圧・血糖・脂質が保健指導判定値以上。生活習慣の改善を。' },
      { code: JLAC10.MEDICATION_BLOOD_PRESSURE, answerCode: '2' },
      { code: JLAC10.MEDICATION_GLUCOSE, answerCode: '2' },
      { code: JLAC10.MEDICATION_LIPIDS, answerCode: '2' },
      { code: JLAC10.SMOKING, answerCode: '1' },
    ]);
    const lines = GOOD.split('\n');
    for (const result of document.results) {
      expect(lines[(result.line ?? 0) - 1]).toMatch(/<observation/);
      expect(lines[result.line ?? 0]).toContain(result.code);
    }
  });

  it('feeds 階層化: group A, glucose + lipids + blood pressure + smoking → 積極的支援', () => {
    const asResults = document.results.map((result: SubmittedResult): CheckupResult => ({
      code: result.code, value: result.value ?? result.text ?? '', unit: result.unit ?? '',
      ...(result.answerCode !== undefined && result.answerCode !== null ? { qualitativeCode: result.answerCode } : {}),
    }));
    const result = stratify(stratificationInputFromResults(asResults, { sex: 'M', age: 54, fasting: true }));
    expect(result.group).toBe('A');
    expect(result.risks).toEqual(['GLUCOSE', 'LIPIDS', 'BLOOD_PRESSURE', 'SMOKING']);
    expect(result.level).toBe(GuidanceLevel.INTENSIVE);
  });
});

describe('parseCheckupCda — values are read, not judged (submission.ts judges them)', () => {
  it('keeps the unit as written, and an absent unit as empty (refused later, never assumed)', () => {
    const { results } = parseCheckupCda(cda(pq(JLAC10.SYSTOLIC_BP, '128', 'mm[Hg]') + pq(JLAC10.DIASTOLIC_BP, '82')));
    expect(results.map(({ line: _line, ...rest }) => rest)).toEqual([
      { code: JLAC10.SYSTOLIC_BP, value: 128, unit: 'mm[Hg]' },
      { code: JLAC10.DIASTOLIC_BP, value: 82, unit: '' },
    ]);
  });

  it('reads coded answers as CD or CO, and keeps repeated items for the duplicate check', () => {
    const { results } = parseCheckupCda(cda(coded(JLAC10.URINE_PROTEIN, '3', 'CO') + coded(JLAC10.SMOKING, '3') + coded(JLAC10.SMOKING, '1')));
    expect(results.map((result) => result.answerCode)).toEqual(['3', '3', '1']);
  });

  it('reads a namespace-prefixed document', () => {
    const xml = `<hl7:ClinicalDocument xmlns:hl7="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <hl7:component><hl7:section><hl7:entry><hl7:observation>
        <hl7:code code="${JLAC10.HBA1C}" codeSystem="1.2.392.200119.6.1005"/><hl7:value xsi:type="PQ" value="6.1" unit="%"/>
      </hl7:observation></hl7:entry></hl7:section></hl7:component></hl7:ClinicalDocument>`;
    expect(parseCheckupCda(xml).results).toEqual([{ code: JLAC10.HBA1C, value: 6.1, unit: '%', line: 2 }]);
  });

  it('uses the document effectiveTime as examination date when there is no serviceEvent, and HL7 M/F sex', () => {
    const header = '<effectiveTime value="20250301103000+0900"/><recordTarget><patientRole><patient>'
      + '<administrativeGenderCode code="F"/><birthTime value="19800229"/></patient></patientRole></recordTarget>';
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
    ['only nullFlavor observations', cda(
      `<entry><observation><code code="${JLAC10.LDL}" codeSystem="1.2.392.200119.6.1005"/><value nullFlavor="NI"/></observation></entry>`,
    ), 'NO_OBSERVATIONS'],
    ['a result coded outside JLAC10 (LOINC HbA1c)', cda(pq(JLAC10.HEIGHT, '170', 'cm')
      + '<entry><observation><code code="4548-4" codeSystem="2.16.840.1.113883.6.1"/><value xsi:type="PQ" value="6.1" unit="%"/></observation></entry>'), 'NOT_JLAC10'],
    ['an unknown JLAC10 code', cda(pq(JLAC10.HEIGHT, '170', 'cm') + pq('9Z999999999999999', '1')), 'UNKNOWN_ITEM_CODE'],
    ['a quantity written as ST', cda(`<entry><observation><code code="${JLAC10.HBA1C}" codeSystem="1.2.392.200119.6.1005"/><value xsi:type="ST">6.1</value></observation></entry>`), 'INVALID_VALUE'],
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

  it('gives an English and a Japanese reason, with the offending code and its line', () => {
    const error = parseError(cda(pq('9Z999999999999999', '1')));
    expect(error.message).toBe(
      'Line 4: unknown JLAC10 code "9Z999999999999999" (not in the 特定健診 item master) / '
      + '4 行目: JLAC10 コード「9Z999999999999999」は特定健診の項目マスタにありません',
    );
    expect(error.detail).toEqual({ item: '9Z999999999999999', line: 4 });
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

  test('the 健診機関 number may sit on representedOrganization/id instead', () => {
    const header = '<author><assignedAuthor><id nullFlavor="NI"/><representedOrganization><id root="1.2.392.200119.6.102" extension="2712345678"/></representedOrganization></assignedAuthor></author>';
    expect(parseCheckupCda(cda(pq(JLAC10.HEIGHT, '170', 'cm'), header)).facilityCode).toBe('2712345678');
  });
});
