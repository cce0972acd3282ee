import { bilingual, BadUserInputError, isCalendarDate, isValidFacilityCode, isValidInsurerNumber, luhnCheckDigit } from '@onshi/kit';

/**
 * Input rules for numbers a clerk or an insurer types (docs/domain.md "Identity without the My Number"). Every message is
 * Japanese + English so the person at the counter understands it, and names the field in `extensions.field`.
 * The check-digit arithmetic itself lives in the kit (`codes.ts`); this file only explains failures.
 */

/** Full-width digits and letters typed on a Japanese keyboard become their ASCII forms; kana and kanji stay. */
export function normalizeTyped(value: string): string {
  return value.normalize('NFKC').trim();
}

const DIGITS = /^\d+$/;

export function requireInsurerNumber(raw: string, field = 'insurerNumber'): string {
  const value = normalizeTyped(raw);
  if (!DIGITS.test(value) || (value.length !== 6 && value.length !== 8)) {
    throw new BadUserInputError(bilingual('The insurer number must be 6 digits (国民健康保険) or 8 digits', '保険者番号は6桁（国保）または8桁の数字です'), { field });
  }
  if (!isValidInsurerNumber(value)) {
    const expected = luhnCheckDigit(value.slice(0, -1));
    throw new BadUserInputError(bilingual(`The insurer number's check digit (last digit) is wrong: it should be ${expected}`, `保険者番号の検証番号（最後の桁）が正しくありません（${expected} のはずです）`), { field });
  }
  return value;
}

export function requireFacilityCode(raw: string, field = 'facilityCode'): string {
  const value = normalizeTyped(raw);
  if (!/^\d{10}$/.test(value)) {
    throw new BadUserInputError(bilingual('The medical institution code must be 10 digits', '医療機関コードは10桁の数字です'), { field });
  }
  if (!['1', '3', '4'].includes(value.charAt(2))) {
    throw new BadUserInputError(bilingual('The 3rd digit (table code) must be 1 医科, 3 歯科 or 4 調剤', '医療機関コードの点数表番号（3桁目）は 1（医科）・3（歯科）・4（調剤）のいずれかです'), { field });
  }
  if (!isValidFacilityCode(value)) {
    const expected = luhnCheckDigit(value.slice(0, -1));
    throw new BadUserInputError(bilingual(`The medical institution code's check digit (last digit) is wrong: it should be ${expected}`, `医療機関コードの検証番号（最後の桁）が正しくありません（${expected} のはずです）`), { field });
  }
  return value;
}

/**
 * 記号 and 番号 are strings that may hold full-width characters (docs/domain.md "Identity without the My Number"): letters, digits, kana, kanji
 * and a hyphen or '・' are accepted; spaces, control characters and symbols are not. 記号 may be empty
 * (国民健康保険 and 後期高齢者 cards have none).
 */
const CARD_TEXT = /^[\p{L}\p{N}\-・ー]*$/u;
const MAX_CARD_TEXT = 20;

export function requireInsuredCardSymbol(raw: string, field = 'insuredCardSymbol'): string {
  const value = normalizeTyped(raw);
  if (value.length > MAX_CARD_TEXT || !CARD_TEXT.test(value)) {
    throw new BadUserInputError(bilingual(`The insured card symbol (記号) has characters that are not allowed or is longer than ${MAX_CARD_TEXT} characters (it may be empty)`, `被保険者証の記号に使えない文字が含まれているか、長すぎます（${MAX_CARD_TEXT}文字まで、空欄可）`), { field });
  }
  return value;
}

export function requireInsuredIdentificationNumber(raw: string, field = 'insuredIdentificationNumber'): string {
  const value = normalizeTyped(raw);
  if (value.length === 0 || value.length > MAX_CARD_TEXT || !CARD_TEXT.test(value)) {
    throw new BadUserInputError(bilingual(`Enter the insured card number (番号): 1 to ${MAX_CARD_TEXT} letters or digits, no spaces or symbols`, `被保険者証の番号を入力してください（${MAX_CARD_TEXT}文字まで、記号・空白は使えません）`), { field });
  }
  return value;
}

/** 枝番: 2 digits (docs/domain.md "Identity without the My Number"). */
export function requireBranchNumber(raw: string, field = 'insuredBranchNumber'): string {
  const value = normalizeTyped(raw);
  if (!/^\d{2}$/.test(value)) {
    throw new BadUserInputError(bilingual('The branch number (枝番) must be 2 digits, e.g. 00', '枝番は2桁の数字です（例: 00）'), { field });
  }
  return value;
}

/** A YYYY-MM-DD date that exists in the calendar and is not after `today` (a birthdate, a date of care). */
export function requirePastDate(raw: string, today: string, field: string, label: { ja: string; en: string }): string {
  const value = normalizeTyped(raw);
  if (!isCalendarDate(value) || value < '1900-01-01') {
    throw new BadUserInputError(bilingual(`${label.en} must be a real date written YYYY-MM-DD`, `${label.ja}は YYYY-MM-DD 形式の正しい日付で入力してください`), { field });
  }
  if (value > today) {
    throw new BadUserInputError(bilingual(`${label.en} cannot be in the future`, `${label.ja}に未来の日付は指定できません`), { field });
  }
  return value;
}

/** A YYYY-MM-DD calendar date (future allowed: a coverage may be registered to start next month). */
export function requireDate(raw: string, field: string, label: { ja: string; en: string }): string {
  const value = normalizeTyped(raw);
  if (!isCalendarDate(value) || value < '1900-01-01') {
    throw new BadUserInputError(bilingual(`${label.en} must be a real date written YYYY-MM-DD`, `${label.ja}は YYYY-MM-DD 形式の正しい日付で入力してください`), { field });
  }
  return value;
}

export const BIRTHDATE_LABEL = { ja: '生年月日', en: 'The birthdate' };
