/**
 * The access policy of Onshi, as data, in one place (in the manner of Medplum's AccessPolicy:
 * a list of rules, each naming the category, the actors it applies to and the condition under which it
 * opens the record). Everything else is derived from this list:
 *
 * - the decision point (consent subgraph, `decide`) evaluates it for every (actor, patient, category);
 * - the `@Access` role lists of the subgraphs (and through the supergraph the gateway's field rules) are
 *   `readersOf(category)`;
 * - the consent flags of a confirmation (`3` 取得困難) and the checkups subgraph's own defence ask
 *   `mayEverRead`;
 * - the portal asks the API's `capabilities` field (built by `capabilitiesOf`) instead of re-deriving rules;
 * - docs/access-policy.md is rendered from it by `pnpm compose` and checked for drift by `pnpm compose:check`.
 *
 * A rule changes in one edit here. The security matrix (tests/src/security-matrix.test.ts) states the rules
 * again, independently, as the check.
 */
import { facilityKindOfCode, isValidFacilityCode } from './codes';
import type { AllowReason } from './reasons';
import type { Actor, Category, FacilityKind, Role } from './roles';
import { CATEGORIES, PHR_SCOPES, ROLES, STAFF_ROLES } from './roles';

/** What a rule requires beyond the actor's role and facility kind. */
export type PolicyCondition =
  /** The patient reads their own record (the token's patient is the patient asked for). */
  | 'SELF'
  /**
   * The qualification confirmation itself (資格確認): staff of a valid facility confirm the card or the insurance-card
   * numbers the patient presents at their counter (the qualifications subgraph attests that the question is a confirmation).
   */
  | 'COUNTER_CONFIRMATION'
  /**
   * This facility confirmed the patient's qualification (card or insurance-card numbers presented here), or verified
   * the patient's card at its reader with a consent, less than 24 h ago (docs/domain.md "What a facility may see at
   * all"): the qualifications subgraph attests the time of its latest confirmation here.
   */
  | 'CONFIRMED_HERE'
  /** A consent of this patient, at this facility, for this category, registered < 24 h ago and not revoked. */
  | 'CONSENT_AT_FACILITY'
  /**
   * A disaster declaration in force for this facility, the patient identified here by the 4-field search under it,
   * AND the patient's separate consent (given orally, attested by staff) or the exemption (cannot express their
   * will; needed to protect life or body) recorded for that identification (seed 2-1(3) 別途患者の同意を取得した上で).
   */
  | 'DISASTER_IDENTIFIED'
  /** An emergency access opened at this facility for this patient, with its reason, less than 24 h ago. */
  | 'EMERGENCY_OPENED'
  /** A live grant of the patient to this app for this category, and the token carries the category's scope. */
  | 'PHR_GRANT'
  /** The insurer appears in the patient's qualification history (a past or present insurer of the person). */
  | 'INSURER_OF_RECORD'
  /**
   * The calling subgraph attests from its own records that the insurer holds the member now: qualifications from
   * the coverage in force today, checkups from its transfer records.
   */
  | 'INSURER_MEMBER'
  /** The insurer of the person's newest coverage (consent's identity index): the insurer a person makes a request to. */
  | 'INSURER_IN_FORCE'
  /** The operator (支払基金・国保中央会). */
  | 'OPERATOR'
  /** The insurer asked for is the actor's own insurer (claims routed to it, claims returned that concern it). */
  | 'OWN_INSURER'
  /** The facility asked for is the actor's own facility (the claims it sent that were returned). */
  | 'OWN_FACILITY';

// The reasons of the access log are their own entry (reasons.ts), which the portal may read for its labels.
export { OWN_VIEW_DV_REASON } from './reasons';
export type { AllowReason, ConsentRequiredReason, DecisionReason, ForbiddenReason, NotFoundReason, OwnViewReason, SpecialRecordReason } from './reasons';

/**
 * Viewing authorities granted to one staff account (not a role, not a token claim): the operator grants them and
 * the decision point reads them from the database at decision time (docs/domain.md "Disaster", "Emergency").
 * - DISASTER_VIEWING: 災害時に閲覧権限が与えられた者 (seed 2-1(3)), optionally for one declaration only;
 * - EMERGENCY_VIEWING: 救急時閲覧権限, given to staff of a hospital.
 */
export const VIEWING_AUTHORITIES = ['DISASTER_VIEWING', 'EMERGENCY_VIEWING'] as const;
export type ViewingAuthority = (typeof VIEWING_AUTHORITIES)[number];

/**
 * Categories the policy rules on: the decision point's categories plus the access log (read in the consent subgraph),
 * and the claim-routing lists (docs/drugs.md "Re-routing claims (レセプト振替)"), which belong to an insurer, a facility
 * or the operator rather than to one patient (OWNER_CATEGORIES, decided by `decideOwnerRead`).
 */
export type PolicyCategory = Category | 'ACCESS_LOG' | 'DV_REGISTRATION' | OwnerCategory;

/**
 * Categories the decision point decides per patient (`POST /internal/decisions`): the patient data categories and the
 * patient's own access log, so that every refusal of a patient's field — the gateway's refusals for role included —
 * is logged for that patient (docs/access-policy.md "Every decision is logged").
 */
