/**
 * The policy decision point (docs/architecture.md "Who may see what: three layers", layer 3): may *this* actor see *this*
 * patient's *category* right now? A pure function of the actor, the request and the facts the caller
 * loaded from the database, so that every replica answers the same (docs/scaling.md
 * "Replicas (now)") and the rules can be tested as a table.
 *
 * Everything fails closed: a missing fact, a malformed facility code or an unknown role is a denial.
 */
import { consentAskedAt, ruleAppliesTo, rulesFor, type AllowReason, type ConsentRequiredReason, type ForbiddenReason, type NotFoundReason, type PolicyCategory, type PolicyCondition, type PolicyRule, type ViewingAuthority } from '@onshi/platform/policy';
import { PHR_SCOPES, facilityKindOfCode, isCategory, isStaffRole, prefectureOfFacilityCode } from './roles';
import type { Actor, Category, FacilityKind } from './roles';

/** Consent is valid for 24 hours after registration (docs/domain.md "Consent (同意) — the core rule"). */
export const CONSENT_VALIDITY_MS = 24 * 60 * 60 * 1000;

/** The verified claims the decision needs; the kit's `Actor` (built from the JWT) fits as it is. */
export type DecisionActor = Pick<
  Actor,
  'role' | 'subject' | 'facilityCode' | 'facilityKind' | 'patientId' | 'grantId' | 'insurerNumber' | 'scopes'
>;

/** A consent given with the card at a facility's reader, for one category (seed 2-1: 本人同意を毎回). */
export interface ConsentFact {
  id: string;
  patientId: string;
  facilityCode: string;
  category: Category;
  registeredAt: Date;
  revokedAt?: Date;
}

/** An operator's disaster declaration: regions (prefectures) and/or facilities, for a period (seed (3) 災害時). */
export interface DisasterFact {
  id: string;
  /** Two-digit prefecture codes (JIS X 0401), compared with the first two digits of the facility code. */
  prefectures: string[];
  facilityCodes?: string[];
  startsAt: Date;
  endsAt: Date;
}

/** A disaster identification with the patient's consent or the exemption recorded (disasterSearch.ts). */
export interface DisasterPermissionFact {
  /** The identification row: the log's basis. */
  id: string;
  disasterId: string;
  patientId: string;
  facilityCode: string;
  basis: 'CONSENT' | 'EXEMPTION';
}

/** An emergency access opened at a hospital (emergencyAccess.ts): reads there until `expiresAt`. */
export interface EmergencyAccessFact {
  id: string;
  patientId: string;
  facilityCode: string;
  openedAt: Date;
  expiresAt: Date;
}

/** A patient's grant to a PHR app (docs/domain.md "PHR apps"). */
export interface GrantFact {
  id: string;
  patientId: string;
  appId: string;
  categories: Category[];
  expiresAt: Date;
  revokedAt?: Date;
  /** The operator disabled the app (docs/operations.md "PHR apps"): nothing is read under any of its grants. */
  appDisabled?: boolean;
}

export interface DecisionFacts {
  /** DV・虐待等被害者 registration (seed: 全情報の提供及び閲覧を一律不可). */
  dvBlocked: boolean;
  /** Consents of this patient; rows of other patients are ignored, not trusted. */
  consents: readonly ConsentFact[];
  disasters: readonly DisasterFact[];
  /**
   * Identifications of this patient at the actor's facility by the 4-field disaster search (exactly one person
   * matched) for which the patient's separate consent or the exemption was recorded (seed 2-1(3)). Identifications
   * with neither are not facts: they open nothing.
   */
  disasterPermissions: readonly DisasterPermissionFact[];
  /** Emergency accesses opened for this patient at the actor's facility (docs/domain.md "Emergency access"). */
  emergencyAccesses: readonly EmergencyAccessFact[];
  /** Viewing authorities of the actor's staff account at its facility, from the database (policy.ts ViewingAuthority). */
  actorAuthorities: readonly ViewingAuthority[];
  /** The actor's facility is registered as a hospital (病院). */
  actorAtHospital: boolean;
  /** The grant named by the PHR token's grantId, if any. */
  grant?: GrantFact;
  /**
   * Insurer numbers in the patient's qualification history. Only needed for INSURER actors; when it
   * is missing an insurer is denied (fail closed).
   */
  patientInsurerNumbers?: readonly string[];
  /**
   * The calling subgraph attests from its own records that the INSURER actor holds this patient as a
   * member now (checkups after an insurer change; docs/contracts.md contract 7). Only ever set by an internal caller.
   */
  insurerMember?: boolean;
  /**
   * The insurer whose coverage of the person is the newest the identity index knows (tables.ts identityIndex):
   * the insurer a DV/abuse request is made to (seed ※ in 2-2 保険者に申出). Only needed for INSURER actors.
   */
  currentInsurerNumber?: string;
  /** Attested by qualifications: this question is the confirmation of what the patient presents at the counter. */
  counterConfirmation?: boolean;
  /** Attested by qualifications: when the actor's facility last confirmed this patient. */
  confirmedHereAt?: Date;
}

