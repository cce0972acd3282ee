import fs from 'node:fs';
import path from 'node:path';

/**
 * The 特定健診 item master (DOMAIN.md "Specific health checkups (特定健診)"): JLAC10 codes, names,
 * units and the 保健指導判定値 / 受診勧奨判定値 thresholds, read from data/checkup-items.csv once.
 */

export type Sex = 'M' | 'F';
export type Direction = 'high' | 'low';
/** numeric: a measured quantity; qualitative: urine −…3+; code: a coded questionnaire answer; text: free text. */
export type ItemKind = 'numeric' | 'qualitative' | 'code' | 'text';

export interface CheckupItem {
  code: string;
  nameJa: string;
  nameEn: string;
  /** Display unit for numeric items (mmHg, not UCUM mm[Hg]); '' for qualitative, coded and text items. */
  unit: string;
  guidanceThreshold?: number;
  seeDoctorThreshold?: number;
  /** Present only when the sex changes a threshold (waist: men 85 / women 90 cm). */
  guidanceThresholdBySex?: Readonly<Record<Sex, number>>;
  direction?: Direction;
  kind: ItemKind;
}

/** One checkup result as produced by the CDA parser and the demo generator. */
export interface CheckupResult {
  code: string;
  value: number | string;
  unit: string;
  /** The raw answer code for qualitative and coded items ('1'…'5' for urine, '1'/'2' for 服薬). */
  qualitativeCode?: string;
}

/** JLAC10 codes by meaning (DOMAIN.md "Specific health checkups"; the CSV is the source of truth). */
export const JLAC10 = {
  HEIGHT: '9N001000000000001',
  WEIGHT: '9N006000000000001',
  BMI: '9N011000000000001',
  WAIST: '9N016160100000001',
  SYSTOLIC_BP: '9A755000000000001',
  DIASTOLIC_BP: '9A765000000000001',
  FASTING_GLUCOSE: '3D010000001926101',
  HBA1C: '3D046000001906202',
  TRIGLYCERIDES: '3F015000002327101',
  HDL: '3F070000002327101',
  LDL: '3F077000002327101',
  AST: '3B035000002327201',
  ALT: '3B045000002327201',
  GAMMA_GT: '3B090000002327101',
  URINE_GLUCOSE: '1A020000000191111',
  URINE_PROTEIN: '1A010000000191111',
  DOCTOR_JUDGEMENT: '9N511000000000049',
  MEDICATION_BLOOD_PRESSURE: '9N701000000000011',
  MEDICATION_GLUCOSE: '9N706000000000011',
  MEDICATION_LIPIDS: '9N711000000000011',
  SMOKING: '9N736000000000011',
} as const;
export type Jlac10Code = (typeof JLAC10)[keyof typeof JLAC10];

/** The JLAC10 code system OID used in the CDA exchange file (DOMAIN.md). */
export const JLAC10_CODE_SYSTEM_OID = '1.2.392.200119.6.1005';

/** Qualitative urine result codes 1–5 (DOMAIN.md; CSV note). The minus is U+2212 as in the CSV. */
export const URINE_QUALITATIVE_LABELS: Readonly<Record<string, string>> = {
  '1': '−', '2': '±', '3': '+', '4': '2+', '5': '3+',
};
/** 服薬1–3 answers (DOMAIN.md: 1 はい / 2 いいえ). */
export const YES_NO_LABELS: Readonly<Record<string, string>> = { '1': 'はい', '2': 'いいえ' };
/** 喫煙 answers (CSV note). Only '1' (currently smoking) is a 階層化 risk. */
export const SMOKING_LABELS: Readonly<Record<string, string>> = {
  '1': 'はい', '2': '以前は吸っていたが最近1か月間は吸っていない', '3': 'いいえ',
};

/** Answer labels for an item's coded answers, or undefined for items that are not coded. */
export function answerLabelsFor(itemCode: string): Readonly<Record<string, string>> | undefined {
  switch (itemCode) {
    case JLAC10.URINE_GLUCOSE:
    case JLAC10.URINE_PROTEIN:
      return URINE_QUALITATIVE_LABELS;
    case JLAC10.MEDICATION_BLOOD_PRESSURE:
    case JLAC10.MEDICATION_GLUCOSE:
    case JLAC10.MEDICATION_LIPIDS:
      return YES_NO_LABELS;
    case JLAC10.SMOKING:
      return SMOKING_LABELS;
    default:
      return undefined;
  }
}