export const PATIENT_DECISION_CATEGORIES = [...CATEGORIES, 'ACCESS_LOG'] as const satisfies readonly PolicyCategory[];
export type PatientDecisionCategory = (typeof PATIENT_DECISION_CATEGORIES)[number];

/**
 * ROUTED_CLAIMS: the claims stored under an insurer in a month and its re-routing report; RETURNED_CLAIMS: the claims
 * returned (返戻) to a facility, or concerning an insurer; CLAIM_STATISTICS: the national monthly routing statistics.
 */
export const OWNER_CATEGORIES = ['ROUTED_CLAIMS', 'RETURNED_CLAIMS', 'CLAIM_STATISTICS'] as const;
export type OwnerCategory = (typeof OWNER_CATEGORIES)[number];

/**
 * Field-level limits of a rule (docs/domain.md "What a facility may see at all", "Insurers"):
 * - CONFIRMED_COVERAGE: the person and the coverage the confirmation here returned (and the new one, validity 3),
 *   never past insurers; address and postcode withheld for a DV/abuse registration (seed ※ in 2-2), exactly as for
 *   a person with no address on file.
 * - OWN_PERIODS_WITH_ADDRESS: an insurer's member in coverage today: the insurer's own coverage periods and the
 *   address; never another insurer's periods.
 * - OWN_PERIODS: a former insurer: its own coverage periods (and the checkups it commissioned) only; nothing of the
 *   person's later coverage or address.
 */
export type RuleView = 'CONFIRMED_COVERAGE' | 'OWN_PERIODS_WITH_ADDRESS' | 'OWN_PERIODS';

/** How a DV/abuse block answers a rule's readers (PolicyRule.onDvBlock). */
export type DvBlockAnswer = 'NOT_STOPPED' | 'AS_NOBODY' | 'NO_RECORDS';

export interface PolicyRule {
  /** Stable id, used in the generated docs table. */
  id: string;
  category: PolicyCategory;
  roles: readonly Role[];
  /** Kinds of facility the staff member must act for; absent for actors without a facility. */
  facilityKinds?: readonly FacilityKind[];
  condition: PolicyCondition;
  reason: AllowReason;
  /**
   * What a DV/abuse registration does to this rule (seed ※ in 2-2: 全情報の提供及び閲覧を一律不可; docs/domain.md "DV"):
   * NOT_STOPPED — nothing (the confirmation at the counter, her own 提供状況); AS_NOBODY — the caller gets the answer
   * an id that names nobody gets; NO_RECORDS — where the rule's condition holds (she consented at this facility's
   * reader, a disaster or emergency identification here), the facility gets the answer of a person with no records:
   * a refusal there would differ from what it sees for anyone else who consented.
   */
  onDvBlock: DvBlockAnswer;
  /** The staff account must hold this viewing authority (looked up server-side when deciding). */
  authority?: ViewingAuthority;
  /** The actor's facility must be registered as a hospital (病院), not a clinic or pharmacy. */
  hospitalOnly?: boolean;
  /** "Special operation — this view is logged" (seed 2-1(3)). */
  special?: boolean;
  /** What of the record the rule opens, when it opens less than all of it (field-level; see RuleView). */
  view?: RuleView;
  /** Where the rule comes from: a seed passage and the docs/domain.md section. */
  source: string;
}

const COUNTER_STAFF = ['RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST'] as const satisfies readonly Role[];
const EVERY_FACILITY = ['MEDICAL', 'DENTAL', 'PHARMACY'] as const satisfies readonly FacilityKind[];
/** 有資格者 (seed 2-1(2): 医師、歯科医師、薬剤師等のみ取得できる仕組み); reception never views drug or checkup data. */
const LICENSED_STAFF = ['DOCTOR', 'DENTIST', 'PHARMACIST'] as const satisfies readonly Role[];
/**
 * The facilities and staff that may ever receive checkups: pharmacies never do (seed 2-1 ※ 薬局には特定健診情報を
 * 提供しない), so neither pharmacists nor anyone acting for a pharmacy (table code 4).
 */
const CHECKUP_STAFF = ['DOCTOR', 'DENTIST'] as const satisfies readonly Role[];
const CHECKUP_FACILITIES = ['MEDICAL', 'DENTAL'] as const satisfies readonly FacilityKind[];
/** Staff who are not 有資格者: they view in disaster mode only with a disaster viewing authority. */
const UNLICENSED_STAFF = ['RECEPTION'] as const satisfies readonly Role[];
/** A hospital is a medical or dental institution (never a pharmacy) registered as 病院 (docs/domain.md "Emergency"). */
const HOSPITAL_KINDS = ['MEDICAL', 'DENTAL'] as const satisfies readonly FacilityKind[];

