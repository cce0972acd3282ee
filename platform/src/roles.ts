/**
 * Actors of the system (docs/domain.md "Who takes part"). One place for the role names: the `@access` directive,
 * the gateway plugin, the subgraph auth checker and the decision point all read them from here.
 */
export const ROLES = ['PATIENT', 'RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST', 'PHR_APP', 'INSURER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles are bound to one facility (医療機関・薬局). */
export const STAFF_ROLES = ['RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST'] as const satisfies readonly Role[];

/**
 * Categories of information the decision point rules on (per-category consent, docs/domain.md "Consent (同意) — the core rule").
 * EXPENSES (医療費通知) is its own category: the patient's own and an app's under an explicit scope, never a
 * facility's (docs/domain.md "Consent (同意) — the core rule"; who reads what is in ./policy.ts).
 */
export const CATEGORIES = ['QUALIFICATION', 'DRUG', 'CHECKUP', 'EXPENSES'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Table code (3rd digit) of the 10-digit medical institution code: 1 医科, 3 歯科, 4 調剤. */
export const FACILITY_KINDS = ['MEDICAL', 'DENTAL', 'PHARMACY'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** PHR grant scopes, one per category a patient can share (docs/domain.md "PHR apps"). */
export const PHR_SCOPES = { DRUG: 'drug:read', CHECKUP: 'checkup:read', QUALIFICATION: 'qualification:read', EXPENSES: 'expenses:read' } as const satisfies Record<Category, string>;

/**
 * How the person at a facility's card reader was verified (docs/domain.md "Confirmation at the counter (資格確認)"): face
 * recognition, the card's PIN, or visually by staff. The reader signs it, the verification token carries it to
 * qualifications (docs/contracts.md), and the API shows it as the enum CardVerificationMethod.
 */
export const CARD_VERIFICATION_METHODS = ['FACE', 'PIN', 'VISUAL'] as const;
export type CardVerificationMethod = (typeof CARD_VERIFICATION_METHODS)[number];

/** The authenticated caller, built from verified JWT claims (docs/architecture.md "Who may see what: three layers", layer 1). */
export interface Actor {
  /** Stable subject: staff id, patient id, app id or operator id. */
  subject: string;
  role: Role;
  facilityCode?: string;
  facilityKind?: FacilityKind;
  /** For PATIENT: the patient themself; for PHR_APP: the patient who granted access. */
  patientId?: string;
  grantId?: string;
  insurerNumber?: string;
  scopes: string[];
  /** Authentication methods (RFC 8176): e.g. ["pin", "hwk"] for card login, ["pwd", "otp"] for staff. */
  amr: string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
