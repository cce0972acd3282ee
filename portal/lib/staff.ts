import type { Role } from './session';

/** Roles that may open a patient's drug information with consent (DOMAIN.md "Actors"). */
export function mayViewDrugs(role: Role): boolean {
  return role === 'DOCTOR' || role === 'DENTIST' || role === 'PHARMACIST';
}

/** Pharmacies never receive checkup information, so only doctors and dentists ask for it. */
export function mayViewCheckups(role: Role): boolean {
  return role === 'DOCTOR' || role === 'DENTIST';
}

/** 医療機関コード: the 3rd digit is the table code, `4` = 調剤 (pharmacy) (DOMAIN.md "Identity and numbers"). */
export function isPharmacyCode(facilityCode: string | undefined): boolean {
  return facilityCode?.charAt(2) === '4';
}

export const STAFF_ROLES: ReadonlySet<Role> = new Set(['RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST']);