const SEED_CONSENT = 'seed 2-1(2) 同意意思を明示的に確認…毎回; docs/domain.md "Consent (同意)" (this facility, 24 h)';
const SEED_DISASTER = 'seed 2-1(3) 災害時における特別措置; docs/domain.md "Disaster"';
const DOMAIN_EMERGENCY = 'docs/domain.md "Emergency access (救急時医療情報閲覧)" (beyond the seed; real system since 2024-12)';
const SEED_SELF = 'seed 2-2 被保険者…からの求めに応じ、薬剤情報を閲覧することができる仕組み; docs/domain.md "Who takes part"';
const DOMAIN_PHR = 'docs/domain.md "PHR apps" (patient-granted, scoped, expiring)';
const SEED_REROUTING = 'seed 3 ※1 資格過誤により返戻されたレセプト (レセプト振替サービス); docs/domain.md "Receipt re-routing (レセプト振替)"';
const SEED_DV = 'seed ※ in 2-2 DV・虐待等の被害者…保険者に申出 (全情報の提供及び閲覧を一律不可); docs/domain.md "DV"';

/** The rules, in the order the decision point tries them within a category (first allow wins). */
export const ACCESS_POLICY: readonly PolicyRule[] = [
  // 資格 (qualification)
  { id: 'qualification.self', category: 'QUALIFICATION', roles: ['PATIENT'], condition: 'SELF', reason: 'SELF', onDvBlock: 'NOT_STOPPED', source: SEED_SELF },
  // The confirmation works for a DV/abuse-registered person too, so that she can be treated under insurance; her
  // address and postcode are withheld (seed ※ in 2-2; docs/domain.md "DV").
  { id: 'qualification.counter', category: 'QUALIFICATION', roles: COUNTER_STAFF, facilityKinds: EVERY_FACILITY, condition: 'COUNTER_CONFIRMATION', reason: 'QUALIFICATION_CHECK', onDvBlock: 'NOT_STOPPED', view: 'CONFIRMED_COVERAGE', source: 'docs/domain.md "Confirmation at the counter (資格確認)"; seed ※ in 2-2 (confirmation still works, address withheld)' },
  { id: 'qualification.confirmed-here', category: 'QUALIFICATION', roles: COUNTER_STAFF, facilityKinds: EVERY_FACILITY, condition: 'CONFIRMED_HERE', reason: 'QUALIFICATION_CHECK', onDvBlock: 'NOT_STOPPED', view: 'CONFIRMED_COVERAGE', source: 'docs/domain.md "What a facility may see at all" (no look-up function: only the answer to the confirmation of this visit, never past insurers)' },
  // The person identified in disaster mode (after consent or the exemption) or for emergency access: the coverage in
  // force, as a confirmation would answer it, so the staff can see whom they are treating (docs/domain.md "Disaster").
  { id: 'qualification.disaster', category: 'QUALIFICATION', roles: LICENSED_STAFF, facilityKinds: EVERY_FACILITY, condition: 'DISASTER_IDENTIFIED', reason: 'DISASTER', special: true, onDvBlock: 'AS_NOBODY', view: 'CONFIRMED_COVERAGE', source: SEED_DISASTER },
  { id: 'qualification.disaster-authorized', category: 'QUALIFICATION', roles: UNLICENSED_STAFF, facilityKinds: EVERY_FACILITY, authority: 'DISASTER_VIEWING', condition: 'DISASTER_IDENTIFIED', reason: 'DISASTER', special: true, onDvBlock: 'AS_NOBODY', view: 'CONFIRMED_COVERAGE', source: `${SEED_DISASTER} 災害時に閲覧権限が与えられた者` },
  { id: 'qualification.emergency', category: 'QUALIFICATION', roles: LICENSED_STAFF, facilityKinds: HOSPITAL_KINDS, hospitalOnly: true, authority: 'EMERGENCY_VIEWING', condition: 'EMERGENCY_OPENED', reason: 'EMERGENCY', special: true, onDvBlock: 'AS_NOBODY', view: 'CONFIRMED_COVERAGE', source: DOMAIN_EMERGENCY },
  { id: 'qualification.insurer-member', category: 'QUALIFICATION', roles: ['INSURER'], condition: 'INSURER_MEMBER', reason: 'INSURER_MEMBER', onDvBlock: 'AS_NOBODY', view: 'OWN_PERIODS_WITH_ADDRESS', source: 'docs/domain.md "Insurers": an insurer sees its members while in coverage' },
  { id: 'qualification.insurer-former', category: 'QUALIFICATION', roles: ['INSURER'], condition: 'INSURER_OF_RECORD', reason: 'INSURER', onDvBlock: 'AS_NOBODY', view: 'OWN_PERIODS', source: 'docs/domain.md "Insurers": a former insurer keeps its own coverage periods, nothing of the later coverage or address' },
  { id: 'qualification.operator', category: 'QUALIFICATION', roles: ['ADMIN'], condition: 'OPERATOR', reason: 'ADMIN', onDvBlock: 'AS_NOBODY', source: 'docs/domain.md "Who takes part": the operator' },
  { id: 'qualification.phr', category: 'QUALIFICATION', roles: ['PHR_APP'], condition: 'PHR_GRANT', reason: 'PHR_GRANT', onDvBlock: 'AS_NOBODY', source: DOMAIN_PHR },
  // 薬剤情報 (drug information)
  { id: 'drug.self', category: 'DRUG', roles: ['PATIENT'], condition: 'SELF', reason: 'SELF', onDvBlock: 'AS_NOBODY', source: SEED_SELF },
  { id: 'drug.consent', category: 'DRUG', roles: LICENSED_STAFF, facilityKinds: EVERY_FACILITY, condition: 'CONSENT_AT_FACILITY', reason: 'CONSENT', onDvBlock: 'NO_RECORDS', source: SEED_CONSENT },
  { id: 'drug.disaster', category: 'DRUG', roles: LICENSED_STAFF, facilityKinds: EVERY_FACILITY, condition: 'DISASTER_IDENTIFIED', reason: 'DISASTER', special: true, onDvBlock: 'NO_RECORDS', source: SEED_DISASTER },
  { id: 'drug.disaster-authorized', category: 'DRUG', roles: UNLICENSED_STAFF, facilityKinds: EVERY_FACILITY, authority: 'DISASTER_VIEWING', condition: 'DISASTER_IDENTIFIED', reason: 'DISASTER', special: true, onDvBlock: 'NO_RECORDS', source: `${SEED_DISASTER} 災害時に閲覧権限が与えられた者` },
  { id: 'drug.emergency', category: 'DRUG', roles: LICENSED_STAFF, facilityKinds: HOSPITAL_KINDS, hospitalOnly: true, authority: 'EMERGENCY_VIEWING', condition: 'EMERGENCY_OPENED', reason: 'EMERGENCY', special: true, onDvBlock: 'NO_RECORDS', source: DOMAIN_EMERGENCY },
  { id: 'drug.phr', category: 'DRUG', roles: ['PHR_APP'], condition: 'PHR_GRANT', reason: 'PHR_GRANT', onDvBlock: 'AS_NOBODY', source: DOMAIN_PHR },
  // 特定健診情報 (checkups)
  { id: 'checkup.self', category: 'CHECKUP', roles: ['PATIENT'], condition: 'SELF', reason: 'SELF', onDvBlock: 'AS_NOBODY', source: SEED_SELF },
  { id: 'checkup.consent', category: 'CHECKUP', roles: CHECKUP_STAFF, facilityKinds: CHECKUP_FACILITIES, condition: 'CONSENT_AT_FACILITY', reason: 'CONSENT', onDvBlock: 'NO_RECORDS', source: `${SEED_CONSENT}; seed 2-1 ※ 薬局には特定健診情報を提供しない` },
  { id: 'checkup.disaster', category: 'CHECKUP', roles: CHECKUP_STAFF, facilityKinds: CHECKUP_FACILITIES, condition: 'DISASTER_IDENTIFIED', reason: 'DISASTER', special: true, onDvBlock: 'NO_RECORDS', source: `${SEED_DISASTER}; seed 2-1 ※ 薬局には特定健診情報を提供しない` },
  { id: 'checkup.disaster-authorized', category: 'CHECKUP', roles: UNLICENSED_STAFF, facilityKinds: CHECKUP_FACILITIES, authority: 'DISASTER_VIEWING', condition: 'DISASTER_IDENTIFIED', reason: 'DISASTER', special: true, onDvBlock: 'NO_RECORDS', source: `${SEED_DISASTER} 災害時に閲覧権限が与えられた者; seed 2-1 ※ 薬局には特定健診情報を提供しない` },
  { id: 'checkup.emergency', category: 'CHECKUP', roles: CHECKUP_STAFF, facilityKinds: HOSPITAL_KINDS, hospitalOnly: true, authority: 'EMERGENCY_VIEWING', condition: 'EMERGENCY_OPENED', reason: 'EMERGENCY', special: true, onDvBlock: 'NO_RECORDS', source: DOMAIN_EMERGENCY },
  { id: 'checkup.insurer', category: 'CHECKUP', roles: ['INSURER'], condition: 'INSURER_MEMBER', reason: 'INSURER_MEMBER', onDvBlock: 'AS_NOBODY', source: 'seed 2-3 保険者間の特定健診データ等の引継ぎ (高確法27: the new insurer receives a copy); docs/domain.md "Specific health checkups (特定健診)"' },
  { id: 'checkup.insurer-commissioned', category: 'CHECKUP', roles: ['INSURER'], condition: 'INSURER_OF_RECORD', reason: 'INSURER', onDvBlock: 'AS_NOBODY', view: 'OWN_PERIODS', source: 'docs/domain.md "Specific health checkups (特定健診)": the old insurer keeps the records it commissioned, nothing dated after the member left' },
  { id: 'checkup.phr', category: 'CHECKUP', roles: ['PHR_APP'], condition: 'PHR_GRANT', reason: 'PHR_GRANT', onDvBlock: 'AS_NOBODY', source: DOMAIN_PHR },
  // 医療費通知 (medical expenses): the patient's own, and an app's under an explicit expenses scope; never a facility's.
  { id: 'expenses.self', category: 'EXPENSES', roles: ['PATIENT'], condition: 'SELF', reason: 'SELF', onDvBlock: 'AS_NOBODY', source: 'docs/domain.md "What a facility may see at all": medical expenses are the patient\'s own' },
  { id: 'expenses.phr', category: 'EXPENSES', roles: ['PHR_APP'], condition: 'PHR_GRANT', reason: 'PHR_GRANT', onDvBlock: 'AS_NOBODY', source: `docs/domain.md "What a facility may see at all": a PHR app under an explicit expenses scope; ${DOMAIN_PHR}` },
  // 医療保険情報の提供状況 (the access log, consents and grants of a patient)
  { id: 'access-log.self', category: 'ACCESS_LOG', roles: ['PATIENT'], condition: 'SELF', reason: 'SELF', onDvBlock: 'NOT_STOPPED', source: 'docs/domain.md "Consent (同意)": patients see this as 医療保険情報の提供状況' },
  { id: 'access-log.operator', category: 'ACCESS_LOG', roles: ['ADMIN'], condition: 'OPERATOR', reason: 'ADMIN', onDvBlock: 'NOT_STOPPED', source: 'docs/domain.md "Who takes part": the operator sees the audit' },
  // DV・虐待等被害者の登録と解除 (registering and lifting a block, on the person's request)
  { id: 'dv-registration.insurer', category: 'DV_REGISTRATION', roles: ['INSURER'], condition: 'INSURER_IN_FORCE', reason: 'INSURER', onDvBlock: 'NOT_STOPPED', source: SEED_DV },
  { id: 'dv-registration.operator', category: 'DV_REGISTRATION', roles: ['ADMIN'], condition: 'OPERATOR', reason: 'ADMIN', onDvBlock: 'NOT_STOPPED', source: SEED_DV },
  // レセプト振替 (re-routing claims): lists of an insurer, a facility or the nation, not of one patient.
  { id: 'routed-claims.insurer', category: 'ROUTED_CLAIMS', roles: ['INSURER'], condition: 'OWN_INSURER', reason: 'INSURER', onDvBlock: 'NOT_STOPPED', source: SEED_REROUTING },
  { id: 'routed-claims.operator', category: 'ROUTED_CLAIMS', roles: ['ADMIN'], condition: 'OPERATOR', reason: 'ADMIN', onDvBlock: 'NOT_STOPPED', source: SEED_REROUTING },
  { id: 'returned-claims.facility', category: 'RETURNED_CLAIMS', roles: COUNTER_STAFF, facilityKinds: EVERY_FACILITY, condition: 'OWN_FACILITY', reason: 'OWN_FACILITY', onDvBlock: 'NOT_STOPPED', source: `${SEED_REROUTING} (返戻: the facility acts on it)` },
  { id: 'returned-claims.insurer', category: 'RETURNED_CLAIMS', roles: ['INSURER'], condition: 'OWN_INSURER', reason: 'INSURER', onDvBlock: 'NOT_STOPPED', source: `${SEED_REROUTING} (the insurers concerned)` },
  { id: 'returned-claims.operator', category: 'RETURNED_CLAIMS', roles: ['ADMIN'], condition: 'OPERATOR', reason: 'ADMIN', onDvBlock: 'NOT_STOPPED', source: SEED_REROUTING },
  { id: 'claim-statistics.operator', category: 'CLAIM_STATISTICS', roles: ['ADMIN'], condition: 'OPERATOR', reason: 'ADMIN', onDvBlock: 'NOT_STOPPED', source: SEED_REROUTING },
];

