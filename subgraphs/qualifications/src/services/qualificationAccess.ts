/**
 * Who sees which part of a person's qualification (docs/domain.md "What a facility may see at all", "Insurers"),
 * asked of the decision point with the facts only this subgraph holds (platform pdp.ts DecisionRequest), and shaped by
 * the view of the policy rule that allowed (platform policy.ts RuleView). The rules themselves live in the policy.
 */
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { askedWithoutAttestedFacts, bilingual, ForbiddenError, NotFoundError, STAFF_ROLES, patientNotFoundMessage, viewOfRule, type Actor, type DecisionClient, type Role, type RuleView } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { consentFlagsOfDecision, type ConsentFlags } from './consentFlags';
import type { LatestConfirmation, PatientRow, QualificationRow } from '../store/patients';

/** What the decision allowed, kept on the loaded person for the field resolvers. */
export interface QualificationAccess {
  view: RuleView | undefined;
  actor: Actor | null;
  /** CONFIRMED_COVERAGE: the coverage ids the latest confirmation here answered (none when only a reader consent opened the person). */
  confirmedCoverageIds: string[] | null;
  /** This visit's consent flags at the caller's facility, carried by the decision (docs/contracts.md contract 5): staff only. */
  consentFlags: ConsentFlags | null;
}

export type AllowedPatient = PatientRow & { access: QualificationAccess };

/** An allowed person of whom the request asks nothing but the id (the key other subgraphs resolve her by). */
export type AllowedReference = Pick<PatientRow, 'id'> & { access: QualificationAccess };

/**
 * Whether a field's selection asks for nothing but the person's id (and type name), through fragments too: a PHR app
 * reading dispensings reaches drugs through `patient(id) { id }` here, which needs no row of this subgraph.
 */
export function asksOnlyTheKey(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const onlyKey = (selections: readonly SelectionNode[]): boolean => selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === 'id' || selection.name.value === '__typename';
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyKey(selection.selectionSet.selections);
    const fragment = info.fragments[selection.name.value];
    return fragment !== undefined && onlyKey(fragment.selectionSet.selections);
  });
  return info.fieldNodes.every((node) => onlyKey(node.selectionSet?.selections ?? []));
}

/** The same answer for an unknown id and for a person the caller may not see: nothing tells them apart. */
export function patientNotFound(id: string): NotFoundError {
  return new NotFoundError(patientNotFoundMessage(id));
}

function inForceOn(q: Pick<QualificationRow, 'qualificationDate' | 'disqualificationDate'>, date: string): boolean {
  return q.qualificationDate <= date && (q.disqualificationDate === null || q.disqualificationDate >= date);
}

/**
 * Loads a person the caller may see, or throws NOT_FOUND exactly as for an unknown id. An unknown id asks no decision
 * (the access log names only people who exist); every other question is decided and logged by the decision point.
 */
export async function loadAllowedPatient(ctx: QualificationsContext, id: string): Promise<AllowedPatient> {
  const row = await ctx.loaders.patient.load(id);
  if (!row) throw patientNotFound(id);
  return { ...row, access: await decideQualification(ctx, id) };
}

/**
 * A person the caller may see when the request asks nothing of her but her id (`asksOnlyTheKey`), or NOT_FOUND
 * exactly as `loadAllowedPatient` answers. Staff and insurers are decided with facts read from her rows, so they take
 * `loadAllowedPatient`; for anyone else the decision alone tells: the decision point answers an id that names nobody
 * as it answers a person this caller may not see, and logs neither (decisionPoint.ts). Saves the person's statement
 * when the request only passes through her to another subgraph (docs/benchmarks.md "SQL statements per request").
 */
export async function loadAllowedReference(ctx: QualificationsContext, id: string): Promise<AllowedReference> {
  const actor = ctx.actor;
  if (actor !== null && !askedWithoutAttestedFacts(actor.role, 'QUALIFICATION')) return loadAllowedPatient(ctx, id);
  return { id, access: await decideQualification(ctx, id) };
}

