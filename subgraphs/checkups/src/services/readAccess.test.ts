import type { Actor } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_PHARMACY } from '@onshi/demo';
import { mayEverReadCheckups } from './readAccess';

const actor = (overrides: Partial<Actor>): Actor => ({ subject: 's', role: 'DOCTOR', scopes: [], amr: [], ...overrides });

describe('mayEverReadCheckups (seed: 薬局には特定健診情報を提供しない)', () => {
  it.each<[string, Partial<Actor>, boolean]>([
    ['a pharmacist', { role: 'PHARMACIST', facilityCode: DEMO_PHARMACY.code }, false],
    ['reception of a pharmacy', { role: 'RECEPTION', facilityCode: DEMO_PHARMACY.code }, false],
    ['a doctor token whose facility code has table code 4', { role: 'DOCTOR', facilityCode: DEMO_PHARMACY.code }, false],
    ['a token that says its facility is a pharmacy', { role: 'DOCTOR', facilityCode: DEMO_CLINIC.code, facilityKind: 'PHARMACY' }, false],
    ['a doctor token without a facility', { role: 'DOCTOR', facilityKind: 'PHARMACY' }, false],
    // Reception of a clinic may be given the disaster viewing authority: the decision point reads it and decides.
    ['clinic reception (the decision point decides: a disaster viewing authority may exist)', { role: 'RECEPTION', facilityCode: DEMO_CLINIC.code, facilityKind: 'MEDICAL' }, true],
    ['a clinic doctor', { role: 'DOCTOR', facilityCode: DEMO_CLINIC.code, facilityKind: 'MEDICAL' }, true],
    ['the patient', { role: 'PATIENT', patientId: 'pt_1' }, true],
    ['an insurer', { role: 'INSURER', insurerNumber: '131011' }, true],
  ])('%s → %p', (_name, overrides, expected) => {
    expect(mayEverReadCheckups(actor(overrides))).toBe(expected);
  });
});
