// The claim (レセプト) model from which drug information and medical-expense notices are built
// (docs/domain.md "Drug information (薬剤情報) and medical expenses": medical, DPC, dental and pharmacy claims), and a validator for
// claim batches. A batch is accepted or rejected as a whole, so validation reports every bad row.
import { japanDate, isCalendarDate, isValidFacilityCode, isValidInsurerNumber, isYearMonth, monthOf } from '@onshi/kit';
import { z } from 'zod';
import { DOSAGE_UNITS, type DosageUnit, type DrugLookup } from './drugMaster';

/** 医科 (MEDICAL), DPC (包括評価の入院医科), 歯科 (DENTAL), 調剤 (PHARMACY). */
export type ClaimKind = 'MEDICAL' | 'DPC' | 'DENTAL' | 'PHARMACY';
export const CLAIM_KINDS: readonly ClaimKind[] = ['MEDICAL', 'DPC', 'DENTAL', 'PHARMACY'];

/** 院内 (dispensed by the facility itself) or 院外 (dispensed by a pharmacy on a prescription). */
export type InOut = 'IN' | 'OUT';

/** Table code (点数表番号), the 3rd digit of a medical institution code (docs/domain.md "Identity without the My Number"). */
export type FacilityTableCode = '1' | '3' | '4';

/** Which table a facility billing each claim kind must belong to. */
export const TABLE_CODE_BY_CLAIM_KIND: Readonly<Record<ClaimKind, FacilityTableCode>> = {
  MEDICAL: '1',
  DPC: '1',
  DENTAL: '3',
  PHARMACY: '4',
};

/** One drug line of a claim: the fields drug information shows (DiDate, DrugC, Qua1 + unit, UsageN, days, InOut). */
export interface ClaimItem {
  /** Prescribing (院内) or dispensing (調剤) date, YYYY-MM-DD, inside the claim's service month. */
  date: string;
  drugCode: string;
  quantity: number;
  unit: DosageUnit;
  /** 用法, e.g. `１日１回朝食後`. */
  usage: string;
  /** Days supplied; required (≥ 1) for oral drugs, absent or 0 for external/once-only items. */
  days?: number;
  inOut: InOut;
}

export interface Claim {
  claimKind: ClaimKind;
  /**
   * レセプト番号: the claim's number in the facility's submission of the month. With the facility and the month of
   * care it is the claim key: the same claim sent twice is stored once.
   */
  claimNumber: string;
  patientId: string;
  /** Billing facility (pharmacy for PHARMACY claims): 10-digit 医療機関コード. */
  facilityCode: string;
  /** Facility that wrote the prescription; present exactly on PHARMACY claims. */
  prescribingFacilityCode?: string;
  /** 保険者番号: 8 digits with a check digit, or 6 digits for 国民健康保険. */
  insurerNumber: string;
  /** 診療年月 / 調剤年月, YYYY-MM. */
  serviceMonth: string;
  totalPoints: number;
  patientShareYen: number;
  items: ClaimItem[];
}

export interface ClaimValidationError {
  /** 1-based position of the row in the batch. */
  row: number;
  /** Dotted path inside the row, array indexes 0-based (`items.0.drugCode`); '' for the row itself. */
  path: string;
  reason: string;
  reasonJa: string;
}

export type ClaimBatchResult =
  | { ok: true; claims: Claim[] }
  | { ok: false; errors: ClaimValidationError[] };

/**
 * Largest count a claim may carry (points, yen, days): the stored columns are 32-bit integers, and a
 * value beyond them must be a row-level reason, not a database error.
 */
export const MAX_CLAIM_COUNT = 2_147_483_647;

/** レセプト番号 as senders write it: digits, sometimes with letters or hyphens; at most 20 characters. */
export const CLAIM_NUMBER_PATTERN = /^[0-9A-Za-z-]{1,20}$/;

/** 1 point (点) is 10 yen for medical, DPC, dental and pharmacy fee schedules. */
export const YEN_PER_POINT = 10;

// ---------------------------------------------------------------------------------------------
// Check digits (docs/domain.md "Identity without the My Number"): the kit owns the Luhn rule for insurer numbers and
// facility codes; this module adds only the per-part reasons a claim sender needs to fix a row.

type Bilingual = { reason: string; reasonJa: string };

