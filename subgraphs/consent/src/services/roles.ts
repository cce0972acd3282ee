/**
 * Roles, categories and facility kinds as seen by the consent subgraph's policy decision point.
 *
 * The names themselves live once in @onshi/kit (the `@access` directive, the gateway and this
 * decision point must never disagree on them); this module re-exports them and adds the access
 * rules that only the decision point needs, kept as data (ARCHITECTURE.md "Conventions": medplum,
 * access rules as data).
 */
import { facilityKindOfCode as tableKindOfCode, isValidFacilityCode, prefectureOfFacility } from '@onshi/kit/src/codes';
import { CATEGORIES, FACILITY_KINDS, PHR_SCOPES, ROLES, STAFF_ROLES, isRole } from '@onshi/kit/src/roles';
import type { Actor, Category, FacilityKind, Role } from '@onshi/kit/src/roles';

export { CATEGORIES, FACILITY_KINDS, PHR_SCOPES, ROLES, STAFF_ROLES, isRole, isValidFacilityCode };
export type { Actor, Category, FacilityKind, Role };

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/**
 * Which categories each role may ever be shown, before consent, disaster mode or a PHR grant is
 * considered (DOMAIN.md "Actors"; seed 2-1: 受付職員による取得等ができないような仕組み — reception never
 * gets drug or checkup data; seed: 薬局には特定健診情報を提供しない — pharmacists get no checkups).
 *
 * - PATIENT and PHR_APP list every category, but the decision point narrows them further: a patient
 *   only to their own record, an app only to what the patient granted.
 * - INSURER and ADMIN get qualification data only: the operator runs the system (disaster mode, DV
 *   registration, audit) and the insurer registers qualifications; neither is a treating clinician, so
 *   neither is shown drug or checkup information. (Checkup transfer between insurers on a change of
 *   insurer is a batch between insurers, not a read through this decision point.)
 */
export const LICENSED_CATEGORIES: Readonly<Record<Role, readonly Category[]>> = {
  PATIENT: ['QUALIFICATION', 'DRUG', 'CHECKUP'],
  RECEPTION: ['QUALIFICATION'],
  DOCTOR: ['QUALIFICATION', 'DRUG', 'CHECKUP'],
  DENTIST: ['QUALIFICATION', 'DRUG', 'CHECKUP'],
  PHARMACIST: ['QUALIFICATION', 'DRUG'],
  PHR_APP: ['QUALIFICATION', 'DRUG', 'CHECKUP'],
  INSURER: ['QUALIFICATION'],
  ADMIN: ['QUALIFICATION'],
};

export function isLicensedFor(role: Role, category: Category): boolean {
  return LICENSED_CATEGORIES[role].includes(category);
}

/**
 * Kind of facility from its 10-digit medical institution code (DOMAIN.md "Identity and numbers":
 * table code 1 医科, 3 歯科, 4 調剤). Returns undefined for anything that is not a well-formed code
 * with a correct check digit, so that a malformed code can never be mistaken for a facility and
 * callers fail closed.
 */
export function facilityKindOfCode(code: string): FacilityKind | undefined {
  return isValidFacilityCode(code) ? tableKindOfCode(code) : undefined;
}

/** Two-digit prefecture code (JIS X 0401) of a valid facility code, else undefined. */
export function prefectureOfFacilityCode(code: string): string | undefined {
  return isValidFacilityCode(code) ? prefectureOfFacility(code) : undefined;
}
