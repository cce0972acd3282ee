import { cookies } from 'next/headers';
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

/**
 * This terminal's reception list: opaque patient ids confirmed here recently (never names or numbers), in an
 * httpOnly cookie, so the staff view can list today's patients without a facility-wide search API.
 */
export const RECENT_PATIENTS_COOKIE = 'onshi_recent_patients';
const RECENT_MAX = 20;

export async function recentPatients(): Promise<string[]> {
  const raw = (await cookies()).get(RECENT_PATIENTS_COOKIE)?.value ?? '';
  return raw.split('.').filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
}

export async function rememberPatient(patientId: string): Promise<void> {
  const list = [patientId, ...(await recentPatients()).filter((id) => id !== patientId)].slice(0, RECENT_MAX);
  (await cookies()).set(RECENT_PATIENTS_COOKIE, list.join('.'), { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 12 * 60 * 60 });
}
