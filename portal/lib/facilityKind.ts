import type { Messages } from './messages';

/** The kinds the rollout is followed by (consent rollout.ts `rolloutKind`): 医科・歯科 × 病院・診療所, and 薬局. */
const FACILITY_KINDS = ['MEDICAL_HOSPITAL', 'MEDICAL_CLINIC', 'DENTAL_HOSPITAL', 'DENTAL_CLINIC', 'PHARMACY'] as const;

/** A rollout kind key (MEDICAL_CLINIC, PHARMACY…) as staff say it; an unknown key is shown as it is. */
export function facilityKindText(t: Messages, key: string): string {
  const kind = FACILITY_KINDS.find((k) => k === key);
  return kind ? t[`rolloutKind${kind}`] : key;
}

/**
 * A facility's kind as staff say it: 医科・病院, 歯科・診療所, or 薬局 (a pharmacy is neither a hospital nor a clinic,
 * so "hospital or not" says nothing for it; docs/domain.md "Who takes part"). The same words as the rollout dashboard.
 */
export function facilityKindLabel(facility: { kind: string; hospital: boolean }, t: Messages): string {
  return facilityKindText(t, facility.kind === 'PHARMACY' ? 'PHARMACY' : `${facility.kind}_${facility.hospital ? 'HOSPITAL' : 'CLINIC'}`);
}
