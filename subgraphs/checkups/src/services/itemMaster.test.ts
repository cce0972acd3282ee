import {
  JLAC10, loadItemMaster, findItem, isKnownItemCode, parseCsvLine, parseItemMasterCsv, thresholdsFor,
  answerLabelsFor, URINE_QUALITATIVE_LABELS,
} from './itemMaster';

describe('parseCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c,', ['a', '', 'c', '']],
    ['x,"−, ±, +",y', ['x', '−, ±, +', 'y']],
    ['"say ""hi""",z', ['say "hi"', 'z']],
    ['', ['']],
  ])('%j', (line, expected) => {
    expect(parseCsvLine(line)).toEqual(expected);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsvLine('a,"b')).toThrow(/Unterminated/);
  });
});

describe('parseItemMasterCsv', () => {
  const header = 'jlac10,name_ja,name_en,unit,guidance_threshold,see_doctor_threshold,direction,note';
  it('rejects a wrong header, a bad code, a bad number and a bad direction', () => {
    expect(() => parseItemMasterCsv('code,name\n')).toThrow(/header/);
    expect(() => parseItemMasterCsv(`${header}\nXYZ,a,b,cm,,,,`)).toThrow(/bad JLAC10/);
    expect(() => parseItemMasterCsv(`${header}\n9N001000000000001,a,b,cm,abc,,high,`)).toThrow(/non-numeric/);
    expect(() => parseItemMasterCsv(`${header}\n9N001000000000001,a,b,cm,1,,up,`)).toThrow(/direction/);
  });
  it('accepts CRLF and a BOM', () => {
    const items = parseItemMasterCsv(`\uFEFF${header}\r\n9N001000000000001,身長,Height,cm,,,,\r\n`);
    expect(items).toEqual([{ code: '9N001000000000001', nameJa: '身長', nameEn: 'Height', unit: 'cm', kind: 'numeric' }]);
  });
});

describe('item master (data/checkup-items.csv)', () => {
  const items = loadItemMaster();

  it('loads once and every JLAC10 constant is in the master and vice versa', () => {
    expect(loadItemMaster()).toBe(items);
    const constants = Object.values(JLAC10);
    expect(new Set(items.map((item) => item.code))).toEqual(new Set(constants));
    expect(items).toHaveLength(constants.length);
  });

  it('uses the codes DOMAIN.md lists', () => {
    expect(JLAC10.BMI).toBe('9N011000000000001');
    expect(JLAC10.HBA1C).toBe('3D046000001906202');
    expect(JLAC10.HDL).toBe('3F070000002327101');
    expect(JLAC10.URINE_PROTEIN).toBe('1A010000000191111');
  });

  it('parses a numeric item with both thresholds', () => {
    expect(findItem(JLAC10.SYSTOLIC_BP)).toEqual({
      code: '9A755000000000001', nameJa: '収縮期血圧', nameEn: 'Systolic blood pressure', unit: 'mmHg',
      guidanceThreshold: 130, seeDoctorThreshold: 140, direction: 'high', kind: 'numeric',
    });
  });

  it.each([
    [JLAC10.HEIGHT, 'numeric', 'cm'],
    [JLAC10.HBA1C, 'numeric', '%'],
    [JLAC10.URINE_GLUCOSE, 'qualitative', ''],
    [JLAC10.MEDICATION_LIPIDS, 'code', ''],
    [JLAC10.SMOKING, 'code', ''],
    [JLAC10.DOCTOR_JUDGEMENT, 'text', ''],
  ])('%s is %s with unit %j', (code, kind, unit) => {
    expect(findItem(code)).toMatchObject({ kind, unit });
  });

  it('HDL is a low-direction item', () => {
    expect(findItem(JLAC10.HDL)).toMatchObject({ guidanceThreshold: 39, seeDoctorThreshold: 34, direction: 'low' });
  });

  it('waist has explicit sex-specific guidance thresholds (men 85 / women 90)', () => {
    const waist = findItem(JLAC10.WAIST);
    expect(waist).toBeDefined();
    if (waist === undefined) return;
    expect(thresholdsFor(waist, 'M')).toEqual({ guidance: 85 });
    expect(thresholdsFor(waist, 'F')).toEqual({ guidance: 90 });
  });

  it('unknown codes are unknown', () => {
    expect(findItem('9Z999000000000001')).toBeUndefined();
    expect(isKnownItemCode('9Z999000000000001')).toBe(false);
    expect(isKnownItemCode(JLAC10.LDL)).toBe(true);
  });

  it('answer labels exist for coded items only', () => {
    expect(answerLabelsFor(JLAC10.URINE_PROTEIN)).toBe(URINE_QUALITATIVE_LABELS);
    expect(answerLabelsFor(JLAC10.MEDICATION_GLUCOSE)).toEqual({ '1': 'はい', '2': 'いいえ' });
    expect(answerLabelsFor(JLAC10.LDL)).toBeUndefined();
  });
});