function facilityCodeProblem(value: string): Bilingual | undefined {
  if (!/^\d{10}$/.test(value)) {
    return { reason: 'must be 10 digits', reasonJa: '10桁の数字で指定してください' };
  }
  const prefecture = Number(value.slice(0, 2));
  if (prefecture < 1 || prefecture > 47) {
    return { reason: 'prefecture code (digits 1–2) must be 01–47', reasonJa: '都道府県番号（1〜2桁目）は01〜47です' };
  }
  const table = value.charAt(2);
  if (table !== '1' && table !== '3' && table !== '4') {
    return {
      reason: 'table code (digit 3) must be 1 (医科), 3 (歯科) or 4 (調剤)',
      reasonJa: '点数表番号（3桁目）は1（医科）・3（歯科）・4（調剤）のいずれかです',
    };
  }
  if (!isValidFacilityCode(value)) {
    return { reason: 'check digit (digit 10) is wrong', reasonJa: '検証番号（10桁目）が誤っています' };
  }
  return undefined;
}

/** The table code of a valid facility code, else undefined. */
export function facilityTableCode(facilityCode: string): FacilityTableCode | undefined {
  if (!isValidFacilityCode(facilityCode)) return undefined;
  const table = facilityCode.charAt(2);
  return table === '1' || table === '3' || table === '4' ? table : undefined;
}

/**
 * Patient share (一部負担金) for a claim: `copayPercent` % of points × 10 yen, rounded to the
 * nearest 10 yen (10円未満四捨五入), in integers only.
 */
export function patientShareYenFor(totalPoints: number, copayPercent: number): number {
  if (!Number.isSafeInteger(totalPoints) || totalPoints < 0) throw new RangeError(`totalPoints: ${totalPoints}`);
  if (!Number.isInteger(copayPercent) || copayPercent < 0 || copayPercent > 100) {
    throw new RangeError(`copayPercent: ${copayPercent}`);
  }
  // share in yen = points × 10 × pct / 100; in tens of yen that is points × pct / 100, rounded half up.
  const tensOfYen = Math.floor((totalPoints * copayPercent + 50) / 100);
  return tensOfYen * 10;
}

// ---------------------------------------------------------------------------------------------
// Batch validation.

// zod carries one message string per issue; we carry both languages in it as JSON and split them
// back out when building ClaimValidationError.
function encode(reason: string, reasonJa: string): string {
  return JSON.stringify({ reason, reasonJa });
}

const bilingualSchema = z.object({ reason: z.string(), reasonJa: z.string() });

function decode(message: string): Bilingual {
  try {
    const parsed = bilingualSchema.safeParse(JSON.parse(message));
    if (parsed.success) return parsed.data;
  } catch {
    // not one of ours: fall through to the generic wording
  }
  return { reason: message, reasonJa: '入力値が不正です' };
}

/**
 * Schema-level error callback: a missing value reads "is required", anything else gets the
 * field's own wording.
 */
function fieldError(reason: string, reasonJa: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? encode('is required', '必須項目です') : encode(reason, reasonJa),
  };
}

function withFieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

