import fs from 'node:fs';
import path from 'node:path';

/**
 * The 特定健診 item master (docs/domain.md "Specific health checkups (特定健診)"): the MHLW standard item list (XML 健診
 * 項目コード表 of the 電子的な標準様式) with JLAC10 codes, value types, units, coded answers, plausible ranges and the
 * 保健指導判定値 / 受診勧奨判定値 thresholds, read from data/checkup-items.csv once (docs/checkup-items.md cites
 * the sources and which rows are verified).
 */

export type Sex = 'M' | 'F';
export type Direction = 'high' | 'low';
/** numeric: a measured quantity; qualitative: urine −…3+; code: a coded questionnaire answer; text: free text. */
export type ItemKind = 'numeric' | 'qualitative' | 'code' | 'text';
/** HL7 data type of the observation value in the CDA file: PQ quantity, CO ordinal code, CD code, ST string. */
export type ValueType = 'PQ' | 'CO' | 'CD' | 'ST';
/** Where a row comes from: the domain summary (docs/domain.md "Judgements and 階層化"), public vendor code using the same code, or recalled (unverified). */
export type Verification = 'domain' | 'vendor-code' | 'unverified';

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
  valueType: ValueType;
  /**
   * What is measured, shared by the method variants of one test (HbA1c by immunoassay / HPLC / enzymatic is HBA1C):
   * one examination carries one result per analyte, and 階層化 reads results by analyte.
   */
  analyte: string;
  /** Spellings of the item's unit a file may use (UCUM first), compared without case and spaces. */
  unitSpellings: readonly string[];
  /** Coded items: answer code → label (Japanese, as on the MHLW questionnaire), and the English label. */
  answers?: Readonly<Record<string, string>>;
  answersEn?: Readonly<Record<string, string>>;
  /** Numeric items: values outside [min, max] are refused as implausible (SBP 900). */
  plausibleMin?: number;
  plausibleMax?: number;
  verified: Verification;
}

/** One checkup result as produced by the CDA parser and the demo generator. */
export interface CheckupResult {
  code: string;
  value: number | string;
  unit: string;
  /** The raw answer code for qualitative and coded items ('1'…'5' for urine, '1'/'2' for 服薬). */
  qualitativeCode?: string;
}

/** JLAC10 codes the code refers to by meaning (docs/domain.md "Specific health checkups (特定健診)"; the CSV is the source of truth). */
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
  SAMPLING_TIME: '9N141000000000011',
} as const;
export type Jlac10Code = (typeof JLAC10)[keyof typeof JLAC10];

/** The JLAC10 code system OID used in the CDA exchange file (docs/domain.md "Specific health checkups (特定健診)"). */
export const JLAC10_CODE_SYSTEM_OID = '1.2.392.200119.6.1005';

/** Answer labels of an item's coded answers (from the master), or undefined for items that are not coded. */
export function answerLabelsFor(itemCode: string): Readonly<Record<string, string>> | undefined {
  return findItem(itemCode)?.answers;
}

/**
 * The CSV carries one waist threshold (85) and says "men 85 / women 90" only in a free-text note,
 * so the sex split is stated here explicitly (docs/domain.md "Judgements and 階層化": waist ≥85 cm men / ≥90 cm women).
 */
const SEX_SPECIFIC_GUIDANCE: Readonly<Record<string, Readonly<Record<Sex, number>>>> = {
  WAIST: { M: 85, F: 90 },
};

const EXPECTED_HEADER = [
  'jlac10', 'name_ja', 'name_en', 'value_type', 'unit', 'unit_spellings', 'answers', 'answers_en', 'plausible_min', 'plausible_max',
  'guidance_threshold', 'see_doctor_threshold', 'direction', 'analyte', 'verified', 'note',
];

const KIND_OF_VALUE_TYPE: Readonly<Record<ValueType, ItemKind>> = { PQ: 'numeric', CO: 'qualitative', CD: 'code', ST: 'text' };

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

/** "1=はい|2=いいえ" → { '1': 'はい', '2': 'いいえ' }. */
function parseAnswers(raw: string, code: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const pair of raw.split('|')) {
    const separator = pair.indexOf('=');
    const answer = pair.slice(0, separator).trim();
    const label = pair.slice(separator + 1).trim();
    if (separator <= 0 || label === '' || answer in answers) throw new Error(`checkup-items.csv: ${code} has a bad answer "${pair}"`);
    answers[answer] = label;
  }
  return answers;
}

