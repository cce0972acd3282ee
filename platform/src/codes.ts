import type { FacilityKind } from './roles';

/**
 * Check digits of Japanese insurance numbers (docs/domain.md "Identity without the My Number"): the last digit of an
 * insurer number (保険者番号) and of a medical institution code (医療機関コード) is a Luhn check digit
 * (weights 2,1 from the right, digit sums) over the digits before it.
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    const digit = payload.charCodeAt(i) - 48;
    const weighted = double ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

function hasValidCheckDigit(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** 8 digits (社保: 法別番号 2 + 都道府県 2 + 保険者別 3 + check) or 6 digits (国民健康保険), last digit checked. */
export function isValidInsurerNumber(value: string): boolean {
  return /^(\d{6}|\d{8})$/.test(value) && hasValidCheckDigit(value);
}

/**
 * 医療機関コード, 10 digits: prefecture 2 (01–47, JIS X 0401) + table 1 (1 医科, 3 歯科, 4 調剤) + district 2 +
 * number 4 + Luhn check digit over the first 9 (docs/domain.md "Identity without the My Number"), e.g. `0110113719`. One rule for
 * every service; the drugs claim ingest explains which part is wrong (claims.ts `facilityCodeProblem`).
 */
export function isValidFacilityCode(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const prefecture = Number(value.slice(0, 2));
  return prefecture >= 1 && prefecture <= 47 && facilityKindOfCode(value) !== undefined && hasValidCheckDigit(value);
}

const KIND_BY_TABLE_CODE: Record<string, FacilityKind> = { 1: 'MEDICAL', 3: 'DENTAL', 4: 'PHARMACY' };
export const TABLE_CODE_BY_KIND: Record<FacilityKind, string> = { MEDICAL: '1', DENTAL: '3', PHARMACY: '4' };

export function facilityKindOfCode(code: string): FacilityKind | undefined {
  return KIND_BY_TABLE_CODE[code.charAt(2)];
}

/** Appends the check digit to a payload (used by the demo generator and tests). */
export function withCheckDigit(payload: string): string {
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** Prefecture code (JIS X 0401, first two digits of a facility code). */
export function prefectureOfFacility(code: string): string {
  return code.slice(0, 2);
}

/** A prefecture code of JIS X 0401: two digits, 01 (北海道) to 47 (沖縄県). */
export function isPrefectureCode(value: string): boolean {
  return /^\d{2}$/.test(value) && Number(value) >= 1 && Number(value) <= 47;
}