function buildClaimSchema(now: Date, master: DrugLookup) {
  const today = japanDate(now);
  const currentMonth = monthOf(today);

  const facilityCodeSchema = z.string(fieldError('must be a string', '文字列で指定してください')).superRefine((value, context) => {
    const problem = facilityCodeProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: encode(problem.reason, problem.reasonJa) });
  });

  const itemSchema = z
    .strictObject(
      {
        date: z
          .string(fieldError('must be a date YYYY-MM-DD', 'YYYY-MM-DD形式の日付で指定してください'))
          .refine(isCalendarDate, { message: encode('must be a real date YYYY-MM-DD', '実在する日付（YYYY-MM-DD）で指定してください') })
          .refine((date) => !isCalendarDate(date) || date <= today, { message: encode('must not be in the future', '未来の日付は指定できません') }),
        drugCode: z
          .string(fieldError('must be a string', '文字列で指定してください'))
          .refine((code) => master.byCode(code) !== undefined, {
            message: encode('is not in the drug master', '医薬品マスタに存在しない医薬品コードです'),
          }),
        quantity: z
          .number(fieldError('must be a number', '数値で指定してください'))
          .refine((quantity) => Number.isFinite(quantity) && quantity > 0, {
            message: encode('must be greater than 0', '0より大きい数値で指定してください'),
          }),
        unit: z.enum(DOSAGE_UNITS, fieldError(`must be one of ${DOSAGE_UNITS.join(', ')}`, `単位は ${DOSAGE_UNITS.join('・')} のいずれかです`)),
        usage: z
          .string(fieldError('must be a string', '文字列で指定してください'))
          .refine((usage) => usage.trim() !== '', { message: encode('must not be empty', '用法を入力してください') }),
        days: z
          .number(fieldError('must be a number', '数値で指定してください'))
          .refine((days) => Number.isInteger(days) && days >= 0 && days <= MAX_CLAIM_COUNT, {
            message: encode(`must be a whole number of days, 0 or more, at most ${MAX_CLAIM_COUNT}`, `日数は0以上${MAX_CLAIM_COUNT}以下の整数で指定してください`),
          })
          .optional(),
        inOut: z.enum(['IN', 'OUT'], fieldError('must be IN (院内) or OUT (院外)', '院内（IN）または院外（OUT）で指定してください')),
      },
      fieldError('must be an object', 'オブジェクトで指定してください'),
    )
    .superRefine((item, context) => {
      const drug = master.byCode(item.drugCode);
      if (!drug) return;
      if (item.unit !== drug.dosageUnit) {
        context.addIssue({
          code: 'custom',
          path: ['unit'],
          message: encode(`must be ${drug.dosageUnit} for ${item.drugCode}`, `${item.drugCode} の単位は ${drug.dosageUnit} です`),
        });
      }
      // Oral drugs are supplied for a number of days (内服の投与日数); external and once-only items are
      // supplied as a total quantity, so their days may be absent or 0.
      if (drug.route === 'oral' && (item.days === undefined || item.days < 1)) {
        context.addIssue({
          code: 'custom',
          path: ['days'],
          message: encode('must be 1 or more for an oral drug', '内服薬の日数は1以上で指定してください'),
        });
      }
    });

  return z
    .strictObject(
      {
        claimKind: z.enum(CLAIM_KINDS, fieldError('must be MEDICAL, DPC, DENTAL or PHARMACY', 'レセプト種別は MEDICAL・DPC・DENTAL・PHARMACY のいずれかです')),
        claimNumber: z
          .string(fieldError('must be a string', '文字列で指定してください'))
          .regex(CLAIM_NUMBER_PATTERN, { message: encode('must be 1–20 letters, digits or hyphens', 'レセプト番号は英数字・ハイフン1〜20文字で指定してください') }),
        patientId: z
          .string(fieldError('must be a string', '文字列で指定してください'))
          .refine((id) => id.trim() !== '', { message: encode('must not be empty', '患者IDを入力してください') }),
        facilityCode: facilityCodeSchema,
        prescribingFacilityCode: facilityCodeSchema.optional(),
        insurerNumber: z
          .string(fieldError('must be a string', '文字列で指定してください'))
          .refine(isValidInsurerNumber, {
            message: encode(
              'must be 8 digits with a valid check digit, or 6 digits (国保)',
              '保険者番号は検証番号が正しい8桁、または6桁（国保）で指定してください',
            ),
          }),
        serviceMonth: z
          .string(fieldError('must be a month YYYY-MM', 'YYYY-MM形式の年月で指定してください'))
          .refine(isYearMonth, { message: encode('must be a real month YYYY-MM', '実在する年月（YYYY-MM）で指定してください') })
          .refine((month) => !isYearMonth(month) || month <= currentMonth, { message: encode('must not be in the future', '未来の年月は指定できません') }),
        totalPoints: z
          .number(fieldError('must be a number', '数値で指定してください'))
          .refine((points) => Number.isSafeInteger(points) && points >= 0 && points <= MAX_CLAIM_COUNT, {
            message: encode(`must be a whole number, 0 or more, at most ${MAX_CLAIM_COUNT}`, `0以上${MAX_CLAIM_COUNT}以下の整数で指定してください`),
          }),
        patientShareYen: z
          .number(fieldError('must be a number', '数値で指定してください'))
          .refine((yen) => Number.isSafeInteger(yen) && yen >= 0 && yen <= MAX_CLAIM_COUNT, {
            message: encode(`must be a whole number, 0 or more, at most ${MAX_CLAIM_COUNT}`, `0以上${MAX_CLAIM_COUNT}以下の整数で指定してください`),
          }),
        items: z.array(itemSchema, fieldError('must be an array', '配列で指定してください')),
      },
      fieldError('must be an object', 'オブジェクトで指定してください'),
    )
    .superRefine((claim, context) => {
      const expectedTable = TABLE_CODE_BY_CLAIM_KIND[claim.claimKind];
      if (claim.facilityCode.charAt(2) !== expectedTable) {
        context.addIssue({
          code: 'custom',
          path: ['facilityCode'],
          message: encode(
            `table code (digit 3) must be ${expectedTable} for a ${claim.claimKind} claim`,
            `${claim.claimKind} レセプトの医療機関コードの点数表番号（3桁目）は ${expectedTable} です`,
          ),
        });
      }
      if (claim.claimKind === 'PHARMACY') {
        if (claim.prescribingFacilityCode === undefined) {
          context.addIssue({
            code: 'custom',
            path: ['prescribingFacilityCode'],
            message: encode('is required on a PHARMACY claim', '調剤レセプトには処方医療機関コードが必要です'),
          });
        } else if (claim.prescribingFacilityCode.charAt(2) === '4') {
          context.addIssue({
            code: 'custom',
            path: ['prescribingFacilityCode'],
            message: encode('must be a medical (1) or dental (3) facility, not a pharmacy', '処方医療機関は医科（1）または歯科（3）です（薬局は不可）'),
          });
        }
        if (claim.items.length === 0) {
          context.addIssue({
            code: 'custom',
            path: ['items'],
            message: encode('a PHARMACY claim must dispense at least one drug', '調剤レセプトには1件以上の医薬品が必要です'),
          });
        }
      } else if (claim.prescribingFacilityCode !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['prescribingFacilityCode'],
          message: encode('is only allowed on a PHARMACY claim', '処方医療機関コードは調剤レセプトのみ指定できます'),
        });
      }
      if (claim.patientShareYen > claim.totalPoints * YEN_PER_POINT) {
        context.addIssue({
          code: 'custom',
          path: ['patientShareYen'],
          message: encode('must not exceed totalPoints × 10 yen', '一部負担金は総点数×10円を超えられません'),
        });
      }
      // 院外 drugs reach drug information through the pharmacy's claim; drugs on a medical, DPC or
      // dental claim were handed out by the facility itself (院内).
      const expectedInOut: InOut = claim.claimKind === 'PHARMACY' ? 'OUT' : 'IN';
      claim.items.forEach((item, index) => {
        if (monthOf(item.date) !== claim.serviceMonth) {
          context.addIssue({
            code: 'custom',
            path: ['items', index, 'date'],
            message: encode(`must be within serviceMonth ${claim.serviceMonth}`, `診療年月 ${claim.serviceMonth} 内の日付で指定してください`),
          });
        }
        if (item.inOut !== expectedInOut) {
          context.addIssue({
            code: 'custom',
            path: ['items', index, 'inOut'],
            message: encode(`must be ${expectedInOut} on a ${claim.claimKind} claim`, `${claim.claimKind} レセプトでは ${expectedInOut === 'OUT' ? '院外（OUT）' : '院内（IN）'} です`),
          });
        }
      });
    });
}

/**
 * Validates a batch of claim rows. Returns the typed claims only if every row is valid; otherwise
 * the errors of every bad row (row numbers 1-based), so the sender can fix the batch in one pass.
 * `now` decides which dates are "in the future" (compared as Japanese calendar dates).
 */
export function validateClaimBatch(rows: readonly unknown[], now: Date, master: DrugLookup): ClaimBatchResult {
  const schema = buildClaimSchema(now, master);
  const claims: Claim[] = [];
  const errors: ClaimValidationError[] = [];
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) {
      claims.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (unknownKeys.length > 0) {
        for (const key of unknownKeys) {
          errors.push({ row: index + 1, path: withFieldPath([...issue.path, key]), reason: 'is not a known field', reasonJa: '未定義の項目です' });
        }
        continue;
      }
      errors.push({ row: index + 1, path: withFieldPath(issue.path), ...decode(issue.message) });
    }
  });
  return errors.length === 0 ? { ok: true, claims } : { ok: false, errors };
}