/**
 * What the decision point knows about a person who does not exist: nothing. A DV-blocked person is answered with
 * these facts (docs/domain.md "DV"), so that the answer is, by construction, the one an unknown id gets.
 */
export const NOBODY: DecisionFacts = { dvBlocked: false, consents: [], disasters: [], disasterPermissions: [], emergencyAccesses: [], actorAuthorities: [], actorAtHospital: false };

export interface DecisionInput {
  actor: DecisionActor;
  patientId: string;
  /** A category of patient data, or DV_REGISTRATION (may this actor register or lift a block for the person?). */
  category: PolicyCategory;
  now: Date;
  facts: DecisionFacts;
}

// The reasons are the policy's vocabulary (platform policy.ts), which the portal reads for its labels of 提供状況.
export { OWN_VIEW_DV_REASON } from '@onshi/platform/policy';
export type { AllowReason, ConsentRequiredReason, DecisionReason, ForbiddenReason, NotFoundReason, OwnViewReason, SpecialRecordReason } from '@onshi/platform/policy';

/**
 * `reason` is for the access log and operators. Show clients only `code`: telling a viewer *why*
 * (for instance DV_BLOCK) would reveal that the patient is registered as a DV/abuse victim.
 */
export type Decision =
  | { allow: true; reason: AllowReason; basisId?: string; special: boolean; rule?: string }
  | { allow: false; reason: ForbiddenReason; code: 'FORBIDDEN'; special: false }
  | { allow: false; reason: ConsentRequiredReason; code: 'CONSENT_REQUIRED'; special: false }
  | { allow: false; reason: NotFoundReason; code: 'NOT_FOUND'; special: false }
  /**
   * A DV-blocked person read by someone the policy would let read her (docs/domain.md "DV": "like no records"): the
   * data service answers as for a person with no records — empty lists, zero totals — and reads no row. Not an
   * allow: a service that does not know this code refuses as for CONSENT_REQUIRED (platform pdp.ts), never reads.
   */
  | { allow: false; reason: 'DV_BLOCK'; code: 'NO_RECORDS'; special: false };

function allow(reason: AllowReason, basisId?: string, special = false): Decision {
  return basisId === undefined ? { allow: true, reason, special } : { allow: true, reason, basisId, special };
}
function forbid(reason: ForbiddenReason): Decision {
  return { allow: false, reason, code: 'FORBIDDEN', special: false };
}
function requireConsent(reason: ConsentRequiredReason): Decision {
  return { allow: false, reason, code: 'CONSENT_REQUIRED', special: false };
}

/** Valid from registration until (not including) registration + 24 h, unless revoked. */
export function isConsentValid(consent: Pick<ConsentFact, 'registeredAt' | 'revokedAt'>, now: Date): boolean {
  // Any revocation counts, even one stamped in the future by a skewed clock: fail closed.
  if (consent.revokedAt !== undefined) return false;
  const registered = consent.registeredAt.getTime();
  const at = now.getTime();
  return registered <= at && at < registered + CONSENT_VALIDITY_MS;
}

export function consentExpiresAt(registeredAt: Date): Date {
  return new Date(registeredAt.getTime() + CONSENT_VALIDITY_MS);
}

/** The newest valid consent of this patient at this facility for this category, if any. */
export function findValidConsent(
  consents: readonly ConsentFact[],
  patientId: string,
  facilityCode: string,
  category: Category,
  now: Date,
): ConsentFact | undefined {
  let newest: ConsentFact | undefined;
  for (const consent of consents) {
    if (consent.patientId !== patientId || consent.facilityCode !== facilityCode || consent.category !== category) continue;
    if (!isConsentValid(consent, now)) continue;
    if (newest === undefined || consent.registeredAt.getTime() > newest.registeredAt.getTime()) newest = consent;
  }
  return newest;
}

