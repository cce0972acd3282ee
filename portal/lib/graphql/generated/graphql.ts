/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What the decision point answered for one read (docs/access-policy.md) */
export type AccessDecision =
  /** Provided */
  | 'ALLOW'
  /** Refused */
  | 'DENY';

/** Who an access-log entry's actor was: a role (Role's words), a registered card reader, or a refused card login at the portal */
export type AccessLogActorRole =
  /** 運用者 (支払基金・国保中央会) */
  | 'ADMIN'
  /** A registered card reader (顔認証付きカードリーダー), for the card presented at it */
  | 'CARD_READER'
  /** 歯科医師 */
  | 'DENTIST'
  /** 医師 */
  | 'DOCTOR'
  /** 保険者 */
  | 'INSURER'
  /** 患者 (card login) */
  | 'PATIENT'
  /** 薬剤師 */
  | 'PHARMACIST'
  /** A PHR app acting under a patient's grant */
  | 'PHR_APP'
  /** A card login at the portal that was refused (the card was not usable) */
  | 'PORTAL_LOGIN'
  /** 受付 */
  | 'RECEPTION';

/** What an access-log entry is about: a category of the access policy (PolicyCategory's words) or an admin action (docs/access-policy.md) */
export type AccessLogCategory =
  /** The person's access log (提供状況) */
  | 'ACCESS_LOG'
  /** An admin action: the reason is the action (AdminChangeAction, or <action>:<refusal>), and AdminChange holds what it changed */
  | 'ADMINISTRATION'
  /** 特定健診情報 */
  | 'CHECKUP'
  /** The nation's claim statistics (the patient id is nation) */
  | 'CLAIM_STATISTICS'
  /** 薬剤情報 */
  | 'DRUG'
  /** The registration or lifting of a DV/abuse block */
  | 'DV_REGISTRATION'
  /** 医療費通知情報 */
  | 'EXPENSES'
  /** 資格情報 */
  | 'QUALIFICATION'
  /** A facility's or insurer's list of returned claims (返戻; the patient id names the owner) */
  | 'RETURNED_CLAIMS'
  /** An insurer's list of re-routed claims (in the access log the patient id names the insurer) */
  | 'ROUTED_CLAIMS';

/** How a drug's supply was counted for the 服薬サマリ */
export type ActiveDrugBasis =
  /** Date + days supplied */
  | 'DAYS_SUPPLIED'
  /** External or once-only items, counted 30 days */
  | 'UNTIMED_30_DAYS';

/** An admin action that changed something, recorded with its before and after (docs/operations.md "Taking a new facility into use") */
export type AdminChangeAction =
  /** A subsidy application submitted */
  | 'APPLY_SUBSIDY'
  /** Demo mode: a demo card expired (standing in for J-LIS) */
  | 'DEMO_EXPIRE_CARD'
  /** Demo mode: a demo card suspended (standing in for J-LIS) */
  | 'DEMO_SUSPEND_CARD'
  /** A PHR app disabled */
  | 'DISABLE_PHR_APP'
  /** A staff account disabled */
  | 'DISABLE_STAFF'
  /** A staff account enrolled */
  | 'ENROLL_STAFF'
  /** A subsidy paid */
  | 'PAY_SUBSIDY'
  /** A facility and its administrator registered */
  | 'REGISTER_FACILITY'
  /** An insurer and its first operator account registered */
  | 'REGISTER_INSURER'
  /** A PHR app registered */
  | 'REGISTER_PHR_APP'
  /** A card reader registered */
  | 'REGISTER_READER'
  /** A staff member's password reset (a new enrollment link) */
  | 'RESET_STAFF_PASSWORD'
  /** A subsidy application approved or rejected */
  | 'REVIEW_SUBSIDY'
  /** A PHR app's secret rotated */
  | 'ROTATE_PHR_APP_SECRET'
  /** A card reader suspended, reactivated or retired */
  | 'SET_READER_STATUS';

/** A card reader's state (docs/api-guide.md "Card readers (顔認証付きカードリーダー): the reader contract"): only an ACTIVE reader's statements are accepted */
export type CardReaderStatus =
  /** In use: its statements are accepted */
  | 'ACTIVE'
  /** Out of use for good: a retired reader cannot be reactivated (register the device again) */
  | 'RETIRED'
  /** Out of use for now: its statements are refused; it can be made ACTIVE again */
  | 'SUSPENDED';

/** Demo mode: a My Number Card's status as qualifications keeps it (docs/operations.md "Demo: card lifecycle") */
export type CardStatus =
  /** In use */
  | 'ACTIVE'
  /** 有効期限切れ: expired (by J-LIS; in the demo, by the operator standing in for it) */
  | 'EXPIRED'
  /** 紛失: reported lost by the holder */
  | 'LOST'
  /** 一時停止: suspended (by J-LIS; in the demo, by the operator standing in for it) */
  | 'SUSPENDED';

/** Why confirmation with a card is refused today: the same words as CARD_NOT_USABLE's extensions.reason */
export type CardUnusableReason =
  /** The card or its 利用者証明用電子証明書 has expired */
  | 'EXPIRED'
  /** 紛失 */
  | 'LOST'
  /** Not registered for health insurance use yet (初回登録) */
  | 'NOT_REGISTERED'
  /** 一時停止 */
  | 'SUSPENDED';

/** The card's 利用者証明用電子証明書 today (docs/domain.md "Card certificate expiry") */
export type CertificateStanding =
  /** Refused on every path (CARD_NOT_USABLE EXPIRED) */
  | 'EXPIRED'
  /** Expired, still confirms insurance until certificateGraceEndsOn */
  | 'EXPIRED_GRACE'
  /** Within 3 months of expiry: renew at the municipality */
  | 'RENEW_SOON'
  /** More than 3 months to go */
  | 'VALID';

/** 階層化 of 特定保健指導 (MHLW standard program, steps 1–4; docs/domain.md "Judgements and 階層化") */
export type CheckupGuidanceLevel =
  /** 情報提供 */
  | 'INFORMATION'
  /** 積極的支援 */
  | 'INTENSIVE'
  /** 動機付け支援 */
  | 'MOTIVATIONAL'
  /** 服薬中のため特定保健指導の対象外 */
  | 'NONE_ON_MEDICATION';

/** Per-item judgement against the 保健指導判定値 / 受診勧奨判定値 (docs/domain.md "Specific health checkups (特定健診)") */
export type CheckupItemJudgement =
  /** 保健指導判定値以上 */
  | 'GUIDANCE'
  /** 基準範囲内 */
  | 'NORMAL'
  /** 受診勧奨判定値以上 */
  | 'SEE_DOCTOR';

/** How a qualification confirmation was asked (docs/domain.md "Confirmation at the counter (資格確認)") */
export type ConfirmationMethod =
  /** My Number Card at the reader, face recognition */
  | 'CARD_FACE'
  /** My Number Card at the reader, PIN */
  | 'CARD_PIN'
  /** My Number Card at the reader, visual check by staff */
  | 'CARD_VISUAL'
  /** The numbers of an insurance card or 資格確認書 typed at the counter (記号・番号) */
  | 'INSURANCE_CARD';

/** 閲覧同意フラグ of this visit (real interface codes 0–3; docs/domain.md "Confirmation at the counter (資格確認)") */
export type ConsentFlag =
  /** 1 同意あり: consented, for 24 hours */
  | 'CONSENTED'
  /** 2 期限切れ: the consent here has expired */
  | 'EXPIRED'
  /** 0 同意なし: the patient did not consent at this facility's reader */
  | 'NOT_CONSENTED'
  /** 3 取得困難: could not be obtained (also when the consent service did not answer: never "consented" by default) */
  | 'UNAVAILABLE';

/** A category of a person's data that consent, PHR grants and app scopes name (docs/access-policy.md) */
export type DataCategory =
  /** 特定健診情報 */
  | 'CHECKUP'
  /** 薬剤情報 */
  | 'DRUG'
  /** 医療費通知情報 */
  | 'EXPENSES'
  /** 資格情報 */
  | 'QUALIFICATION';

/** What a disaster identification's reads rest on (docs/domain.md "Disaster (災害時における特別措置), seed 2-1(3)") */
export type DisasterBasis =
  /** The patient's consent, given orally and attested by the staff member */
  | 'CONSENT'
  /** The exemption, with its reason (the patient cannot consent) */
  | 'EXEMPTION';