/** The decision on the person's qualification with the facts this subgraph holds; NOT_FOUND unless allowed. */
async function decideQualification(ctx: QualificationsContext, id: string): Promise<QualificationAccess> {
  const actor = ctx.actor;
  let confirmation: LatestConfirmation | undefined;
  let insurerMember = false;
  // Facts only for the roles whose question carries them (platform predecisions.ts `askedWithoutAttestedFacts`): the
  // gateway asks the others' plain question for the whole request, and this subgraph then asks nothing.
  const attests = actor !== null && !askedWithoutAttestedFacts(actor.role, 'QUALIFICATION');
  if (attests && (STAFF_ROLES as readonly Role[]).includes(actor.role) && actor.facilityCode) {
    confirmation = await ctx.loaders.latestConfirmation.load(id);
  } else if (attests && actor.role === 'INSURER' && actor.insurerNumber) {
    const own = actor.insurerNumber;
    insurerMember = (await ctx.loaders.history.load(id)).some((q) => q.insurerNumber === own && inForceOn(q, ctx.today));
  }
  const decision = await ctx.decisions.decide({
    patientId: id, category: 'QUALIFICATION',
    ...(confirmation ? { confirmedHereAt: confirmation.at.toISOString() } : {}),
    ...(insurerMember ? { insurerMember } : {}),
  });
  if (!decision.allow) throw patientNotFound(id);
  const view = viewOfRule(decision.rule);
  const confirmedCoverageIds = view === 'CONFIRMED_COVERAGE' && confirmation
    ? [confirmation.qualificationId, confirmation.newQualificationId].filter((q): q is string => q !== null)
    : null;
  const consentFlags = actor?.facilityCode ? consentFlagsOfDecision(decision) : null;
  return { view, actor, confirmedCoverageIds, consentFlags };
}

/**
 * The coverage periods the caller may see, newest first: the confirmation's answer for staff (or, opened by a reader
 * consent alone, the coverage in force today, which is what a card confirmation answers), an insurer's own periods,
 * everything for the person, the operator and an app the person granted qualification to.
 */
export function visibleCoverage(patient: AllowedPatient, history: QualificationRow[], today: string): QualificationRow[] {
  const { view, actor, confirmedCoverageIds } = patient.access;
  switch (view) {
    case 'CONFIRMED_COVERAGE':
      return confirmedCoverageIds === null ? history.filter((q) => inForceOn(q, today)) : history.filter((q) => confirmedCoverageIds.includes(q.id));
    case 'OWN_PERIODS':
    case 'OWN_PERIODS_WITH_ADDRESS':
      return history.filter((q) => actor?.insurerNumber !== undefined && q.insurerNumber === actor.insurerNumber);
    case undefined:
      return history;
  }
}

/**
 * Address and postcode, or null: a former insurer never gets them; staff do not for a DV/abuse-registered person
 * (told by the decision with the consent flags, seed ※ in 2-2), exactly as for a person with no address on file.
 */
export function visibleAddress(patient: AllowedPatient): { address: string | null; postNumber: string | null } {
  const hidden = { address: null, postNumber: null };
  const { view, actor, consentFlags } = patient.access;
  if (view === 'OWN_PERIODS') return hidden;
  if (view === 'CONFIRMED_COVERAGE') {
    // The decision that allowed the read carried the flags; without them the address is withheld (fail closed).
    if (!actor?.facilityCode || !consentFlags || consentFlags.withholdAddress) return hidden;
  }
  return { address: patient.address, postNumber: patient.postNumber };
}

/**
 * The confirmation at the counter itself (policy rule qualification.counter), asked before any row is answered. The
 * allowed decision carries this visit's consent flags (docs/contracts.md contract 5): one call to consent per confirmation.
 */
export async function requireCounterConfirmation(decisions: DecisionClient, patientId: string): Promise<ConsentFlags> {
  const decision = await decisions.decide({ patientId, category: 'QUALIFICATION', counterConfirmation: true });
  if (!decision.allow) throw new ForbiddenError(bilingual('Qualification confirmation needs a facility login', '資格確認は医療機関・薬局のログインで行ってください'));
  return consentFlagsOfDecision(decision);
}
