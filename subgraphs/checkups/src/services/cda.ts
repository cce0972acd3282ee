import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { JLAC10_CODE_SYSTEM_OID, findItem, type CheckupItem, type Sex } from './itemMaster';
import type { SubmittedResult } from './submission';
import { isCalendarDate } from '@onshi/kit';

/**
 * Reader for the HL7 CDA 特定健診情報ファイル (docs/domain.md "Specific health checkups (特定健診)"): results are
 * observations coded in JLAC10 (OID 1.2.392.200119.6.1005), units are UCUM, urine results are codes 1–5,
 * questionnaire answers are coded. This file only reads: every observation becomes a submitted result with its line,
 * and submission.ts judges units, ranges, answer codes and duplicates, the same rules as for the GraphQL submission.
 * What only a file can get wrong (its XML, an observation coded outside JLAC10, a value of the wrong HL7 type) is
 * refused here.
 */

export type CdaParseErrorReason =
  | 'MALFORMED_XML'
  | 'NOT_A_CLINICAL_DOCUMENT'
  | 'NO_OBSERVATIONS'
  | 'UNKNOWN_ITEM_CODE'
  | 'NOT_JLAC10'
  | 'INVALID_VALUE';

/** Thrown for a file the system must refuse; the GraphQL layer turns it into BAD_USER_INPUT. */
export class CdaParseError extends Error {
  override readonly name = 'CdaParseError';
  constructor(
    readonly reason: CdaParseErrorReason,
    readonly messageEn: string,
    readonly messageJa: string,
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${messageEn} / ${messageJa}`);
  }
}

export interface CdaPatient {
  sex?: Sex;
  /** ISO date YYYY-MM-DD. */
  birthDate?: string;
  /** 保険者番号 (patientRole/id root 1.2.392.200119.6.101). */
  insurerNumber?: string;
  /** 被保険者証記号 (root …6.204); '' when the card has none (国保). */
  insuredCardSymbol?: string;
  /** 被保険者証番号 (root …6.205). */
  insuredIdentificationNumber?: string;
}

/** OIDs of the member's numbers in recordTarget/patientRole/id and of the 健診機関 number (特定健診情報ファイル仕様). */
export const CDA_ID_ROOTS = {
  INSURER_NUMBER: '1.2.392.200119.6.101',
  INSURED_CARD_SYMBOL: '1.2.392.200119.6.204',
  INSURED_IDENTIFICATION_NUMBER: '1.2.392.200119.6.205',
  FACILITY: '1.2.392.200119.6.102',
} as const;

export interface CdaCheckupDocument {
  /** 健診実施日 from documentationOf/serviceEvent/effectiveTime, else the document effectiveTime (YYYY-MM-DD). */
  examinationDate?: string;
  /** ClinicalDocument/effectiveTime (YYYY-MM-DD). */
  documentDate?: string;
  /** 健診機関番号 (root …6.102) from author/assignedAuthor/id or its representedOrganization/id. */
  facilityCode?: string;
  patient: CdaPatient;
  /** JLAC10 observations in document order, each with its line; repeated codes are all kept (and refused later). */
  results: SubmittedResult[];
}

type XmlNode = { [key: string]: unknown };

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isNode);
}

function firstChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return childNodes(node, name)[0];
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function textOf(node: XmlNode): string {
  const text = node['#text'];
  return typeof text === 'string' ? text.trim() : '';
}

/** Every <observation> anywhere below `value` (entries, organizers, entryRelationships), in document order. */
function collectObservations(value: unknown, into: XmlNode[]): XmlNode[] {
  if (Array.isArray(value)) {
    for (const element of value) collectObservations(element, into);
  } else if (isNode(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('@_') || key === '#text') continue;
      if (key === 'observation') into.push(...(Array.isArray(child) ? child : [child]).filter(isNode));
      collectObservations(child, into);
    }
  }
  return into;
}

/** HL7 TS (YYYYMMDD[hhmm[ss]][±zzzz]) → YYYY-MM-DD; throws INVALID_VALUE for an impossible date. */
function hl7Date(raw: string | undefined, field: string): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(raw.trim());
  const iso = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  // isCalendarDate catches impossible dates such as 2024-02-30, which Date would roll over.
  if (!isCalendarDate(iso)) {
    throw new CdaParseError('INVALID_VALUE', `Invalid date "${raw}" in ${field}`, `${field} の日付「${raw}」が不正です`, { field });
  }
  return iso;
}

/** Strips a namespace prefix from an xsi:type value ('hl7:PQ' → 'PQ'). */
function valueType(value: XmlNode): string {
  return (attr(value, 'type') ?? '').replace(/^.*:/, '').toUpperCase();
}

function invalidValue(item: CheckupItem, line: number, found: string): CdaParseError {
  return new CdaParseError(
    'INVALID_VALUE',
    `Line ${line}: invalid value ${found} for ${item.nameEn} (${item.code})`,
    `${line} 行目: ${item.nameJa}（${item.code}）の値 ${found} が不正です`,
    { item: item.code, line },
  );
}

/** The HL7 data types a value of this item may be written in (CO and CD are both coded answers). */
const ACCEPTED_TYPES: Readonly<Record<CheckupItem['kind'], readonly string[]>> = {
  numeric: ['PQ'], text: ['ST', 'ED'], qualitative: ['CO', 'CD'], code: ['CD', 'CO'],
};

function readObservationValue(item: CheckupItem, value: XmlNode, line: number): SubmittedResult {
  const type = valueType(value);
  if (!ACCEPTED_TYPES[item.kind].includes(type)) {
    throw invalidValue(item, line, `of type "${type || '(none)'}" (expected ${item.valueType})`);
  }
  if (item.kind === 'numeric') {
    const raw = attr(value, 'value');
    const number = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(number)) throw invalidValue(item, line, `"${raw ?? ''}"`);
    // No unit at all is not the item's unit either: a quantity without a unit is refused, never assumed.
    return { code: item.code, value: number, unit: attr(value, 'unit')?.trim() ?? '', line };
  }
  if (item.kind === 'text') return { code: item.code, text: textOf(value), line };
  const answerCode = attr(value, 'code')?.trim() ?? '';
  if (answerCode === '') throw invalidValue(item, line, '(no code)');
  return { code: item.code, answerCode, line };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // JLAC10 codes and answer codes must stay strings ('3D010000001926101' would otherwise become a number).
  parseAttributeValue: false,
  parseTagValue: false,
  // Start offsets of elements, so that every refusal can name the line of the observation.
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol();

/** 1-based line of a character offset. */
function lineFinder(xml: string): (offset: number | undefined) => number {
  const starts = [0];
  for (let index = xml.indexOf('\n'); index !== -1; index = xml.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    if (offset === undefined) return 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

function startOf(node: XmlNode): number | undefined {
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  return meta?.startIndex;
}

/** Parses a 特定健診情報ファイル (CDA XML text). Throws CdaParseError for a document the system must refuse. */
export function parseCheckupCda(xml: string): CdaCheckupDocument {
  // A CDA file never needs a DTD; refusing one avoids entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new CdaParseError('MALFORMED_XML', 'XML with a DOCTYPE is not accepted', 'DOCTYPE を含む XML は受け付けられません');
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new CdaParseError(
      'MALFORMED_XML',
      `Malformed XML at line ${line}, column ${col}: ${msg}`,
      `XML の形式が不正です（${line} 行 ${col} 列）`,
      { line, col },
    );
  }
  const parsed: unknown = parser.parse(xml);
  const root = isNode(parsed) ? firstChild(parsed, 'ClinicalDocument') : undefined;
  if (root === undefined) {
    throw new CdaParseError(
      'NOT_A_CLINICAL_DOCUMENT',
      'The root element is not an HL7 CDA ClinicalDocument',
      'ルート要素が HL7 CDA の ClinicalDocument ではありません',
    );
  }

  const documentDate = hl7Date(attr(firstChild(root, 'effectiveTime'), 'value'), 'ClinicalDocument/effectiveTime');
  const serviceTime = firstChild(firstChild(firstChild(root, 'documentationOf'), 'serviceEvent'), 'effectiveTime');
  const serviceDate = hl7Date(
    attr(serviceTime, 'value') ?? attr(firstChild(serviceTime, 'low'), 'value'),
    'serviceEvent/effectiveTime',
  );
  const patientNode = firstChild(firstChild(firstChild(root, 'recordTarget'), 'patientRole'), 'patient');
  const patient: CdaPatient = {};
  // 性別: JP code system 1.2.392.200119.6.1104 uses 1 男 / 2 女; HL7 v3 uses M / F.
  const genderCode = attr(firstChild(patientNode, 'administrativeGenderCode'), 'code');
  if (genderCode === '1' || genderCode === 'M') patient.sex = 'M';
  if (genderCode === '2' || genderCode === 'F') patient.sex = 'F';
  const birthDate = hl7Date(attr(firstChild(patientNode, 'birthTime'), 'value'), 'patient/birthTime');
  if (birthDate !== undefined) patient.birthDate = birthDate;
  const patientIds = childNodes(firstChild(firstChild(root, 'recordTarget'), 'patientRole'), 'id');
  const idWithRoot = (oid: string): string | undefined => attr(patientIds.find((id) => attr(id, 'root') === oid), 'extension');
  const insurerNumber = idWithRoot(CDA_ID_ROOTS.INSURER_NUMBER);
  const symbol = idWithRoot(CDA_ID_ROOTS.INSURED_CARD_SYMBOL);
  const number = idWithRoot(CDA_ID_ROOTS.INSURED_IDENTIFICATION_NUMBER);
  if (insurerNumber !== undefined) patient.insurerNumber = insurerNumber.trim();
  if (symbol !== undefined) patient.insuredCardSymbol = symbol.trim();
  if (number !== undefined) patient.insuredIdentificationNumber = number.trim();
  // 健診機関番号: on assignedAuthor/id in some files, on its representedOrganization/id in others.
  const assignedAuthor = firstChild(firstChild(root, 'author'), 'assignedAuthor');
  const facilityIds = [...childNodes(assignedAuthor, 'id'), ...childNodes(firstChild(assignedAuthor, 'representedOrganization'), 'id')];
  const facilityCode = facilityIds.map((id) => (attr(id, 'root') === CDA_ID_ROOTS.FACILITY ? attr(id, 'extension')?.trim() : undefined)).find((code) => code !== undefined && code !== '');

  const lineOf = lineFinder(xml);
  const results: SubmittedResult[] = [];
  for (const observation of collectObservations(firstChild(root, 'component'), [])) {
    const line = lineOf(startOf(observation));
    const codeNode = firstChild(observation, 'code');
    const code = attr(codeNode, 'code')?.trim() ?? '';
    const codeSystem = attr(codeNode, 'codeSystem') ?? '';
    if (codeSystem !== JLAC10_CODE_SYSTEM_OID) {
      // docs/domain.md "Specific health checkups (特定健診)": a result coded outside JLAC10 is refused, not skipped (a skipped HbA1c would silently vanish).
      throw new CdaParseError(
        'NOT_JLAC10',
        `Line ${line}: result "${code}" is coded in "${codeSystem || '(no code system)'}", not JLAC10 (${JLAC10_CODE_SYSTEM_OID})`,
        `${line} 行目: 結果「${code}」のコード体系「${codeSystem}」は JLAC10（${JLAC10_CODE_SYSTEM_OID}）ではありません`,
        { item: code, line, codeSystem },
      );
    }
    const item = findItem(code);
    if (item === undefined) {
      throw new CdaParseError(
        'UNKNOWN_ITEM_CODE',
        `Line ${line}: unknown JLAC10 code "${code}" (not in the 特定健診 item master)`,
        `${line} 行目: JLAC10 コード「${code}」は特定健診の項目マスタにありません`,
        { item: code, line },
      );
    }
    const value = firstChild(observation, 'value');
    // Not measured (nullFlavor) or no value at all: nothing to record, but not an error.
    if (value === undefined || attr(value, 'nullFlavor') !== undefined) continue;
    results.push(readObservationValue(item, value, line));
  }
  if (results.length === 0) {
    throw new CdaParseError(
      'NO_OBSERVATIONS',
      'The document contains no JLAC10 observation results',
      '文書に JLAC10 の検査・問診結果が 1 件もありません',
    );
  }

  const examinationDate = serviceDate ?? documentDate;
  return {
    ...(examinationDate !== undefined ? { examinationDate } : {}),
    ...(documentDate !== undefined ? { documentDate } : {}),
    ...(facilityCode !== undefined && facilityCode !== '' ? { facilityCode } : {}),
    patient,
    results,
  };
}
