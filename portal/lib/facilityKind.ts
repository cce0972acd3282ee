import type { Messages } from './messages';

/**
 * A facility's kind as staff say it: 医科・病院, 歯科・診療所, or 保険薬局 (a pharmacy is neither a hospital nor a
 * clinic, so "hospital or not" says nothing for it; docs/domain.md "Who takes part").
 */
export function facilityKindLabel(facility: { kind: string; hospital: boolean }, t: Pick<Messages, 'kindMEDICAL' | 'kindDENTAL' | 'facilityHospital' | 'facilityClinic' | 'facilityPharmacy'>): string {
  if (facility.kind === 'PHARMACY') return t.facilityPharmacy;
  const kind = facility.kind === 'MEDICAL' ? t.kindMEDICAL : facility.kind === 'DENTAL' ? t.kindDENTAL : facility.kind;
  return `${kind}・${facility.hospital ? t.facilityHospital : t.facilityClinic}`;
}