/**
 * The CSV carries one waist threshold (85) and says "men 85 / women 90" only in a free-text note,
 * so the sex split is stated here explicitly (DOMAIN.md: waist ≥85 cm men / ≥90 cm women).
 */
const SEX_SPECIFIC_GUIDANCE: Readonly<Record<string, Readonly<Record<Sex, number>>>> = {
  [JLAC10.WAIST]: { M: 85, F: 90 },
};

const EXPECTED_HEADER = [
  'jlac10', 'name_ja', 'name_en', 'unit', 'guidance_threshold', 'see_doctor_threshold', 'direction', 'note',
];

/** Splits one CSV line; handles double-quoted fields with commas and "" escapes (RFC 4180, one line). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (inQuotes) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new Error(`Unterminated quoted field in CSV line: ${line}`);
  fields.push(field);
  return fields;
}

function parseOptionalNumber(raw: string, column: string, code: string): number | undefined {
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`checkup-items.csv: ${code} has a non-numeric ${column} "${raw}"`);
  return value;
}

function kindForUnit(unit: string): ItemKind {
  if (unit === 'qualitative' || unit === 'code' || unit === 'text') return unit;
  return 'numeric';
}

/** Parses the whole item master CSV text; throws on a malformed file so a bad master fails at startup. */
export function parseItemMasterCsv(text: string): CheckupItem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const [headerLine, ...rows] = lines;
  if (headerLine === undefined || parseCsvLine(headerLine).join(',') !== EXPECTED_HEADER.join(',')) {
    throw new Error(`checkup-items.csv: expected header ${EXPECTED_HEADER.join(',')}`);
  }
  return rows.map((line) => {
    const [code = '', nameJa = '', nameEn = '', rawUnit = '', guidance = '', seeDoctor = '', direction = ''] =
      parseCsvLine(line);
    if (!/^[0-9A-Z]{17}$/.test(code)) throw new Error(`checkup-items.csv: bad JLAC10 code "${code}"`);
    if (direction !== '' && direction !== 'high' && direction !== 'low') {
      throw new Error(`checkup-items.csv: ${code} has an unknown direction "${direction}"`);
    }
    const kind = kindForUnit(rawUnit);
    const item: CheckupItem = { code, nameJa, nameEn, unit: kind === 'numeric' ? rawUnit : '', kind };
    const guidanceThreshold = parseOptionalNumber(guidance, 'guidance_threshold', code);
    const seeDoctorThreshold = parseOptionalNumber(seeDoctor, 'see_doctor_threshold', code);
    if (guidanceThreshold !== undefined) item.guidanceThreshold = guidanceThreshold;
    if (seeDoctorThreshold !== undefined) item.seeDoctorThreshold = seeDoctorThreshold;
    if (direction !== '') item.direction = direction;
    const bySex = SEX_SPECIFIC_GUIDANCE[code];
    if (bySex !== undefined) item.guidanceThresholdBySex = bySex;
    return item;
  });
}

export const ITEM_MASTER_PATH = path.join(__dirname, '../../data/checkup-items.csv');

let cachedItems: readonly CheckupItem[] | undefined;
let cachedByCode: ReadonlyMap<string, CheckupItem> | undefined;

/** All items in CSV order, loaded once per process. */
export function loadItemMaster(): readonly CheckupItem[] {
  if (cachedItems === undefined) {
    cachedItems = Object.freeze(parseItemMasterCsv(fs.readFileSync(ITEM_MASTER_PATH, 'utf8')));
    cachedByCode = new Map(cachedItems.map((item) => [item.code, item]));
  }
  return cachedItems;
}

export function findItem(code: string): CheckupItem | undefined {
  loadItemMaster();
  return cachedByCode?.get(code);
}

export function isKnownItemCode(code: string): boolean {
  return findItem(code) !== undefined;
}

/** Thresholds that apply to this sex: the sex-specific guidance threshold wins over the CSV column. */
export function thresholdsFor(item: CheckupItem, sex: Sex): { guidance?: number; seeDoctor?: number } {
  const guidance = item.guidanceThresholdBySex?.[sex] ?? item.guidanceThreshold;
  return {
    ...(guidance !== undefined ? { guidance } : {}),
    ...(item.seeDoctorThreshold !== undefined ? { seeDoctor: item.seeDoctorThreshold } : {}),
  };
}
