import type { Role } from '@onshi/kit';

/**
 * Who may read drug information (薬剤情報) at all: licensed staff with the patient's consent, the patient
 * themself, and PHR apps with a drug grant (DOMAIN.md "Actors", "Consent", "PHR"). Reception and insurers
 * never do. Whether *this* caller may read *this* patient is the decision point's answer per request.
 */
export const DRUG_READERS = ['DOCTOR', 'DENTIST', 'PHARMACIST', 'PATIENT', 'PHR_APP'] as const satisfies readonly [Role, ...Role[]];
