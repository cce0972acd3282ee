import type { Role } from './session';

/** 医療機関コード: the 3rd digit is the table code, `4` = 調剤 (pharmacy) (DOMAIN.md "Identity and numbers"). */
export function isPharmacyCode(facilityCode: string | undefined): boolean {
  return facilityCode?.charAt(2) === '4';
}

export const STAFF_ROLES: ReadonlySet<Role> = new Set(['RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST']);
