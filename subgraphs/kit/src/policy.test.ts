import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_POLICY, OWNER_CATEGORIES, capabilitiesOf, mayEverRead, mayEverUse, policyActorOf, readersOf, renderPolicyTable, rolesWith } from '@onshi/platform';
import { withCheckDigit } from '@onshi/platform';

// A clinic (table 1) and a pharmacy (table 4) in Tokyo: the kit is below the demo package, so its tests name their own.
const CLINIC = { code: withCheckDigit('131012345') };
const PHARMACY = { code: withCheckDigit('134010567') };

describe('the access policy as data', () => {
  test('docs/access-policy.md is exactly what the policy renders (drift check; `pnpm compose` writes it)', () => {
    const committed = readFileSync(path.join(__dirname, '../../../docs/access-policy.md'), 'utf8');
    expect(committed).toBe(renderPolicyTable());
  });

  test('every rule cites its source and has a unique id', () => {
    const domain = readFileSync(path.join(__dirname, '../../../docs/domain.md'), 'utf8');
    const headings = domain.split('\n').filter((line) => line.startsWith('#')).join('\n');
    for (const rule of ACCESS_POLICY) {
      const sections = [...rule.source.matchAll(/docs\/domain\.md "([^"]+)"/g)].map((match) => match[1] ?? '');
      expect({ rule: rule.id, cited: sections.length > 0 }).toEqual({ rule: rule.id, cited: true });
      for (const section of sections) expect({ rule: rule.id, section, found: headings.includes(section) }).toEqual({ rule: rule.id, section, found: true });
    }
    expect(new Set(ACCESS_POLICY.map((rule) => rule.id)).size).toBe(ACCESS_POLICY.length);
  });

  test('derived @Access role lists: pharmacists never read checkups; reception only with the disaster viewing authority; expenses only the patient and apps', () => {
    expect(readersOf('CHECKUP').sort()).toEqual(['DENTIST', 'DOCTOR', 'INSURER', 'PATIENT', 'PHR_APP', 'RECEPTION']);
    expect(readersOf('DRUG').sort()).toEqual(['DENTIST', 'DOCTOR', 'PATIENT', 'PHARMACIST', 'PHR_APP', 'RECEPTION']);
    // Patient data only: the facility's own returned claims (RETURNED_CLAIMS) are its billing, read by reception too.
    const ownerCategories: readonly string[] = OWNER_CATEGORIES;
    expect(ACCESS_POLICY.filter((rule) => rule.roles.includes('RECEPTION') && rule.category !== 'QUALIFICATION' && !ownerCategories.includes(rule.category)).every((rule) => rule.authority === 'DISASTER_VIEWING')).toBe(true);
    expect(readersOf('EXPENSES').sort()).toEqual(['PATIENT', 'PHR_APP']);
    expect(rolesWith('QUALIFICATION', 'COUNTER_CONFIRMATION').sort()).toEqual(['DENTIST', 'DOCTOR', 'PHARMACIST', 'RECEPTION']);
  });

  test('a doctor acting for a pharmacy code may never read checkups; a forged facilityKind acts for no facility', () => {
    expect(mayEverRead(policyActorOf({ role: 'DOCTOR', facilityCode: PHARMACY.code }), 'CHECKUP')).toBe(false);
    expect(mayEverRead(policyActorOf({ role: 'DOCTOR', facilityCode: CLINIC.code }), 'CHECKUP')).toBe(true);
    expect(policyActorOf({ role: 'DOCTOR', facilityCode: CLINIC.code, facilityKind: 'PHARMACY' })).toEqual({ role: 'DOCTOR' });
    expect(mayEverRead(policyActorOf({ role: 'DOCTOR', facilityCode: CLINIC.code, facilityKind: 'PHARMACY' }), 'DRUG')).toBe(false);
  });

  test('capabilities: what the portal shows follows the policy', () => {
    const of = (actor: Parameters<typeof capabilitiesOf>[0]) => Object.fromEntries(capabilitiesOf(actor).map((c) => [c.category, c.mayRead]));
    expect(of({ role: 'PHARMACIST', facilityKind: 'PHARMACY' })).toEqual({ QUALIFICATION: true, DRUG: true, CHECKUP: false, EXPENSES: false, ACCESS_LOG: false, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false });
    expect(of({ role: 'RECEPTION', facilityKind: 'MEDICAL' })).toEqual({ QUALIFICATION: true, DRUG: false, CHECKUP: false, EXPENSES: false, ACCESS_LOG: false, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false });
    expect(of({ role: 'DOCTOR', facilityKind: 'MEDICAL' })).toEqual({ QUALIFICATION: true, DRUG: true, CHECKUP: true, EXPENSES: false, ACCESS_LOG: false, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false });
    expect(of({ role: 'PHR_APP', scopes: ['drug:read'] })).toEqual({ QUALIFICATION: false, DRUG: true, CHECKUP: false, EXPENSES: false, ACCESS_LOG: false, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: false, CLAIM_STATISTICS: false });
    expect(of({ role: 'RECEPTION', facilityKind: 'MEDICAL', authorities: ['DISASTER_VIEWING'] })).toEqual({ QUALIFICATION: true, DRUG: true, CHECKUP: true, EXPENSES: false, ACCESS_LOG: false, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false });
    expect(of({ role: 'RECEPTION', facilityKind: 'PHARMACY', authorities: ['DISASTER_VIEWING'] })).toEqual({ QUALIFICATION: true, DRUG: true, CHECKUP: false, EXPENSES: false, ACCESS_LOG: false, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: true, CLAIM_STATISTICS: false });
    expect(mayEverUse({ role: 'DOCTOR', facilityKind: 'MEDICAL', authorities: ['EMERGENCY_VIEWING'] }, 'EMERGENCY_OPENED')).toBe(false);
    expect(mayEverUse({ role: 'DOCTOR', facilityKind: 'MEDICAL', atHospital: true }, 'EMERGENCY_OPENED')).toBe(false);
    expect(mayEverUse({ role: 'DOCTOR', facilityKind: 'MEDICAL', atHospital: true, authorities: ['EMERGENCY_VIEWING'] }, 'EMERGENCY_OPENED')).toBe(true);
    expect(mayEverUse({ role: 'PHARMACIST', facilityKind: 'PHARMACY', atHospital: true, authorities: ['EMERGENCY_VIEWING'] }, 'EMERGENCY_OPENED')).toBe(false);
    expect(of({ role: 'PATIENT' })).toEqual({ QUALIFICATION: true, DRUG: true, CHECKUP: true, EXPENSES: true, ACCESS_LOG: true, DV_REGISTRATION: false, ROUTED_CLAIMS: false, RETURNED_CLAIMS: false, CLAIM_STATISTICS: false });
  });
});
