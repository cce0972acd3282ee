/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation StartCardLogin($cardSerial: String!) {\n    startCardLogin(cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n": typeof types.StartCardLoginDocument,
    "\n  mutation CompleteCardLogin($challengeId: ID!, $pin: String!, $signature: String!) {\n    completeCardLogin(challengeId: $challengeId, pin: $pin, signature: $signature) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n": typeof types.CompleteCardLoginDocument,
    "\n  mutation StaffLogin($facilityCode: String, $staffId: String!, $password: String!, $totp: String!) {\n    staffLogin(facilityCode: $facilityCode, staffId: $staffId, password: $password, totp: $totp) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n": typeof types.StaffLoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresAt role displayName }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n": typeof types.LogoutDocument,
    "\n  query DemoMode { demoMode }\n": typeof types.DemoModeDocument,
    "\n  query DemoCard($cardSerial: String, $patientId: String) {\n    demoCard(cardSerial: $cardSerial, patientId: $patientId) { cardSerial patientId status certificateExpiresOn unusable }\n  }\n": typeof types.DemoCardDocument,
    "\n  mutation SetDemoCardStatus($cardSerial: String!, $action: String!) {\n    setDemoCardStatus(cardSerial: $cardSerial, action: $action) { cardSerial status unusable }\n  }\n": typeof types.SetDemoCardStatusDocument,
    "\n  query MyCheckups {\n    me {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n": typeof types.MyCheckupsDocument,
    "\n  fragment DispensingFields on Dispensing {\n    date drugCode drugName ingredient quantity unit usage days inOut\n    prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name }\n  }\n": typeof types.DispensingFieldsFragmentDoc,
    "\n  query MyDispensings($from: String, $to: String, $first: Int!, $after: String) {\n    me {\n      id\n      dispensings(from: $from, to: $to, first: $first, after: $after) {\n        edges { cursor node { ...DispensingFields } }\n        pageInfo { hasNextPage endCursor }\n        informationThrough\n      }\n    }\n  }\n": typeof types.MyDispensingsDocument,
    "\n  query MyActiveDrugs {\n    me {\n      id\n      medicationSummary {\n        asOf informationThrough\n        activeDrugs { coveredThrough basis dispensing { ...DispensingFields } }\n        counts { activeDrugs activeIngredients prescribingFacilities }\n      }\n    }\n  }\n": typeof types.MyActiveDrugsDocument,
    "\n  query MyMedicalExpenses($year: Int!) {\n    me {\n      id\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n": typeof types.MyMedicalExpensesDocument,
    "\n  query MedicalExpenseNoticeFile($year: Int!) {\n    me {\n      id\n      name\n      qualifications { id insurerNumber insurerName qualificationDate disqualificationDate }\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n": typeof types.MedicalExpenseNoticeFileDocument,
    "\n  mutation StartReaderVerification($readerId: ID!, $cardSerial: String!) {\n    startReaderVerification(readerId: $readerId, cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n": typeof types.StartReaderVerificationDocument,
    "\n  mutation SubmitReaderStatement($statement: String!) {\n    submitReaderStatement(statement: $statement) { verificationToken patientId cardStatus drugAnswer checkupAnswer expiresAt }\n  }\n": typeof types.SubmitReaderStatementDocument,
    "\n  fragment QualificationResultFields on QualificationConfirmation {\n    qualificationValidity referenceClassification confirmedAt patientId name nameKana sex birthdate\n    qualification { insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber insuredPartialContributionRatio qualificationDate }\n    drugInfoConsentFlag checkupInfoConsentFlag\n  }\n": typeof types.QualificationResultFieldsFragmentDoc,
    "\n  mutation ConfirmQualificationByCard($verificationToken: String!) {\n    confirmQualificationByCard(verificationToken: $verificationToken) { ...QualificationResultFields }\n  }\n": typeof types.ConfirmQualificationByCardDocument,
    "\n  query StaffCapabilities {\n    capabilities { category mayRead askedAtReader }\n  }\n": typeof types.StaffCapabilitiesDocument,
    "\n  query ClinicPatient($id: ID!) {\n    patient(id: $id) {\n      id name nameKana sex birthdate\n      currentQualification { insurerNumber insurerName insuredPartialContributionRatio }\n      confirmations { at facilityCode method qualificationValidity }\n      specialAccessHere { kind categories }\n    }\n  }\n": typeof types.ClinicPatientDocument,
    "\n  query ClinicPatientDrugs($id: ID!, $first: Int!, $after: String) {\n    patient(id: $id) {\n      id\n      medicationSummary {\n        asOf informationThrough polypharmacy\n        counts { activeDrugs activeIngredients prescribingFacilities duplicateIngredients }\n        activeDrugs { coveredThrough dispensing { date drugName ingredient prescribingFacilityCode prescribingFacility { code name } } }\n        duplicates { ingredient facilityCodes activeDrugs { dispensing { drugName prescribingFacilityCode prescribingFacility { code name } } } }\n      }\n      dispensings(first: $first, after: $after) { edges { node { ...DispensingFields } } pageInfo { hasNextPage endCursor } informationThrough }\n    }\n  }\n": typeof types.ClinicPatientDrugsDocument,
    "\n  query ClinicPatientCheckups($id: ID!) {\n    patient(id: $id) {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n": typeof types.ClinicPatientCheckupsDocument,
    "\n  query ClinicToday {\n    confirmationsAtMyFacilityToday {\n      patientId name nameKana sex birthdate confirmedAt method qualificationValidity\n      drugInfoConsentFlag checkupInfoConsentFlag drugConsentExpiresAt checkupConsentExpiresAt\n    }\n  }\n": typeof types.ClinicTodayDocument,
    "\n  query SpecialCapabilities {\n    capabilities { category conditions }\n    activeDisasters { id name endsAt }\n  }\n": typeof types.SpecialCapabilitiesDocument,
    "\n  query DisasterSearch($name: String!, $birthdate: String!, $sex: String!, $insurerNameOrAddress: String!) {\n    disasterSearch(name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { patient { id } identificationId special }\n  }\n": typeof types.DisasterSearchDocument,
    "\n  mutation RecordDisasterConsent($patientId: ID!) {\n    recordDisasterConsent(patientId: $patientId) { basis recordedAt patient { id } }\n  }\n": typeof types.RecordDisasterConsentDocument,
    "\n  mutation RecordDisasterExemption($patientId: ID!, $reason: String!) {\n    recordDisasterExemption(patientId: $patientId, reason: $reason) { basis recordedAt patient { id } }\n  }\n": typeof types.RecordDisasterExemptionDocument,
    "\n  mutation StartEmergencyAccess($reason: String!, $cardSerial: String, $name: String, $birthdate: String, $sex: String, $insurerNameOrAddress: String) {\n    startEmergencyAccess(reason: $reason, cardSerial: $cardSerial, name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { id expiresAt patient { id } }\n  }\n": typeof types.StartEmergencyAccessDocument,
    "\n  query Insurers($first: Int!) {\n    insurers(first: $first) { number name kind prefecture registeredAt }\n  }\n": typeof types.InsurersDocument,
    "\n  mutation RegisterInsurer($number: String!, $name: String!, $kind: InsurerKind, $prefecture: String, $administratorStaffId: String!, $administratorName: String!) {\n    registerInsurer(number: $number, name: $name, kind: $kind, prefecture: $prefecture, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      insurer { number name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n": typeof types.RegisterInsurerDocument,
    "\n  query OnboardedFacilities($first: Int!, $offset: Int!, $search: String, $prefecture: String) {\n    onboardedFacilities(first: $first, offset: $offset, search: $search, prefecture: $prefecture) { code name kind prefecture hospital registeredAt }\n    onboardedFacilityCount(search: $search, prefecture: $prefecture)\n  }\n": typeof types.OnboardedFacilitiesDocument,
    "\n  query FacilityDetail($facilityCode: String!) {\n    onboardedFacility(code: $facilityCode) { code name kind prefecture hospital }\n    readersOfFacility(facilityCode: $facilityCode) { id label status registeredAt }\n    adminChanges(facilityCode: $facilityCode, first: 100) { id at actorRole actorSubject action target before after }\n  }\n": typeof types.FacilityDetailDocument,
    "\n  mutation RegisterFacility($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!, $administratorStaffId: String!, $administratorName: String!) {\n    registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      facility { code name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n": typeof types.RegisterFacilityDocument,
    "\n  mutation RegisterCardReader($facilityCode: String!, $publicKeyJwk: String!, $label: String) {\n    registerCardReader(facilityCode: $facilityCode, publicKeyJwk: $publicKeyJwk, label: $label) { id status }\n  }\n": typeof types.RegisterCardReaderDocument,
    "\n  mutation SetCardReaderStatus($readerId: ID!, $status: CardReaderStatus!) {\n    setCardReaderStatus(readerId: $readerId, status: $status) { id status }\n  }\n": typeof types.SetCardReaderStatusDocument,
    "\n  query FacilityAdministration {\n    myFacility { code name kind hospital }\n    facilityStaff { staffId displayName role facilityAdmin enrolled disabledAt }\n    facilityReaders { id label status registeredAt }\n  }\n": typeof types.FacilityAdministrationDocument,
    "\n  mutation EnrollStaff($staffId: String!, $displayName: String!, $role: Role!) {\n    enrollStaff(staffId: $staffId, displayName: $displayName, role: $role) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n": typeof types.EnrollStaffDocument,
    "\n  mutation ResetStaffPassword($staffId: String!) {\n    resetStaffPassword(staffId: $staffId) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n": typeof types.ResetStaffPasswordDocument,
    "\n  mutation DisableStaff($staffId: String!) {\n    disableStaff(staffId: $staffId) { staffId disabledAt }\n  }\n": typeof types.DisableStaffDocument,
    "\n  mutation StartStaffEnrollment($enrollmentToken: String!, $password: String!) {\n    startStaffEnrollment(enrollmentToken: $enrollmentToken, password: $password) { otpauthUri staffId facilityCode }\n  }\n": typeof types.StartStaffEnrollmentDocument,
    "\n  mutation ConfirmStaffEnrollment($enrollmentToken: String!, $totp: String!) {\n    confirmStaffEnrollment(enrollmentToken: $enrollmentToken, totp: $totp) { staffId facilityCode enrolled }\n  }\n": typeof types.ConfirmStaffEnrollmentDocument,
    "\n  query ClaimRoutingStatistics($fromMonth: String!, $toMonth: String!) {\n    claimRoutingStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {\n      serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints\n    }\n  }\n": typeof types.ClaimRoutingStatisticsDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      currentQualification {\n        insurerNumber\n        insurerName\n        insuredCardSymbol\n        insuredIdentificationNumber\n        insuredBranchNumber\n        insuredPartialContributionRatio\n        qualificationDate\n        personalFamilyClassification\n      }\n      consents { id facilityCode facility { code name } category registeredAt expiresAt valid }\n      myNumberCards { certificateExpiresOn certificateStanding certificateGraceEndsOn status }\n      noticesReadThrough\n      accessLog(first: 50) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query InsuranceHistory {\n    me {\n      id\n      qualifications {\n        id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber\n        personalFamilyClassification qualificationDate disqualificationDate insuredPartialContributionRatio\n        limitApplicationCertificateClassificationFlag elderlyRecipientContributionRatio\n        elderlyRecipientValidStartDate elderlyRecipientValidEndDate\n      }\n    }\n  }\n": typeof types.InsuranceHistoryDocument,
    "\n  query AccessLog($first: Int!) {\n    me {\n      id\n      accessLog(first: $first) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query InsurerName($number: String!) {\n    insurer(number: $number) { number name }\n  }\n": typeof types.InsurerNameDocument,
    "\n  mutation MarkNoticesRead($through: String!) {\n    markNoticesRead(through: $through)\n  }\n": typeof types.MarkNoticesReadDocument,
    "\n  query MyPhrGrants {\n    me { id phrGrants { id appId appName appOperatorName categories grantedAt expiresAt revokedAt active } }\n  }\n": typeof types.MyPhrGrantsDocument,
    "\n  query GrantablePhrApps {\n    grantablePhrApps { clientId displayName operatorName scopes }\n  }\n": typeof types.GrantablePhrAppsDocument,
    "\n  mutation GrantPhrAccess($appId: String!, $categories: [DataCategory!]!, $days: Int!) {\n    grantPhrAccess(appId: $appId, categories: $categories, days: $days) { id active }\n  }\n": typeof types.GrantPhrAccessDocument,
    "\n  mutation RevokePhrAccess($grantId: ID!) {\n    revokePhrAccess(grantId: $grantId) { id active revokedAt }\n  }\n": typeof types.RevokePhrAccessDocument,
    "\n  query PhrApps($first: Int!) {\n    phrApps(first: $first) { clientId displayName operatorName scopes createdAt rotatedAt disabledAt }\n  }\n": typeof types.PhrAppsDocument,
    "\n  mutation RegisterPhrApp($clientId: String, $displayName: String!, $operatorName: String!, $scopes: [DataCategory!]!) {\n    registerPhrApp(clientId: $clientId, displayName: $displayName, operatorName: $operatorName, scopes: $scopes) { clientSecret app { clientId displayName } }\n  }\n": typeof types.RegisterPhrAppDocument,
    "\n  mutation RotatePhrAppSecret($clientId: String!) {\n    rotatePhrAppSecret(clientId: $clientId) { clientSecret app { clientId displayName } }\n  }\n": typeof types.RotatePhrAppSecretDocument,
    "\n  mutation DisablePhrApp($clientId: String!) {\n    disablePhrApp(clientId: $clientId) { clientId disabledAt }\n  }\n": typeof types.DisablePhrAppDocument,
    "\n  query MySubsidyApplications {\n    mySubsidyApplications { id category subsidyAmount status rejectionReason submittedAt wentLiveOn }\n  }\n": typeof types.MySubsidyApplicationsDocument,
    "\n  mutation ApplyForSubsidy($systemCost: Int!, $networkCost: Int!, $readerCost: Int!, $otherCost: Int!, $readersBought: Int!, $wentLiveOn: String!, $largeChainPharmacy: Boolean!) {\n    applyForSubsidy(systemCost: $systemCost, networkCost: $networkCost, readerCost: $readerCost, otherCost: $otherCost, readersBought: $readersBought, wentLiveOn: $wentLiveOn, largeChainPharmacy: $largeChainPharmacy) { id status }\n  }\n": typeof types.ApplyForSubsidyDocument,
    "\n  query SubsidyApplications($first: Int!) {\n    subsidyApplications(first: $first) {\n      id facilityCode facilityName category systemCost networkCost readerCost otherCost readersBought wentLiveOn subsidyAmount status rejectionReason submittedAt\n    }\n  }\n": typeof types.SubsidyApplicationsDocument,
    "\n  mutation ApproveSubsidy($id: ID!) { approveSubsidy(id: $id) { id status } }\n": typeof types.ApproveSubsidyDocument,
    "\n  mutation RejectSubsidy($id: ID!, $reason: String!) { rejectSubsidy(id: $id, reason: $reason) { id status } }\n": typeof types.RejectSubsidyDocument,
    "\n  mutation MarkSubsidyPaid($id: ID!) { markSubsidyPaid(id: $id) { id status } }\n": typeof types.MarkSubsidyPaidDocument,
    "\n  query RolloutDashboard {\n    rolloutDashboard {\n      registered live asOf\n      byPrefecture { key registered live }\n      byKind { key registered live }\n      monthly { month registered live targetPercent }\n      readersPerFacility { readers facilities }\n    }\n  }\n": typeof types.RolloutDashboardDocument,
};
const documents: Documents = {
    "\n  mutation StartCardLogin($cardSerial: String!) {\n    startCardLogin(cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n": types.StartCardLoginDocument,
    "\n  mutation CompleteCardLogin($challengeId: ID!, $pin: String!, $signature: String!) {\n    completeCardLogin(challengeId: $challengeId, pin: $pin, signature: $signature) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n": types.CompleteCardLoginDocument,
    "\n  mutation StaffLogin($facilityCode: String, $staffId: String!, $password: String!, $totp: String!) {\n    staffLogin(facilityCode: $facilityCode, staffId: $staffId, password: $password, totp: $totp) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n": types.StaffLoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresAt role displayName }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n": types.LogoutDocument,
    "\n  query DemoMode { demoMode }\n": types.DemoModeDocument,
    "\n  query DemoCard($cardSerial: String, $patientId: String) {\n    demoCard(cardSerial: $cardSerial, patientId: $patientId) { cardSerial patientId status certificateExpiresOn unusable }\n  }\n": types.DemoCardDocument,
    "\n  mutation SetDemoCardStatus($cardSerial: String!, $action: String!) {\n    setDemoCardStatus(cardSerial: $cardSerial, action: $action) { cardSerial status unusable }\n  }\n": types.SetDemoCardStatusDocument,
    "\n  query MyCheckups {\n    me {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n": types.MyCheckupsDocument,
    "\n  fragment DispensingFields on Dispensing {\n    date drugCode drugName ingredient quantity unit usage days inOut\n    prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name }\n  }\n": types.DispensingFieldsFragmentDoc,
    "\n  query MyDispensings($from: String, $to: String, $first: Int!, $after: String) {\n    me {\n      id\n      dispensings(from: $from, to: $to, first: $first, after: $after) {\n        edges { cursor node { ...DispensingFields } }\n        pageInfo { hasNextPage endCursor }\n        informationThrough\n      }\n    }\n  }\n": types.MyDispensingsDocument,
    "\n  query MyActiveDrugs {\n    me {\n      id\n      medicationSummary {\n        asOf informationThrough\n        activeDrugs { coveredThrough basis dispensing { ...DispensingFields } }\n        counts { activeDrugs activeIngredients prescribingFacilities }\n      }\n    }\n  }\n": types.MyActiveDrugsDocument,
    "\n  query MyMedicalExpenses($year: Int!) {\n    me {\n      id\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n": types.MyMedicalExpensesDocument,
    "\n  query MedicalExpenseNoticeFile($year: Int!) {\n    me {\n      id\n      name\n      qualifications { id insurerNumber insurerName qualificationDate disqualificationDate }\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n": types.MedicalExpenseNoticeFileDocument,
    "\n  mutation StartReaderVerification($readerId: ID!, $cardSerial: String!) {\n    startReaderVerification(readerId: $readerId, cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n": types.StartReaderVerificationDocument,
    "\n  mutation SubmitReaderStatement($statement: String!) {\n    submitReaderStatement(statement: $statement) { verificationToken patientId cardStatus drugAnswer checkupAnswer expiresAt }\n  }\n": types.SubmitReaderStatementDocument,
    "\n  fragment QualificationResultFields on QualificationConfirmation {\n    qualificationValidity referenceClassification confirmedAt patientId name nameKana sex birthdate\n    qualification { insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber insuredPartialContributionRatio qualificationDate }\n    drugInfoConsentFlag checkupInfoConsentFlag\n  }\n": types.QualificationResultFieldsFragmentDoc,
    "\n  mutation ConfirmQualificationByCard($verificationToken: String!) {\n    confirmQualificationByCard(verificationToken: $verificationToken) { ...QualificationResultFields }\n  }\n": types.ConfirmQualificationByCardDocument,
    "\n  query StaffCapabilities {\n    capabilities { category mayRead askedAtReader }\n  }\n": types.StaffCapabilitiesDocument,
    "\n  query ClinicPatient($id: ID!) {\n    patient(id: $id) {\n      id name nameKana sex birthdate\n      currentQualification { insurerNumber insurerName insuredPartialContributionRatio }\n      confirmations { at facilityCode method qualificationValidity }\n      specialAccessHere { kind categories }\n    }\n  }\n": types.ClinicPatientDocument,
    "\n  query ClinicPatientDrugs($id: ID!, $first: Int!, $after: String) {\n    patient(id: $id) {\n      id\n      medicationSummary {\n        asOf informationThrough polypharmacy\n        counts { activeDrugs activeIngredients prescribingFacilities duplicateIngredients }\n        activeDrugs { coveredThrough dispensing { date drugName ingredient prescribingFacilityCode prescribingFacility { code name } } }\n        duplicates { ingredient facilityCodes activeDrugs { dispensing { drugName prescribingFacilityCode prescribingFacility { code name } } } }\n      }\n      dispensings(first: $first, after: $after) { edges { node { ...DispensingFields } } pageInfo { hasNextPage endCursor } informationThrough }\n    }\n  }\n": types.ClinicPatientDrugsDocument,
    "\n  query ClinicPatientCheckups($id: ID!) {\n    patient(id: $id) {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n": types.ClinicPatientCheckupsDocument,
    "\n  query ClinicToday {\n    confirmationsAtMyFacilityToday {\n      patientId name nameKana sex birthdate confirmedAt method qualificationValidity\n      drugInfoConsentFlag checkupInfoConsentFlag drugConsentExpiresAt checkupConsentExpiresAt\n    }\n  }\n": types.ClinicTodayDocument,
    "\n  query SpecialCapabilities {\n    capabilities { category conditions }\n    activeDisasters { id name endsAt }\n  }\n": types.SpecialCapabilitiesDocument,
    "\n  query DisasterSearch($name: String!, $birthdate: String!, $sex: String!, $insurerNameOrAddress: String!) {\n    disasterSearch(name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { patient { id } identificationId special }\n  }\n": types.DisasterSearchDocument,
    "\n  mutation RecordDisasterConsent($patientId: ID!) {\n    recordDisasterConsent(patientId: $patientId) { basis recordedAt patient { id } }\n  }\n": types.RecordDisasterConsentDocument,
    "\n  mutation RecordDisasterExemption($patientId: ID!, $reason: String!) {\n    recordDisasterExemption(patientId: $patientId, reason: $reason) { basis recordedAt patient { id } }\n  }\n": types.RecordDisasterExemptionDocument,
    "\n  mutation StartEmergencyAccess($reason: String!, $cardSerial: String, $name: String, $birthdate: String, $sex: String, $insurerNameOrAddress: String) {\n    startEmergencyAccess(reason: $reason, cardSerial: $cardSerial, name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { id expiresAt patient { id } }\n  }\n": types.StartEmergencyAccessDocument,
    "\n  query Insurers($first: Int!) {\n    insurers(first: $first) { number name kind prefecture registeredAt }\n  }\n": types.InsurersDocument,
    "\n  mutation RegisterInsurer($number: String!, $name: String!, $kind: InsurerKind, $prefecture: String, $administratorStaffId: String!, $administratorName: String!) {\n    registerInsurer(number: $number, name: $name, kind: $kind, prefecture: $prefecture, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      insurer { number name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n": types.RegisterInsurerDocument,
    "\n  query OnboardedFacilities($first: Int!, $offset: Int!, $search: String, $prefecture: String) {\n    onboardedFacilities(first: $first, offset: $offset, search: $search, prefecture: $prefecture) { code name kind prefecture hospital registeredAt }\n    onboardedFacilityCount(search: $search, prefecture: $prefecture)\n  }\n": types.OnboardedFacilitiesDocument,
    "\n  query FacilityDetail($facilityCode: String!) {\n    onboardedFacility(code: $facilityCode) { code name kind prefecture hospital }\n    readersOfFacility(facilityCode: $facilityCode) { id label status registeredAt }\n    adminChanges(facilityCode: $facilityCode, first: 100) { id at actorRole actorSubject action target before after }\n  }\n": types.FacilityDetailDocument,
    "\n  mutation RegisterFacility($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!, $administratorStaffId: String!, $administratorName: String!) {\n    registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      facility { code name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n": types.RegisterFacilityDocument,
    "\n  mutation RegisterCardReader($facilityCode: String!, $publicKeyJwk: String!, $label: String) {\n    registerCardReader(facilityCode: $facilityCode, publicKeyJwk: $publicKeyJwk, label: $label) { id status }\n  }\n": types.RegisterCardReaderDocument,
    "\n  mutation SetCardReaderStatus($readerId: ID!, $status: CardReaderStatus!) {\n    setCardReaderStatus(readerId: $readerId, status: $status) { id status }\n  }\n": types.SetCardReaderStatusDocument,
    "\n  query FacilityAdministration {\n    myFacility { code name kind hospital }\n    facilityStaff { staffId displayName role facilityAdmin enrolled disabledAt }\n    facilityReaders { id label status registeredAt }\n  }\n": types.FacilityAdministrationDocument,
    "\n  mutation EnrollStaff($staffId: String!, $displayName: String!, $role: Role!) {\n    enrollStaff(staffId: $staffId, displayName: $displayName, role: $role) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n": types.EnrollStaffDocument,
    "\n  mutation ResetStaffPassword($staffId: String!) {\n    resetStaffPassword(staffId: $staffId) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n": types.ResetStaffPasswordDocument,
    "\n  mutation DisableStaff($staffId: String!) {\n    disableStaff(staffId: $staffId) { staffId disabledAt }\n  }\n": types.DisableStaffDocument,
    "\n  mutation StartStaffEnrollment($enrollmentToken: String!, $password: String!) {\n    startStaffEnrollment(enrollmentToken: $enrollmentToken, password: $password) { otpauthUri staffId facilityCode }\n  }\n": types.StartStaffEnrollmentDocument,
    "\n  mutation ConfirmStaffEnrollment($enrollmentToken: String!, $totp: String!) {\n    confirmStaffEnrollment(enrollmentToken: $enrollmentToken, totp: $totp) { staffId facilityCode enrolled }\n  }\n": types.ConfirmStaffEnrollmentDocument,
    "\n  query ClaimRoutingStatistics($fromMonth: String!, $toMonth: String!) {\n    claimRoutingStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {\n      serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints\n    }\n  }\n": types.ClaimRoutingStatisticsDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      currentQualification {\n        insurerNumber\n        insurerName\n        insuredCardSymbol\n        insuredIdentificationNumber\n        insuredBranchNumber\n        insuredPartialContributionRatio\n        qualificationDate\n        personalFamilyClassification\n      }\n      consents { id facilityCode facility { code name } category registeredAt expiresAt valid }\n      myNumberCards { certificateExpiresOn certificateStanding certificateGraceEndsOn status }\n      noticesReadThrough\n      accessLog(first: 50) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n": types.HomeDocument,
    "\n  query InsuranceHistory {\n    me {\n      id\n      qualifications {\n        id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber\n        personalFamilyClassification qualificationDate disqualificationDate insuredPartialContributionRatio\n        limitApplicationCertificateClassificationFlag elderlyRecipientContributionRatio\n        elderlyRecipientValidStartDate elderlyRecipientValidEndDate\n      }\n    }\n  }\n": types.InsuranceHistoryDocument,
    "\n  query AccessLog($first: Int!) {\n    me {\n      id\n      accessLog(first: $first) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n": types.AccessLogDocument,
    "\n  query InsurerName($number: String!) {\n    insurer(number: $number) { number name }\n  }\n": types.InsurerNameDocument,
    "\n  mutation MarkNoticesRead($through: String!) {\n    markNoticesRead(through: $through)\n  }\n": types.MarkNoticesReadDocument,
    "\n  query MyPhrGrants {\n    me { id phrGrants { id appId appName appOperatorName categories grantedAt expiresAt revokedAt active } }\n  }\n": types.MyPhrGrantsDocument,
    "\n  query GrantablePhrApps {\n    grantablePhrApps { clientId displayName operatorName scopes }\n  }\n": types.GrantablePhrAppsDocument,
    "\n  mutation GrantPhrAccess($appId: String!, $categories: [DataCategory!]!, $days: Int!) {\n    grantPhrAccess(appId: $appId, categories: $categories, days: $days) { id active }\n  }\n": types.GrantPhrAccessDocument,
    "\n  mutation RevokePhrAccess($grantId: ID!) {\n    revokePhrAccess(grantId: $grantId) { id active revokedAt }\n  }\n": types.RevokePhrAccessDocument,
    "\n  query PhrApps($first: Int!) {\n    phrApps(first: $first) { clientId displayName operatorName scopes createdAt rotatedAt disabledAt }\n  }\n": types.PhrAppsDocument,
    "\n  mutation RegisterPhrApp($clientId: String, $displayName: String!, $operatorName: String!, $scopes: [DataCategory!]!) {\n    registerPhrApp(clientId: $clientId, displayName: $displayName, operatorName: $operatorName, scopes: $scopes) { clientSecret app { clientId displayName } }\n  }\n": types.RegisterPhrAppDocument,
    "\n  mutation RotatePhrAppSecret($clientId: String!) {\n    rotatePhrAppSecret(clientId: $clientId) { clientSecret app { clientId displayName } }\n  }\n": types.RotatePhrAppSecretDocument,
    "\n  mutation DisablePhrApp($clientId: String!) {\n    disablePhrApp(clientId: $clientId) { clientId disabledAt }\n  }\n": types.DisablePhrAppDocument,
    "\n  query MySubsidyApplications {\n    mySubsidyApplications { id category subsidyAmount status rejectionReason submittedAt wentLiveOn }\n  }\n": types.MySubsidyApplicationsDocument,
    "\n  mutation ApplyForSubsidy($systemCost: Int!, $networkCost: Int!, $readerCost: Int!, $otherCost: Int!, $readersBought: Int!, $wentLiveOn: String!, $largeChainPharmacy: Boolean!) {\n    applyForSubsidy(systemCost: $systemCost, networkCost: $networkCost, readerCost: $readerCost, otherCost: $otherCost, readersBought: $readersBought, wentLiveOn: $wentLiveOn, largeChainPharmacy: $largeChainPharmacy) { id status }\n  }\n": types.ApplyForSubsidyDocument,
    "\n  query SubsidyApplications($first: Int!) {\n    subsidyApplications(first: $first) {\n      id facilityCode facilityName category systemCost networkCost readerCost otherCost readersBought wentLiveOn subsidyAmount status rejectionReason submittedAt\n    }\n  }\n": types.SubsidyApplicationsDocument,
    "\n  mutation ApproveSubsidy($id: ID!) { approveSubsidy(id: $id) { id status } }\n": types.ApproveSubsidyDocument,
    "\n  mutation RejectSubsidy($id: ID!, $reason: String!) { rejectSubsidy(id: $id, reason: $reason) { id status } }\n": types.RejectSubsidyDocument,
    "\n  mutation MarkSubsidyPaid($id: ID!) { markSubsidyPaid(id: $id) { id status } }\n": types.MarkSubsidyPaidDocument,
    "\n  query RolloutDashboard {\n    rolloutDashboard {\n      registered live asOf\n      byPrefecture { key registered live }\n      byKind { key registered live }\n      monthly { month registered live targetPercent }\n      readersPerFacility { readers facilities }\n    }\n  }\n": types.RolloutDashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCardLogin($cardSerial: String!) {\n    startCardLogin(cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n"): (typeof documents)["\n  mutation StartCardLogin($cardSerial: String!) {\n    startCardLogin(cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteCardLogin($challengeId: ID!, $pin: String!, $signature: String!) {\n    completeCardLogin(challengeId: $challengeId, pin: $pin, signature: $signature) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteCardLogin($challengeId: ID!, $pin: String!, $signature: String!) {\n    completeCardLogin(challengeId: $challengeId, pin: $pin, signature: $signature) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffLogin($facilityCode: String, $staffId: String!, $password: String!, $totp: String!) {\n    staffLogin(facilityCode: $facilityCode, staffId: $staffId, password: $password, totp: $totp) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n"): (typeof documents)["\n  mutation StaffLogin($facilityCode: String, $staffId: String!, $password: String!, $totp: String!) {\n    staffLogin(facilityCode: $facilityCode, staffId: $staffId, password: $password, totp: $totp) {\n      accessToken refreshToken expiresAt role patientId facilityCode displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresAt role displayName }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresAt role displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoMode { demoMode }\n"): (typeof documents)["\n  query DemoMode { demoMode }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoCard($cardSerial: String, $patientId: String) {\n    demoCard(cardSerial: $cardSerial, patientId: $patientId) { cardSerial patientId status certificateExpiresOn unusable }\n  }\n"): (typeof documents)["\n  query DemoCard($cardSerial: String, $patientId: String) {\n    demoCard(cardSerial: $cardSerial, patientId: $patientId) { cardSerial patientId status certificateExpiresOn unusable }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDemoCardStatus($cardSerial: String!, $action: String!) {\n    setDemoCardStatus(cardSerial: $cardSerial, action: $action) { cardSerial status unusable }\n  }\n"): (typeof documents)["\n  mutation SetDemoCardStatus($cardSerial: String!, $action: String!) {\n    setDemoCardStatus(cardSerial: $cardSerial, action: $action) { cardSerial status unusable }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCheckups {\n    me {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCheckups {\n    me {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DispensingFields on Dispensing {\n    date drugCode drugName ingredient quantity unit usage days inOut\n    prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name }\n  }\n"): (typeof documents)["\n  fragment DispensingFields on Dispensing {\n    date drugCode drugName ingredient quantity unit usage days inOut\n    prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDispensings($from: String, $to: String, $first: Int!, $after: String) {\n    me {\n      id\n      dispensings(from: $from, to: $to, first: $first, after: $after) {\n        edges { cursor node { ...DispensingFields } }\n        pageInfo { hasNextPage endCursor }\n        informationThrough\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyDispensings($from: String, $to: String, $first: Int!, $after: String) {\n    me {\n      id\n      dispensings(from: $from, to: $to, first: $first, after: $after) {\n        edges { cursor node { ...DispensingFields } }\n        pageInfo { hasNextPage endCursor }\n        informationThrough\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyActiveDrugs {\n    me {\n      id\n      medicationSummary {\n        asOf informationThrough\n        activeDrugs { coveredThrough basis dispensing { ...DispensingFields } }\n        counts { activeDrugs activeIngredients prescribingFacilities }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyActiveDrugs {\n    me {\n      id\n      medicationSummary {\n        asOf informationThrough\n        activeDrugs { coveredThrough basis dispensing { ...DispensingFields } }\n        counts { activeDrugs activeIngredients prescribingFacilities }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMedicalExpenses($year: Int!) {\n    me {\n      id\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyMedicalExpenses($year: Int!) {\n    me {\n      id\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MedicalExpenseNoticeFile($year: Int!) {\n    me {\n      id\n      name\n      qualifications { id insurerNumber insurerName qualificationDate disqualificationDate }\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MedicalExpenseNoticeFile($year: Int!) {\n    me {\n      id\n      name\n      qualifications { id insurerNumber insurerName qualificationDate disqualificationDate }\n      medicalExpenses(year: $year) {\n        year claimCount totalPoints totalCostYen patientShareYen\n        months { serviceMonth facilityCode facility { code name } claimCount totalPoints totalCostYen patientShareYen }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReaderVerification($readerId: ID!, $cardSerial: String!) {\n    startReaderVerification(readerId: $readerId, cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n"): (typeof documents)["\n  mutation StartReaderVerification($readerId: ID!, $cardSerial: String!) {\n    startReaderVerification(readerId: $readerId, cardSerial: $cardSerial) { challengeId challenge expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReaderStatement($statement: String!) {\n    submitReaderStatement(statement: $statement) { verificationToken patientId cardStatus drugAnswer checkupAnswer expiresAt }\n  }\n"): (typeof documents)["\n  mutation SubmitReaderStatement($statement: String!) {\n    submitReaderStatement(statement: $statement) { verificationToken patientId cardStatus drugAnswer checkupAnswer expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QualificationResultFields on QualificationConfirmation {\n    qualificationValidity referenceClassification confirmedAt patientId name nameKana sex birthdate\n    qualification { insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber insuredPartialContributionRatio qualificationDate }\n    drugInfoConsentFlag checkupInfoConsentFlag\n  }\n"): (typeof documents)["\n  fragment QualificationResultFields on QualificationConfirmation {\n    qualificationValidity referenceClassification confirmedAt patientId name nameKana sex birthdate\n    qualification { insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber insuredPartialContributionRatio qualificationDate }\n    drugInfoConsentFlag checkupInfoConsentFlag\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmQualificationByCard($verificationToken: String!) {\n    confirmQualificationByCard(verificationToken: $verificationToken) { ...QualificationResultFields }\n  }\n"): (typeof documents)["\n  mutation ConfirmQualificationByCard($verificationToken: String!) {\n    confirmQualificationByCard(verificationToken: $verificationToken) { ...QualificationResultFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffCapabilities {\n    capabilities { category mayRead askedAtReader }\n  }\n"): (typeof documents)["\n  query StaffCapabilities {\n    capabilities { category mayRead askedAtReader }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPatient($id: ID!) {\n    patient(id: $id) {\n      id name nameKana sex birthdate\n      currentQualification { insurerNumber insurerName insuredPartialContributionRatio }\n      confirmations { at facilityCode method qualificationValidity }\n      specialAccessHere { kind categories }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPatient($id: ID!) {\n    patient(id: $id) {\n      id name nameKana sex birthdate\n      currentQualification { insurerNumber insurerName insuredPartialContributionRatio }\n      confirmations { at facilityCode method qualificationValidity }\n      specialAccessHere { kind categories }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPatientDrugs($id: ID!, $first: Int!, $after: String) {\n    patient(id: $id) {\n      id\n      medicationSummary {\n        asOf informationThrough polypharmacy\n        counts { activeDrugs activeIngredients prescribingFacilities duplicateIngredients }\n        activeDrugs { coveredThrough dispensing { date drugName ingredient prescribingFacilityCode prescribingFacility { code name } } }\n        duplicates { ingredient facilityCodes activeDrugs { dispensing { drugName prescribingFacilityCode prescribingFacility { code name } } } }\n      }\n      dispensings(first: $first, after: $after) { edges { node { ...DispensingFields } } pageInfo { hasNextPage endCursor } informationThrough }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPatientDrugs($id: ID!, $first: Int!, $after: String) {\n    patient(id: $id) {\n      id\n      medicationSummary {\n        asOf informationThrough polypharmacy\n        counts { activeDrugs activeIngredients prescribingFacilities duplicateIngredients }\n        activeDrugs { coveredThrough dispensing { date drugName ingredient prescribingFacilityCode prescribingFacility { code name } } }\n        duplicates { ingredient facilityCodes activeDrugs { dispensing { drugName prescribingFacilityCode prescribingFacility { code name } } } }\n      }\n      dispensings(first: $first, after: $after) { edges { node { ...DispensingFields } } pageInfo { hasNextPage endCursor } informationThrough }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPatientCheckups($id: ID!) {\n    patient(id: $id) {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPatientCheckups($id: ID!) {\n    patient(id: $id) {\n      id\n      checkups {\n        fiscalYear examinedOn facilityCode fasting\n        metabolicSyndrome guidance { level group }\n        items { code nameJa nameEn value text textEn answerCode unit guidanceThreshold seeDoctorThreshold direction judgement }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicToday {\n    confirmationsAtMyFacilityToday {\n      patientId name nameKana sex birthdate confirmedAt method qualificationValidity\n      drugInfoConsentFlag checkupInfoConsentFlag drugConsentExpiresAt checkupConsentExpiresAt\n    }\n  }\n"): (typeof documents)["\n  query ClinicToday {\n    confirmationsAtMyFacilityToday {\n      patientId name nameKana sex birthdate confirmedAt method qualificationValidity\n      drugInfoConsentFlag checkupInfoConsentFlag drugConsentExpiresAt checkupConsentExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialCapabilities {\n    capabilities { category conditions }\n    activeDisasters { id name endsAt }\n  }\n"): (typeof documents)["\n  query SpecialCapabilities {\n    capabilities { category conditions }\n    activeDisasters { id name endsAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DisasterSearch($name: String!, $birthdate: String!, $sex: String!, $insurerNameOrAddress: String!) {\n    disasterSearch(name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { patient { id } identificationId special }\n  }\n"): (typeof documents)["\n  query DisasterSearch($name: String!, $birthdate: String!, $sex: String!, $insurerNameOrAddress: String!) {\n    disasterSearch(name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { patient { id } identificationId special }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDisasterConsent($patientId: ID!) {\n    recordDisasterConsent(patientId: $patientId) { basis recordedAt patient { id } }\n  }\n"): (typeof documents)["\n  mutation RecordDisasterConsent($patientId: ID!) {\n    recordDisasterConsent(patientId: $patientId) { basis recordedAt patient { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDisasterExemption($patientId: ID!, $reason: String!) {\n    recordDisasterExemption(patientId: $patientId, reason: $reason) { basis recordedAt patient { id } }\n  }\n"): (typeof documents)["\n  mutation RecordDisasterExemption($patientId: ID!, $reason: String!) {\n    recordDisasterExemption(patientId: $patientId, reason: $reason) { basis recordedAt patient { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartEmergencyAccess($reason: String!, $cardSerial: String, $name: String, $birthdate: String, $sex: String, $insurerNameOrAddress: String) {\n    startEmergencyAccess(reason: $reason, cardSerial: $cardSerial, name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { id expiresAt patient { id } }\n  }\n"): (typeof documents)["\n  mutation StartEmergencyAccess($reason: String!, $cardSerial: String, $name: String, $birthdate: String, $sex: String, $insurerNameOrAddress: String) {\n    startEmergencyAccess(reason: $reason, cardSerial: $cardSerial, name: $name, birthdate: $birthdate, sex: $sex, insurerNameOrAddress: $insurerNameOrAddress) { id expiresAt patient { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Insurers($first: Int!) {\n    insurers(first: $first) { number name kind prefecture registeredAt }\n  }\n"): (typeof documents)["\n  query Insurers($first: Int!) {\n    insurers(first: $first) { number name kind prefecture registeredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterInsurer($number: String!, $name: String!, $kind: InsurerKind, $prefecture: String, $administratorStaffId: String!, $administratorName: String!) {\n    registerInsurer(number: $number, name: $name, kind: $kind, prefecture: $prefecture, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      insurer { number name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterInsurer($number: String!, $name: String!, $kind: InsurerKind, $prefecture: String, $administratorStaffId: String!, $administratorName: String!) {\n    registerInsurer(number: $number, name: $name, kind: $kind, prefecture: $prefecture, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      insurer { number name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardedFacilities($first: Int!, $offset: Int!, $search: String, $prefecture: String) {\n    onboardedFacilities(first: $first, offset: $offset, search: $search, prefecture: $prefecture) { code name kind prefecture hospital registeredAt }\n    onboardedFacilityCount(search: $search, prefecture: $prefecture)\n  }\n"): (typeof documents)["\n  query OnboardedFacilities($first: Int!, $offset: Int!, $search: String, $prefecture: String) {\n    onboardedFacilities(first: $first, offset: $offset, search: $search, prefecture: $prefecture) { code name kind prefecture hospital registeredAt }\n    onboardedFacilityCount(search: $search, prefecture: $prefecture)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FacilityDetail($facilityCode: String!) {\n    onboardedFacility(code: $facilityCode) { code name kind prefecture hospital }\n    readersOfFacility(facilityCode: $facilityCode) { id label status registeredAt }\n    adminChanges(facilityCode: $facilityCode, first: 100) { id at actorRole actorSubject action target before after }\n  }\n"): (typeof documents)["\n  query FacilityDetail($facilityCode: String!) {\n    onboardedFacility(code: $facilityCode) { code name kind prefecture hospital }\n    readersOfFacility(facilityCode: $facilityCode) { id label status registeredAt }\n    adminChanges(facilityCode: $facilityCode, first: 100) { id at actorRole actorSubject action target before after }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterFacility($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!, $administratorStaffId: String!, $administratorName: String!) {\n    registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      facility { code name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterFacility($code: String!, $name: String!, $kind: FacilityKind!, $prefecture: String!, $hospital: Boolean!, $administratorStaffId: String!, $administratorName: String!) {\n    registerFacility(code: $code, name: $name, kind: $kind, prefecture: $prefecture, hospital: $hospital, administratorStaffId: $administratorStaffId, administratorName: $administratorName) {\n      facility { code name }\n      administrator { enrollmentToken expiresAt staff { staffId displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCardReader($facilityCode: String!, $publicKeyJwk: String!, $label: String) {\n    registerCardReader(facilityCode: $facilityCode, publicKeyJwk: $publicKeyJwk, label: $label) { id status }\n  }\n"): (typeof documents)["\n  mutation RegisterCardReader($facilityCode: String!, $publicKeyJwk: String!, $label: String) {\n    registerCardReader(facilityCode: $facilityCode, publicKeyJwk: $publicKeyJwk, label: $label) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCardReaderStatus($readerId: ID!, $status: CardReaderStatus!) {\n    setCardReaderStatus(readerId: $readerId, status: $status) { id status }\n  }\n"): (typeof documents)["\n  mutation SetCardReaderStatus($readerId: ID!, $status: CardReaderStatus!) {\n    setCardReaderStatus(readerId: $readerId, status: $status) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FacilityAdministration {\n    myFacility { code name kind hospital }\n    facilityStaff { staffId displayName role facilityAdmin enrolled disabledAt }\n    facilityReaders { id label status registeredAt }\n  }\n"): (typeof documents)["\n  query FacilityAdministration {\n    myFacility { code name kind hospital }\n    facilityStaff { staffId displayName role facilityAdmin enrolled disabledAt }\n    facilityReaders { id label status registeredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollStaff($staffId: String!, $displayName: String!, $role: Role!) {\n    enrollStaff(staffId: $staffId, displayName: $displayName, role: $role) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n"): (typeof documents)["\n  mutation EnrollStaff($staffId: String!, $displayName: String!, $role: Role!) {\n    enrollStaff(staffId: $staffId, displayName: $displayName, role: $role) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetStaffPassword($staffId: String!) {\n    resetStaffPassword(staffId: $staffId) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n"): (typeof documents)["\n  mutation ResetStaffPassword($staffId: String!) {\n    resetStaffPassword(staffId: $staffId) { enrollmentToken expiresAt staff { staffId displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableStaff($staffId: String!) {\n    disableStaff(staffId: $staffId) { staffId disabledAt }\n  }\n"): (typeof documents)["\n  mutation DisableStaff($staffId: String!) {\n    disableStaff(staffId: $staffId) { staffId disabledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartStaffEnrollment($enrollmentToken: String!, $password: String!) {\n    startStaffEnrollment(enrollmentToken: $enrollmentToken, password: $password) { otpauthUri staffId facilityCode }\n  }\n"): (typeof documents)["\n  mutation StartStaffEnrollment($enrollmentToken: String!, $password: String!) {\n    startStaffEnrollment(enrollmentToken: $enrollmentToken, password: $password) { otpauthUri staffId facilityCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmStaffEnrollment($enrollmentToken: String!, $totp: String!) {\n    confirmStaffEnrollment(enrollmentToken: $enrollmentToken, totp: $totp) { staffId facilityCode enrolled }\n  }\n"): (typeof documents)["\n  mutation ConfirmStaffEnrollment($enrollmentToken: String!, $totp: String!) {\n    confirmStaffEnrollment(enrollmentToken: $enrollmentToken, totp: $totp) { staffId facilityCode enrolled }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimRoutingStatistics($fromMonth: String!, $toMonth: String!) {\n    claimRoutingStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {\n      serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints\n    }\n  }\n"): (typeof documents)["\n  query ClaimRoutingStatistics($fromMonth: String!, $toMonth: String!) {\n    claimRoutingStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {\n      serviceMonth checked asBilled rerouted returned checkedPoints reroutedPoints returnedPoints\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      name\n      currentQualification {\n        insurerNumber\n        insurerName\n        insuredCardSymbol\n        insuredIdentificationNumber\n        insuredBranchNumber\n        insuredPartialContributionRatio\n        qualificationDate\n        personalFamilyClassification\n      }\n      consents { id facilityCode facility { code name } category registeredAt expiresAt valid }\n      myNumberCards { certificateExpiresOn certificateStanding certificateGraceEndsOn status }\n      noticesReadThrough\n      accessLog(first: 50) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      id\n      name\n      currentQualification {\n        insurerNumber\n        insurerName\n        insuredCardSymbol\n        insuredIdentificationNumber\n        insuredBranchNumber\n        insuredPartialContributionRatio\n        qualificationDate\n        personalFamilyClassification\n      }\n      consents { id facilityCode facility { code name } category registeredAt expiresAt valid }\n      myNumberCards { certificateExpiresOn certificateStanding certificateGraceEndsOn status }\n      noticesReadThrough\n      accessLog(first: 50) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsuranceHistory {\n    me {\n      id\n      qualifications {\n        id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber\n        personalFamilyClassification qualificationDate disqualificationDate insuredPartialContributionRatio\n        limitApplicationCertificateClassificationFlag elderlyRecipientContributionRatio\n        elderlyRecipientValidStartDate elderlyRecipientValidEndDate\n      }\n    }\n  }\n"): (typeof documents)["\n  query InsuranceHistory {\n    me {\n      id\n      qualifications {\n        id insurerNumber insurerName insuredCardSymbol insuredIdentificationNumber insuredBranchNumber\n        personalFamilyClassification qualificationDate disqualificationDate insuredPartialContributionRatio\n        limitApplicationCertificateClassificationFlag elderlyRecipientContributionRatio\n        elderlyRecipientValidStartDate elderlyRecipientValidEndDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLog($first: Int!) {\n    me {\n      id\n      accessLog(first: $first) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n"): (typeof documents)["\n  query AccessLog($first: Int!) {\n    me {\n      id\n      accessLog(first: $first) { at actorRole actorSubject facilityCode facility { code name } insurerNumber appName appOperatorName category decision reason special requestId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsurerName($number: String!) {\n    insurer(number: $number) { number name }\n  }\n"): (typeof documents)["\n  query InsurerName($number: String!) {\n    insurer(number: $number) { number name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNoticesRead($through: String!) {\n    markNoticesRead(through: $through)\n  }\n"): (typeof documents)["\n  mutation MarkNoticesRead($through: String!) {\n    markNoticesRead(through: $through)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPhrGrants {\n    me { id phrGrants { id appId appName appOperatorName categories grantedAt expiresAt revokedAt active } }\n  }\n"): (typeof documents)["\n  query MyPhrGrants {\n    me { id phrGrants { id appId appName appOperatorName categories grantedAt expiresAt revokedAt active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GrantablePhrApps {\n    grantablePhrApps { clientId displayName operatorName scopes }\n  }\n"): (typeof documents)["\n  query GrantablePhrApps {\n    grantablePhrApps { clientId displayName operatorName scopes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantPhrAccess($appId: String!, $categories: [DataCategory!]!, $days: Int!) {\n    grantPhrAccess(appId: $appId, categories: $categories, days: $days) { id active }\n  }\n"): (typeof documents)["\n  mutation GrantPhrAccess($appId: String!, $categories: [DataCategory!]!, $days: Int!) {\n    grantPhrAccess(appId: $appId, categories: $categories, days: $days) { id active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePhrAccess($grantId: ID!) {\n    revokePhrAccess(grantId: $grantId) { id active revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokePhrAccess($grantId: ID!) {\n    revokePhrAccess(grantId: $grantId) { id active revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PhrApps($first: Int!) {\n    phrApps(first: $first) { clientId displayName operatorName scopes createdAt rotatedAt disabledAt }\n  }\n"): (typeof documents)["\n  query PhrApps($first: Int!) {\n    phrApps(first: $first) { clientId displayName operatorName scopes createdAt rotatedAt disabledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPhrApp($clientId: String, $displayName: String!, $operatorName: String!, $scopes: [DataCategory!]!) {\n    registerPhrApp(clientId: $clientId, displayName: $displayName, operatorName: $operatorName, scopes: $scopes) { clientSecret app { clientId displayName } }\n  }\n"): (typeof documents)["\n  mutation RegisterPhrApp($clientId: String, $displayName: String!, $operatorName: String!, $scopes: [DataCategory!]!) {\n    registerPhrApp(clientId: $clientId, displayName: $displayName, operatorName: $operatorName, scopes: $scopes) { clientSecret app { clientId displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotatePhrAppSecret($clientId: String!) {\n    rotatePhrAppSecret(clientId: $clientId) { clientSecret app { clientId displayName } }\n  }\n"): (typeof documents)["\n  mutation RotatePhrAppSecret($clientId: String!) {\n    rotatePhrAppSecret(clientId: $clientId) { clientSecret app { clientId displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisablePhrApp($clientId: String!) {\n    disablePhrApp(clientId: $clientId) { clientId disabledAt }\n  }\n"): (typeof documents)["\n  mutation DisablePhrApp($clientId: String!) {\n    disablePhrApp(clientId: $clientId) { clientId disabledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySubsidyApplications {\n    mySubsidyApplications { id category subsidyAmount status rejectionReason submittedAt wentLiveOn }\n  }\n"): (typeof documents)["\n  query MySubsidyApplications {\n    mySubsidyApplications { id category subsidyAmount status rejectionReason submittedAt wentLiveOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForSubsidy($systemCost: Int!, $networkCost: Int!, $readerCost: Int!, $otherCost: Int!, $readersBought: Int!, $wentLiveOn: String!, $largeChainPharmacy: Boolean!) {\n    applyForSubsidy(systemCost: $systemCost, networkCost: $networkCost, readerCost: $readerCost, otherCost: $otherCost, readersBought: $readersBought, wentLiveOn: $wentLiveOn, largeChainPharmacy: $largeChainPharmacy) { id status }\n  }\n"): (typeof documents)["\n  mutation ApplyForSubsidy($systemCost: Int!, $networkCost: Int!, $readerCost: Int!, $otherCost: Int!, $readersBought: Int!, $wentLiveOn: String!, $largeChainPharmacy: Boolean!) {\n    applyForSubsidy(systemCost: $systemCost, networkCost: $networkCost, readerCost: $readerCost, otherCost: $otherCost, readersBought: $readersBought, wentLiveOn: $wentLiveOn, largeChainPharmacy: $largeChainPharmacy) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubsidyApplications($first: Int!) {\n    subsidyApplications(first: $first) {\n      id facilityCode facilityName category systemCost networkCost readerCost otherCost readersBought wentLiveOn subsidyAmount status rejectionReason submittedAt\n    }\n  }\n"): (typeof documents)["\n  query SubsidyApplications($first: Int!) {\n    subsidyApplications(first: $first) {\n      id facilityCode facilityName category systemCost networkCost readerCost otherCost readersBought wentLiveOn subsidyAmount status rejectionReason submittedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSubsidy($id: ID!) { approveSubsidy(id: $id) { id status } }\n"): (typeof documents)["\n  mutation ApproveSubsidy($id: ID!) { approveSubsidy(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSubsidy($id: ID!, $reason: String!) { rejectSubsidy(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation RejectSubsidy($id: ID!, $reason: String!) { rejectSubsidy(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkSubsidyPaid($id: ID!) { markSubsidyPaid(id: $id) { id status } }\n"): (typeof documents)["\n  mutation MarkSubsidyPaid($id: ID!) { markSubsidyPaid(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolloutDashboard {\n    rolloutDashboard {\n      registered live asOf\n      byPrefecture { key registered live }\n      byKind { key registered live }\n      monthly { month registered live targetPercent }\n      readersPerFacility { readers facilities }\n    }\n  }\n"): (typeof documents)["\n  query RolloutDashboard {\n    rolloutDashboard {\n      registered live asOf\n      byPrefecture { key registered live }\n      byKind { key registered live }\n      monthly { month registered live targetPercent }\n      readersPerFacility { readers facilities }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;