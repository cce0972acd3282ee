import type { Role } from './session';
import { STAFF_ROLES as STAFF_ROLE_LIST } from '@onshi/platform/roles';
import { gatewayQuery } from './gateway';
import { StaffCapabilitiesQuery } from './graphql/facility';
import type { PolicyCategory } from './graphql/generated/graphql';

/** Roles that act for a facility: the platform's browser-safe list (one list for every layer). */
export const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(STAFF_ROLE_LIST);

/** What the signed-in staff member may be shown, as the API's access policy answers it (docs/access-policy.md). */
export interface StaffCapabilities {
  /** Drug information may be opened (with the patient's consent at this facility). */
  drugs: boolean;
  /** Checkup information may be opened (never at a pharmacy). */
  checkups: boolean;
  /** This facility's reader asks the patient about checkups (not at a pharmacy). */
  readerAsksCheckups: boolean;
}

/**
 * The portal never re-derives who may see what: it asks the API's `capabilities` field, built from the one
 * access policy. When the answer cannot be had, nothing is opened (fail closed).
 */
export async function staffCapabilities(token: string): Promise<StaffCapabilities> {
  const result = await gatewayQuery(StaffCapabilitiesQuery, {}, token);
  const of = (category: PolicyCategory) => (result.ok ? result.data.capabilities.find((capability) => capability.category === category) : undefined);
  return { drugs: of('DRUG')?.mayRead ?? false, checkups: of('CHECKUP')?.mayRead ?? false, readerAsksCheckups: of('CHECKUP')?.askedAtReader ?? false };
}