/** A declaration covers a facility when it is in force now and names the facility or its prefecture. */
export function disasterCovers(disaster: DisasterFact, facilityCode: string, now: Date): boolean {
  const at = now.getTime();
  if (!(disaster.startsAt.getTime() <= at && at < disaster.endsAt.getTime())) return false;
  const prefecture = prefectureOfFacilityCode(facilityCode);
  if (prefecture !== undefined && disaster.prefectures.includes(prefecture)) return true;
  return disaster.facilityCodes?.includes(facilityCode) ?? false;
}

function isSelf(actor: DecisionActor, patientId: string): boolean {
  return actor.role === 'PATIENT' && patientId !== '' && actor.patientId === patientId;
}

function decidePhrGrant(actor: DecisionActor, patientId: string, category: Category, now: Date, grant: GrantFact | undefined): Decision {
  if (grant === undefined) return requireConsent('NO_GRANT');
  // The token, the grant row and the request must all name the same app, grant and patient.
  const sameGrant = actor.grantId === grant.id && grant.appId === actor.subject;
  const samePatient = grant.patientId === patientId && actor.patientId === patientId;
  if (!sameGrant || !samePatient) return forbid('GRANT_MISMATCH');
  if (grant.appDisabled === true) return forbid('APP_DISABLED');
  if (grant.revokedAt !== undefined) return requireConsent('GRANT_REVOKED');
  if (grant.expiresAt.getTime() <= now.getTime()) return requireConsent('GRANT_EXPIRED');
  if (!grant.categories.includes(category)) return requireConsent('GRANT_SCOPE');
  // The grant is authoritative (it can be narrowed or revoked after the token was issued); the token
  // must carry the scope too, so a token minted for fewer categories cannot be stretched.
  if (!actor.scopes.includes(PHR_SCOPES[category])) return forbid('TOKEN_SCOPE');
  return allow('PHR_GRANT', grant.id);
}

/**
 * The patient presented their card or insurance-card numbers at this facility less than 24 h ago (docs/domain.md
 * "What a facility may see at all"): a confirmation here (attested by qualifications), or a card verification at
 * this facility's reader that registered a consent (the consent rows are this facility's, loaded by the decision point).
 */
function presentedHere({ patientId, now, facts }: Situation, facilityCode: string): boolean {
  const confirmed = facts.confirmedHereAt;
  if (confirmed !== undefined && isConsentValid({ registeredAt: confirmed }, now)) return true;
  return (['DRUG', 'CHECKUP'] as const).some((category) => findValidConsent(facts.consents, patientId, facilityCode, category, now) !== undefined);
}

interface Situation {
  actor: DecisionActor;
  patientId: string;
  category: PolicyCategory;
  now: Date;
  facts: DecisionFacts;
  /** The actor's facility, validated (staff only). */
  facilityCode: string | undefined;
}

/** Does the rule's condition hold? Each answer is an allow, or the denial that explains what was missing. */
function evaluate(rule: PolicyRule, situation: Situation): Decision {
  const { actor, patientId, category, now, facts, facilityCode } = situation;
  const special = rule.special === true;
  const conditions: Record<PolicyCondition, () => Decision> = {
    SELF: () => (isSelf(actor, patientId) ? allow(rule.reason) : forbid('NOT_SELF')),
    COUNTER_CONFIRMATION: () => (facilityCode !== undefined && facts.counterConfirmation === true ? allow(rule.reason) : forbid('NOT_CONFIRMED_HERE')),
    CONFIRMED_HERE: () => (facilityCode !== undefined && presentedHere(situation, facilityCode) ? allow(rule.reason) : forbid('NOT_CONFIRMED_HERE')),
    CONSENT_AT_FACILITY: () => {
      const consent = facilityCode === undefined || !isCategory(category) ? undefined : findValidConsent(facts.consents, patientId, facilityCode, category, now);
      return consent !== undefined ? allow(rule.reason, consent.id, special) : requireConsent('NO_CONSENT');
    },
    DISASTER_IDENTIFIED: () => {
      // Identified here, under a declaration still in force for this facility, with consent or the exemption recorded.
      const permission = facilityCode === undefined ? undefined : facts.disasterPermissions.find((candidate) => candidate.patientId === patientId
        && candidate.facilityCode === facilityCode
        && facts.disasters.some((disaster) => disaster.id === candidate.disasterId && disasterCovers(disaster, facilityCode, now)));
      return permission !== undefined ? allow(rule.reason, permission.id, special) : requireConsent('NO_CONSENT');
    },
    EMERGENCY_OPENED: () => {
      const opened = facilityCode === undefined ? undefined : facts.emergencyAccesses.find((candidate) => candidate.patientId === patientId
        && candidate.facilityCode === facilityCode && candidate.openedAt.getTime() <= now.getTime() && now.getTime() < candidate.expiresAt.getTime());
      return opened !== undefined ? allow(rule.reason, opened.id, special) : requireConsent('NO_CONSENT');
    },
    PHR_GRANT: () => (isCategory(category) ? decidePhrGrant(actor, patientId, category, now, facts.grant) : forbid('ROLE_NOT_LICENSED')),
    INSURER_OF_RECORD: () => {
      const insures = actor.insurerNumber !== undefined && (facts.patientInsurerNumbers?.includes(actor.insurerNumber) ?? false);
      return insures ? allow(rule.reason) : forbid('NOT_INSURER');
    },
    INSURER_MEMBER: () => (facts.insurerMember === true && actor.insurerNumber !== undefined ? allow(rule.reason) : forbid('NOT_INSURER')),
    INSURER_IN_FORCE: () => (actor.insurerNumber !== undefined && facts.currentInsurerNumber === actor.insurerNumber ? allow(rule.reason) : forbid('NOT_INSURER')),
    OPERATOR: () => (actor.role === 'ADMIN' ? allow(rule.reason) : forbid('ROLE_NOT_LICENSED')),
    // Lists of an insurer or a facility, not of a patient: decided by decideOwnerRead (internalRoutes.ts), never here.
    OWN_INSURER: () => forbid('ROLE_NOT_LICENSED'),
    OWN_FACILITY: () => forbid('ROLE_NOT_LICENSED'),
  };
  return conditions[rule.condition]();
}

