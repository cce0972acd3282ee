import { askedWithoutAttestedFacts, bilingual, ForbiddenError, UnauthenticatedError, mayEverReadWithAnyAuthority, policyActorOf, viewOfRule, type Actor } from '@onshi/kit';
import type { CheckupsContext } from '../context';

/**
 * Could this actor ever read checkups under the access policy (@onshi/platform policy.ts)? Pharmacies never do (seed:
 * 薬局には特定健診情報を提供しない). Asked here before the decision point as well (defence in depth, the same policy),
 * so a misconfigured role or a token of a pharmacy (table code 4) never reaches a checkup row.
 */
export function mayEverReadCheckups(actor: Actor): boolean {
  // A viewing authority (reception in disaster mode) is the account's, read by the decision point: not known here.
  return mayEverReadWithAnyAuthority(policyActorOf(actor), 'CHECKUP');
}

/**
 * Which of the person's checkups the caller may read: all, only those an insurer commissioned itself, or none — the
 * answer for a person with no checkups (a DV-blocked person where she consented, docs/domain.md "DV").
 */
export type CheckupScope = { all: true } | { all: false; commissionedBy: string } | { none: true };

/**
 * Record-level check before any checkup row is read (docs/architecture.md "Who may see what: three layers", layer 3). Staff, the patient and PHR apps need
 * the consent subgraph's allow for CHECKUP. An INSURER attests `insurerMember` from this subgraph's transfer records
 * (docs/contracts.md contract 7): the insurer holding the member now reads every kept checkup (the copy it received, seed 2-3 高確法27);
 * a former insurer reads only the checkups it commissioned (policy view OWN_PERIODS: nothing dated after the member
 * left, docs/domain.md "Specific health checkups (特定健診)"); any other insurer gets FORBIDDEN.
 */
export async function requireCheckupRead(ctx: CheckupsContext, patientId: string): Promise<CheckupScope> {
  const actor = ctx.actor;
  if (actor === null) throw new UnauthenticatedError();
  if (!mayEverReadCheckups(actor)) {
    throw new ForbiddenError(bilingual('Your role or facility never receives checkup information', '特定健診情報を参照する権限がありません'), { patientId, category: 'CHECKUP', reason: 'FACILITY_KIND_NOT_ALLOWED' });
  }
  // The plain question (platform predecisions.ts `askedWithoutAttestedFacts`): the gateway may have asked it already.
  if (askedWithoutAttestedFacts(actor.role, 'CHECKUP')) return (await ctx.decisions.readsRows(patientId, 'CHECKUP')) ? { all: true } : { none: true };
  const membership = await ctx.loaders.membership.load(patientId);
  const member = actor.insurerNumber !== undefined && membership?.insurerNumber === actor.insurerNumber;
  const decision = await ctx.decisions.decide({ patientId, category: 'CHECKUP', ...(member ? { insurerMember: true } : {}) });
  if (!decision.allow || actor.insurerNumber === undefined) {
    throw new ForbiddenError(bilingual('Not a member of your insurer', '貴保険者の加入者ではありません'), { patientId, category: 'CHECKUP', reason: decision.reason });
  }
  return viewOfRule(decision.rule) === 'OWN_PERIODS' ? { all: false, commissionedBy: actor.insurerNumber } : { all: true };
}

/** Whether the scope lets any row be read at all (none: answer without reading). */
export function readsAny(scope: CheckupScope): boolean {
  return !('none' in scope);
}

/** The rows of `checkups` the scope lets the caller read. */
export function withinScope<T extends { checkup: { insurerNumber: string } }>(rows: readonly T[], scope: CheckupScope): T[] {
  if ('none' in scope) return [];
  return scope.all ? [...rows] : rows.filter((row) => row.checkup.insurerNumber === scope.commissionedBy);
}