export const POLICY_CATEGORIES = ['QUALIFICATION', 'DRUG', 'CHECKUP', 'EXPENSES', 'ACCESS_LOG', 'DV_REGISTRATION', ...OWNER_CATEGORIES] as const satisfies readonly PolicyCategory[];

/** Whose list is asked for: an insurer's, a facility's, or (neither) the nation's. */
export interface OwnerTarget { insurerNumber?: string | undefined; facilityCode?: string | undefined }

/** The owner named in the access log for a list that belongs to no patient (e.g. `insurer:39131008`, `facility:1311234567`). */
export function ownerLogId(target: OwnerTarget): string {
  if (target.insurerNumber !== undefined) return `insurer:${target.insurerNumber}`;
  if (target.facilityCode !== undefined) return `facility:${target.facilityCode}`;
  return 'nation';
}

/**
 * Decides a read of an owner's list (OWNER_CATEGORIES) from the rules of its category: the first rule that applies to
 * the actor and whose condition holds allows. Evaluated by the decision point (consent), which logs it.
 */
export function decideOwnerRead(actor: PolicyActor & { insurerNumber?: string | undefined; facilityCode?: string | undefined }, category: OwnerCategory, target: OwnerTarget): { allow: boolean; rule?: string; reason: string } {
  const applicable = rulesFor(category).filter((rule) => ruleAppliesTo(rule, actor));
  if (applicable.length === 0) return { allow: false, reason: 'ROLE_NOT_LICENSED' };
  for (const rule of applicable) {
    const holds = rule.condition === 'OPERATOR' ? actor.role === 'ADMIN'
      : rule.condition === 'OWN_INSURER' ? target.insurerNumber !== undefined && actor.insurerNumber === target.insurerNumber
      : rule.condition === 'OWN_FACILITY' ? target.facilityCode !== undefined && actor.facilityCode === target.facilityCode
      : false;
    if (holds) return { allow: true, rule: rule.id, reason: rule.reason };
  }
  return { allow: false, reason: applicable.some((rule) => rule.condition === 'OWN_INSURER') ? 'NOT_OWN_INSURER' : 'NOT_OWN_FACILITY' };
}

