import {
  createDrugMaster,
  deriveDosageUnit,
  derivePriceUnit,
  formatQuantity,
  loadDrugMaster,
  parseDrugMasterCsv,
  splitCsvLine,
} from './drugMaster';

const HEADER = 'drug_code,route,ingredient,strength,name,maker,kind,price_yen';

describe('loadDrugMaster (data/drug-master.csv)', () => {
  const master = loadDrugMaster();

  it('parses all 250 real drugs and caches the result', () => {
    expect(master.entries).toHaveLength(250);
    expect(loadDrugMaster()).toBe(master);
  });

  it('looks a drug up by code, keeping full-width text as published', () => {
    expect(master.byCode('2171022F2025')).toEqual({
      drugCode: '2171022F2025',
      route: 'oral',
      ingredient: 'アムロジピンベシル酸塩',
      strength: '５ｍｇ１錠',
      name: 'ノルバスク錠５ｍｇ',
      maker: 'ヴィアトリス製薬',
      kind: 'brand',
      priceYen: 13.7,
      priceInHundredthsOfYen: 1370,
      dosageUnit: '錠',
      priceUnitAmount: 1,
    });
    expect(master.byCode('0000000X0000')).toBeUndefined();
  });

  it('lists products by ingredient', () => {
    const amlodipine = master.byIngredient('アムロジピンベシル酸塩');
    expect(amlodipine).toHaveLength(6);
    expect(amlodipine.every((entry) => entry.ingredient === 'アムロジピンベシル酸塩')).toBe(true);
    expect(master.byIngredient('存在しない成分')).toEqual([]);
    // The ingredient name with a full-width space is matched exactly.
    expect(master.byIngredient('セフカペン　ピボキシル塩酸塩水和物')).toHaveLength(3);
  });

  it('finds generic equivalents with the same strength (リピトール錠１０ｍｇ)', () => {
    const generics = master.genericEquivalentsOf('2189015F2020');
    expect(generics.map((entry) => entry.drugCode)).toEqual(['2189015F2054', '2189015F2070', '2189015F2089']);
    expect(master.genericEquivalentsOf('2171022F2025')).toEqual([]); // no 5 mg amlodipine generic in the extract
    expect(master.genericEquivalentsOf('nope')).toEqual([]);
  });

  it('keeps 8 products that are neither brand nor generic as kind "other"', () => {
    expect(master.entries.filter((entry) => entry.kind === 'other')).toHaveLength(8);
  });

  it('prices with one decimal are kept exactly in hundredths of a yen', () => {
    for (const entry of master.entries) expect(entry.priceInHundredthsOfYen).toBe(Math.round(entry.priceYen * 100));
  });
});

describe('derivePriceUnit / deriveDosageUnit', () => {
  it.each([
    ['０．２５ｍｇ１錠', 'レンドルミン錠０．２５ｍｇ', '錠', 1],
    ['１５ｍｇ１カプセル', 'タケプロンカプセル１５', 'カプセル', 1],
    ['２０ｍｇ１包', 'ネキシウム懸濁用顆粒分包２０ｍｇ', '包', 1],
    ['５０ｍｇ１個', 'アルピニー坐剤５０', '個', 1],
    ['２％０．３５ｍＬ１本', 'ムコスタ点眼液ＵＤ２％', '本', 1],
    ['２％５ｍＬ１瓶', 'レバミピド懸濁性点眼液２％「参天」', '瓶', 1],
    ['７ｃｍ×１０ｃｍ１枚', 'ケトプロフェンテープ２０ｍｇ「ＳＮ」', '枚', 1],
    ['３％１ｍＬ', 'セクターローション３％', 'mL', 1],
    ['０．００５％１ｍＬ', 'キサラタン点眼液０．００５％', 'mL', 1],
    ['１０％１ｇ', 'ロキソニン細粒１０％', 'g', 1],
    ['１００ｍｇ１ｇ', 'サワシリン細粒１０％', 'g', 1],
    ['１ｇ', 'ヒルドイドゲル０．３％', 'g', 1],
    ['１０ｇ', 'アスピリン「ケンエー」', 'g', 10],
    ['２５０ｍｇ１錠（レボフロキサシンとして）', 'クラビット錠２５０ｍｇ', '錠', 1],
  ])('%s (%s) → %s per %d', (strength, name, unit, amount) => {
    expect(derivePriceUnit(strength, name)).toEqual({ dosageUnit: unit, amount });
    expect(deriveDosageUnit(strength, name)).toBe(unit);
  });

  it.each([
    ['', '〇〇錠５ｍｇ', '錠'],
    ['', '〇〇テープ', '枚'],
    ['', '〇〇軟膏', 'g'],
    ['', '〇〇注射液', '管'],
  ])('falls back to the dosage form in the name: %s %s → %s', (strength, name, unit) => {
    expect(deriveDosageUnit(strength, name)).toBe(unit);
  });

  it('returns undefined when neither strength nor name names a unit', () => {
    expect(deriveDosageUnit('５ｍｇ', '不明')).toBeUndefined();
  });

  it('formats a quantity for display', () => {
    expect(formatQuantity(56, '錠')).toBe('56錠');
    expect(formatQuantity(2.5, 'g')).toBe('2.5g');
  });
});

describe('parseDrugMasterCsv', () => {
  const line = '2171022F2025,oral,アムロジピンベシル酸塩,５ｍｇ１錠,ノルバスク錠５ｍｇ,ヴィアトリス製薬,brand,13.7';

  it('handles quoted fields and CRLF', () => {
    expect(splitCsvLine('a,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    const entries = parseDrugMasterCsv(`${HEADER}\r\n${line.replace('ヴィアトリス製薬', '"ヴィアトリス,製薬"')}\r\n`);
    expect(entries[0]?.maker).toBe('ヴィアトリス,製薬');
  });

  it.each([
    ['a wrong header', `x,y\n${line}`, /unexpected header/],
    ['a short line', `${HEADER}\n2171022F2025,oral`, /line 2: expected 8 fields/],
    ['an unknown route', `${HEADER}\n${line.replace(',oral,', ',rectal,')}`, /line 2: unknown route/],
    ['an unknown kind', `${HEADER}\n${line.replace(',brand,', ',copy,')}`, /line 2: unknown kind/],
    ['a bad price', `${HEADER}\n${line.replace(',13.7', ',13.777')}`, /line 2: bad price/],
    ['a bad code', `${HEADER}\n${line.replace('2171022F2025', '2171022')}`, /line 2: bad drug code/],
    ['a duplicate code', `${HEADER}\n${line}\n${line}`, /line 3: duplicate drug code/],
    ['no unit', `${HEADER}\n${line.replace('５ｍｇ１錠,ノルバスク錠５ｍｇ', '５ｍｇ,ノルバスク')}`, /line 2: no dosage unit/],
  ])('rejects %s', (_label, text, message) => {
    expect(() => parseDrugMasterCsv(text)).toThrow(message);
  });

  it('indexes a hand-made master', () => {
    const master = createDrugMaster(parseDrugMasterCsv(`${HEADER}\n${line}`));
    expect(master.byCode('2171022F2025')?.name).toBe('ノルバスク錠５ｍｇ');
  });
});
