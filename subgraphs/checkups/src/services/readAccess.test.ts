import { DEMO_CLINIC, DEMO_PHARMACY, type Actor } from '@onshi/kit';
import { actsForPharmacy } from './readAccess';

const actor = (overrides: Partial<Actor>): Actor => ({ subject: 's', role: 'DOCTOR', scopes: [], amr: [], ...overrides });

describe('actsForPharmacy (seed: 薬局には特定健診情報を提供しない)', () => {
  it.each<[string, Partial<Actor>, boolean]>([
    ['a pharmacist', { role: 'PHARMACIST', facilityCode: DEMO_PHARMACY.code }, true],
    ['reception of a pharmacy', { role: 'RECEPTION', facilityCode: DEMO_PHARMACY.code }, true],
    ['a doctor token whose facility code has table code 4', { role: 'DOCTOR', facilityCode: DEMO_PHARMACY.code }, true],
    ['a token that says its facility is a pharmacy', { role: 'DOCTOR', facilityKind: 'PHARMACY' }, true],
    ['a clinic doctor', { role: 'DOCTOR', facilityCode: DEMO_CLINIC.code, facilityKind: 'MEDICAL' }, false],
    ['the patient', { role: 'PATIENT', patientId: 'pt_1' }, false],
    ['an insurer', { role: 'INSURER', insurerNumber: '131011' }, false],
  ])('%s → %p', (_name, overrides, expected) => {
    expect(actsForPharmacy(actor(overrides))).toBe(expected);
  });
});