/** The part of an actor the policy looks at before any fact about the patient. */
export interface PolicyActor {
  role: Role;
  /** The facility kind the actor acts for (from the facility code's table digit; undefined when none or invalid). */
  facilityKind?: FacilityKind | undefined;
  /** Viewing authorities of the staff account, read from the database (never from a token claim). */
  authorities?: readonly ViewingAuthority[] | undefined;
  /** The actor's facility is registered as a hospital (病院). */
  atHospital?: boolean | undefined;
}

/**
 * The policy's view of a verified actor: the facility kind from the facility code's table digit. A token whose
 * code is malformed, or whose facilityKind claim disagrees with its code, acts for no facility (fail closed).
 */
export function policyActorOf(actor: Pick<Actor, 'role' | 'facilityCode' | 'facilityKind'>): PolicyActor {
  if (actor.facilityCode === undefined || !isValidFacilityCode(actor.facilityCode)) return { role: actor.role };
  const kind = facilityKindOfCode(actor.facilityCode);
  if (kind === undefined || (actor.facilityKind !== undefined && actor.facilityKind !== kind)) return { role: actor.role };
  return { role: actor.role, facilityKind: kind };
}

/** Does the rule apply to this actor (role, facility kind, hospital, viewing authority), whatever the patient? */
export function ruleAppliesTo(rule: PolicyRule, actor: PolicyActor): boolean {
  if (!rule.roles.includes(actor.role)) return false;
  if (rule.authority !== undefined && !(actor.authorities ?? []).includes(rule.authority)) return false;
  if (rule.hospitalOnly === true && actor.atHospital !== true) return false;
  if (rule.facilityKinds === undefined) return true;
  return actor.facilityKind !== undefined && rule.facilityKinds.includes(actor.facilityKind);
}