/** Parses the whole item master CSV text; throws on a malformed file so a bad master fails at startup. */
export function parseItemMasterCsv(text: string): CheckupItem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const [headerLine, ...rows] = lines;
  if (headerLine === undefined || parseCsvLine(headerLine).join(',') !== EXPECTED_HEADER.join(',')) {
    throw new Error(`checkup-items.csv: expected header ${EXPECTED_HEADER.join(',')}`);
  }
  const seen = new Set<string>();
  return rows.map((line) => {
    const [
      code = '', nameJa = '', nameEn = '', valueType = '', unit = '', spellings = '', answers = '', answersEn = '', min = '', max = '',
      guidance = '', seeDoctor = '', direction = '', analyte = '', verified = '',
    ] = parseCsvLine(line);
    if (!/^[0-9A-Z]{17}$/.test(code)) throw new Error(`checkup-items.csv: bad JLAC10 code "${code}"`);
    if (seen.has(code)) throw new Error(`checkup-items.csv: ${code} is listed twice`);
    seen.add(code);
    if (!(valueType in KIND_OF_VALUE_TYPE)) throw new Error(`checkup-items.csv: ${code} has an unknown value type "${valueType}"`);
    const kind = KIND_OF_VALUE_TYPE[valueType as ValueType];
    if (direction !== '' && direction !== 'high' && direction !== 'low') {
      throw new Error(`checkup-items.csv: ${code} has an unknown direction "${direction}"`);
    }
    if (verified !== 'domain' && verified !== 'vendor-code' && verified !== 'unverified') {
      throw new Error(`checkup-items.csv: ${code} has an unknown verification "${verified}"`);
    }
    if (analyte === '') throw new Error(`checkup-items.csv: ${code} has no analyte`);
    if (kind === 'numeric' && unit === '') throw new Error(`checkup-items.csv: ${code} is a quantity without a unit`);
    if ((kind === 'qualitative' || kind === 'code') && answers === '') throw new Error(`checkup-items.csv: ${code} is coded but lists no answers`);
    const item: CheckupItem = {
      code, nameJa, nameEn, unit: kind === 'numeric' ? unit : '', kind, valueType: valueType as ValueType, analyte,
      unitSpellings: kind === 'numeric' ? [...new Set([unit, ...spellings.split('|').filter((spelling) => spelling !== '')])] : [],
      verified,
    };
    if (answers !== '') {
      item.answers = Object.freeze(parseAnswers(answers, code));
      const english = parseAnswers(answersEn, code);
      if (Object.keys(english).join() !== Object.keys(item.answers).join()) throw new Error(`checkup-items.csv: ${code} has English answers for other codes`);
      item.answersEn = Object.freeze(english);
    }
    const plausibleMin = parseOptionalNumber(min, 'plausible_min', code);
    const plausibleMax = parseOptionalNumber(max, 'plausible_max', code);
    if (plausibleMin !== undefined) item.plausibleMin = plausibleMin;
    if (plausibleMax !== undefined) item.plausibleMax = plausibleMax;
    const guidanceThreshold = parseOptionalNumber(guidance, 'guidance_threshold', code);
    const seeDoctorThreshold = parseOptionalNumber(seeDoctor, 'see_doctor_threshold', code);
    if (guidanceThreshold !== undefined) item.guidanceThreshold = guidanceThreshold;
    if (seeDoctorThreshold !== undefined) item.seeDoctorThreshold = seeDoctorThreshold;
    if (direction !== '') item.direction = direction;
    const bySex = SEX_SPECIFIC_GUIDANCE[analyte];
    if (bySex !== undefined) item.guidanceThresholdBySex = bySex;
    return item;
  });
}

/** Spelling of a unit for comparison: case and spaces do not matter (mg/dl is mg/dL), the symbols do. */
function unitKey(unit: string): string {
  return unit.toLowerCase().replace(/\s+/g, '');
}

/**
 * The item's display unit when `rawUnit` is one of its spellings (UCUM mm[Hg] is mmHg), else undefined: a unit other
 * than the item's is never converted (docs/domain.md "Specific health checkups (特定健診)": HbA1c in mmol/mol is not %).
 */
export function matchUnit(item: CheckupItem, rawUnit: string): string | undefined {
  const key = unitKey(rawUnit);
  return item.unitSpellings.some((spelling) => unitKey(spelling) === key) ? item.unit : undefined;
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

export type Thresholds = Readonly<{ guidance?: number; seeDoctor?: number }>;

/** Per item, its thresholds for each sex, worked out once: every item of every checkup shown asks (profiled hot). */
const thresholdsBySex = new WeakMap<CheckupItem, Readonly<Record<Sex, Thresholds>>>();

/** Thresholds that apply to this sex: the sex-specific guidance threshold wins over the CSV column. Shared: do not change. */
export function thresholdsFor(item: CheckupItem, sex: Sex): Thresholds {
  let bySex = thresholdsBySex.get(item);
  if (bySex === undefined) {
    bySex = Object.freeze({ M: thresholdsOfSex(item, 'M'), F: thresholdsOfSex(item, 'F') });
    thresholdsBySex.set(item, bySex);
  }
  return bySex[sex];
}

function thresholdsOfSex(item: CheckupItem, sex: Sex): Thresholds {
  const guidance = item.guidanceThresholdBySex?.[sex] ?? item.guidanceThreshold;
  return Object.freeze({
    ...(guidance !== undefined ? { guidance } : {}),
    ...(item.seeDoctorThreshold !== undefined ? { seeDoctor: item.seeDoctorThreshold } : {}),
  });
}

/** The analyte of a code (HBA1C for every HbA1c method), or undefined for a code outside the master. */
export function analyteOf(code: string): string | undefined {
  return findItem(code)?.analyte;
}
