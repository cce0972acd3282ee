/**
 * The 医療情報化支援基金 subsidy for going live with online qualification confirmation (docs/operations.md
 * "Subsidy (医療情報化支援基金)", which cites the published figures). A facility administrator — or a vendor calling the
 * API with that administrator's token — applies once the facility went live; the amount is computed here by one named
 * rule version; the operator (ADMIN) approves or rejects with a reason, then marks an approved application paid.
 *
 * Who may act is decided here (onboarding.ts requireOperator / requireFacilityAdmin), so every refusal is logged; every
 * state change writes its before/after to admin_changes and its access-log entry in the same transaction (fail closed).
 */
import { bilingual, BadUserInputError, ForbiddenError, NotFoundError, isCalendarDate, japanDate, type Actor, type Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { changeSubsidyApplication, insertSubsidyApplicationIfNoneOpen, subsidyApplicationById, subsidyApplicationsNewestFirst, subsidyApplicationsOfFacility, type SubsidyRow } from '../../store/subsidies';
import { recordChange, refuse, requireFacilityAdmin, requireOperator } from './onboarding';

/**
 * The rule version implemented: the original FY2020 (令和2年度) table of the fund — half or three quarters of the cost
 * up to a 事業額 ceiling. The later 10/10 cover (readers applied for by 2021-03-31; again from June 2022) is not
 * implemented; a new version would be a new entry here and a new value of this name (docs/operations.md).
 */
export const SUBSIDY_RULE_VERSION = 'FY2020_ORIGINAL';

export const SUBSIDY_CATEGORIES = ['HOSPITAL', 'CLINIC', 'PHARMACY', 'LARGE_CHAIN_PHARMACY'] as const;
export type SubsidyCategory = (typeof SUBSIDY_CATEGORIES)[number];

export const SUBSIDY_STATUSES = ['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];

/** One row of the rule table: the share of the cost granted up to the 事業額 ceiling, and the published cap. */
interface CostRule { ceiling: number; numerator: number; denominator: number; cap: number }

/** A card reader bought instead of taken free from the fund: up to ¥99,000 each, as many as the fund would give. */
export const READER_PURCHASE_CAP_PER_UNIT = 99_000;
/** Readers the fund provides (or subsidises): 病院 3, 診療所・薬局 1. */
export const READERS_PROVIDED: Record<SubsidyCategory, number> = { HOSPITAL: 3, CLINIC: 1, PHARMACY: 1, LARGE_CHAIN_PHARMACY: 1 };

/**
 * Costs other than the reader, per category. A hospital's ceiling falls with the readers it installs (1, 2, 3 or more);
 * the caps are the published ones (a half of 2,101,000 is 1,050,500, published as 105万円).
 */
const HOSPITAL_RULES: readonly CostRule[] = [
  { ceiling: 2_101_000, numerator: 1, denominator: 2, cap: 1_050_000 },
  { ceiling: 2_002_000, numerator: 1, denominator: 2, cap: 1_001_000 },
  { ceiling: 1_903_000, numerator: 1, denominator: 2, cap: 951_000 },
];
const OTHER_RULES: Record<Exclude<SubsidyCategory, 'HOSPITAL'>, CostRule> = {
  CLINIC: { ceiling: 429_000, numerator: 3, denominator: 4, cap: 321_000 },
  PHARMACY: { ceiling: 429_000, numerator: 3, denominator: 4, cap: 321_000 },
  LARGE_CHAIN_PHARMACY: { ceiling: 429_000, numerator: 1, denominator: 2, cap: 214_000 },
};

export function costRule(category: SubsidyCategory, readers: number): CostRule {
  if (category === 'HOSPITAL') return HOSPITAL_RULES[Math.min(Math.max(readers, 1), HOSPITAL_RULES.length) - 1] as CostRule;
  return OTHER_RULES[category];
}

export interface SubsidyCosts { systemCost: number; networkCost: number; readerCost: number; otherCost: number; readersBought: number }

/** The amount granted (whole yen, rounded down): the cost share up to the cap, plus readers bought up to ¥99,000 each. */
export function computeSubsidy(category: SubsidyCategory, costs: SubsidyCosts): number {
  const rule = costRule(category, costs.readersBought);
  const eligible = Math.min(costs.systemCost + costs.networkCost + costs.otherCost, rule.ceiling);
  const share = Math.min(Math.floor((eligible * rule.numerator) / rule.denominator), rule.cap);
  const readerShare = Math.min(costs.readerCost, READER_PURCHASE_CAP_PER_UNIT * Math.min(costs.readersBought, READERS_PROVIDED[category]));
  return share + readerShare;
}

/** The row of the rule table for a facility: 病院, 診療所 (医科・歯科), or a pharmacy, large chain or not. */
export function subsidyCategory(facility: { kind: string; hospital: boolean }, largeChainPharmacy: boolean): SubsidyCategory {
  if (facility.kind === 'PHARMACY') return largeChainPharmacy ? 'LARGE_CHAIN_PHARMACY' : 'PHARMACY';
  return facility.hospital ? 'HOSPITAL' : 'CLINIC';
}

/** Any one cost item above this is a typing error, not an installation (the largest hospital ceiling is ¥2.1 million). */
const COST_ITEM_MAX = 100_000_000;
const READERS_MAX = 100;
const REASON_MAX = 500;

export interface SubsidyInput extends SubsidyCosts { wentLiveOn: string; largeChainPharmacy: boolean }

function validateInput(input: SubsidyInput, kind: string, now: Date): void {
  for (const field of ['systemCost', 'networkCost', 'readerCost', 'otherCost'] as const) {
    const value = input[field];
    if (!Number.isSafeInteger(value) || value < 0 || value > COST_ITEM_MAX) throw new BadUserInputError(bilingual(`${field} must be whole yen from 0 to ${COST_ITEM_MAX}`, '費用は0円以上の整数で入力してください'), { field });
  }
  if (!Number.isSafeInteger(input.readersBought) || input.readersBought < 1 || input.readersBought > READERS_MAX) throw new BadUserInputError(bilingual(`readersBought must be 1 to ${READERS_MAX}`, 'カードリーダーの台数は1台以上で入力してください'), { field: 'readersBought' });
  if (input.systemCost + input.networkCost + input.readerCost + input.otherCost === 0) throw new BadUserInputError(bilingual('At least one cost item is needed', '費用を入力してください'), { field: 'systemCost' });
  if (!isCalendarDate(input.wentLiveOn)) throw new BadUserInputError(bilingual('wentLiveOn must be a date YYYY-MM-DD', '運用開始日が正しくありません'), { field: 'wentLiveOn' });
  // The fund pays for what was done: an application follows going live (精算払い), so a future date is refused.
  if (input.wentLiveOn > japanDate(now)) throw new BadUserInputError(bilingual('wentLiveOn is in the future: apply after going live', '運用開始日が未来の日付です'), { field: 'wentLiveOn' });
  if (input.largeChainPharmacy && kind !== 'PHARMACY') throw new BadUserInputError(bilingual('Only a pharmacy can be a large chain pharmacy', '大型チェーン薬局は薬局のみ選択できます'), { field: 'largeChainPharmacy' });
}

export type { SubsidyRow };

/** What admin_changes keeps of an application. */
function subsidyRecord(row: SubsidyRow): Record<string, unknown> {
  return {
    id: row.id, facilityCode: row.facilityCode, ruleVersion: row.ruleVersion, category: row.category, systemCost: row.systemCost, networkCost: row.networkCost, readerCost: row.readerCost,
    otherCost: row.otherCost, readersBought: row.readersBought, wentLiveOn: row.wentLiveOn, subsidyAmount: row.subsidyAmount, status: row.status, rejectionReason: row.rejectionReason,
  };
}

/** The facility administrator applies for their own facility (never a facility argument: the account's facility). */
export async function applyForSubsidy(db: Db<Tables>, actor: Actor, input: SubsidyInput, requestId: string, now: Date): Promise<SubsidyRow> {
  const facility = await requireFacilityAdmin(db, actor, 'APPLY_SUBSIDY', requestId, now);
  validateInput(input, facility.kind, now);
  const category = subsidyCategory(facility, input.largeChainPharmacy);
  return db.transaction(async (tx) => {
    const row = await insertSubsidyApplicationIfNoneOpen(tx, {
      facilityCode: facility.code, ruleVersion: SUBSIDY_RULE_VERSION, category, systemCost: input.systemCost, networkCost: input.networkCost, readerCost: input.readerCost, otherCost: input.otherCost,
      readersBought: input.readersBought, largeChainPharmacy: input.largeChainPharmacy, wentLiveOn: input.wentLiveOn, subsidyAmount: computeSubsidy(category, input), status: 'SUBMITTED',
      submittedBy: actor.subject, submittedAt: now,
    });
    if (!row) throw new BadUserInputError(bilingual('This facility already has an open application', 'この施設には審査中または承認済みの申請があります'), { reason: 'APPLICATION_OPEN' });
    await recordChange(tx, actor, { action: 'APPLY_SUBSIDY', facilityCode: facility.code, target: row.id, before: null, after: subsidyRecord(row) }, requestId, now);
    return row;
  });
}

/** The facility administrator's own facility's applications, newest first. */
export async function ownSubsidyApplications(db: Db<Tables>, actor: Actor, requestId: string, now: Date): Promise<SubsidyRow[]> {
  const facility = await requireFacilityAdmin(db, actor, 'VIEW_SUBSIDY', requestId, now);
  return subsidyApplicationsOfFacility(db, facility.code);
}

async function applicationById(db: Db<Tables>, id: string): Promise<SubsidyRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return subsidyApplicationById(db, id);
}

/**
 * One application: the operator any, a facility administrator their own facility's only. Another facility's is refused
 * and logged under the facility it belongs to, with the same answer as an unknown id would get from a non-operator.
 */
export async function subsidyApplication(db: Db<Tables>, actor: Actor, id: string, requestId: string, now: Date): Promise<SubsidyRow> {
  const row = await applicationById(db, id);
  if (actor.role === 'ADMIN') {
    await requireOperator(db, actor, 'VIEW_SUBSIDY', row?.facilityCode ?? null, requestId, now);
    if (!row) throw new NotFoundError(bilingual('No such subsidy application', '申請が見つかりません'));
    return row;
  }
  const facility = await requireFacilityAdmin(db, actor, 'VIEW_SUBSIDY', requestId, now);
  if (!row || row.facilityCode !== facility.code) return refuse(db, actor, 'VIEW_SUBSIDY', row?.facilityCode ?? facility.code, 'NOT_OWN_FACILITY', bilingual('Not an application of your facility', '自施設の申請ではありません'), requestId, now);
  return row;
}

/** The operator's list, newest first, optionally of one status. */
export async function subsidyApplicationsForReview(db: Db<Tables>, actor: Actor, status: string | null, first: number, requestId: string, now: Date): Promise<SubsidyRow[]> {
  await requireOperator(db, actor, 'VIEW_SUBSIDY', null, requestId, now);
  if (status !== null && !SUBSIDY_STATUSES.includes(status as SubsidyStatus)) throw new BadUserInputError(`status must be one of ${SUBSIDY_STATUSES.join(', ')}`, { field: 'status' });
  return subsidyApplicationsNewestFirst(db, status, first);
}

type Transition = 'APPROVE' | 'REJECT' | 'PAY';
const FROM: Record<Transition, SubsidyStatus> = { APPROVE: 'SUBMITTED', REJECT: 'SUBMITTED', PAY: 'APPROVED' };
const TO: Record<Transition, SubsidyStatus> = { APPROVE: 'APPROVED', REJECT: 'REJECTED', PAY: 'PAID' };

/**
 * The operator's review and payment: SUBMITTED → APPROVED or REJECTED, APPROVED → PAID. Any other step (paying before
 * approval, approving twice) is refused with INVALID_STATE and nothing changes; the update is conditional on the
 * status read, so two operators approving at once change it once.
 */
export async function reviewSubsidy(db: Db<Tables>, actor: Actor, id: string, transition: Transition, reason: string | null, requestId: string, now: Date): Promise<SubsidyRow> {
  const action = transition === 'PAY' ? 'PAY_SUBSIDY' : 'REVIEW_SUBSIDY';
  const current = await applicationById(db, id);
  await requireOperator(db, actor, action, current?.facilityCode ?? null, requestId, now);
  if (!current) throw new NotFoundError(bilingual('No such subsidy application', '申請が見つかりません'));
  const rejectionReason = transition === 'REJECT' ? (reason ?? '').trim() : null;
  if (transition === 'REJECT' && (!rejectionReason || rejectionReason.length > REASON_MAX)) throw new BadUserInputError(bilingual(`A rejection needs a reason of 1 to ${REASON_MAX} characters`, '却下理由を入力してください'), { field: 'reason' });
  const message = bilingual(`The application is ${current.status}; it cannot become ${TO[transition]} now`, 'この申請は現在の状態では操作できません');
  if (current.status !== FROM[transition]) return refuse(db, actor, action, current.facilityCode, 'INVALID_STATE', message, requestId, now);
  // Lost a race with another operator: the conditional update below changed nothing.
  const invalid = (): never => { throw new ForbiddenError(message, { reason: 'INVALID_STATE' }); };
  return db.transaction(async (tx) => {
    const changes = transition === 'PAY' ? { status: TO[transition], paidBy: actor.subject, paidAt: now } : { status: TO[transition], rejectionReason, reviewedBy: actor.subject, reviewedAt: now };
    const row = await changeSubsidyApplication(tx, id, FROM[transition], changes);
    if (!row) return invalid();
    await recordChange(tx, actor, { action, facilityCode: row.facilityCode, target: row.id, before: subsidyRecord(current), after: subsidyRecord(row) }, requestId, now);
    return row;
  });
}