/** The field-level view of the rule that allowed (by the id the decision point returns); undefined: the whole record. */
export function viewOfRule(ruleId: string | undefined): RuleView | undefined {
  return ACCESS_POLICY.find((rule) => rule.id === ruleId)?.view;
}

export function rulesFor(category: PolicyCategory): PolicyRule[] {
  return ACCESS_POLICY.filter((rule) => rule.category === category);
}

/** Could this actor ever be shown this category (given the right consent, grant or declaration)? */
export function mayEverRead(actor: PolicyActor, category: PolicyCategory): boolean {
  return rulesFor(category).some((rule) => ruleAppliesTo(rule, actor));
}

/**
 * Could this actor read the category with whatever viewing authority or hospital registration its account might
 * hold? For layers that see only the token (e.g. the checkups subgraph's own defence): they refuse what no grant
 * could ever open (a pharmacy and checkups) and leave the rest to the decision point, which reads the authorities.
 */
export function mayEverReadWithAnyAuthority(actor: PolicyActor, category: PolicyCategory): boolean {
  return mayEverRead({ ...actor, authorities: VIEWING_AUTHORITIES, atHospital: true }, category);
}

/** Could a rule with this condition (of any category) ever apply to this actor? E.g. who may run the disaster search. */
export function mayEverUse(actor: PolicyActor, condition: PolicyCondition): boolean {
  return ACCESS_POLICY.some((rule) => rule.condition === condition && ruleAppliesTo(rule, actor));
}

/** Roles named by any rule of the category: the `@Access` list of the fields that carry it. */
export function readersOf(...categories: [PolicyCategory, ...PolicyCategory[]]): [Role, ...Role[]] {
  const roles = [...new Set(categories.flatMap((category) => rulesFor(category).flatMap((rule) => rule.roles)))];
  const [first, ...rest] = roles;
  if (first === undefined) throw new Error(`No rule opens ${categories.join(', ')}`);
  return [first, ...rest];
}

/** Roles of the category's rules with one of these conditions (e.g. who confirms qualification at the counter). */
export function rolesWith(category: PolicyCategory, ...conditions: [PolicyCondition, ...PolicyCondition[]]): [Role, ...Role[]] {
  const roles = [...new Set(rulesFor(category).filter((rule) => conditions.includes(rule.condition)).flatMap((rule) => rule.roles))];
  const [first, ...rest] = roles;
  if (first === undefined) throw new Error(`No ${category} rule with condition ${conditions.join(', ')}`);
  return [first, ...rest];
}

/** PHR scope per category a patient can grant (the token must carry it; docs/domain.md "PHR apps"). */
export function phrScopeOf(category: Category): string {
  return PHR_SCOPES[category];
}

/** What the caller may do, per category: the portal shows or hides views from this, never from its own copy of the rules. */
export interface Capability {
  category: PolicyCategory;
  /** Some rule applies to this actor. */
  mayRead: boolean;
  /** The conditions under which it does (e.g. CONSENT_AT_FACILITY): the portal explains what is needed. */
  conditions: PolicyCondition[];
  /**
   * The card reader of the actor's facility asks the patient for consent to this category: some consent rule
   * names this kind of facility, whatever the actor's own role (a clinic's reader asks about checkups even when
   * reception opened it; a pharmacy's never does — seed 2-1 ※ 薬局には特定健診情報を提供しない).
   */
  askedAtReader: boolean;
}