/**
 * Decides one (actor, patient, category) question by evaluating the access policy (@onshi/platform policy.ts,
 * docs/access-policy.md): of the category's rules that apply to the actor's role and facility kind, the first
 * whose condition holds allows — unless the patient is DV-blocked and the rule is stopped by a DV block
 * (seed ※ in 2-2: 全情報の提供及び閲覧を一律不可). No applicable rule: FORBIDDEN (ROLE_NOT_LICENSED, or
 * FACILITY_KIND_NOT_ALLOWED when the role is named but not for this kind of facility — pharmacies and checkups).
 * Applicable rules whose conditions fail: the first rule's denial (e.g. CONSENT_REQUIRED / NO_CONSENT).
 * Staff tokens must carry a valid facility code whose kind agrees with the facilityKind claim, before any rule.
 */
export function decide(input: DecisionInput): Decision {
  const { facts } = input;
  const decision = decideOnFacts(input);
  if (!facts.dvBlocked) return strip(decision);
  const stopped = decision.allow ? decision.rule.onDvBlock !== 'NOT_STOPPED' : decision.blockApplies;
  if (!stopped) return strip(decision);
  // Where she consented (or a special identification holds), a facility reads her as a person with no records.
  if (decision.allow && decision.rule.onDvBlock === 'NO_RECORDS') return { allow: false, reason: 'DV_BLOCK', code: 'NO_RECORDS', special: false };
  return answerForBlocked(input);
}

/**
 * The answer for a DV-blocked person (docs/domain.md "DV"): whatever the same actor would get for an id that names
 * nobody — evaluated on the facts of nobody, so that no answer, code or message can tell the two apart — with the
 * block as the reason in the log. Where nobody's facts would allow (counter staff and operators see any existing
 * person's qualification), an unknown id is "no such person": NOT_FOUND. The person herself (SELF: her own portal)
 * is told plainly that this cannot be shown (FORBIDDEN, the portal's neutral message).
 */
function answerForBlocked(input: DecisionInput): Decision {
  const asNobody = answerForUnknown(input);
  if (asNobody.code === 'NOT_FOUND' && isSelf(input.actor, input.patientId)) return forbid('DV_BLOCK');
  if (asNobody.code === 'CONSENT_REQUIRED') return requireConsent('DV_BLOCK');
  if (asNobody.code === 'NOT_FOUND') return { allow: false, reason: 'DV_BLOCK', code: 'NOT_FOUND', special: false };
  return forbid('DV_BLOCK');
}

/**
 * The answer for an id that names no person (nothing is logged for it: the log names only people who exist). An app's
 * grant is the app's, not the person's: it is kept, so an app asking an unknown id hears what it hears for any person
 * who is not its grantor.
 */
export function answerForUnknown(input: Omit<DecisionInput, 'facts'>, actorGrant?: GrantFact): Extract<Decision, { allow: false }> {
  const decision = decideOnFacts({ ...input, facts: actorGrant === undefined ? NOBODY : { ...NOBODY, grant: actorGrant } });
  if (decision.allow) return { allow: false, reason: 'UNKNOWN_PATIENT', code: 'NOT_FOUND', special: false };
  return strip(decision) as Extract<Decision, { allow: false }>;
}

