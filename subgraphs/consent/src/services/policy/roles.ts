/**
 * Roles, categories and facility kinds as seen by the consent subgraph's policy decision point.
 *
 * The names themselves live once in @onshi/kit (the `@access` directive, the gateway and this
 * decision point must never disagree on them); this module re-exports them. The access rules themselves
 * are data in @onshi/kit's policy.ts (docs/architecture.md "Conventions": medplum, access rules as data).
 */
import { facilityKindOfCode as tableKindOfCode, isValidFacilityCode, prefectureOfFacility } from '@onshi/platform/codes';
import { CATEGORIES, FACILITY_KINDS, PHR_SCOPES, ROLES, STAFF_ROLES, isRole } from '@onshi/platform/roles';
import type { Actor, Category, FacilityKind, Role } from '@onshi/platform/roles';

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
 * Kind of facility from its 10-digit medical institution code (docs/domain.md "Identity without the My Number":
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