/** Does a patient's consent at a reader of this kind of facility open this category to anyone there? */
export function consentAskedAt(facilityKind: FacilityKind | undefined, category: PolicyCategory): boolean {
  if (facilityKind === undefined) return false;
  return rulesFor(category).some((rule) => rule.condition === 'CONSENT_AT_FACILITY' && (rule.facilityKinds?.includes(facilityKind) ?? false));
}

function isPatientCategory(category: PolicyCategory): category is Category {
  return Object.hasOwn(PHR_SCOPES, category);
}

export function capabilitiesOf(actor: PolicyActor & { scopes?: readonly string[] }): Capability[] {
  return POLICY_CATEGORIES.map((category) => {
    const rules = rulesFor(category).filter((rule) => ruleAppliesTo(rule, actor))
      // An app's token names the categories the patient granted: without the scope the grant rule cannot apply.
      .filter((rule) => rule.condition !== 'PHR_GRANT' || !isPatientCategory(category) || (actor.scopes ?? []).includes(phrScopeOf(category)));
    return { category, mayRead: rules.length > 0, conditions: [...new Set(rules.map((rule) => rule.condition))], askedAtReader: consentAskedAt(actor.facilityKind, category) };
  });
}

const CONDITION_TEXT: Record<PolicyCondition, string> = {
  SELF: 'the patient themself',
  COUNTER_CONFIRMATION: 'staff of a valid facility confirming the card or insurance-card numbers the patient presents (the confirmation itself)',
  CONFIRMED_HERE: 'this facility confirmed the patient (card or insurance-card numbers presented here), or verified the card at its reader with a consent, < 24 h ago',
  CONSENT_AT_FACILITY: 'consent of the patient at this facility for this category, < 24 h, not revoked',
  DISASTER_IDENTIFIED: 'disaster declaration in force for the facility + patient identified by the 4-field search here + the patient\'s separate consent or the exemption (cannot express their will; life or body) recorded',
  EMERGENCY_OPENED: 'emergency access opened at this facility for this patient with a reason, < 24 h',
  PHR_GRANT: "live grant of the patient to this app for this category + the token's scope",
  INSURER_OF_RECORD: "the insurer appears in the patient's qualification history",
  INSURER_MEMBER: 'the insurer holds the member now (qualifications: its coverage in force today; checkups: the transfer records)',
  INSURER_IN_FORCE: "the insurer of the person's newest coverage (consent's identity index)",
  OPERATOR: 'the operator',
  OWN_INSURER: "the insurer asked for is the actor's own insurer",
  OWN_FACILITY: "the facility asked for is the actor's own facility",
};

const DV_BLOCK_TEXT: Record<DvBlockAnswer, string> = { NOT_STOPPED: 'not stopped', AS_NOBODY: 'as nobody', NO_RECORDS: 'no records' };

const VIEW_TEXT: Record<RuleView, string> = {
  CONFIRMED_COVERAGE: 'only the coverage the confirmation here returned (and the new one, validity 3), never past insurers; no address or postcode under a DV block',
  OWN_PERIODS_WITH_ADDRESS: "only the insurer's own coverage periods, and the address",
  OWN_PERIODS: "only the insurer's own coverage periods (and the checkups it commissioned); no address, nothing of later coverage",
};

/**
 * Whether the subgraph that holds `category` asks the decision point this role's question with nothing but the
 * patient and the category — no fact of its own records (pdp.ts DecisionRequest). Only such questions may be
 * asked ahead by the gateway (predecisions.ts): a question the subgraph asks with a fact (when the caller's facility last confirmed the
 * person; whether the insurer holds her now) has another answer, and asking it without the fact would log a decision
 * nobody made. The subgraphs read this same rule to choose when they attest facts (qualificationAccess.ts,
 * readAccess.ts). ACCESS_LOG is decided by the consent subgraph in its own process, never asked.
 */
export function askedWithoutAttestedFacts(role: Role, category: PatientDecisionCategory): boolean {
  switch (category) {
    case 'QUALIFICATION':
      return !(STAFF_ROLES as readonly Role[]).includes(role) && role !== 'INSURER';
    case 'CHECKUP':
      return role !== 'INSURER';
    case 'DRUG':
    case 'EXPENSES':
      return true;
    case 'ACCESS_LOG':
      return false;
  }
}