/** The kind of a facility, as its 医療機関コード says (docs/domain.md "Who takes part") */
export type FacilityKind =
  /** 歯科 */
  | 'DENTAL'
  /** 医科 */
  | 'MEDICAL'
  /** 調剤 (薬局) */
  | 'PHARMACY';

/** 院内・院外 (InOut) of a dispensing */
export type InOut =
  /** 院内: dispensed by the facility itself */
  | 'IN'
  /** 院外: dispensed by a pharmacy on a prescription */
  | 'OUT';

/** The kind of an insurer (docs/operations.md "Registering an insurer") */
export type InsurerKind =
  /** 国保 */
  | 'KOKUHO'
  /** 後期高齢者医療広域連合 */
  | 'KOUKI'
  /** 健保組合 */
  | 'KUMIAI'
  /** 協会けんぽ */
  | 'KYOKAI'
  /** 共済組合 */
  | 'KYOSAI';

/** メタボリックシンドローム判定 (docs/domain.md "Judgements and 階層化") */
export type MetabolicSyndrome =
  /** 基準該当 */
  | 'MEETS'
  /** 非該当 */
  | 'NONE'
  /** 予備群該当 */
  | 'PRE'
  /** 判定不能 (no waist measured) */
  | 'UNDETERMINED';

/** Step 1 of 階層化: the standard program's group A (waist) or B (BMI) */
export type ObesityGroup =
  /** B: waist below that, BMI 25 or more */
  | 'BMI'
  /** A: waist at or above 85 cm (men) / 90 cm (women) */
  | 'WAIST';

/** A category the access policy rules on (docs/access-policy.md): a category of a person's data, her access log, her DV/abuse block, or an owner's list */
export type PolicyCategory =
  /** The person's access log (提供状況) */
  | 'ACCESS_LOG'
  /** 特定健診情報 */
  | 'CHECKUP'
  /** The nation's claim statistics (the patient id is nation) */
  | 'CLAIM_STATISTICS'
  /** 薬剤情報 */
  | 'DRUG'
  /** The registration or lifting of a DV/abuse block */
  | 'DV_REGISTRATION'
  /** 医療費通知情報 */
  | 'EXPENSES'
  /** 資格情報 */
  | 'QUALIFICATION'
  /** A facility's or insurer's list of returned claims (返戻; the patient id names the owner) */
  | 'RETURNED_CLAIMS'
  /** An insurer's list of re-routed claims (in the access log the patient id names the insurer) */
  | 'ROUTED_CLAIMS';

/** What a rule of the access policy requires beyond the caller's role and facility kind (docs/access-policy.md); whether it holds for a patient is decided on each read */
export type PolicyCondition =
  /** This facility confirmed the patient's qualification, or verified the card at its reader with a consent, less than 24 h ago */
  | 'CONFIRMED_HERE'
  /** A consent of the patient, at this facility, for this category, registered less than 24 h ago and not revoked */
  | 'CONSENT_AT_FACILITY'
  /** The qualification confirmation itself (資格確認), for staff of a valid facility */
  | 'COUNTER_CONFIRMATION'
  /** A disaster declaration in force here, the patient identified by the 4-field search, and their consent or the exemption recorded (災害時) */
  | 'DISASTER_IDENTIFIED'
  /** An emergency access opened here for this patient, with its reason, less than 24 h ago (救急時) */
  | 'EMERGENCY_OPENED'
  /** The insurer of the person's newest coverage */
  | 'INSURER_IN_FORCE'
  /** The insurer holds the member now (coverage in force, or the checkup transfer records) */
  | 'INSURER_MEMBER'
  /** The insurer appears in the patient's qualification history */
  | 'INSURER_OF_RECORD'
  /** The operator (支払基金・国保中央会) */
  | 'OPERATOR'
  /** The facility asked for is the caller's own facility */
  | 'OWN_FACILITY'
  /** The insurer asked for is the caller's own insurer */
  | 'OWN_INSURER'
  /** A live grant of the patient to this app for this category, and the token carries its scope */
  | 'PHR_GRANT'
  /** The patient reads their own record */
  | 'SELF';

/** QualificationValidity of a confirmation (docs/domain.md "Confirmation at the counter (資格確認)"); the real interface's codes 1–5 are listed per value */
export type QualificationValidity =
  /** 2 無効: no coverage in force (a past one is answered) */
  | 'INVALID'
  /** 3 無効・新資格あり: the typed numbers name a past coverage; the new one is in newQualification */
  | 'INVALID_NEW_QUALIFICATION'
  /** 5 複数該当: two coverages overlap, or several people matched */
  | 'MULTIPLE'
  /** 4 該当資格なし: no coverage or no person matched */
  | 'NOT_FOUND'
  /** 1 有効: a coverage in force today */
  | 'VALID';

/** The card a reader statement verified, as the counter may use it */
export type ReaderCardStatus =
  /** A FACE verification of a card not registered for insurance use yet: good only for 初回登録 at the counter; no consent registered */
  | 'NOT_REGISTERED'
  /** Usable for confirmation; the patient's answers registered consents */
  | 'USABLE';

/** ReferenceClassification: what the confirmation was asked with (real interface codes 1–2) */
export type ReferenceClassification =
  /** 2: the numbers of an insurance card or 資格確認書 (記号・番号) */
  | 'INSURANCE_CARD'
  /** 1: My Number Card at the reader */
  | 'MY_NUMBER_CARD';

/** Who acts (docs/domain.md "Who takes part"): a patient, facility staff by licence, a PHR app, an insurer or the operator */
export type Role =
  /** 運用者 (支払基金・国保中央会) */
  | 'ADMIN'
  /** 歯科医師 */
  | 'DENTIST'
  /** 医師 */
  | 'DOCTOR'
  /** 保険者 */
  | 'INSURER'
  /** 患者 (card login) */
  | 'PATIENT'
  /** 薬剤師 */
  | 'PHARMACIST'
  /** A PHR app acting under a patient's grant */
  | 'PHR_APP'
  /** 受付 (facility staff without a licence to view drug or checkup information) */
  | 'RECEPTION';

/** The special operation a facility's reads of a person rest on (docs/domain.md "Disaster (災害時における特別措置), seed 2-1(3)", "Emergency access (救急時医療情報閲覧)") */
export type SpecialAccessKind =
  /** 災害時閲覧: a disaster identification with the patient's consent or the exemption */
  | 'DISASTER'
  /** 救急時閲覧: an emergency access opened at this hospital */
  | 'EMERGENCY';

/** The row of the subsidy rule table an application was computed by */
export type SubsidyCategory =
  /** 診療所 */
  | 'CLINIC'
  /** 病院 */
  | 'HOSPITAL'
  /** 大型チェーン薬局 */
  | 'LARGE_CHAIN_PHARMACY'
  /** 薬局 */
  | 'PHARMACY';

/** Where an application to the 医療情報化支援基金 stands (docs/operations.md "Subsidy (医療情報化支援基金)") */
export type SubsidyStatus =
  /** Approved: the amount will be paid */
  | 'APPROVED'
  /** Paid */
  | 'PAID'
  /** Rejected, with a reason */
  | 'REJECTED'
  /** Submitted, not reviewed yet */
  | 'SUBMITTED';

/** Which side of an item's thresholds is abnormal */
export type ThresholdDirection =
  /** At or above the threshold is abnormal */
  | 'HIGH'
  /** At or below the threshold is abnormal (HDL cholesterol) */
  | 'LOW';

export type StartCardLoginMutationVariables = Exact<{
  cardSerial: string;
}>;


export type StartCardLoginMutation = { startCardLogin: { challengeId: string, challenge: string, expiresAt: string } };

export type CompleteCardLoginMutationVariables = Exact<{
  challengeId: string | number;
  pin: string;
  signature: string;
}>;


export type CompleteCardLoginMutation = { completeCardLogin: { accessToken: string, refreshToken: string, expiresAt: string, role: Role, patientId: string | null, facilityCode: string | null, displayName: string } };

export type StaffLoginMutationVariables = Exact<{
  facilityCode: string | null | undefined;
  staffId: string;
  password: string;
  totp: string;
}>;


export type StaffLoginMutation = { staffLogin: { accessToken: string, refreshToken: string, expiresAt: string, role: Role, patientId: string | null, facilityCode: string | null, displayName: string } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresAt: string, role: Role, displayName: string } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type DemoModeQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoModeQuery = { demoMode: boolean };

export type DemoCardQueryVariables = Exact<{
  cardSerial: string | null | undefined;
  patientId: string | null | undefined;
}>;


