import { CONSENT_VALIDITY_MS, answerForUnknown, consentFlag, decide } from './decision';
import type { ConsentFact, Decision, DecisionActor, DecisionFacts, DecisionReason, DisasterFact, DisasterPermissionFact, EmergencyAccessFact, GrantFact, SpecialRecordReason } from './decision';
import type { PolicyCategory } from '@onshi/kit';
import type { Category } from './roles';

const NOW = new Date('2025-04-01T09:00:00.000Z');
const MS = 1;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const PATIENT = 'pt-0001';
const OTHER_PATIENT = 'pt-0002';
// Valid 10-digit codes (Luhn check digit): Tokyo (13) clinic A and B, dental, pharmacy; Osaka (27) clinic.
const CLINIC_A = '1310112345';
const CLINIC_B = '1310156789';
const DENTAL = '1330112341';
const PHARMACY = '1340112349';
const OSAKA_CLINIC = '2710112349';

const actor = {
  patient: { role: 'PATIENT', subject: PATIENT, patientId: PATIENT, scopes: [] },
  otherPatient: { role: 'PATIENT', subject: OTHER_PATIENT, patientId: OTHER_PATIENT, scopes: [] },
  reception: { role: 'RECEPTION', subject: 'staff-reception', facilityCode: CLINIC_A, facilityKind: 'MEDICAL', scopes: [] },
  pharmacyReception: { role: 'RECEPTION', subject: 'staff-ph-reception', facilityCode: PHARMACY, facilityKind: 'PHARMACY', scopes: [] },
  doctor: { role: 'DOCTOR', subject: 'staff-doctor-a', facilityCode: CLINIC_A, facilityKind: 'MEDICAL', scopes: [] },
  doctorB: { role: 'DOCTOR', subject: 'staff-doctor-b', facilityCode: CLINIC_B, facilityKind: 'MEDICAL', scopes: [] },
  osakaDoctor: { role: 'DOCTOR', subject: 'staff-doctor-osaka', facilityCode: OSAKA_CLINIC, facilityKind: 'MEDICAL', scopes: [] },
  doctorNoFacility: { role: 'DOCTOR', subject: 'staff-doctor-x', scopes: [] },
  doctorBadCode: { role: 'DOCTOR', subject: 'staff-doctor-y', facilityCode: '1310112346', scopes: [] },
  doctorKindMismatch: { role: 'DOCTOR', subject: 'staff-doctor-z', facilityCode: CLINIC_A, facilityKind: 'DENTAL', scopes: [] },
  doctorAtPharmacyCode: { role: 'DOCTOR', subject: 'staff-doctor-p', facilityCode: PHARMACY, scopes: [] },
  dentist: { role: 'DENTIST', subject: 'staff-dentist', facilityCode: DENTAL, facilityKind: 'DENTAL', scopes: [] },
  pharmacist: { role: 'PHARMACIST', subject: 'staff-pharmacist', facilityCode: PHARMACY, facilityKind: 'PHARMACY', scopes: [] },
  phr: { role: 'PHR_APP', subject: 'app-1', patientId: PATIENT, grantId: 'grant-1', scopes: ['drug:read', 'checkup:read', 'qualification:read'] },
  phrOtherGrant: { role: 'PHR_APP', subject: 'app-1', patientId: PATIENT, grantId: 'grant-9', scopes: ['drug:read'] },
  phrOtherApp: { role: 'PHR_APP', subject: 'app-2', patientId: PATIENT, grantId: 'grant-1', scopes: ['drug:read'] },
  phrNarrowToken: { role: 'PHR_APP', subject: 'app-1', patientId: PATIENT, grantId: 'grant-1', scopes: ['qualification:read'] },
  insurer: { role: 'INSURER', subject: 'insurer-06132013', insurerNumber: '06132013', scopes: [] },
  otherInsurer: { role: 'INSURER', subject: 'insurer-33120015', insurerNumber: '33120015', scopes: [] },
  admin: { role: 'ADMIN', subject: 'operator-1', scopes: [] },
} satisfies Record<string, DecisionActor>;

function consent(facilityCode: string, category: Category, registeredAt: Date, extra: Partial<ConsentFact> = {}): ConsentFact {
  return { id: `c-${facilityCode}-${category}-${registeredAt.getTime()}`, patientId: PATIENT, facilityCode, category, registeredAt, ...extra };
}
const drugConsentA = consent(CLINIC_A, 'DRUG', at(-1 * HOUR));
const checkupConsentA = consent(CLINIC_A, 'CHECKUP', at(-1 * HOUR));
const tokyoDisaster: DisasterFact = { id: 'disaster-tokyo', prefectures: ['13'], startsAt: at(-DAY), endsAt: at(7 * DAY) };
/** The patient identified here by the 4-field search, with consent (or the exemption) recorded. */
const permitted = (by: DecisionActor, disasterId = 'disaster-tokyo', basis: 'CONSENT' | 'EXEMPTION' = 'CONSENT'): DisasterPermissionFact[] =>
  [{ id: `ident-${disasterId}`, disasterId, patientId: PATIENT, facilityCode: by.facilityCode ?? '', basis }];
