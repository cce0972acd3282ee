/**
 * The card's 利用者証明用電子証明書 (user certificate) and its expiry, one home for the rule (docs/domain.md "Card
 * certificate expiry"): the card proves who is at the counter with this certificate, so its expiry bounds the card's
 * use for health insurance.
 *
 * - VALID: more than 3 months to go.
 * - RENEW_SOON: within 3 months of the expiry date — renewal opens then at the municipality (J-LIS sends the
 *   有効期限通知書 in that window); the portal warns the holder.
 * - EXPIRED_GRACE: expired, but the card still confirms insurance until the end of the month three months after the
 *   expiry date (MHLW: 電子証明書の有効期限切れ後も、有効期限の3か月後の月末までは資格確認が可能); the portal says so.
 * - EXPIRED: after that the card is refused on every path (CARD_NOT_USABLE EXPIRED), like a lost one.
 *
 * Dates are Japanese calendar dates (YYYY-MM-DD); a card whose expiry is not known is VALID (older records).
 */
export const CERTIFICATE_STANDINGS = ['VALID', 'RENEW_SOON', 'EXPIRED_GRACE', 'EXPIRED'] as const;
export type CertificateStanding = (typeof CERTIFICATE_STANDINGS)[number];

/** Renewal opens, and the portal warns, this many months before the expiry date. */
export const RENEWAL_WINDOW_MONTHS = 3;
/** After expiry the card still confirms insurance to the end of the month this many months later. */
export const GRACE_MONTHS = 3;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

/** The same day `months` months later (or earlier); the last day of the month when that day does not exist. */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}

/** The last day of the date's month. */
export function endOfMonth(date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

/** The last day the card confirms insurance with an expired certificate. */
export function graceEndsOn(expiresOn: string): string {
  return endOfMonth(addMonths(expiresOn, GRACE_MONTHS));
}

export function certificateStandingOn(expiresOn: string | null, today: string): CertificateStanding {
  if (expiresOn === null) return 'VALID';
  // The certificate is valid through its expiry date.
  if (today <= expiresOn) return today >= addMonths(expiresOn, -RENEWAL_WINDOW_MONTHS) ? 'RENEW_SOON' : 'VALID';
  return today <= graceEndsOn(expiresOn) ? 'EXPIRED_GRACE' : 'EXPIRED';
}
