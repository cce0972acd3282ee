// The drug master: real products from the MHLW 薬価基準収載品目リスト (see /work/shared/data/README.md).
// Drug information (薬剤情報) shows, per dispensing, the drug code (DrugC), name (DrugN), ingredient
// (IngreN) and quantity (Qua1) + unit (docs/domain.md "Drug information (薬剤情報) and medical expenses"); this module supplies the
// name, ingredient and unit for a code. Names and strengths keep their full-width characters as
// published so that vendors recognise them; only the unit derivation reads a normalised copy.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Administration route as classified by the 薬価基準: 内用薬 (oral), 外用薬 (external: ointments,
 * patches, eye drops, suppositories…), 注射薬 (injection), 歯科用薬剤 (dental). The CSV spells 外用 as
 * `external`; the current 250-drug extract contains only `oral` and `external`.
 */
export type DrugRoute = 'oral' | 'external' | 'injection' | 'dental';
const DRUG_ROUTES: readonly DrugRoute[] = ['oral', 'external', 'injection', 'dental'];

/**
 * 先発品 (brand), 後発品 (generic), or neither: the 薬価基準 also lists products that are neither
 * (e.g. 局方品 such as bulk aspirin powder, or long-listed products), which the CSV marks `other`.
 */
export type DrugKind = 'brand' | 'generic' | 'other';
const DRUG_KINDS: readonly DrugKind[] = ['brand', 'generic', 'other'];

/** Units in which a dispensed quantity is counted (調剤数量の単位). */
export const DOSAGE_UNITS = ['錠', 'カプセル', '包', '個', '本', '瓶', '枚', '管', '袋', 'キット', '筒', 'g', 'mL'] as const;
export type DosageUnit = (typeof DOSAGE_UNITS)[number];

export interface DrugMasterEntry {
  /** 12-character 薬価基準収載医薬品コード (for most products equal to the YJ code). */
  drugCode: string;
  route: DrugRoute;
  ingredient: string;
  /** 規格 as published, e.g. `０．２５ｍｇ１錠`, `１０ｇ`, `７ｃｍ×１０ｃｍ１枚`. */
  strength: string;
  name: string;
  maker: string;
  kind: DrugKind;
  /** 薬価 in yen for `priceUnitAmount` × `dosageUnit` (may have decimals, e.g. 10.6). */
  priceYen: number;
  /** The same price in hundredths of a yen, so that money arithmetic stays in integers. */
  priceInHundredthsOfYen: number;
  /** Unit a quantity of this drug is counted in (錠, カプセル, g, mL, 枚, 本, …). */
  dosageUnit: DosageUnit;
  /** How many `dosageUnit`s the price is for: 1 for `５ｍｇ１錠`, 10 for `１０ｇ`. */
  priceUnitAmount: number;
}

/** What validators and generators need from a master; tests may pass a small fake. */
export interface DrugLookup {
  byCode(drugCode: string): DrugMasterEntry | undefined;
}

export interface DrugMaster extends DrugLookup {
  readonly entries: readonly DrugMasterEntry[];
  byIngredient(ingredient: string): readonly DrugMasterEntry[];
  /** Generic products with the same ingredient, route and strength, in master order. */
  genericEquivalentsOf(drugCode: string): readonly DrugMasterEntry[];
}

export const DRUG_MASTER_CSV_PATH = path.join(__dirname, '../../data/drug-master.csv');

const EXPECTED_HEADER = ['drug_code', 'route', 'ingredient', 'strength', 'name', 'maker', 'kind', 'price_yen'];
const DRUG_CODE_PATTERN = /^[0-9A-Z]{12}$/;
const PRICE_PATTERN = /^\d+(?:\.\d{1,2})?$/;

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines: the master has none). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}

/** Removes full-width/half-width parenthetical notes such as `（レボフロキサシンとして）`. */
function withoutParentheticals(text: string): string {
  return text.replace(/[（(][^）)]*[）)]/g, '');
}

const PACK_UNIT_PATTERN = new RegExp(`(\\d+(?:\\.\\d+)?)(${DOSAGE_UNITS.join('|')})$`);

// Fallback when the strength carries no unit: dosage-form words in the product name.
const NAME_FORM_UNITS: readonly (readonly [RegExp, DosageUnit])[] = [
  [/注/, '管'], // before 液: 注射液 is counted in ampoules
  [/カプセル/, 'カプセル'],
  [/錠/, '錠'],
  [/坐剤|坐薬/, '個'],
  [/テープ|パップ|貼付/, '枚'],
  [/分包/, '包'],
  [/点眼|点鼻/, '本'],
  [/シロップ|ローション|液/, 'mL'],
  [/軟膏|クリーム|ゲル|散|細粒|顆粒/, 'g'],
];

export interface PriceUnit {
  dosageUnit: DosageUnit;
  amount: number;
}

/**
 * Unit (and pack amount) of a product, read from its 規格 text, e.g. `０．２５ｍｇ１錠` → 1 錠,
 * `１０ｇ` → 10 g, `２％０．３５ｍＬ１本` → 1 本, `７ｃｍ×１０ｃｍ１枚` → 1 枚; falls back to dosage-form
 * words in the product name. Returns undefined when neither says.
 */
