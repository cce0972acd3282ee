import { graphql } from './generated';

/**
 * The card reader at a facility (docs/contracts.md contract 4; docs/api-guide.md "Card readers"): the demo kiosk plays the
 * registered reader device — it asks for a nonce, the virtual card signs it, the kiosk signs a statement with
 * the facility's demo reader key on the server side, and the statement alone registers the patient's answers.
 */
export const StartReaderVerificationMutation = graphql(`
  mutation StartReaderVerification($readerId: ID!, $cardSerial: String!) {
    startReaderVerification(readerId: $readerId, cardSerial: $cardSerial) { challengeId challenge expiresAt }
  }
`);

export const SubmitReaderStatementMutation = graphql(`
  mutation SubmitReaderStatement($statement: String!) {
    submitReaderStatement(statement: $statement) { verificationToken patientId cardStatus drugAnswer checkupAnswer expiresAt }
  }
`);

export const QualificationResultFields = graphql(`
  fragment QualificationResultFields on QualificationConfirmation {
    qualificationValidity referenceClassification confirmedAt patientId name nameKana sex birthdate
    qualification { insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber insuredPartialContributionRatio qualificationDate }
    drugInfoConsentFlag checkupInfoConsentFlag
  }
`);

export const ConfirmQualificationByCardMutation = graphql(`
  mutation ConfirmQualificationByCard($verificationToken: String!) {
    confirmQualificationByCard(verificationToken: $verificationToken) { ...QualificationResultFields }
  }
`);

/** What the signed-in caller may read, per category, from the API's access policy. */
export const StaffCapabilitiesQuery = graphql(`
  query StaffCapabilities {
    capabilities { category mayRead askedAtReader }
  }
`);

/** What every staff role may see about a patient: identity and the confirmations at this facility. */
export const ClinicPatientQuery = graphql(`
  query ClinicPatient($id: ID!) {
    patient(id: $id) {
      id name nameKana sex birthdate
      currentQualification { insurerNumber insurerName insuredPartialContributionRatio }
      confirmations { at facilityCode method qualificationValidity }
      specialAccessHere { kind categories }
    }
  }
`);

/**
 * Asked only for DOCTOR, DENTIST and PHARMACIST sessions: a reception clerk's page never requests it. One request for
 * the 服薬サマリ of the clinician summary (active drugs, 重複投薬, 多剤投与) and a page of the dispensings: both rest on
 * the same DRUG consent, so one gateway call and one access decision serve them (server time).
 */
export const ClinicPatientDrugsQuery = graphql(`
  query ClinicPatientDrugs($id: ID!, $first: Int!, $after: String) {
    patient(id: $id) {
      id
      medicationSummary {
        asOf informationThrough polypharmacy
        counts { activeDrugs activeIngredients prescribingFacilities duplicateIngredients }
        activeDrugs { coveredThrough dispensing { date drugName ingredient prescribingFacilityCode prescribingFacility { code name } } }
        duplicates { ingredient facilityCodes activeDrugs { dispensing { drugName prescribingFacilityCode prescribingFacility { code name } } } }
      }
      dispensings(first: $first, after: $after) { edges { node { ...DispensingFields } } pageInfo { hasNextPage endCursor } informationThrough }
    }
  }
`);

/** Asked only for DOCTOR and DENTIST sessions (pharmacies never get checkups, docs/domain.md "Consent (同意) — the core rule"). */
export const ClinicPatientCheckupsQuery = graphql(`
  query ClinicPatientCheckups($id: ID!) {
    patient(id: $id) {
      id
      checkups {
        fiscalYear examinedOn facilityCode fasting
        metabolicSyndrome guidance { level group }
        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }
      }
    }
  }
`);

/** 本日の資格確認 at the staff member's facility: the same list on every staff PC (no drug or checkup data in it). */
export const ClinicTodayQuery = graphql(`
  query ClinicToday {
    confirmationsAtMyFacilityToday {
      patientId name nameKana sex birthdate confirmedAt method qualificationValidity
      drugInfoConsentFlag checkupInfoConsentFlag drugConsentExpiresAt checkupConsentExpiresAt
    }
  }
`);

/**
 * Special operations (docs/domain.md "Disaster", "Emergency access"; docs/api-guide.md "Disaster mode and emergency
 * access"): the page asks the API which of them the caller may use (capabilities) instead of deciding it itself.
 */
export const SpecialCapabilitiesQuery = graphql(`
  query SpecialCapabilities {
    capabilities { category conditions }
    activeDisasters { id name endsAt }
  }
`);

export const DisasterSearchQuery = graphql(`
  query DisasterSearch($name: String!, $birthdate: String!, $sex: String!, $insurerNameOrAddress: String!) {
    disasterSearch(name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { patient { id } identificationId special }
  }
`);

export const RecordDisasterConsentMutation = graphql(`
  mutation RecordDisasterConsent($patientId: ID!) {
    recordDisasterConsent(patientId: $patientId) { basis recordedAt patient { id } }
  }
`);

export const RecordDisasterExemptionMutation = graphql(`
  mutation RecordDisasterExemption($patientId: ID!, $reason: String!) {
    recordDisasterExemption(patientId: $patientId, reason: $reason) { basis recordedAt patient { id } }
  }
`);

export const StartEmergencyAccessMutation = graphql(`
  mutation StartEmergencyAccess($reason: String!, $cardSerial: String, $name: String, $birthdate: String, $sex: String, $insurerNameOrAddress: String) {
    startEmergencyAccess(reason: $reason, cardSerial: $cardSerial, name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { id expiresAt patient { id } }
  }
`);