const emergency = (facilityCode: string): EmergencyAccessFact => ({ id: 'em-1', patientId: PATIENT, facilityCode, openedAt: at(-HOUR), expiresAt: at(23 * HOUR) });
const grant: GrantFact = { id: 'grant-1', patientId: PATIENT, appId: 'app-1', categories: ['DRUG', 'QUALIFICATION'], expiresAt: at(90 * DAY) };

function facts(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return { dvBlocked: false, consents: [], disasters: [], disasterPermissions: [], emergencyAccesses: [], actorAuthorities: [], actorAtHospital: false, ...overrides };
}

const allowed = (reason: Extract<Decision, { allow: true }>['reason'], basisId?: string, special = false): Decision =>
  basisId === undefined ? { allow: true, reason, special } : { allow: true, reason, basisId, special };
const forbidden = (reason: Extract<Decision, { code: 'FORBIDDEN' }>['reason']): Decision => ({ allow: false, reason, code: 'FORBIDDEN', special: false });
const notFound = (reason: Extract<Decision, { code: 'NOT_FOUND' }>['reason']): Decision => ({ allow: false, reason, code: 'NOT_FOUND', special: false });
/** A DV-blocked person where the facility could otherwise read her: the answer of a person with no records. */
const noRecords = (): Decision => ({ allow: false, reason: 'DV_BLOCK', code: 'NO_RECORDS', special: false });
const consentRequired = (reason: Extract<Decision, { code: 'CONSENT_REQUIRED' }>['reason']): Decision => ({
  allow: false,
  reason,
  code: 'CONSENT_REQUIRED',
  special: false,
});

interface Row {
  name: string;
  actor: DecisionActor;
  category: PolicyCategory;
  facts?: Partial<DecisionFacts>;
  patientId?: string;
  expected: Decision;
}