type Evaluated = (Omit<Extract<Decision, { allow: true }>, 'rule'> & { rule: PolicyRule }) | (Extract<Decision, { allow: false }> & { blockApplies: boolean });

function strip(decision: Evaluated): Decision {
  // The allowing rule's id goes with the decision: its view limits the fields the caller gets (platform policy.ts RuleView).
  if (decision.allow) {
    const allowed = (decision.basisId === undefined ? allow(decision.reason, undefined, decision.special) : allow(decision.reason, decision.basisId, decision.special)) as Extract<Decision, { allow: true }>;
    return { ...allowed, rule: decision.rule.id };
  }
  const { blockApplies: _ignored, ...denial } = decision;
  return denial;
}

function decideOnFacts(input: DecisionInput): Evaluated {
  const { actor, patientId, category, now, facts } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('decide: `now` is not a valid date');
  const denied = (decision: Decision, blockApplies = false): Evaluated => ({ ...(decision as Extract<Decision, { allow: false }>), blockApplies });

  let facilityCode: string | undefined;
  let facilityKind: FacilityKind | undefined;
  if (isStaffRole(actor.role)) {
    facilityCode = actor.facilityCode;
    facilityKind = facilityCode === undefined ? undefined : facilityKindOfCode(facilityCode);
    if (facilityCode === undefined || facilityKind === undefined) return denied(forbid('NO_FACILITY'));
    if (actor.facilityKind !== undefined && actor.facilityKind !== facilityKind) return denied(forbid('FACILITY_MISMATCH'));
  }

  const rules = rulesFor(category);
  const policyActor = { role: actor.role, facilityKind, authorities: facts.actorAuthorities, atHospital: facts.actorAtHospital };
  const applicable = rules.filter((rule) => ruleAppliesTo(rule, policyActor));
  if (applicable.length === 0) {
    // Rules that need a viewing authority or a hospital do not make a role "named": reception without the disaster
    // authority is refused as not licensed, as before; a pharmacist asking for checkups as the wrong kind of facility.
    const named = rules.some((rule) => rule.roles.includes(actor.role) && rule.authority === undefined && rule.hospitalOnly !== true);
    return denied(forbid(named ? 'FACILITY_KIND_NOT_ALLOWED' : 'ROLE_NOT_LICENSED'));
  }
  const situation: Situation = { actor, patientId, category, now, facts, facilityCode };
  let firstDenial: Decision | undefined;
  for (const rule of applicable) {
    const decision = evaluate(rule, situation);
    if (decision.allow) return { ...decision, rule };
    firstDenial ??= decision;
  }
  // A blocked person is refused for the block whatever else failed: the log says so (never the client).
  return denied(firstDenial ?? forbid('ROLE_NOT_LICENSED'), applicable.some((rule) => rule.onDvBlock !== 'NOT_STOPPED'));
}

/**
 * Consent flags of the real confirmation response (ResultOfQualificationConfirmation; docs/domain.md
 * "Confirmation at the counter (資格確認)"): 0 なし, 1 あり, 2 期限切れ, 3 取得困難.
 *
 * '3' is answered when the information cannot be provided whatever the patient consents to: a category no
 * consent rule opens for this kind of facility (checkups at a pharmacy), or a facility code that is not valid.
 * A DV/abuse block is NOT among them: the flags of a blocked person are those of anyone (docs/domain.md "DV":
 * nothing tells the clerk that a block exists); her consent opens nothing at the decision point.
 * A revoked consent counts as none ('0'), an expired one as '2'.
 */
export type ConsentFlag = '0' | '1' | '2' | '3';

export function consentFlag(
  consents: readonly ConsentFact[],
  patientId: string,
  facilityCode: string,
  category: Category,
  now: Date,
): ConsentFlag {
  const kind = facilityKindOfCode(facilityCode);
  if (kind === undefined) return '3';
  // No consent rule of the policy applies to this kind of facility (pharmacies and checkups): 取得困難.
  if (!consentAskedAt(kind, category)) return '3';
  if (findValidConsent(consents, patientId, facilityCode, category, now) !== undefined) return '1';
  const expired = consents.some(
    (consent) =>
      consent.patientId === patientId
      && consent.facilityCode === facilityCode
      && consent.category === category
      && consent.revokedAt === undefined
      && consent.registeredAt.getTime() + CONSENT_VALIDITY_MS <= now.getTime(),
  );
  return expired ? '2' : '0';
}