export function derivePriceUnit(strength: string, name: string): PriceUnit | undefined {
  // NFKC turns full-width digits and ｍＬ/ｇ into ASCII for matching only; stored text is unchanged.
  const normalizedStrength = withoutParentheticals(strength.normalize('NFKC')).trim();
  const packMatch = PACK_UNIT_PATTERN.exec(normalizedStrength);
  if (packMatch) {
    const dosageUnit = DOSAGE_UNITS.find((unit) => unit === packMatch[2]);
    const amount = Number(packMatch[1]);
    if (dosageUnit && amount > 0) return { dosageUnit, amount };
  }
  const normalizedName = name.normalize('NFKC');
  for (const [pattern, dosageUnit] of NAME_FORM_UNITS) {
    if (pattern.test(normalizedName)) return { dosageUnit, amount: 1 };
  }
  return undefined;
}

/** The unit a quantity of this product is displayed in (`56錠`, `30g`, `2本`). */
export function deriveDosageUnit(strength: string, name: string): DosageUnit | undefined {
  return derivePriceUnit(strength, name)?.dosageUnit;
}

/** Quantity for display, e.g. `56錠`, `2.5g`. */
export function formatQuantity(quantity: number, unit: string): string {
  return `${quantity}${unit}`;
}

function parsePriceInHundredths(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function isDrugRoute(value: string): value is DrugRoute {
  return DRUG_ROUTES.some((route) => route === value);
}

function isDrugKind(value: string): value is DrugKind {
  return DRUG_KINDS.some((kind) => kind === value);
}

/** Parses the master CSV; throws on the first malformed line, naming it (the file is fixed data). */
export function parseDrugMasterCsv(text: string): DrugMasterEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  if (header.join(',') !== EXPECTED_HEADER.join(',')) {
    throw new Error(`drug master: unexpected header "${lines[0] ?? ''}"`);
  }
  const entries: DrugMasterEntry[] = [];
  const seenCodes = new Set<string>();
  lines.slice(1).forEach((line, index) => {
    const lineNumber = index + 2;
    if (line.trim() === '') return;
    const fields = splitCsvLine(line);
    const [drugCode, route, ingredient, strength, name, maker, kind, priceText] = fields;
    if (
      fields.length !== EXPECTED_HEADER.length
      || drugCode === undefined || route === undefined || ingredient === undefined || strength === undefined
      || name === undefined || maker === undefined || kind === undefined || priceText === undefined
    ) {
      throw new Error(`drug master line ${lineNumber}: expected ${EXPECTED_HEADER.length} fields`);
    }
    if (!DRUG_CODE_PATTERN.test(drugCode)) throw new Error(`drug master line ${lineNumber}: bad drug code "${drugCode}"`);
    if (seenCodes.has(drugCode)) throw new Error(`drug master line ${lineNumber}: duplicate drug code ${drugCode}`);
    if (!isDrugRoute(route)) throw new Error(`drug master line ${lineNumber}: unknown route "${route}"`);
    if (!isDrugKind(kind)) throw new Error(`drug master line ${lineNumber}: unknown kind "${kind}"`);
    if (!PRICE_PATTERN.test(priceText)) throw new Error(`drug master line ${lineNumber}: bad price "${priceText}"`);
    if (ingredient === '' || name === '') throw new Error(`drug master line ${lineNumber}: empty ingredient or name`);
    const priceUnit = derivePriceUnit(strength, name);
    if (!priceUnit) throw new Error(`drug master line ${lineNumber}: no dosage unit in "${strength}" / "${name}"`);
    seenCodes.add(drugCode);
    entries.push({
      drugCode,
      route,
      ingredient,
      strength,
      name,
      maker,
      kind,
      priceYen: Number(priceText),
      priceInHundredthsOfYen: parsePriceInHundredths(priceText),
      dosageUnit: priceUnit.dosageUnit,
      priceUnitAmount: priceUnit.amount,
    });
  });
  return entries;
}

/** Indexes entries by code and by ingredient. */
export function createDrugMaster(entries: readonly DrugMasterEntry[]): DrugMaster {
  const byCode = new Map<string, DrugMasterEntry>();
  const byIngredient = new Map<string, DrugMasterEntry[]>();
  for (const entry of entries) {
    byCode.set(entry.drugCode, entry);
    const sameIngredient = byIngredient.get(entry.ingredient);
    if (sameIngredient) sameIngredient.push(entry);
    else byIngredient.set(entry.ingredient, [entry]);
  }
  return {
    entries,
    byCode: (drugCode) => byCode.get(drugCode),
    byIngredient: (ingredient) => byIngredient.get(ingredient) ?? [],
    genericEquivalentsOf: (drugCode) => {
      const original = byCode.get(drugCode);
      if (!original) return [];
      return (byIngredient.get(original.ingredient) ?? []).filter(
        (candidate) =>
          candidate.kind === 'generic'
          && candidate.drugCode !== original.drugCode
          && candidate.route === original.route
          && candidate.strength === original.strength
          && candidate.dosageUnit === original.dosageUnit,
      );
    },
  };
}

let cachedMaster: DrugMaster | undefined;

/** The master from data/drug-master.csv, read and parsed once per process. */
export function loadDrugMaster(): DrugMaster {
  cachedMaster ??= createDrugMaster(parseDrugMasterCsv(fs.readFileSync(DRUG_MASTER_CSV_PATH, 'utf8')));
  return cachedMaster;
}
