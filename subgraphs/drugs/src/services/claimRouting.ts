// Re-routing claims by the qualification history (レセプト振替, docs/drugs.md "Re-routing claims (レセプト振替)"):
// a claim addressed to an insurer that did not cover the person on the dates of care is stored under the insurer
// that did, or — when no single insurer did — returned to the facility with a reason it can act on.
import { monthBounds, type CoveragePeriod } from '@onshi/kit';
import type { Claim } from './claims';

/** AS_BILLED: the named insurer covered every date of care; REROUTED: another single insurer did. */
export type StoredRouting = 'AS_BILLED' | 'REROUTED';

/**
 * Why a claim was re-routed or returned:
 * - INSURER_CHANGED: one other insurer covered the whole month of care (the patient showed an old card);
 * - MID_MONTH_CHANGE: the insurer changed within the month, and every date of care falls under one insurer: routed by date;
 * - SPLIT_REQUIRED: the dates of care fall under two insurers; one claim is one insurer's, so the facility sends one per insurer;
 * - NO_COVERAGE: nobody covered the person on any date of care;
 * - NO_COVERAGE_ON_DATE: some dates of care fall outside every coverage;
 * - OVERLAPPING_COVERAGE: two coverages overlap on a date of care (the old insurer has not recorded the loss yet).
 */
export type RoutingReason = 'INSURER_CHANGED' | 'MID_MONTH_CHANGE' | 'SPLIT_REQUIRED' | 'NO_COVERAGE' | 'NO_COVERAGE_ON_DATE' | 'OVERLAPPING_COVERAGE';
export const ROUTING_REASONS: readonly RoutingReason[] = ['INSURER_CHANGED', 'MID_MONTH_CHANGE', 'SPLIT_REQUIRED', 'NO_COVERAGE', 'NO_COVERAGE_ON_DATE', 'OVERLAPPING_COVERAGE'];
export type ReturnReason = Extract<RoutingReason, 'SPLIT_REQUIRED' | 'NO_COVERAGE' | 'NO_COVERAGE_ON_DATE' | 'OVERLAPPING_COVERAGE'>;

export type RoutingOutcome =
  | { kind: 'AS_BILLED'; insurerNumber: string }
  | { kind: 'REROUTED'; insurerNumber: string; reason: 'INSURER_CHANGED' | 'MID_MONTH_CHANGE' }
  | { kind: 'RETURNED'; reason: ReturnReason; coverageInsurerNumbers: string[] };

/** What the facility reads for each return reason (English, Japanese): what happened and what to do. */
export const RETURN_REASON_TEXT: Readonly<Record<ReturnReason, { reason: string; reasonJa: string }>> = {
  SPLIT_REQUIRED: {
    reason: 'the insurer changed within the month and the dates of care fall under both: send one claim per insurer, each with its own dates',
    reasonJa: '月の途中で保険者が変わり、診療日が両方の資格にまたがっています。保険者ごとにレセプトを分けて請求してください',
  },
  NO_COVERAGE: {
    reason: 'no insurer covered the patient on the dates of care: confirm the qualification with the patient (資格確認) and bill the right insurer, or the patient',
    reasonJa: '診療日に有効な資格がありません。患者の資格を確認し、正しい保険者（または患者）に請求してください',
  },
  NO_COVERAGE_ON_DATE: {
    reason: 'some dates of care fall outside every coverage: confirm the qualification and remove or re-bill those dates',
    reasonJa: '一部の診療日に有効な資格がありません。資格を確認し、該当日を除いて請求してください',
  },
  OVERLAPPING_COVERAGE: {
    reason: 'two coverages overlap on a date of care (the former insurer has not recorded the loss): ask the patient and resend once the insurers have settled it',
    reasonJa: '診療日に複数の資格が重複しています（旧保険者の資格喪失が未登録）。患者に確認のうえ、保険者間で整理された後に再請求してください',
  },
};

function covers(period: CoveragePeriod, date: string): boolean {
  return period.from <= date && (period.to === null || period.to >= date);
}

/**
 * Routes one claim by the coverage periods of its person in its month of care (kit coverage.ts answer). The dates of
 * care are the claim's item dates: a claim is one insurer's, so each date must fall under exactly one coverage and all
 * of them under the same insurer.
 */
export function routeClaim(claim: Pick<Claim, 'insurerNumber' | 'serviceMonth' | 'items'>, history: readonly CoveragePeriod[]): RoutingOutcome {
  // Only the coverage of the month of care counts (a whole history may be given: the demo seed).
  const { first, last } = monthBounds(claim.serviceMonth);
  const periods = history.filter((period) => period.from <= last && (period.to === null || period.to >= first));
  const dates = [...new Set(claim.items.map((item) => item.date))];
  const coverers = dates.map((date) => periods.filter((period) => covers(period, date)));
  const coverageInsurerNumbers = [...new Set(periods.map((period) => period.insurerNumber))];
  if (coverers.some((list) => new Set(list.map((period) => period.insurerNumber)).size > 1)) return { kind: 'RETURNED', reason: 'OVERLAPPING_COVERAGE', coverageInsurerNumbers };
  if (coverers.every((list) => list.length === 0)) return { kind: 'RETURNED', reason: 'NO_COVERAGE', coverageInsurerNumbers };
  if (coverers.some((list) => list.length === 0)) return { kind: 'RETURNED', reason: 'NO_COVERAGE_ON_DATE', coverageInsurerNumbers };
  const insurers = new Set(coverers.flatMap((list) => list.map((period) => period.insurerNumber)));
  const [insurerNumber] = [...insurers];
  if (insurers.size !== 1 || insurerNumber === undefined) return { kind: 'RETURNED', reason: 'SPLIT_REQUIRED', coverageInsurerNumbers };
  if (insurerNumber === claim.insurerNumber) return { kind: 'AS_BILLED', insurerNumber };
  return { kind: 'REROUTED', insurerNumber, reason: coverageInsurerNumbers.length > 1 ? 'MID_MONTH_CHANGE' : 'INSURER_CHANGED' };
}
