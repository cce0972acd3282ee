/**
 * The decision point's reasons, the words the access log records with each decision (consent's decision.ts decides,
 * platform policy.ts names the rules that allow). A vocabulary only, importing nothing: the portal reads it for its
 * labels of the person's 提供状況 (its own entries), so the words cannot drift from the ones the log holds.
 */
/** Why a rule allowed (written to the access log as the reason). */
export type AllowReason = 'SELF' | 'QUALIFICATION_CHECK' | 'INSURER' | 'INSURER_MEMBER' | 'ADMIN' | 'CONSENT' | 'DISASTER' | 'EMERGENCY' | 'PHR_GRANT' | 'OWN_FACILITY';
/**
 * Why the decision point refused (consent's decision.ts): written to the access log with the decision, shown to the
 * operator and, for the person's own entries, to the person (their labels are the portal's, keyed by these words).
 */
export type ForbiddenReason =
  | 'DV_BLOCK'
  | 'NOT_SELF'
  | 'FACILITY_KIND_NOT_ALLOWED'
  | 'ROLE_NOT_LICENSED'
  | 'NO_FACILITY'
  | 'FACILITY_MISMATCH'
  | 'NOT_INSURER'
  | 'NOT_CONFIRMED_HERE'
  | 'GRANT_MISMATCH'
  | 'APP_DISABLED'
  | 'TOKEN_SCOPE';
export type ConsentRequiredReason = 'NO_CONSENT' | 'NO_GRANT' | 'GRANT_REVOKED' | 'GRANT_EXPIRED' | 'GRANT_SCOPE' | 'DV_BLOCK';
/** A DV-blocked person (or an unknown id) asked by an actor who would see any existing person: "no such person". */
export type NotFoundReason = 'DV_BLOCK' | 'UNKNOWN_PATIENT';
/**
 * Entries the consent subgraph writes for special operations that are not decisions on a read: recording the
 * patient's consent or the exemption after a disaster identification (consent's disasterSearch.ts), and opening an emergency
 * access (consent's emergencyAccess.ts). The patient sees them in 提供状況 like any other entry.
 */
export type SpecialRecordReason = 'DISASTER_CONSENT' | 'DISASTER_EXEMPTION' | 'EMERGENCY_OPENED';
export type DecisionReason = AllowReason | ForbiddenReason | ConsentRequiredReason | SpecialRecordReason;
/**
 * The person's own 提供状況 shows a refusal for a DV/abuse block as "not provided": whoever holds her card reads it
 * (docs/domain.md "DV"). The reasons a patient can see are these.
 */
export const OWN_VIEW_DV_REASON = 'NOT_PROVIDED';
export type OwnViewReason = Exclude<DecisionReason, 'DV_BLOCK'> | typeof OWN_VIEW_DV_REASON;
