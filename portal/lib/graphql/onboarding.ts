import { graphql } from './generated';

/**
 * Taking a facility into use (docs/operations.md "Taking a new facility into use"): the operator's, the facility
 * administrator's and the enrollment link's operations. Every rule is the consent subgraph's (services/operator/onboarding.ts).
 */
export const OnboardedFacilitiesQuery = graphql(`
  query OnboardedFacilities($first: Int!, $offset: Int!, $search: String, $prefecture: String) {
    onboardedFacilities(first: $first, offset: $offset, search: $search, prefecture: $prefecture) { code name kind prefecture hospital registeredAt }
    onboardedFacilityCount(search: $search, prefecture: $prefecture)
  }
`);

export const FacilityDetailQuery = graphql(`
  query FacilityDetail($facilityCode: String!) {
    onboardedFacility(code: $facilityCode) { code name kind prefecture hospital }
    readersOfFacility(facilityCode: $facilityCode) { id label status registeredAt }
    adminChanges(facilityCode: $facilityCode, first: 100) { id at actorRole actorSubject action target before after }
  }
`);

export const RegisterFacilityMutation = graphql(`
  mutation RegisterFacility($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!, $administratorStaffId: String!, $administratorName: String!) {
    registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {
      facility { code name }
      administrator { enrollmentToken expiresAt staff { staffId displayName } }
    }
  }
`);

export const RegisterCardReaderMutation = graphql(`
  mutation RegisterCardReader($facilityCode: String!, $publicKeyJwk: String!, $label: String) {
    registerCardReader(facilityCode: $facilityCode, publicKeyJwk: $publicKeyJwk, label: $label) { id status }
  }
`);

export const SetCardReaderStatusMutation = graphql(`
  mutation SetCardReaderStatus($readerId: ID!, $status: CardReaderStatus!) {
    setCardReaderStatus(readerId: $readerId, status: $status) { id status }
  }
`);

export const FacilityAdministrationQuery = graphql(`
  query FacilityAdministration {
    myFacility { code name kind hospital }
    facilityStaff { staffId displayName role facilityAdmin enrolled disabledAt }
    facilityReaders { id label status registeredAt }
  }
`);

export const EnrollStaffMutation = graphql(`
  mutation EnrollStaff($staffId: String!, $displayName: String!, $role: Role!) {
    enrollStaff(staffId: $staffId, displayName: $displayName, role: $role) { enrollmentToken expiresAt staff { staffId displayName } }
  }
`);

export const ResetStaffPasswordMutation = graphql(`
  mutation ResetStaffPassword($staffId: String!) {
    resetStaffPassword(staffId: $staffId) { enrollmentToken expiresAt staff { staffId displayName } }
  }
`);

export const DisableStaffMutation = graphql(`
  mutation DisableStaff($staffId: String!) {
    disableStaff(staffId: $staffId) { staffId disabledAt }
  }
`);

export const StartStaffEnrollmentMutation = graphql(`
  mutation StartStaffEnrollment($enrollmentToken: String!, $password: String!) {
    startStaffEnrollment(enrollmentToken: $enrollmentToken, password: $password) { otpauthUri staffId facilityCode }
  }
`);

export const ConfirmStaffEnrollmentMutation = graphql(`
  mutation ConfirmStaffEnrollment($enrollmentToken: String!, $totp: String!) {
    confirmStaffEnrollment(enrollmentToken: $enrollmentToken, totp: $totp) { staffId facilityCode enrolled }
  }
`);