export type DemoCardQuery = { demoCard: { cardSerial: string, patientId: string, status: CardStatus, certificateExpiresOn: string | null, unusable: CardUnusableReason | null } };

export type SetDemoCardStatusMutationVariables = Exact<{
  cardSerial: string;
  action: string;
}>;


export type SetDemoCardStatusMutation = { setDemoCardStatus: { cardSerial: string, status: CardStatus, unusable: CardUnusableReason | null } };

export type MyCheckupsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCheckupsQuery = { me: { id: string, checkups: Array<{ fiscalYear: number, examinedOn: string, facilityCode: string, fasting: boolean, metabolicSyndrome: MetabolicSyndrome, guidance: { level: CheckupGuidanceLevel, group: ObesityGroup | null }, items: Array<{ code: string, nameJa: string, nameEn: string, value: number | null, text: string | null, textEn: string | null, answerCode: string | null, unit: string, guidanceThreshold: number | null, seeDoctorThreshold: number | null, direction: ThresholdDirection | null, judgement: CheckupItemJudgement | null }> }> | null } };

export type DispensingFieldsFragment = { date: string, drugCode: string, drugName: string, ingredient: string, quantity: number, unit: string, usage: string, days: number | null, inOut: InOut, prescribingFacilityCode: string, pharmacyCode: string | null, prescribingFacility: { code: string, name: string | null }, pharmacy: { code: string, name: string | null } | null };

export type MyDispensingsQueryVariables = Exact<{
  from: string | null | undefined;
  to: string | null | undefined;
  first: number;
  after: string | null | undefined;
}>;