const rows: Row[] = [
  // 1. DV/abuse block (docs/domain.md "DV"): everyone is answered as for an id that names nobody; the person herself is
  // refused her drugs, checkups and expenses (the portal's neutral message) but keeps her qualification.
  { name: 'DV: doctor with a valid consent gets the answer of a person with no records', actor: actor.doctor, category: 'DRUG', facts: { dvBlocked: true, consents: [drugConsentA] }, expected: noRecords() },
  { name: 'DV: doctor without consent gets what nobody gets (consent required)', actor: actor.doctor, category: 'DRUG', facts: { dvBlocked: true }, expected: consentRequired('DV_BLOCK') },
  { name: 'DV: a consent at another facility opens nothing here (consent required, as nobody)', actor: actor.doctor, category: 'CHECKUP', facts: { dvBlocked: true, consents: [consent(CLINIC_B, 'CHECKUP', at(-HOUR))] }, expected: consentRequired('DV_BLOCK') },
  { name: 'DV: a disaster-authorized receptionist with her identification here gets no records', actor: actor.reception, category: 'CHECKUP', facts: { dvBlocked: true, disasters: [tokyoDisaster], disasterPermissions: permitted(actor.reception), actorAuthorities: ['DISASTER_VIEWING'] }, expected: noRecords() },
  { name: 'DV: the patient is refused her own drugs', actor: actor.patient, category: 'DRUG', facts: { dvBlocked: true }, expected: forbidden('DV_BLOCK') },
  { name: 'DV: the patient is refused her own checkups', actor: actor.patient, category: 'CHECKUP', facts: { dvBlocked: true }, expected: forbidden('DV_BLOCK') },
  { name: 'DV: the patient is refused her own expenses', actor: actor.patient, category: 'EXPENSES', facts: { dvBlocked: true }, expected: forbidden('DV_BLOCK') },
  { name: 'DV: the patient still sees her insurance', actor: actor.patient, category: 'QUALIFICATION', facts: { dvBlocked: true }, expected: allowed('SELF') },
  { name: 'DV: another patient is refused as for anyone (nothing tells the block)', actor: actor.otherPatient, category: 'QUALIFICATION', facts: { dvBlocked: true }, expected: forbidden('NOT_SELF') },
  { name: 'DV: reception still confirms her qualification (qualifications withholds the address)', actor: actor.reception, category: 'QUALIFICATION', facts: { dvBlocked: true, counterConfirmation: true }, expected: allowed('QUALIFICATION_CHECK') },
  { name: 'DV: the facility that confirmed her reads what the confirmation answered, as for anyone', actor: actor.reception, category: 'QUALIFICATION', facts: { dvBlocked: true, confirmedHereAt: at(-HOUR) }, expected: allowed('QUALIFICATION_CHECK') },
  { name: 'DV: a facility that did not confirm her is refused as for anyone', actor: actor.reception, category: 'QUALIFICATION', facts: { dvBlocked: true }, expected: forbidden('NOT_CONFIRMED_HERE') },
  { name: 'DV: PHR app with a live grant gets what a vanished grant gets', actor: actor.phr, category: 'DRUG', facts: { dvBlocked: true, grant }, expected: consentRequired('DV_BLOCK') },
  { name: 'DV: disaster mode does not lift the block (no records, as for anyone identified without any)', actor: actor.doctor, category: 'DRUG', facts: { dvBlocked: true, disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctor) }, expected: noRecords() },
  { name: 'DV: the operator is told "no such person" too', actor: actor.admin, category: 'QUALIFICATION', facts: { dvBlocked: true }, expected: notFound('DV_BLOCK') },
  { name: 'DV: the insurer is refused too', actor: actor.insurer, category: 'QUALIFICATION', facts: { dvBlocked: true, patientInsurerNumbers: ['06132013'] }, expected: forbidden('DV_BLOCK') },
  { name: 'DV: reception asking drugs is refused for role, as for anyone', actor: actor.reception, category: 'DRUG', facts: { dvBlocked: true }, expected: forbidden('ROLE_NOT_LICENSED') },

  // 1b. Who registers and lifts a block: the insurer of the newest coverage, or the operator.
  { name: 'DV registration: the current insurer', actor: actor.insurer, category: 'DV_REGISTRATION', facts: { currentInsurerNumber: '06132013' }, expected: allowed('INSURER') },
  { name: 'DV registration: a former or other insurer is refused', actor: actor.otherInsurer, category: 'DV_REGISTRATION', facts: { currentInsurerNumber: '06132013', patientInsurerNumbers: ['06132013', '01130012'] }, expected: forbidden('NOT_INSURER') },
  { name: 'DV registration: the operator', actor: actor.admin, category: 'DV_REGISTRATION', expected: allowed('ADMIN') },
  { name: 'DV registration: never a facility', actor: actor.doctor, category: 'DV_REGISTRATION', expected: forbidden('ROLE_NOT_LICENSED') },

  // 2. Self.
  { name: 'self: drug', actor: actor.patient, category: 'DRUG', expected: allowed('SELF') },
  { name: 'self: checkup', actor: actor.patient, category: 'CHECKUP', expected: allowed('SELF') },
  { name: 'self: qualification', actor: actor.patient, category: 'QUALIFICATION', expected: allowed('SELF') },
  { name: 'a patient cannot read another patient', actor: actor.otherPatient, category: 'DRUG', expected: forbidden('NOT_SELF') },
  { name: 'empty ids never match as self', actor: { ...actor.patient, patientId: '' }, patientId: '', category: 'DRUG', expected: forbidden('NOT_SELF') },

  // 3. Pharmacies never receive checkups.
  { name: 'pharmacist with a checkup consent is refused checkups', actor: actor.pharmacist, category: 'CHECKUP', facts: { consents: [consent(PHARMACY, 'CHECKUP', at(-HOUR))] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'pharmacy reception asking checkups: reception is named by no checkup rule', actor: actor.pharmacyReception, category: 'CHECKUP', expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'a pharmacy code (table 4) is a pharmacy whatever the role', actor: actor.doctorAtPharmacyCode, category: 'CHECKUP', expected: forbidden('FACILITY_KIND_NOT_ALLOWED') },
  { name: 'pharmacy + checkup is refused even in disaster mode', actor: actor.pharmacist, category: 'CHECKUP', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.pharmacist) }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'a doctor at a pharmacy code is refused checkups even in disaster mode', actor: actor.doctorAtPharmacyCode, category: 'CHECKUP', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctorAtPharmacyCode) }, expected: forbidden('FACILITY_KIND_NOT_ALLOWED') },
  { name: 'pharmacist with a drug consent sees drugs', actor: actor.pharmacist, category: 'DRUG', facts: { consents: [consent(PHARMACY, 'DRUG', at(-HOUR))] }, expected: allowed('CONSENT', consent(PHARMACY, 'DRUG', at(-HOUR)).id) },

  // 4. Role licensing.
  { name: 'reception never sees drugs, even with consent', actor: actor.reception, category: 'DRUG', facts: { consents: [drugConsentA] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'reception never sees checkups, even with consent', actor: actor.reception, category: 'CHECKUP', facts: { consents: [checkupConsentA] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'reception is not a disaster viewer', actor: actor.reception, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.reception) }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'insurer gets no drug data', actor: actor.insurer, category: 'DRUG', facts: { patientInsurerNumbers: ['06132013'] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'operator gets no clinical data', actor: actor.admin, category: 'CHECKUP', expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'staff without a facility code', actor: actor.doctorNoFacility, category: 'QUALIFICATION', expected: forbidden('NO_FACILITY') },
  { name: 'staff with a bad check digit', actor: actor.doctorBadCode, category: 'DRUG', facts: { consents: [consent('1310112346', 'DRUG', at(-HOUR))] }, expected: forbidden('NO_FACILITY') },
  { name: 'facilityKind claim disagreeing with the code', actor: actor.doctorKindMismatch, category: 'DRUG', facts: { consents: [drugConsentA] }, expected: forbidden('FACILITY_MISMATCH') },

  // 5. Qualification.
  { name: 'reception confirms qualification without consent', actor: actor.reception, category: 'QUALIFICATION', facts: { counterConfirmation: true }, expected: allowed('QUALIFICATION_CHECK') },
  { name: 'pharmacist confirms qualification without consent', actor: actor.pharmacist, category: 'QUALIFICATION', facts: { counterConfirmation: true }, expected: allowed('QUALIFICATION_CHECK') },
  { name: 'reception reads a person nobody confirmed here', actor: actor.reception, category: 'QUALIFICATION', expected: forbidden('NOT_CONFIRMED_HERE') },
  { name: 'reception reads a person confirmed here 23 h ago', actor: actor.reception, category: 'QUALIFICATION', facts: { confirmedHereAt: at(-23 * HOUR) }, expected: allowed('QUALIFICATION_CHECK') },
  { name: 'reception reads a person confirmed here exactly 24 h ago', actor: actor.reception, category: 'QUALIFICATION', facts: { confirmedHereAt: at(-DAY) }, expected: forbidden('NOT_CONFIRMED_HERE') },
  { name: 'a confirmation stamped in the future opens nothing (fail closed)', actor: actor.reception, category: 'QUALIFICATION', facts: { confirmedHereAt: at(HOUR) }, expected: forbidden('NOT_CONFIRMED_HERE') },
  { name: "doctor reads a person who verified the card at this facility's reader with a consent", actor: actor.doctor, category: 'QUALIFICATION', facts: { consents: [drugConsentA] }, expected: allowed('QUALIFICATION_CHECK') },
  { name: 'a consent at another facility does not open the person', actor: actor.doctorB, category: 'QUALIFICATION', facts: { consents: [drugConsentA] }, expected: forbidden('NOT_CONFIRMED_HERE') },
  { name: 'operator sees qualification', actor: actor.admin, category: 'QUALIFICATION', expected: allowed('ADMIN') },
  { name: 'a past insurer of the person sees its own periods', actor: actor.insurer, category: 'QUALIFICATION', facts: { patientInsurerNumbers: ['06132013'] }, expected: allowed('INSURER') },
  { name: 'the insurer holding the member today (attested by qualifications)', actor: actor.insurer, category: 'QUALIFICATION', facts: { insurerMember: true, patientInsurerNumbers: ['06132013'] }, expected: allowed('INSURER_MEMBER') },
  { name: 'another insurer does not', actor: actor.otherInsurer, category: 'QUALIFICATION', facts: { patientInsurerNumbers: ['06132013'] }, expected: forbidden('NOT_INSURER') },
  { name: 'an insurer without the history fact does not (fail closed)', actor: actor.insurer, category: 'QUALIFICATION', expected: forbidden('NOT_INSURER') },
  { name: 'insurer reads checkups of a member the checkups subgraph attests (docs/contracts.md contract 7)', actor: actor.insurer, category: 'CHECKUP', facts: { insurerMember: true }, expected: allowed('INSURER_MEMBER') },
  { name: 'a former insurer keeps only what it commissioned (rule checkup.insurer-commissioned; checkups filters the rows)', actor: actor.insurer, category: 'CHECKUP', facts: { patientInsurerNumbers: ['06132013'] }, expected: allowed('INSURER') },
  { name: 'insurer gets no checkups without the membership attestation or a past coverage', actor: actor.insurer, category: 'CHECKUP', expected: forbidden('NOT_INSURER') },
  { name: 'DV block beats an insurer membership', actor: actor.insurer, category: 'CHECKUP', facts: { dvBlocked: true, insurerMember: true }, expected: forbidden('DV_BLOCK') },
  { name: 'membership attestation opens nothing for a doctor', actor: actor.doctor, category: 'CHECKUP', facts: { insurerMember: true }, expected: consentRequired('NO_CONSENT') },

  // 6. Consent: this facility, this category, 24 hours.
  { name: 'doctor at A with consent at A', actor: actor.doctor, category: 'DRUG', facts: { consents: [drugConsentA] }, expected: allowed('CONSENT', drugConsentA.id) },
  { name: 'consent at clinic A does not open clinic B', actor: actor.doctorB, category: 'DRUG', facts: { consents: [drugConsentA] }, expected: consentRequired('NO_CONSENT') },
  { name: 'a drug consent does not open checkups', actor: actor.doctor, category: 'CHECKUP', facts: { consents: [drugConsentA] }, expected: consentRequired('NO_CONSENT') },
  { name: 'consent 23h59m old is valid', actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(-(23 * HOUR + 59 * MINUTE)))] }, expected: allowed('CONSENT', consent(CLINIC_A, 'DRUG', at(-(23 * HOUR + 59 * MINUTE))).id) },
  { name: 'consent 24h - 1ms old is valid', actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(-(DAY - MS)))] }, expected: allowed('CONSENT', consent(CLINIC_A, 'DRUG', at(-(DAY - MS))).id) },
  { name: 'consent exactly 24h old has expired', actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(-DAY))] }, expected: consentRequired('NO_CONSENT') },
  { name: 'consent registered in the future is not valid yet', actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(MINUTE))] }, expected: consentRequired('NO_CONSENT') },
  { name: 'revoked consent', actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(-HOUR), { revokedAt: at(-MINUTE) })] }, expected: consentRequired('NO_CONSENT') },
  { name: "another patient's consent row is ignored", actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(-HOUR), { patientId: OTHER_PATIENT })] }, expected: consentRequired('NO_CONSENT') },
  { name: 'dentist with a checkup consent', actor: actor.dentist, category: 'CHECKUP', facts: { consents: [consent(DENTAL, 'CHECKUP', at(-HOUR))] }, expected: allowed('CONSENT', consent(DENTAL, 'CHECKUP', at(-HOUR)).id) },
  { name: 'the newest of several valid consents is the basis', actor: actor.doctor, category: 'DRUG', facts: { consents: [consent(CLINIC_A, 'DRUG', at(-3 * HOUR)), consent(CLINIC_A, 'DRUG', at(-HOUR)), consent(CLINIC_A, 'DRUG', at(-2 * HOUR))] }, expected: allowed('CONSENT', consent(CLINIC_A, 'DRUG', at(-HOUR)).id) },
  { name: 'consent wins over disaster mode (not special)', actor: actor.doctor, category: 'DRUG', facts: { consents: [drugConsentA], disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctor) }, expected: allowed('CONSENT', drugConsentA.id) },

  // 7. Disaster special measure.
  { name: 'disaster: declared prefecture, identified patient', actor: actor.doctor, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctor) }, expected: allowed('DISASTER', 'ident-disaster-tokyo', true) },
  { name: 'disaster: checkups for a dentist', actor: actor.dentist, category: 'CHECKUP', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.dentist) }, expected: allowed('DISASTER', 'ident-disaster-tokyo', true) },
  { name: 'disaster: patient not identified by the 4-field search', actor: actor.doctor, category: 'DRUG', facts: { disasters: [tokyoDisaster] }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: facility outside the region', actor: actor.osakaDoctor, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.osakaDoctor) }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: facility listed by code', actor: actor.osakaDoctor, category: 'DRUG', facts: { disasters: [{ ...tokyoDisaster, id: 'disaster-list', facilityCodes: [OSAKA_CLINIC] }], disasterPermissions: permitted(actor.osakaDoctor, 'disaster-list') }, expected: allowed('DISASTER', 'ident-disaster-list', true) },
  { name: 'disaster: before the period', actor: actor.doctor, category: 'DRUG', facts: { disasters: [{ ...tokyoDisaster, startsAt: at(MINUTE) }], disasterPermissions: permitted(actor.doctor) }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: at the end of the period', actor: actor.doctor, category: 'DRUG', facts: { disasters: [{ ...tokyoDisaster, endsAt: NOW }], disasterPermissions: permitted(actor.doctor) }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: starts exactly now', actor: actor.doctor, category: 'DRUG', facts: { disasters: [{ ...tokyoDisaster, startsAt: NOW }], disasterPermissions: permitted(actor.doctor) }, expected: allowed('DISASTER', 'ident-disaster-tokyo', true) },

  { name: 'disaster: the exemption opens like consent', actor: actor.doctor, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctor, 'disaster-tokyo', 'EXEMPTION') }, expected: allowed('DISASTER', 'ident-disaster-tokyo', true) },
  { name: 'disaster: identified at another facility opens nothing here', actor: actor.doctor, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.dentist) }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: identified under a declaration no longer in force', actor: actor.doctor, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctor, 'disaster-ended') }, expected: consentRequired('NO_CONSENT') },
  { name: "disaster: another patient's permission is ignored", actor: actor.doctor, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.doctor).map((p) => ({ ...p, patientId: OTHER_PATIENT })) }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: reception with the disaster viewing authority sees drugs', actor: actor.reception, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.reception), actorAuthorities: ['DISASTER_VIEWING'] }, expected: allowed('DISASTER', 'ident-disaster-tokyo', true) },
  { name: 'disaster: reception with the authority sees no drugs by consent alone', actor: actor.reception, category: 'DRUG', facts: { consents: [drugConsentA], actorAuthorities: ['DISASTER_VIEWING'] }, expected: consentRequired('NO_CONSENT') },
  { name: 'disaster: pharmacy reception with the authority still gets no checkups', actor: actor.pharmacyReception, category: 'CHECKUP', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.pharmacyReception), actorAuthorities: ['DISASTER_VIEWING'] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'disaster: the emergency authority is not the disaster authority', actor: actor.reception, category: 'DRUG', facts: { disasters: [tokyoDisaster], disasterPermissions: permitted(actor.reception), actorAuthorities: ['EMERGENCY_VIEWING'] }, expected: forbidden('ROLE_NOT_LICENSED') },

  // 7a. Emergency access (救急時医療情報閲覧): hospital + authority + an emergency access opened here.
  { name: 'emergency: hospital doctor with the authority and an open access', actor: actor.doctor, category: 'DRUG', facts: { actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(CLINIC_A)] }, expected: allowed('EMERGENCY', 'em-1', true) },
  { name: 'emergency: checkups too', actor: actor.doctor, category: 'CHECKUP', facts: { actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(CLINIC_A)] }, expected: allowed('EMERGENCY', 'em-1', true) },
  { name: 'emergency: not a hospital (a clinic)', actor: actor.doctor, category: 'DRUG', facts: { actorAtHospital: false, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(CLINIC_A)] }, expected: consentRequired('NO_CONSENT') },
  { name: 'emergency: without the authority', actor: actor.doctor, category: 'DRUG', facts: { actorAtHospital: true, emergencyAccesses: [emergency(CLINIC_A)] }, expected: consentRequired('NO_CONSENT') },
  { name: 'emergency: expired', actor: actor.doctor, category: 'DRUG', facts: { actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [{ ...emergency(CLINIC_A), expiresAt: NOW }] }, expected: consentRequired('NO_CONSENT') },
  { name: 'emergency: opened at another facility', actor: actor.doctor, category: 'DRUG', facts: { actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(DENTAL)] }, expected: consentRequired('NO_CONSENT') },
  { name: 'emergency: a pharmacist never (pharmacies are not hospitals)', actor: actor.pharmacist, category: 'DRUG', facts: { actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(PHARMACY)] }, expected: consentRequired('NO_CONSENT') },
  { name: 'emergency: reception never', actor: actor.reception, category: 'DRUG', facts: { actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(CLINIC_A)] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'emergency: a DV block stops it (answered as for a person with no records)', actor: actor.doctor, category: 'DRUG', facts: { dvBlocked: true, actorAtHospital: true, actorAuthorities: ['EMERGENCY_VIEWING'], emergencyAccesses: [emergency(CLINIC_A)] }, expected: noRecords() },

  // 7b. Medical expenses (医療費通知): the patient's own, an app's under an explicit expenses scope; never a facility's.
  { name: 'expenses: the patient', actor: actor.patient, category: 'EXPENSES', expected: allowed('SELF') },
  { name: 'expenses: never a doctor, even with a drug consent', actor: actor.doctor, category: 'EXPENSES', facts: { consents: [drugConsentA] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'expenses: never a pharmacist', actor: actor.pharmacist, category: 'EXPENSES', facts: { consents: [consent(PHARMACY, 'DRUG', at(-HOUR))] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'expenses: never the insurer or the operator', actor: actor.insurer, category: 'EXPENSES', facts: { patientInsurerNumbers: ['06132013'] }, expected: forbidden('ROLE_NOT_LICENSED') },
  { name: 'expenses: an app with a drug grant only does not get them', actor: actor.phr, category: 'EXPENSES', facts: { grant }, expected: consentRequired('GRANT_SCOPE') },
  { name: 'expenses: an app with the expenses grant and scope', actor: { ...actor.phr, scopes: ['expenses:read'] }, category: 'EXPENSES', facts: { grant: { ...grant, categories: ['EXPENSES'] } }, expected: allowed('PHR_GRANT', 'grant-1') },
  { name: 'expenses: an expenses grant with a token minted without the scope', actor: actor.phr, category: 'EXPENSES', facts: { grant: { ...grant, categories: ['EXPENSES'] } }, expected: forbidden('TOKEN_SCOPE') },

  // 8. PHR grants.
  { name: 'PHR: granted category', actor: actor.phr, category: 'DRUG', facts: { grant }, expected: allowed('PHR_GRANT', 'grant-1') },
  { name: 'PHR: qualification granted', actor: actor.phr, category: 'QUALIFICATION', facts: { grant }, expected: allowed('PHR_GRANT', 'grant-1') },
  { name: 'PHR: category not granted', actor: actor.phr, category: 'CHECKUP', facts: { grant }, expected: consentRequired('GRANT_SCOPE') },
  { name: 'PHR: revoked grant', actor: actor.phr, category: 'DRUG', facts: { grant: { ...grant, revokedAt: at(-MINUTE) } }, expected: consentRequired('GRANT_REVOKED') },
  { name: 'PHR: grant expiring exactly now', actor: actor.phr, category: 'DRUG', facts: { grant: { ...grant, expiresAt: NOW } }, expected: consentRequired('GRANT_EXPIRED') },
  { name: 'PHR: no grant', actor: actor.phr, category: 'DRUG', expected: consentRequired('NO_GRANT') },
  { name: 'PHR: grant of another patient', actor: actor.phr, category: 'DRUG', facts: { grant: { ...grant, patientId: OTHER_PATIENT } }, expected: forbidden('GRANT_MISMATCH') },
  { name: 'PHR: asking for a patient other than the grantor', actor: actor.phr, category: 'DRUG', patientId: OTHER_PATIENT, facts: { grant }, expected: forbidden('GRANT_MISMATCH') },
  { name: 'PHR: token names another grant', actor: actor.phrOtherGrant, category: 'DRUG', facts: { grant }, expected: forbidden('GRANT_MISMATCH') },
  { name: "PHR: another app presenting this app's grant", actor: actor.phrOtherApp, category: 'DRUG', facts: { grant }, expected: forbidden('GRANT_MISMATCH') },
  { name: 'PHR: the operator disabled the app', actor: actor.phr, category: 'DRUG', facts: { grant: { ...grant, appDisabled: true } }, expected: forbidden('APP_DISABLED') },
  { name: 'PHR: token minted without the scope', actor: actor.phrNarrowToken, category: 'DRUG', facts: { grant }, expected: forbidden('TOKEN_SCOPE') },
  { name: 'PHR: a facility consent does not open anything for an app', actor: actor.phr, category: 'DRUG', facts: { consents: [drugConsentA] }, expected: consentRequired('NO_GRANT') },
];

describe('decide() — rules in order', () => {
  test.each(rows)('$name', (row) => {
    const { rule: _rule, ...decision } = decide({ actor: row.actor, patientId: row.patientId ?? PATIENT, category: row.category, now: NOW, facts: facts(row.facts) }) as Decision & { rule?: string };
    expect(decision).toEqual(row.expected);
  });

  test('an allow names the policy rule whose view limits the fields', () => {
    const ruleOf = (input: Partial<DecisionFacts>, who: DecisionActor) => decide({ actor: who, patientId: PATIENT, category: 'QUALIFICATION', now: NOW, facts: facts(input) });
    expect(ruleOf({ counterConfirmation: true }, actor.reception)).toMatchObject({ allow: true, rule: 'qualification.counter' });
    expect(ruleOf({ confirmedHereAt: at(-HOUR) }, actor.reception)).toMatchObject({ allow: true, rule: 'qualification.confirmed-here' });
    expect(ruleOf({ insurerMember: true }, actor.insurer)).toMatchObject({ allow: true, rule: 'qualification.insurer-member' });
    expect(ruleOf({ patientInsurerNumbers: ['06132013'] }, actor.insurer)).toMatchObject({ allow: true, rule: 'qualification.insurer-former' });
  });

  test('the table exercises every reason', () => {
    // OWN_FACILITY opens a facility's own list of returned claims (platform policy.ts decideOwnerRead), never a patient's record.
    const every: Record<Exclude<DecisionReason, SpecialRecordReason | 'OWN_FACILITY'>, true> = {
      SELF: true, QUALIFICATION_CHECK: true, INSURER: true, INSURER_MEMBER: true, ADMIN: true, CONSENT: true, DISASTER: true, EMERGENCY: true, PHR_GRANT: true,
      DV_BLOCK: true, NOT_SELF: true, FACILITY_KIND_NOT_ALLOWED: true, ROLE_NOT_LICENSED: true, NO_FACILITY: true,
      FACILITY_MISMATCH: true, NOT_INSURER: true, NOT_CONFIRMED_HERE: true, GRANT_MISMATCH: true, APP_DISABLED: true, TOKEN_SCOPE: true,
      NO_CONSENT: true, NO_GRANT: true, GRANT_REVOKED: true, GRANT_EXPIRED: true, GRANT_SCOPE: true,
    };
    const seen = new Set(rows.map((row) => row.expected.reason));
    expect([...seen].sort()).toEqual(Object.keys(every).sort());
  });

  test('a blocked person is answered as an unknown id, for every actor but herself (docs/domain.md "DV")', () => {
    // Except the confirmation at the counter and what it answered (docs/domain.md "DV and abuse victims": she is confirmed
    // as anyone, without address): qualifications attests those only for a person who presented her card or numbers.
    const confirmedAtCounter = (candidate: Row) => candidate.facts?.counterConfirmation === true || candidate.facts?.confirmedHereAt !== undefined;
    // And where the policy would have let the facility read her records (docs/domain.md "DV": "like no records").
    const readsAsNoRecords = (candidate: Row) => candidate.expected.allow === false && 'code' in candidate.expected && candidate.expected.code === 'NO_RECORDS';
    for (const row of rows.filter((candidate) => candidate.facts?.dvBlocked === true && candidate.actor !== actor.patient && !confirmedAtCounter(candidate) && !readsAsNoRecords(candidate))) {
      const question = { actor: row.actor, patientId: row.patientId ?? PATIENT, category: row.category, now: NOW };
      const blocked = decide({ ...question, facts: facts(row.facts) });
      const unknown = answerForUnknown(question);
      expect({ name: row.name, allow: blocked.allow, code: blocked.allow ? undefined : blocked.code }).toEqual({ name: row.name, allow: false, code: unknown.code });
    }
  });

  test('only disaster and emergency decisions are special', () => {
    for (const row of rows) expect(row.expected.special).toBe(row.expected.reason === 'DISASTER' || row.expected.reason === 'EMERGENCY');
  });

  test('an invalid clock is an error, never a decision', () => {
    expect(() => decide({ actor: actor.doctor, patientId: PATIENT, category: 'DRUG', now: new Date(Number.NaN), facts: facts() })).toThrow(RangeError);
  });

  test('consent validity is 24 hours', () => {
    expect(CONSENT_VALIDITY_MS).toBe(DAY);
  });
});

describe('consentFlag() — 0 なし / 1 あり / 2 期限切れ / 3 取得困難', () => {
  test.each<[string, string, ConsentFact[], string, Category]>([
    ['valid consent', '1', [drugConsentA], CLINIC_A, 'DRUG'],
    ['no consent', '0', [], CLINIC_A, 'DRUG'],
    ['consent at another facility', '0', [drugConsentA], CLINIC_B, 'DRUG'],
    ['consent for another category', '0', [drugConsentA], CLINIC_A, 'CHECKUP'],
    ['expired consent', '2', [consent(CLINIC_A, 'DRUG', at(-DAY))], CLINIC_A, 'DRUG'],
    ['expired and then renewed', '1', [consent(CLINIC_A, 'DRUG', at(-2 * DAY)), drugConsentA], CLINIC_A, 'DRUG'],
    ['revoked consent counts as none', '0', [consent(CLINIC_A, 'DRUG', at(-HOUR), { revokedAt: at(-MINUTE) })], CLINIC_A, 'DRUG'],
    // A DV/abuse registration does not show in the flags (nothing tells the clerk a block exists): the consent decides.
    ['DV-blocked patient with a consent: as for anyone', '1', [drugConsentA], CLINIC_A, 'DRUG'],
    ['checkups at a pharmacy', '3', [consent(PHARMACY, 'CHECKUP', at(-HOUR))], PHARMACY, 'CHECKUP'],
    ['drugs at a pharmacy', '1', [consent(PHARMACY, 'DRUG', at(-HOUR))], PHARMACY, 'DRUG'],
    ['malformed facility code', '3', [drugConsentA], '1310112346', 'DRUG'],
  ])('%s → %s', (_name, expected, consents, facilityCode, category) => {
    expect(consentFlag(consents, PATIENT, facilityCode, category, NOW)).toBe(expected);
  });
});