/** docs/access-policy.md, generated (`pnpm compose`) and checked for drift (`pnpm compose:check`). */
export function renderPolicyTable(): string {
  const lines = [
    '# Access policy (generated — do not edit)',
    '',
    'Generated from `platform/src/policy.ts` by `pnpm compose`; `pnpm compose:check` fails when this file and the',
    'code differ. One row per rule; within a category the decision point tries the rules in this order and the first',
    'one whose condition holds allows. Anything no rule allows is refused (fail closed). A DV/abuse registration stops',
    'every rule not marked "not stopped": "as nobody" gives the caller the answer an unknown id gets; "no records" gives',
    'a caller whose condition holds the answer of a person with no records (docs/domain.md "DV").',
    '',
    '## Every decision is logged',
    '',
    'Each decision, allowed or refused, is one access-log entry, committed before the answer leaves (no entry, no',
    'answer; docs/decisions/0006-chain-head-locked-by-the-append-alone.md). That includes the gateway\'s refusals for',
    'role: a field that carries a category (`@access(category:)`) refused because no rule of the category names the',
    'caller\'s role is logged as `ROLE_NOT_LICENSED` — for each patient of the operation (`patient(id:)`, `me`) when the',
    'category is a patient\'s (the data categories and ACCESS_LOG), and under the list\'s owner (`insurer:<number>`,',
    '`facility:<code>`, `nation`, from the field\'s arguments) for the owner lists. An id that names nobody gets no entry',
    '(docs/domain.md "DV"). Fields without a category (operator tools, mutations) are refused without an entry: they name',
    'no one\'s data.',
    '',
    '## One decision call per request',
    '',
    'A subgraph asks the decision point before it reads a row of a person. Many of those questions are plain — the',
    'person, the category and the caller, nothing else — and for a query the gateway asks them for the whole request in',
    'one call before the query plan runs: for the people the query names at its root (`patient(id:)`, `me`), the',
    'QUALIFICATION question under which the person is loaded and the category of each field selected on her (with the',
    'values the executor will use: fields under `@skip`/`@include` that will not run are not asked about, and an operation',
    'whose variables it will refuse asks nothing ahead). The gateway does this only when the person\'s own QUALIFICATION',
    'question is plain for the caller\'s role, and marks her fields\' questions as asked after it: when the decision point',
    'refuses her, it neither decides nor logs them, since no subgraph would have asked them. A category the role can never',
    'read is left to its subgraph. The decision point decides and logs the rest exactly as it would for the subgraphs, in',
    'one call, so the access log holds the same entries as when each subgraph asked. The gateway signs the answers',
    'with the services\' shared secret, bound to its own request id and the caller\'s token, valid for 10 s (platform',
    'predecisions.ts), and sends them to the subgraphs, which take an answer only for the plain question it answers and',
    'otherwise ask for themselves; an answer taken counts as proof that the token was live, a header alone does not. A',
    'header that is missing, forged, meant for another request or caller, or too old is ignored; a client\'s header of',
    'that name never passes the gateway. If the gateway\'s call fails, the subgraphs ask as before and fail closed. The',
    'shared secret is the root of this trust, as it already is for every internal route: whoever holds it is a service',
    '(docs/decisions/0005-one-decision-call-per-query.md).',
    '',
    'A question a subgraph asks with a fact of its own records is never asked ahead, since without the fact it has',
    'another answer. Where the person\'s QUALIFICATION question is such a question (staff: when this facility last',
    'confirmed her), the query\'s questions still go to the decision point in one call: the gateway sends qualifications,',
    'in its first call of the plan only, the plain questions about her selected fields, signed for qualifications, the',
    'request and the caller (header `x-onshi-ask-along`); qualifications asks them in the same call as her QUALIFICATION',
    'question, marked as asked after it, so that a refusal of her leaves them undecided and unlogged as before, and returns',
    'the decisions, signed as the gateway signs its own, in its answer\'s extensions. The gateway hands them to the',
    'subgraphs the plan calls next and never passes them to its client (gateway `predecisions.ts`, kit `askAlong.ts`). A',
    'header signed for another subgraph, request or caller, forged or too old is ignored, and a client\'s header of that',
    'name never passes the gateway. Which questions are plain (policy.ts `askedWithoutAttestedFacts`; the gateway asks',
    'ahead for the roles whose QUALIFICATION question is plain, and has qualifications ask along for the others):',
    '',
    '| category | plain (may be asked ahead) for | asked with a fact of its subgraph\'s records, or decided in its own process, for |',
    '|---|---|---|',
    ...PATIENT_DECISION_CATEGORIES.map((category) => {
      const ahead = ROLES.filter((role) => askedWithoutAttestedFacts(role, category));
      const own = ROLES.filter((role) => !askedWithoutAttestedFacts(role, category));
      return `| ${category} | ${ahead.join(', ') || '—'} | ${own.join(', ') || '—'} |`;
    }),
    '',
    'QUALIFICATION for staff carries when the caller\'s facility last confirmed the person, and for insurers whether',
    'they hold her now; CHECKUP for insurers the latter; ACCESS_LOG is decided by the consent subgraph in its own',
    'process and never asked.',
    '',
    '## Rules',
    '',
    '| rule | category | roles | facility kinds | actor must hold | condition | log reason | under a DV block | source |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const rule of ACCESS_POLICY) {
    const special = (rule.special === true ? ' (special: logged as special operation)' : '') + (rule.view !== undefined ? `; shows ${VIEW_TEXT[rule.view]}` : '');
    const holds = [rule.hospitalOnly === true ? 'a hospital (病院)' : undefined, rule.authority].filter(Boolean).join(' + ') || '—';
    lines.push(`| \`${rule.id}\` | ${rule.category} | ${rule.roles.join(', ')} | ${rule.facilityKinds?.join(', ') ?? '—'} | ${holds} | ${CONDITION_TEXT[rule.condition]}${special} | ${rule.reason} | ${DV_BLOCK_TEXT[rule.onDvBlock]} | ${rule.source} |`);
  }
  lines.push('', `PHR scopes per category: ${Object.entries(PHR_SCOPES).map(([category, scope]) => `${category} \`${scope}\``).join(', ')}.`, '');
  return lines.join('\n');
}