export type MyDispensingsQuery = { me: { id: string, dispensings: { informationThrough: string, edges: Array<{ cursor: string, node: { date: string, drugCode: string, drugName: string, ingredient: string, quantity: number, unit: string, usage: string, days: number | null, inOut: InOut, prescribingFacilityCode: string, pharmacyCode: string | null, prescribingFacility: { code: string, name: string | null }, pharmacy: { code: string, name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } };

export type MyActiveDrugsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyActiveDrugsQuery = { me: { id: string, medicationSummary: { asOf: string, informationThrough: string, activeDrugs: Array<{ coveredThrough: string, basis: ActiveDrugBasis, dispensing: { date: string, drugCode: string, drugName: string, ingredient: string, quantity: number, unit: string, usage: string, days: number | null, inOut: InOut, prescribingFacilityCode: string, pharmacyCode: string | null, prescribingFacility: { code: string, name: string | null }, pharmacy: { code: string, name: string | null } | null } }>, counts: { activeDrugs: number, activeIngredients: number, prescribingFacilities: number } } | null } };

export type MyMedicalExpensesQueryVariables = Exact<{
  year: number;
}>;


export type MyMedicalExpensesQuery = { me: { id: string, medicalExpenses: { year: number, claimCount: number, totalPoints: number, totalCostYen: number, patientShareYen: number, months: Array<{ serviceMonth: string, facilityCode: string, claimCount: number, totalPoints: number, totalCostYen: number, patientShareYen: number, facility: { code: string, name: string | null } }> } | null } };

export type MedicalExpenseNoticeFileQueryVariables = Exact<{
  year: number;
}>;


export type MedicalExpenseNoticeFileQuery = { me: { id: string, name: string, qualifications: Array<{ id: string, insurerNumber: string, insurerName: string, qualificationDate: string, disqualificationDate: string | null }>, medicalExpenses: { year: number, claimCount: number, totalPoints: number, totalCostYen: number, patientShareYen: number, months: Array<{ serviceMonth: string, facilityCode: string, claimCount: number, totalPoints: number, totalCostYen: number, patientShareYen: number, facility: { code: string, name: string | null } }> } | null } };

export type StartReaderVerificationMutationVariables = Exact<{
  readerId: string | number;
  cardSerial: string;
}>;


export type StartReaderVerificationMutation = { startReaderVerification: { challengeId: string, challenge: string, expiresAt: string } };

export type SubmitReaderStatementMutationVariables = Exact<{
  statement: string;
}>;


export type SubmitReaderStatementMutation = { submitReaderStatement: { verificationToken: string, patientId: string, cardStatus: ReaderCardStatus, drugAnswer: boolean, checkupAnswer: boolean, expiresAt: string } };

export type QualificationResultFieldsFragment = { qualificationValidity: QualificationValidity, referenceClassification: ReferenceClassification, confirmedAt: string, patientId: string | null, name: string | null, nameKana: string | null, sex: string | null, birthdate: string | null, drugInfoConsentFlag: ConsentFlag, checkupInfoConsentFlag: ConsentFlag, qualification: { insurerNumber: string, insurerName: string, insuredCardSymbol: string, insuredIdentificationNumber: string, insuredBranchNumber: string, insuredPartialContributionRatio: string, qualificationDate: string } | null };

export type ConfirmQualificationByCardMutationVariables = Exact<{
  verificationToken: string;
}>;


export type ConfirmQualificationByCardMutation = { confirmQualificationByCard: { qualificationValidity: QualificationValidity, referenceClassification: ReferenceClassification, confirmedAt: string, patientId: string | null, name: string | null, nameKana: string | null, sex: string | null, birthdate: string | null, drugInfoConsentFlag: ConsentFlag, checkupInfoConsentFlag: ConsentFlag, qualification: { insurerNumber: string, insurerName: string, insuredCardSymbol: string, insuredIdentificationNumber: string, insuredBranchNumber: string, insuredPartialContributionRatio: string, qualificationDate: string } | null } };

export type StaffCapabilitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffCapabilitiesQuery = { capabilities: Array<{ category: PolicyCategory, mayRead: boolean, askedAtReader: boolean }> };

export type ClinicPatientQueryVariables = Exact<{
  id: string | number;
}>;


export type ClinicPatientQuery = { patient: { id: string, name: string, nameKana: string, sex: string, birthdate: string, currentQualification: { insurerNumber: string, insurerName: string, insuredPartialContributionRatio: string } | null, confirmations: Array<{ at: string, facilityCode: string, method: ConfirmationMethod, qualificationValidity: QualificationValidity }>, specialAccessHere: { kind: SpecialAccessKind, categories: Array<DataCategory> } | null } };

export type ClinicPatientDrugsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after: string | null | undefined;
}>;


export type ClinicPatientDrugsQuery = { patient: { id: string, medicationSummary: { asOf: string, informationThrough: string, polypharmacy: boolean, counts: { activeDrugs: number, activeIngredients: number, prescribingFacilities: number, duplicateIngredients: number }, activeDrugs: Array<{ coveredThrough: string, dispensing: { date: string, drugName: string, ingredient: string, prescribingFacilityCode: string, prescribingFacility: { code: string, name: string | null } } }>, duplicates: Array<{ ingredient: string, facilityCodes: Array<string>, activeDrugs: Array<{ dispensing: { drugName: string, prescribingFacilityCode: string, prescribingFacility: { code: string, name: string | null } } }> }> } | null, dispensings: { informationThrough: string, edges: Array<{ node: { date: string, drugCode: string, drugName: string, ingredient: string, quantity: number, unit: string, usage: string, days: number | null, inOut: InOut, prescribingFacilityCode: string, pharmacyCode: string | null, prescribingFacility: { code: string, name: string | null }, pharmacy: { code: string, name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } };

export type ClinicPatientCheckupsQueryVariables = Exact<{
  id: string | number;
}>;


export type ClinicPatientCheckupsQuery = { patient: { id: string, checkups: Array<{ fiscalYear: number, examinedOn: string, facilityCode: string, fasting: boolean, metabolicSyndrome: MetabolicSyndrome, guidance: { level: CheckupGuidanceLevel, group: ObesityGroup | null }, items: Array<{ code: string, nameJa: string, nameEn: string, value: number | null, text: string | null, textEn: string | null, answerCode: string | null, unit: string, guidanceThreshold: number | null, seeDoctorThreshold: number | null, direction: ThresholdDirection | null, judgement: CheckupItemJudgement | null }> }> | null } };

export type ClinicTodayQueryVariables = Exact<{ [key: string]: never; }>;


export type ClinicTodayQuery = { confirmationsAtMyFacilityToday: Array<{ patientId: string, name: string, nameKana: string, sex: string, birthdate: string, confirmedAt: string, method: ConfirmationMethod, qualificationValidity: QualificationValidity, drugInfoConsentFlag: ConsentFlag, checkupInfoConsentFlag: ConsentFlag, drugConsentExpiresAt: string | null, checkupConsentExpiresAt: string | null }> };

export type SpecialCapabilitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type SpecialCapabilitiesQuery = { capabilities: Array<{ category: PolicyCategory, conditions: Array<PolicyCondition> }>, activeDisasters: Array<{ id: string, name: string, endsAt: string }> };

export type DisasterSearchQueryVariables = Exact<{
  name: string;
  birthdate: string;
  sex: string;
  insurerNameOrAddress: string;
}>;


export type DisasterSearchQuery = { disasterSearch: { identificationId: string, special: boolean, patient: { id: string } } };

export type RecordDisasterConsentMutationVariables = Exact<{
  patientId: string | number;
}>;


export type RecordDisasterConsentMutation = { recordDisasterConsent: { basis: DisasterBasis, recordedAt: string, patient: { id: string } } };

export type RecordDisasterExemptionMutationVariables = Exact<{
  patientId: string | number;
  reason: string;
}>;


export type RecordDisasterExemptionMutation = { recordDisasterExemption: { basis: DisasterBasis, recordedAt: string, patient: { id: string } } };

export type StartEmergencyAccessMutationVariables = Exact<{
  reason: string;
  cardSerial: string | null | undefined;
  name: string | null | undefined;
  birthdate: string | null | undefined;
  sex: string | null | undefined;
  insurerNameOrAddress: string | null | undefined;
}>;


export type StartEmergencyAccessMutation = { startEmergencyAccess: { id: string, expiresAt: string, patient: { id: string } } };

export type InsurersQueryVariables = Exact<{
  first: number;
}>;


export type InsurersQuery = { insurers: Array<{ number: string, name: string, kind: InsurerKind, prefecture: string, registeredAt: string }> };

export type RegisterInsurerMutationVariables = Exact<{
  number: string;
  name: string;
  kind: InsurerKind | null | undefined;
  prefecture: string | null | undefined;
  administratorStaffId: string;
  administratorName: string;
}>;


export type RegisterInsurerMutation = { registerInsurer: { insurer: { number: string, name: string }, administrator: { enrollmentToken: string, expiresAt: string, staff: { staffId: string, displayName: string } } } };

export type OnboardedFacilitiesQueryVariables = Exact<{
  first: number;
  offset: number;
  search: string | null | undefined;
  prefecture: string | null | undefined;
}>;


export type OnboardedFacilitiesQuery = { onboardedFacilityCount: number, onboardedFacilities: Array<{ code: string, name: string, kind: FacilityKind, prefecture: string, hospital: boolean, registeredAt: string }> };

export type FacilityDetailQueryVariables = Exact<{
  facilityCode: string;
}>;


export type FacilityDetailQuery = { onboardedFacility: { code: string, name: string, kind: FacilityKind, prefecture: string, hospital: boolean }, readersOfFacility: Array<{ id: string, label: string | null, status: CardReaderStatus, registeredAt: string }>, adminChanges: Array<{ id: string, at: string, actorRole: Role, actorSubject: string, action: AdminChangeAction, target: string, before: string | null, after: string | null }> };

export type RegisterFacilityMutationVariables = Exact<{
  code: string;
  name: string;
  kind: FacilityKind;
  prefecture: string;
  hospital: boolean;
  administratorStaffId: string;
  administratorName: string;
}>;


export type RegisterFacilityMutation = { registerFacility: { facility: { code: string, name: string }, administrator: { enrollmentToken: string, expiresAt: string, staff: { staffId: string, displayName: string } } } };

export type RegisterCardReaderMutationVariables = Exact<{
  facilityCode: string;
  publicKeyJwk: string;
  label: string | null | undefined;
}>;


export type RegisterCardReaderMutation = { registerCardReader: { id: string, status: CardReaderStatus } };

export type SetCardReaderStatusMutationVariables = Exact<{
  readerId: string | number;
  status: CardReaderStatus;
}>;


export type SetCardReaderStatusMutation = { setCardReaderStatus: { id: string, status: CardReaderStatus } };

export type FacilityAdministrationQueryVariables = Exact<{ [key: string]: never; }>;


export type FacilityAdministrationQuery = { myFacility: { code: string, name: string, kind: FacilityKind, hospital: boolean }, facilityStaff: Array<{ staffId: string, displayName: string, role: Role, facilityAdmin: boolean, enrolled: boolean, disabledAt: string | null }>, facilityReaders: Array<{ id: string, label: string | null, status: CardReaderStatus, registeredAt: string }> };

export type EnrollStaffMutationVariables = Exact<{
  staffId: string;
  displayName: string;
  role: Role;
}>;


export type EnrollStaffMutation = { enrollStaff: { enrollmentToken: string, expiresAt: string, staff: { staffId: string, displayName: string } } };

export type ResetStaffPasswordMutationVariables = Exact<{
  staffId: string;
}>;


export type ResetStaffPasswordMutation = { resetStaffPassword: { enrollmentToken: string, expiresAt: string, staff: { staffId: string, displayName: string } } };

export type DisableStaffMutationVariables = Exact<{
  staffId: string;
}>;


export type DisableStaffMutation = { disableStaff: { staffId: string, disabledAt: string | null } };

export type StartStaffEnrollmentMutationVariables = Exact<{
  enrollmentToken: string;
  password: string;
}>;


export type StartStaffEnrollmentMutation = { startStaffEnrollment: { otpauthUri: string, staffId: string, facilityCode: string } };

export type ConfirmStaffEnrollmentMutationVariables = Exact<{
  enrollmentToken: string;
  totp: string;
}>;


export type ConfirmStaffEnrollmentMutation = { confirmStaffEnrollment: { staffId: string, facilityCode: string, enrolled: boolean } };

export type ClaimRoutingStatisticsQueryVariables = Exact<{
  fromMonth: string;
  toMonth: string;
}>;


export type ClaimRoutingStatisticsQuery = { claimRoutingStatistics: Array<{ serviceMonth: string, checked: number, asBilled: number, rerouted: number, returned: number, checkedPoints: number, reroutedPoints: number, returnedPoints: number }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { me: { id: string, name: string, noticesReadThrough: string | null, currentQualification: { insurerNumber: string, insurerName: string, insuredCardSymbol: string, insuredIdentificationNumber: string, insuredBranchNumber: string, insuredPartialContributionRatio: string, qualificationDate: string, personalFamilyClassification: string } | null, consents: Array<{ id: string, facilityCode: string, category: DataCategory, registeredAt: string, expiresAt: string, valid: boolean, facility: { code: string, name: string | null } }>, myNumberCards: Array<{ certificateExpiresOn: string | null, certificateStanding: CertificateStanding, certificateGraceEndsOn: string | null, status: string }>, accessLog: Array<{ at: string, actorRole: AccessLogActorRole, actorSubject: string, facilityCode: string | null, insurerNumber: string | null, appName: string | null, appOperatorName: string | null, category: AccessLogCategory, decision: AccessDecision, reason: string, special: boolean, requestId: string, facility: { code: string, name: string | null } | null }> } };

export type InsuranceHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type InsuranceHistoryQuery = { me: { id: string, qualifications: Array<{ id: string, insurerNumber: string, insurerName: string, insuredCardSymbol: string, insuredIdentificationNumber: string, insuredBranchNumber: string, personalFamilyClassification: string, qualificationDate: string, disqualificationDate: string | null, insuredPartialContributionRatio: string, limitApplicationCertificateClassificationFlag: string | null, elderlyRecipientContributionRatio: string | null, elderlyRecipientValidStartDate: string | null, elderlyRecipientValidEndDate: string | null }> } };

export type AccessLogQueryVariables = Exact<{
  first: number;
}>;


export type AccessLogQuery = { me: { id: string, accessLog: Array<{ at: string, actorRole: AccessLogActorRole, actorSubject: string, facilityCode: string | null, insurerNumber: string | null, appName: string | null, appOperatorName: string | null, category: AccessLogCategory, decision: AccessDecision, reason: string, special: boolean, requestId: string, facility: { code: string, name: string | null } | null }> } };

export type InsurerNameQueryVariables = Exact<{
  number: string;
}>;


export type InsurerNameQuery = { insurer: { number: string, name: string } };

export type MarkNoticesReadMutationVariables = Exact<{
  through: string;
}>;


export type MarkNoticesReadMutation = { markNoticesRead: string };

export type MyPhrGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPhrGrantsQuery = { me: { id: string, phrGrants: Array<{ id: string, appId: string, appName: string, appOperatorName: string | null, categories: Array<DataCategory>, grantedAt: string, expiresAt: string, revokedAt: string | null, active: boolean }> } };

export type GrantablePhrAppsQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantablePhrAppsQuery = { grantablePhrApps: Array<{ clientId: string, displayName: string, operatorName: string, scopes: Array<DataCategory> }> };

export type GrantPhrAccessMutationVariables = Exact<{
  appId: string;
  categories: Array<DataCategory> | DataCategory;
  days: number;
}>;


export type GrantPhrAccessMutation = { grantPhrAccess: { id: string, active: boolean } };

export type RevokePhrAccessMutationVariables = Exact<{
  grantId: string | number;
}>;


export type RevokePhrAccessMutation = { revokePhrAccess: { id: string, active: boolean, revokedAt: string | null } };

export type PhrAppsQueryVariables = Exact<{
  first: number;
}>;


export type PhrAppsQuery = { phrApps: Array<{ clientId: string, displayName: string, operatorName: string, scopes: Array<DataCategory>, createdAt: string, rotatedAt: string | null, disabledAt: string | null }> };

export type RegisterPhrAppMutationVariables = Exact<{
  clientId: string | null | undefined;
  displayName: string;
  operatorName: string;
  scopes: Array<DataCategory> | DataCategory;
}>;


export type RegisterPhrAppMutation = { registerPhrApp: { clientSecret: string, app: { clientId: string, displayName: string } } };

export type RotatePhrAppSecretMutationVariables = Exact<{
  clientId: string;
}>;


export type RotatePhrAppSecretMutation = { rotatePhrAppSecret: { clientSecret: string, app: { clientId: string, displayName: string } } };

export type DisablePhrAppMutationVariables = Exact<{
  clientId: string;
}>;


export type DisablePhrAppMutation = { disablePhrApp: { clientId: string, disabledAt: string | null } };

export type MySubsidyApplicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySubsidyApplicationsQuery = { mySubsidyApplications: Array<{ id: string, category: SubsidyCategory, subsidyAmount: number, status: SubsidyStatus, rejectionReason: string | null, submittedAt: string, wentLiveOn: string }> };

export type ApplyForSubsidyMutationVariables = Exact<{
  systemCost: number;
  networkCost: number;
  readerCost: number;
  otherCost: number;
  readersBought: number;
  wentLiveOn: string;
  largeChainPharmacy: boolean;
}>;


export type ApplyForSubsidyMutation = { applyForSubsidy: { id: string, status: SubsidyStatus } };

export type SubsidyApplicationsQueryVariables = Exact<{
  first: number;
}>;


export type SubsidyApplicationsQuery = { subsidyApplications: Array<{ id: string, facilityCode: string, facilityName: string, category: SubsidyCategory, systemCost: number, networkCost: number, readerCost: number, otherCost: number, readersBought: number, wentLiveOn: string, subsidyAmount: number, status: SubsidyStatus, rejectionReason: string | null, submittedAt: string }> };

export type ApproveSubsidyMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveSubsidyMutation = { approveSubsidy: { id: string, status: SubsidyStatus } };

export type RejectSubsidyMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectSubsidyMutation = { rejectSubsidy: { id: string, status: SubsidyStatus } };

export type MarkSubsidyPaidMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkSubsidyPaidMutation = { markSubsidyPaid: { id: string, status: SubsidyStatus } };

export type RolloutDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type RolloutDashboardQuery = { rolloutDashboard: { registered: number, live: number, asOf: string, byPrefecture: Array<{ key: string, registered: number, live: number }>, byKind: Array<{ key: string, registered: number, live: number }>, monthly: Array<{ month: string, registered: number | null, live: number | null, targetPercent: number | null }>, readersPerFacility: Array<{ readers: number, facilities: number }> } };

export const DispensingFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DispensingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispensing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"drugCode"}},{"kind":"Field","name":{"kind":"Name","value":"drugName"}},{"kind":"Field","name":{"kind":"Name","value":"ingredient"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"inOut"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pharmacyCode"}},{"kind":"Field","name":{"kind":"Name","value":"pharmacy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DispensingFieldsFragment, unknown>;
export const QualificationResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QualificationResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QualificationConfirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qualificationValidity"}},{"kind":"Field","name":{"kind":"Name","value":"referenceClassification"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKana"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthdate"}},{"kind":"Field","name":{"kind":"Name","value":"qualification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insurerName"}},{"kind":"Field","name":{"kind":"Name","value":"insuredCardSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"insuredIdentificationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredBranchNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredPartialContributionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"drugInfoConsentFlag"}},{"kind":"Field","name":{"kind":"Name","value":"checkupInfoConsentFlag"}}]}}]} as unknown as DocumentNode<QualificationResultFieldsFragment, unknown>;
export const StartCardLoginDocument = {"__meta__":{"hash":"sha256:f9fe08617a58218a917eac9bdcbba57db38d9b1350e3bb88b04ab1ff92b72b5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartCardLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCardLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cardSerial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"challenge"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<StartCardLoginMutation, StartCardLoginMutationVariables>;
export const CompleteCardLoginDocument = {"__meta__":{"hash":"sha256:564ab1c2e6dabc5f3bf5ad1883cd2840fea2048fbc13a23afd87ae0a48030dfa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteCardLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signature"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeCardLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"pin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pin"}}},{"kind":"Argument","name":{"kind":"Name","value":"signature"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signature"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CompleteCardLoginMutation, CompleteCardLoginMutationVariables>;
export const StaffLoginDocument = {"__meta__":{"hash":"sha256:bd4012afd37e35d951b96bae67336b98a69982613bc36487eda5114f8f0a6a86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StaffLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"totp"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"facilityCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"staffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"totp"},"value":{"kind":"Variable","name":{"kind":"Name","value":"totp"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<StaffLoginMutation, StaffLoginMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"sha256:a5de098c346d9da2ee8e5ba528b3c4a9027d4e6595bbd05f1c6e8ba492a19c29"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = {"__meta__":{"hash":"sha256:44df27831b2e811e41361abb45896fc013bf9f0e37f54ae93fdb75c2c1f24da5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const DemoModeDocument = {"__meta__":{"hash":"sha256:a447e1a221c541200e28ee5eda1623deb3c474ed5298359a9839c2f738f3aec6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"demoMode"}}]}}]} as unknown as DocumentNode<DemoModeQuery, DemoModeQueryVariables>;
export const DemoCardDocument = {"__meta__":{"hash":"sha256:b8cbb18e181609696a0eb3b37f52b1acb79f49d05dde438e8df66885c26470f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"demoCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cardSerial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}}},{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardSerial"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"certificateExpiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"unusable"}}]}}]}}]} as unknown as DocumentNode<DemoCardQuery, DemoCardQueryVariables>;
export const SetDemoCardStatusDocument = {"__meta__":{"hash":"sha256:84e43cebd59667ed229865729ff0c9d36f5a8f79948d078457d712e018b33952"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDemoCardStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDemoCardStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cardSerial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardSerial"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"unusable"}}]}}]}}]} as unknown as DocumentNode<SetDemoCardStatusMutation, SetDemoCardStatusMutationVariables>;
export const MyCheckupsDocument = {"__meta__":{"hash":"sha256:85c8c82933bfc3497d312488ebac6a25717249345bd223fd0ef5d7f477b4a4c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCheckups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"examinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"fasting"}},{"kind":"Field","name":{"kind":"Name","value":"metabolicSyndrome"}},{"kind":"Field","name":{"kind":"Name","value":"guidance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"group"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameJa"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"textEn"}},{"kind":"Field","name":{"kind":"Name","value":"answerCode"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"guidanceThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"seeDoctorThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"judgement"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyCheckupsQuery, MyCheckupsQueryVariables>;
export const MyDispensingsDocument = {"__meta__":{"hash":"sha256:9c6a2e1dceae05dd05f5d570b830f1d013071bbe9d386b1edbdedf306ae5cdb6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDispensings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dispensings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DispensingFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"informationThrough"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DispensingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispensing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"drugCode"}},{"kind":"Field","name":{"kind":"Name","value":"drugName"}},{"kind":"Field","name":{"kind":"Name","value":"ingredient"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"inOut"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pharmacyCode"}},{"kind":"Field","name":{"kind":"Name","value":"pharmacy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MyDispensingsQuery, MyDispensingsQueryVariables>;
export const MyActiveDrugsDocument = {"__meta__":{"hash":"sha256:24445ad1241aa482f7db051a239e7e4383a37f6142210a55be1c39c4e5e201d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyActiveDrugs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"medicationSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"informationThrough"}},{"kind":"Field","name":{"kind":"Name","value":"activeDrugs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coveredThrough"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"dispensing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DispensingFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeDrugs"}},{"kind":"Field","name":{"kind":"Name","value":"activeIngredients"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilities"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DispensingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispensing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"drugCode"}},{"kind":"Field","name":{"kind":"Name","value":"drugName"}},{"kind":"Field","name":{"kind":"Name","value":"ingredient"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"inOut"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pharmacyCode"}},{"kind":"Field","name":{"kind":"Name","value":"pharmacy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MyActiveDrugsQuery, MyActiveDrugsQueryVariables>;
export const MyMedicalExpensesDocument = {"__meta__":{"hash":"sha256:f31148fbe8a524dba14168d6df952abafb532d39bb91efddc8cefc8ce01476fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyMedicalExpenses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"medicalExpenses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"claimCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostYen"}},{"kind":"Field","name":{"kind":"Name","value":"patientShareYen"}},{"kind":"Field","name":{"kind":"Name","value":"months"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceMonth"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"facility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostYen"}},{"kind":"Field","name":{"kind":"Name","value":"patientShareYen"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyMedicalExpensesQuery, MyMedicalExpensesQueryVariables>;
export const MedicalExpenseNoticeFileDocument = {"__meta__":{"hash":"sha256:5dddb7986edc1434c6ea55d77c91907b7fbf3e393d1d044d1f96e5e914311b9e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MedicalExpenseNoticeFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"qualifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insurerName"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationDate"}},{"kind":"Field","name":{"kind":"Name","value":"disqualificationDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medicalExpenses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"claimCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostYen"}},{"kind":"Field","name":{"kind":"Name","value":"patientShareYen"}},{"kind":"Field","name":{"kind":"Name","value":"months"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceMonth"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"facility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostYen"}},{"kind":"Field","name":{"kind":"Name","value":"patientShareYen"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MedicalExpenseNoticeFileQuery, MedicalExpenseNoticeFileQueryVariables>;
export const StartReaderVerificationDocument = {"__meta__":{"hash":"sha256:e58b4ec5a794922d84f57320052b973154616935224f2c769c6e9c229a6d50ef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReaderVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReaderVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"readerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cardSerial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"challenge"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<StartReaderVerificationMutation, StartReaderVerificationMutationVariables>;
export const SubmitReaderStatementDocument = {"__meta__":{"hash":"sha256:c02cb97cd43d0a941e9fce4b5a0e033a451ba6d304dc13f06435820b437d60e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReaderStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statement"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReaderStatement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statement"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationToken"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"cardStatus"}},{"kind":"Field","name":{"kind":"Name","value":"drugAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"checkupAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SubmitReaderStatementMutation, SubmitReaderStatementMutationVariables>;
export const ConfirmQualificationByCardDocument = {"__meta__":{"hash":"sha256:a24cdc2b313593144dcc15a3fb52ada2fe759abcdf1e2315f16ed3c69eef97da"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmQualificationByCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"verificationToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmQualificationByCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verificationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"verificationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QualificationResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QualificationResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QualificationConfirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qualificationValidity"}},{"kind":"Field","name":{"kind":"Name","value":"referenceClassification"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKana"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthdate"}},{"kind":"Field","name":{"kind":"Name","value":"qualification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insurerName"}},{"kind":"Field","name":{"kind":"Name","value":"insuredCardSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"insuredIdentificationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredBranchNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredPartialContributionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"drugInfoConsentFlag"}},{"kind":"Field","name":{"kind":"Name","value":"checkupInfoConsentFlag"}}]}}]} as unknown as DocumentNode<ConfirmQualificationByCardMutation, ConfirmQualificationByCardMutationVariables>;
export const StaffCapabilitiesDocument = {"__meta__":{"hash":"sha256:a1bbfbbaee7b014d02d286d5c80d438a7170dee195f6b0586708d3906dc53aa5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffCapabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"mayRead"}},{"kind":"Field","name":{"kind":"Name","value":"askedAtReader"}}]}}]}}]} as unknown as DocumentNode<StaffCapabilitiesQuery, StaffCapabilitiesQueryVariables>;
export const ClinicPatientDocument = {"__meta__":{"hash":"sha256:d52ab78747b66ef70ee861e43506cdc36ed04f22a15a1474b8bd38561d63f5d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClinicPatient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKana"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthdate"}},{"kind":"Field","name":{"kind":"Name","value":"currentQualification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insurerName"}},{"kind":"Field","name":{"kind":"Name","value":"insuredPartialContributionRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationValidity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"specialAccessHere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]}}]}}]} as unknown as DocumentNode<ClinicPatientQuery, ClinicPatientQueryVariables>;
export const ClinicPatientDrugsDocument = {"__meta__":{"hash":"sha256:7a4a2b627e0698fbca26d74be54545aa12846c148ed71df7090506c05cd7cec0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClinicPatientDrugs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"medicationSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"informationThrough"}},{"kind":"Field","name":{"kind":"Name","value":"polypharmacy"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeDrugs"}},{"kind":"Field","name":{"kind":"Name","value":"activeIngredients"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilities"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateIngredients"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeDrugs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coveredThrough"}},{"kind":"Field","name":{"kind":"Name","value":"dispensing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"drugName"}},{"kind":"Field","name":{"kind":"Name","value":"ingredient"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingredient"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCodes"}},{"kind":"Field","name":{"kind":"Name","value":"activeDrugs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispensing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drugName"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispensings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DispensingFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"informationThrough"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DispensingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispensing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"drugCode"}},{"kind":"Field","name":{"kind":"Name","value":"drugName"}},{"kind":"Field","name":{"kind":"Name","value":"ingredient"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"inOut"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"prescribingFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pharmacyCode"}},{"kind":"Field","name":{"kind":"Name","value":"pharmacy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClinicPatientDrugsQuery, ClinicPatientDrugsQueryVariables>;
export const ClinicPatientCheckupsDocument = {"__meta__":{"hash":"sha256:95144f77e4abc63543417e68fc446bc1b21977a3c4dd7cf9ad2c3023ee17ea7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClinicPatientCheckups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"examinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"fasting"}},{"kind":"Field","name":{"kind":"Name","value":"metabolicSyndrome"}},{"kind":"Field","name":{"kind":"Name","value":"guidance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"group"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameJa"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"textEn"}},{"kind":"Field","name":{"kind":"Name","value":"answerCode"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"guidanceThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"seeDoctorThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"judgement"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClinicPatientCheckupsQuery, ClinicPatientCheckupsQueryVariables>;
export const ClinicTodayDocument = {"__meta__":{"hash":"sha256:d4526305d819bb6ac9da7ca4d3609ede3cd15d91ed0ffbfb8ca1ef55e6375641"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClinicToday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmationsAtMyFacilityToday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKana"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationValidity"}},{"kind":"Field","name":{"kind":"Name","value":"drugInfoConsentFlag"}},{"kind":"Field","name":{"kind":"Name","value":"checkupInfoConsentFlag"}},{"kind":"Field","name":{"kind":"Name","value":"drugConsentExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"checkupConsentExpiresAt"}}]}}]}}]} as unknown as DocumentNode<ClinicTodayQuery, ClinicTodayQueryVariables>;
export const SpecialCapabilitiesDocument = {"__meta__":{"hash":"sha256:3c270fe02005d0f4984eddefe4ac06d02784752165b8bca40c13b53609e14cb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpecialCapabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeDisasters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]} as unknown as DocumentNode<SpecialCapabilitiesQuery, SpecialCapabilitiesQueryVariables>;
export const DisasterSearchDocument = {"__meta__":{"hash":"sha256:08607abf888d23c5f291a659906fb7dd251698afbed013bb86763d81e7b57f91"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DisasterSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birthdate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sex"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"insurerNameOrAddress"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disasterSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"birthdate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birthdate"}}},{"kind":"Argument","name":{"kind":"Name","value":"sex"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sex"}}},{"kind":"Argument","name":{"kind":"Name","value":"insurerNameOrAddress"},"value":{"kind":"Variable","name":{"kind":"Name","value":"insurerNameOrAddress"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identificationId"}},{"kind":"Field","name":{"kind":"Name","value":"special"}}]}}]}}]} as unknown as DocumentNode<DisasterSearchQuery, DisasterSearchQueryVariables>;
export const RecordDisasterConsentDocument = {"__meta__":{"hash":"sha256:4a89ced90e6928496b4d3f9905177a78f9e874e550469e72d0e05bc678dbd66c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordDisasterConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordDisasterConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RecordDisasterConsentMutation, RecordDisasterConsentMutationVariables>;
export const RecordDisasterExemptionDocument = {"__meta__":{"hash":"sha256:a27dc5f04c4bdbf24dfad878f37cf766f6a2b4e284829eb7fbd6c76dafde27e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordDisasterExemption"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordDisasterExemption"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RecordDisasterExemptionMutation, RecordDisasterExemptionMutationVariables>;
export const StartEmergencyAccessDocument = {"__meta__":{"hash":"sha256:b4cfc39c96a6e006c6e7502a6dbd3e1f1d66642ec5931c19b077ba9f8fca0e8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartEmergencyAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birthdate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sex"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"insurerNameOrAddress"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startEmergencyAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"cardSerial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardSerial"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"birthdate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birthdate"}}},{"kind":"Argument","name":{"kind":"Name","value":"sex"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sex"}}},{"kind":"Argument","name":{"kind":"Name","value":"insurerNameOrAddress"},"value":{"kind":"Variable","name":{"kind":"Name","value":"insurerNameOrAddress"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StartEmergencyAccessMutation, StartEmergencyAccessMutationVariables>;
export const InsurersDocument = {"__meta__":{"hash":"sha256:24da6638f146e1aa3c1731dfbf727c18d25070da9b0d69d0e26965a3f83481f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Insurers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prefecture"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}}]}}]} as unknown as DocumentNode<InsurersQuery, InsurersQueryVariables>;
export const RegisterInsurerDocument = {"__meta__":{"hash":"sha256:1c2b89d8d310fcb71c1ec607ca36dafb718b637440b03573c71863aa534060f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterInsurer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InsurerKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"administratorStaffId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"administratorName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerInsurer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"prefecture"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}}},{"kind":"Argument","name":{"kind":"Name","value":"administratorStaffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"administratorStaffId"}}},{"kind":"Argument","name":{"kind":"Name","value":"administratorName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"administratorName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterInsurerMutation, RegisterInsurerMutationVariables>;
export const OnboardedFacilitiesDocument = {"__meta__":{"hash":"sha256:1e421d3193dbf561e33cf71bda8f902a047a46294fe916df90d4402eab17d7d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnboardedFacilities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onboardedFacilities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"prefecture"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prefecture"}},{"kind":"Field","name":{"kind":"Name","value":"hospital"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onboardedFacilityCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"prefecture"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}}}]}]}}]} as unknown as DocumentNode<OnboardedFacilitiesQuery, OnboardedFacilitiesQueryVariables>;
export const FacilityDetailDocument = {"__meta__":{"hash":"sha256:698c8680012c642b5032eff126f5292967adb6cd29da2509799d78e5d57b20a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FacilityDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onboardedFacility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prefecture"}},{"kind":"Field","name":{"kind":"Name","value":"hospital"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readersOfFacility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"facilityCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adminChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"facilityCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"actorSubject"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]} as unknown as DocumentNode<FacilityDetailQuery, FacilityDetailQueryVariables>;
export const RegisterFacilityDocument = {"__meta__":{"hash":"sha256:d1ce4004a8643c6387e8c51d476f1e54616ac8a358f82d2c145142e23b99860a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterFacility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FacilityKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hospital"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"administratorStaffId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"administratorName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerFacility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"prefecture"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prefecture"}}},{"kind":"Argument","name":{"kind":"Name","value":"hospital"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hospital"}}},{"kind":"Argument","name":{"kind":"Name","value":"administratorStaffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"administratorStaffId"}}},{"kind":"Argument","name":{"kind":"Name","value":"administratorName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"administratorName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"facility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterFacilityMutation, RegisterFacilityMutationVariables>;
export const RegisterCardReaderDocument = {"__meta__":{"hash":"sha256:f18544d2d575be6b220e2b6189e9c136bf07cbb97fb4ebbc659660336d6067db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterCardReader"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publicKeyJwk"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerCardReader"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"facilityCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"facilityCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"publicKeyJwk"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publicKeyJwk"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RegisterCardReaderMutation, RegisterCardReaderMutationVariables>;
export const SetCardReaderStatusDocument = {"__meta__":{"hash":"sha256:65394084ce5aca4790990d40559edd45bdbde78a765e2c534cd6a6892e05b7b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCardReaderStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CardReaderStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCardReaderStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"readerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetCardReaderStatusMutation, SetCardReaderStatusMutationVariables>;
export const FacilityAdministrationDocument = {"__meta__":{"hash":"sha256:c964fd251e8c803f3f8cf952db9ae2a713893d5490f4db55e0f2c721b682f11e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FacilityAdministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"hospital"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilityStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"facilityAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilityReaders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}}]}}]} as unknown as DocumentNode<FacilityAdministrationQuery, FacilityAdministrationQueryVariables>;
export const EnrollStaffDocument = {"__meta__":{"hash":"sha256:0e14aacf918b8a6f077571ab21b3714f4b3ca9d3568ab6d330764e4499bd4e8f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"staffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}}},{"kind":"Argument","name":{"kind":"Name","value":"displayName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollStaffMutation, EnrollStaffMutationVariables>;
export const ResetStaffPasswordDocument = {"__meta__":{"hash":"sha256:bf7dc9cd8aa6bf774e786ea8b1142fcb514d9532843e09147cb9d6ebaa18e458"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetStaffPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetStaffPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"staffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<ResetStaffPasswordMutation, ResetStaffPasswordMutationVariables>;
export const DisableStaffDocument = {"__meta__":{"hash":"sha256:26136a91c570de1cdb90e2bf54ea19db27984c0d02f30a67458e148399d7dd0c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"staffId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"staffId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<DisableStaffMutation, DisableStaffMutationVariables>;
export const StartStaffEnrollmentDocument = {"__meta__":{"hash":"sha256:71c6ed066e343135a52a81ed963a923913b738f6ae9aa7a4ec09b80ca3d123a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartStaffEnrollment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startStaffEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrollmentToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentToken"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}}]}}]}}]} as unknown as DocumentNode<StartStaffEnrollmentMutation, StartStaffEnrollmentMutationVariables>;
export const ConfirmStaffEnrollmentDocument = {"__meta__":{"hash":"sha256:4630c9898376d8aab3b99f9e5e8047232cdf6911ee17392a7c23347c5c927d2d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmStaffEnrollment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"totp"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmStaffEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrollmentToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentToken"}}},{"kind":"Argument","name":{"kind":"Name","value":"totp"},"value":{"kind":"Variable","name":{"kind":"Name","value":"totp"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}}]}}]}}]} as unknown as DocumentNode<ConfirmStaffEnrollmentMutation, ConfirmStaffEnrollmentMutationVariables>;
export const ClaimRoutingStatisticsDocument = {"__meta__":{"hash":"sha256:e60607d4f55eee8c3b011593a0151d3df4086f98d295b9430e1aa207a3fbb058"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClaimRoutingStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromMonth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toMonth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimRoutingStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromMonth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromMonth"}}},{"kind":"Argument","name":{"kind":"Name","value":"toMonth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toMonth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceMonth"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"asBilled"}},{"kind":"Field","name":{"kind":"Name","value":"rerouted"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"checkedPoints"}},{"kind":"Field","name":{"kind":"Name","value":"reroutedPoints"}},{"kind":"Field","name":{"kind":"Name","value":"returnedPoints"}}]}}]}}]} as unknown as DocumentNode<ClaimRoutingStatisticsQuery, ClaimRoutingStatisticsQueryVariables>;
export const HomeDocument = {"__meta__":{"hash":"sha256:84c767e13ebbed1c5b62738c37ad1a460126020f19a77597fff9dbc4fb673d63"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currentQualification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insurerName"}},{"kind":"Field","name":{"kind":"Name","value":"insuredCardSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"insuredIdentificationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredBranchNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredPartialContributionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationDate"}},{"kind":"Field","name":{"kind":"Name","value":"personalFamilyClassification"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"facility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myNumberCards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateExpiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"certificateStanding"}},{"kind":"Field","name":{"kind":"Name","value":"certificateGraceEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"noticesReadThrough"}},{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"actorSubject"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"facility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"appOperatorName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"special"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const InsuranceHistoryDocument = {"__meta__":{"hash":"sha256:6aeaa9a6f810fff8718d8d1a87531df89ec49a3f618645705886979f9a3ab61b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InsuranceHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"qualifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insurerName"}},{"kind":"Field","name":{"kind":"Name","value":"insuredCardSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"insuredIdentificationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredBranchNumber"}},{"kind":"Field","name":{"kind":"Name","value":"personalFamilyClassification"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationDate"}},{"kind":"Field","name":{"kind":"Name","value":"disqualificationDate"}},{"kind":"Field","name":{"kind":"Name","value":"insuredPartialContributionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"limitApplicationCertificateClassificationFlag"}},{"kind":"Field","name":{"kind":"Name","value":"elderlyRecipientContributionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"elderlyRecipientValidStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"elderlyRecipientValidEndDate"}}]}}]}}]}}]} as unknown as DocumentNode<InsuranceHistoryQuery, InsuranceHistoryQueryVariables>;
export const AccessLogDocument = {"__meta__":{"hash":"sha256:42fa0b0591a1ec2109dd34bbb1089210f0069844e6e3c3940c89b1a15f3b3466"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"actorSubject"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"facility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insurerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"appOperatorName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"special"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}}]}}]}}]} as unknown as DocumentNode<AccessLogQuery, AccessLogQueryVariables>;
export const InsurerNameDocument = {"__meta__":{"hash":"sha256:00b0c1e10fdf2fe347c1fe4885a1c0cec642957c911fcbc90987a2e3e7cea30e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InsurerName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insurer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InsurerNameQuery, InsurerNameQueryVariables>;
export const MarkNoticesReadDocument = {"__meta__":{"hash":"sha256:e26e863fd47f5ac1f61d6d99c0a87952fc5896e43bcc1d0a2563206ca3df7186"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNoticesRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"through"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNoticesRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"through"},"value":{"kind":"Variable","name":{"kind":"Name","value":"through"}}}]}]}}]} as unknown as DocumentNode<MarkNoticesReadMutation, MarkNoticesReadMutationVariables>;
export const MyPhrGrantsDocument = {"__meta__":{"hash":"sha256:ee68ed67cef46c9a8cb89e27268da6f2434d011c1d8bd8004dae0b493777c594"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPhrGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phrGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"appOperatorName"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<MyPhrGrantsQuery, MyPhrGrantsQueryVariables>;
export const GrantablePhrAppsDocument = {"__meta__":{"hash":"sha256:e1fe03373214f80a49397a789812b44de305774750d174b35dec5270ada3349e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantablePhrApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantablePhrApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"operatorName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<GrantablePhrAppsQuery, GrantablePhrAppsQueryVariables>;
export const GrantPhrAccessDocument = {"__meta__":{"hash":"sha256:887389645b42e12dee2b628473b4f9bef4873b868d69827c9d68a1f720f4e257"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantPhrAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"categories"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DataCategory"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantPhrAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"categories"},"value":{"kind":"Variable","name":{"kind":"Name","value":"categories"}}},{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<GrantPhrAccessMutation, GrantPhrAccessMutationVariables>;
export const RevokePhrAccessDocument = {"__meta__":{"hash":"sha256:08a73d5789a2c2b54d071d0cba5c3c05456d837ac4d12c4f239eb1552ee6253a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePhrAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePhrAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokePhrAccessMutation, RevokePhrAccessMutationVariables>;
export const PhrAppsDocument = {"__meta__":{"hash":"sha256:d0ac6e79cb070b88c5f7145bc5f99722a1c331a379d7e9ee8e15180c8465e4b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhrApps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phrApps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"operatorName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<PhrAppsQuery, PhrAppsQueryVariables>;
export const RegisterPhrAppDocument = {"__meta__":{"hash":"sha256:fae9c5c5aa2345cf6a5077b2407378e0c7e8e69789aea32c50d72ef7f69aec68"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterPhrApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operatorName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DataCategory"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerPhrApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"displayName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}},{"kind":"Argument","name":{"kind":"Name","value":"operatorName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operatorName"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterPhrAppMutation, RegisterPhrAppMutationVariables>;
export const RotatePhrAppSecretDocument = {"__meta__":{"hash":"sha256:d7f6b0f64d5396136489d4fd1fd9fed960499c17d7e827c90605856744c5cae3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotatePhrAppSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotatePhrAppSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<RotatePhrAppSecretMutation, RotatePhrAppSecretMutationVariables>;
export const DisablePhrAppDocument = {"__meta__":{"hash":"sha256:63b60d56819f0fe4de4d6f50b497961fa6237639d1f474c037672349cef8a323"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisablePhrApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disablePhrApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<DisablePhrAppMutation, DisablePhrAppMutationVariables>;
export const MySubsidyApplicationsDocument = {"__meta__":{"hash":"sha256:15e1b4e1ef1f3ec346cb79fbf37cfb5f91a6d38349b76d672d236fae4b5f136c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MySubsidyApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySubsidyApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subsidyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"wentLiveOn"}}]}}]}}]} as unknown as DocumentNode<MySubsidyApplicationsQuery, MySubsidyApplicationsQueryVariables>;
export const ApplyForSubsidyDocument = {"__meta__":{"hash":"sha256:3b56cf0214b57fb225bc8121783573ed574cd86c2efb8fe311e33064e2306179"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyForSubsidy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"systemCost"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"networkCost"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readerCost"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"otherCost"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"readersBought"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wentLiveOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"largeChainPharmacy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyForSubsidy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"systemCost"},"value":{"kind":"Variable","name":{"kind":"Name","value":"systemCost"}}},{"kind":"Argument","name":{"kind":"Name","value":"networkCost"},"value":{"kind":"Variable","name":{"kind":"Name","value":"networkCost"}}},{"kind":"Argument","name":{"kind":"Name","value":"readerCost"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readerCost"}}},{"kind":"Argument","name":{"kind":"Name","value":"otherCost"},"value":{"kind":"Variable","name":{"kind":"Name","value":"otherCost"}}},{"kind":"Argument","name":{"kind":"Name","value":"readersBought"},"value":{"kind":"Variable","name":{"kind":"Name","value":"readersBought"}}},{"kind":"Argument","name":{"kind":"Name","value":"wentLiveOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wentLiveOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"largeChainPharmacy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"largeChainPharmacy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApplyForSubsidyMutation, ApplyForSubsidyMutationVariables>;
export const SubsidyApplicationsDocument = {"__meta__":{"hash":"sha256:d4eedcc1a3c7ff06ab4687737432062734bd935839ffec75d92d838bb310b6e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubsidyApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subsidyApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"facilityCode"}},{"kind":"Field","name":{"kind":"Name","value":"facilityName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"systemCost"}},{"kind":"Field","name":{"kind":"Name","value":"networkCost"}},{"kind":"Field","name":{"kind":"Name","value":"readerCost"}},{"kind":"Field","name":{"kind":"Name","value":"otherCost"}},{"kind":"Field","name":{"kind":"Name","value":"readersBought"}},{"kind":"Field","name":{"kind":"Name","value":"wentLiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"subsidyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<SubsidyApplicationsQuery, SubsidyApplicationsQueryVariables>;
export const ApproveSubsidyDocument = {"__meta__":{"hash":"sha256:7b89cad6eb41a167dd4cafffd53cc11492a3529c0ee0c59631ff2f56e78ac77d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveSubsidy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveSubsidy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveSubsidyMutation, ApproveSubsidyMutationVariables>;
export const RejectSubsidyDocument = {"__meta__":{"hash":"sha256:ee07f8a16f59e10b67e4103ef40aafd7d9bc575a6b3ea40780c6db65a44bd39c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectSubsidy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectSubsidy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RejectSubsidyMutation, RejectSubsidyMutationVariables>;
export const MarkSubsidyPaidDocument = {"__meta__":{"hash":"sha256:cb022bb00eb67c564ed9cd9c2b20d8c214bb158957d87e1f21efb19468e1dc3c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkSubsidyPaid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markSubsidyPaid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MarkSubsidyPaidMutation, MarkSubsidyPaidMutationVariables>;
export const RolloutDashboardDocument = {"__meta__":{"hash":"sha256:a50859cde739e6bb20752e9e6f0cf7cc296afa0322bdd112d683a4ce084b564c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RolloutDashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloutDashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"byPrefecture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"live"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"live"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"targetPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readersPerFacility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readers"}},{"kind":"Field","name":{"kind":"Name","value":"facilities"}}]}}]}}]}}]} as unknown as DocumentNode<RolloutDashboardQuery, RolloutDashboardQueryVariables>;