import {
  JLAC10, loadItemMaster, findItem, isKnownItemCode, parseCsvLine, parseItemMasterCsv, thresholdsFor,
  answerLabelsFor, matchUnit,
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
  const header = 'jlac10,name_ja,name_en,value_type,unit,unit_spellings,answers,answers_en,plausible_min,plausible_max,guidance_threshold,see_doctor_threshold,direction,analyte,verified,note';
  const row = (fields: Partial<Record<'code' | 'type' | 'unit' | 'answers' | 'min' | 'guidance' | 'direction' | 'analyte' | 'verified', string>>) =>
    [fields.code ?? '9N001000000000001', '身長', 'Height', fields.type ?? 'PQ', fields.unit ?? 'cm', '', fields.answers ?? '', fields.answers ?? '', fields.min ?? '', '',
      fields.guidance ?? '', '', fields.direction ?? '', fields.analyte ?? 'HEIGHT', fields.verified ?? 'domain', ''].join(',');
  it.each([
    ['a wrong header', 'code,name\n', /header/],
    ['a bad code', `${header}\n${row({ code: 'XYZ' })}`, /bad JLAC10/],
    ['a bad number', `${header}\n${row({ guidance: 'abc' })}`, /non-numeric/],
    ['a bad direction', `${header}\n${row({ direction: 'up' })}`, /direction/],
    ['an unknown value type', `${header}\n${row({ type: 'XX' })}`, /value type/],
    ['a quantity without a unit', `${header}\n${row({ unit: '' })}`, /without a unit/],
    ['a coded item without answers', `${header}\n${row({ type: 'CD', unit: '' })}`, /no answers/],
    ['a bad answer list', `${header}\n${row({ type: 'CD', unit: '', answers: '1=はい|いいえ' })}`, /bad answer/],
    ['English answers for other codes', `${header}\n${row({ type: 'CD', unit: '', answers: '1=はい|2=いいえ' }).replace('1=はい|2=いいえ,1=はい|2=いいえ', '1=はい|2=いいえ,1=Yes|3=No')}`, /English answers/],
    ['no analyte', `${header}\n${row({ analyte: '' })}`, /analyte/],
    ['an unknown verification', `${header}\n${row({ verified: 'maybe' })}`, /verification/],
    ['a code twice', `${header}\n${row({})}\n${row({})}`, /twice/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseItemMasterCsv(text)).toThrow(message);
  });
  it('accepts CRLF and a BOM', () => {
    const items = parseItemMasterCsv(`\uFEFF${header}\r\n${row({ min: '100' })}\r\n`);
    expect(items).toEqual([{
      code: '9N001000000000001', nameJa: '身長', nameEn: 'Height', unit: 'cm', kind: 'numeric', valueType: 'PQ', analyte: 'HEIGHT',
      unitSpellings: ['cm'], plausibleMin: 100, verified: 'domain',
    }]);
  });
});

describe('item master (data/checkup-items.csv)', () => {
  const items = loadItemMaster();

  it('loads once and holds every JLAC10 constant', () => {
    expect(loadItemMaster()).toBe(items);
    const codes = new Set(items.map((item) => item.code));
    for (const code of Object.values(JLAC10)) expect(codes).toContain(code);
  });

  it('holds the standard items real files carry, each numeric one with a unit and a plausible range', () => {
    const names = items.map((item) => item.nameJa).join(' ');
    for (const name of ['採血時間', '保健指導レベル', '血清クレアチニン', 'eGFR', '随時血糖', '飲酒', '飲酒量', '食べ方', '30分以上の運動習慣', 'メタボリックシンドローム判定', '咀嚼']) {
      expect(names).toContain(name);
    }
    for (const item of items.filter((entry) => entry.kind === 'numeric')) {
      expect(item.unit).not.toBe('');
      expect(item.plausibleMin).toBeDefined();
      expect(item.plausibleMax).toBeGreaterThan(item.plausibleMin ?? Infinity);
    }
    for (const item of items.filter((entry) => entry.kind === 'code' || entry.kind === 'qualitative')) {
      expect(Object.keys(item.answers ?? {}).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('maps UCUM spellings to the display unit and refuses other units', () => {
    const sbp = findItem(JLAC10.SYSTOLIC_BP);
    const hba1c = findItem(JLAC10.HBA1C);
    if (sbp === undefined || hba1c === undefined) throw new Error('master incomplete');
    expect(matchUnit(sbp, 'mm[Hg]')).toBe('mmHg');
    expect(matchUnit(sbp, 'kPa')).toBeUndefined();
    expect(matchUnit(hba1c, '%{NGSP}')).toBe('%');
    expect(matchUnit(hba1c, 'mmol/mol')).toBeUndefined();
  });

  it('uses the codes docs/domain.md lists', () => {
    expect(JLAC10.BMI).toBe('9N011000000000001');
    expect(JLAC10.HBA1C).toBe('3D046000001906202');
    expect(JLAC10.HDL).toBe('3F070000002327101');
    expect(JLAC10.URINE_PROTEIN).toBe('1A010000000191111');
  });

  it('parses a numeric item with both thresholds', () => {
    expect(findItem(JLAC10.SYSTOLIC_BP)).toMatchObject({
      code: '9A755000000000001', nameJa: '収縮期血圧', nameEn: 'Systolic blood pressure', unit: 'mmHg',
      guidanceThreshold: 130, seeDoctorThreshold: 140, direction: 'high', kind: 'numeric', valueType: 'PQ', plausibleMin: 50, plausibleMax: 300,
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
    expect(answerLabelsFor(JLAC10.URINE_PROTEIN)).toEqual({ 1: '−', 2: '±', 3: '+', 4: '2+', 5: '3+' });
    expect(answerLabelsFor(JLAC10.SMOKING)?.['3']).toBe('いいえ');
    expect(answerLabelsFor(JLAC10.MEDICATION_GLUCOSE)).toEqual({ 1: 'はい', 2: 'いいえ' });
    expect(answerLabelsFor(JLAC10.LDL)).toBeUndefined();
  });
});
