/**
 * The consent service's closed vocabularies as GraphQL enums (docs/api-guide.md "Enums"). Their words are the
 * values the services store and compare, so only the schema's types change: an answer carries the same word, and a
 * word outside the vocabulary in an argument is refused by validation before any resolver runs. Each enum is typed
 * by the service's own list, so the compiler refuses a value the service does not know or one it forgot.
 */
import { registerWordEnum, type CardStatus, type CardUnusableReason, type FacilityKind, type InsurerKindCode, type PolicyCategory, type PolicyCondition, type ViewingAuthority } from '@onshi/kit';
import type { ReaderStatus } from '../services/identity/readers';
import type { SubsidyCategory, SubsidyStatus } from '../services/operator/subsidy';
import type { ChangeAction } from '../services/operator/onboarding';
import type { LoggedActor, SpecialStanding } from '../services/policy/decisionPoint';
import type { LoggedCategory } from '../services/audit/auditChain';
import type { SearchKind, SearchOutcome } from '../services/policy/specialSearchLog';

export const CardReaderStatusEnum = registerWordEnum<ReaderStatus>('CardReaderStatus', 'A card reader\'s state (docs/api-guide.md "Card readers (顔認証付きカードリーダー): the reader contract"): only an ACTIVE reader\'s statements are accepted', {
  ACTIVE: 'In use: its statements are accepted',
  SUSPENDED: 'Out of use for now: its statements are refused; it can be made ACTIVE again',
  RETIRED: 'Out of use for good: a retired reader cannot be reactivated (register the device again)',
});

export const ReaderCardStatusEnum = registerWordEnum<'USABLE' | 'NOT_REGISTERED'>('ReaderCardStatus', 'The card a reader statement verified, as the counter may use it', {
  USABLE: 'Usable for confirmation; the patient\'s answers registered consents',
  NOT_REGISTERED: 'A FACE verification of a card not registered for insurance use yet: good only for 初回登録 at the counter; no consent registered',
});

export const FacilityKindEnum = registerWordEnum<FacilityKind>('FacilityKind', 'The kind of a facility, as its 医療機関コード says (docs/domain.md "Who takes part")', {
  MEDICAL: '医科',
  DENTAL: '歯科',
  PHARMACY: '調剤 (薬局)',
});

export const InsurerKindEnum = registerWordEnum<InsurerKindCode>('InsurerKind', 'The kind of an insurer (docs/operations.md "Registering an insurer")', {
  KYOKAI: '協会けんぽ',
  KUMIAI: '健保組合',
  KYOSAI: '共済組合',
  KOKUHO: '国保',
  KOUKI: '後期高齢者医療広域連合',
});

export const SubsidyStatusEnum = registerWordEnum<SubsidyStatus>('SubsidyStatus', 'Where an application to the 医療情報化支援基金 stands (docs/operations.md "Subsidy (医療情報化支援基金)")', {
  SUBMITTED: 'Submitted, not reviewed yet',
  APPROVED: 'Approved: the amount will be paid',
  REJECTED: 'Rejected, with a reason',
  PAID: 'Paid',
});

export const SubsidyCategoryEnum = registerWordEnum<SubsidyCategory>('SubsidyCategory', 'The row of the subsidy rule table an application was computed by', {
  HOSPITAL: '病院',
  CLINIC: '診療所',
  PHARMACY: '薬局',
  LARGE_CHAIN_PHARMACY: '大型チェーン薬局',
});

export const ViewingAuthorityEnum = registerWordEnum<ViewingAuthority>('ViewingAuthority', 'A viewing authority a staff account may be granted (docs/domain.md "Disaster (災害時における特別措置), seed 2-1(3)", "Emergency access (救急時医療情報閲覧)")', {
  DISASTER_VIEWING: '災害時閲覧: for one disaster declaration',
  EMERGENCY_VIEWING: '救急時閲覧: at a hospital',
});

export const DisasterBasisEnum = registerWordEnum<'CONSENT' | 'EXEMPTION'>('DisasterBasis', 'What a disaster identification\'s reads rest on (docs/domain.md "Disaster (災害時における特別措置), seed 2-1(3)")', {
  CONSENT: 'The patient\'s consent, given orally and attested by the staff member',
  EXEMPTION: 'The exemption, with its reason (the patient cannot consent)',
});

export const EmergencyIdentificationEnum = registerWordEnum<'CARD' | 'FOUR_FIELDS'>('EmergencyIdentification', 'How the person of an emergency access was identified (docs/domain.md "Emergency access (救急時医療情報閲覧)")', {
  CARD: 'By the My Number Card',
  FOUR_FIELDS: 'By the four fields of the disaster search (name, birthdate, sex, insurer name or address)',
});

export const SpecialAccessKindEnum = registerWordEnum<SpecialStanding['kind']>('SpecialAccessKind', 'The special operation a facility\'s reads of a person rest on (docs/domain.md "Disaster (災害時における特別措置), seed 2-1(3)", "Emergency access (救急時医療情報閲覧)")', {
  DISASTER: '災害時閲覧: a disaster identification with the patient\'s consent or the exemption',
  EMERGENCY: '救急時閲覧: an emergency access opened at this hospital',
});

export const SpecialSearchKindEnum = registerWordEnum<SearchKind>('SpecialSearchKind', 'What a row of the special search log records (services/policy/specialSearchLog.ts)', {
  DISASTER: 'A disaster search (the four fields)',
  EMERGENCY: 'An emergency search (opening an emergency access)',
  DISASTER_RECORD: 'Recording the patient\'s consent or the exemption for a disaster identification',
});

export const SpecialSearchOutcomeEnum = registerWordEnum<SearchOutcome>('SpecialSearchOutcome', 'How a disaster or emergency search ended (services/policy/specialSearchLog.ts)', {
  FOUND: 'Exactly one person found',
  NOT_FOUND: 'Nobody, or several people, matched',
  BLOCKED: 'The one match is DV-blocked: answered as NOT_FOUND; only the operator sees this',
  REFUSED: 'Refused before searching: no viewing authority, no declaration in force, not a hospital, or no reason given',
  RATE_LIMITED: 'Too many searches by the staff member or the facility',
  BAD_INPUT: 'The search\'s input was invalid',
  NOT_IDENTIFIED: 'A consent or exemption for a person the disaster search did not identify at this facility',
  RECORDED: 'The consent or exemption was recorded',
});

export const AdminChangeActionEnum = registerWordEnum<ChangeAction>('AdminChangeAction', 'An admin action that changed something, recorded with its before and after (docs/operations.md "Taking a new facility into use")', {
  REGISTER_FACILITY: 'A facility and its administrator registered',
  REGISTER_READER: 'A card reader registered',
  SET_READER_STATUS: 'A card reader suspended, reactivated or retired',
  ENROLL_STAFF: 'A staff account enrolled',
  DISABLE_STAFF: 'A staff account disabled',
  RESET_STAFF_PASSWORD: 'A staff member\'s password reset (a new enrollment link)',
  APPLY_SUBSIDY: 'A subsidy application submitted',
  REVIEW_SUBSIDY: 'A subsidy application approved or rejected',
  PAY_SUBSIDY: 'A subsidy paid',
  REGISTER_PHR_APP: 'A PHR app registered',
  ROTATE_PHR_APP_SECRET: 'A PHR app\'s secret rotated',
  DISABLE_PHR_APP: 'A PHR app disabled',
  REGISTER_INSURER: 'An insurer and its first operator account registered',
  DEMO_SUSPEND_CARD: 'Demo mode: a demo card suspended (standing in for J-LIS)',
  DEMO_EXPIRE_CARD: 'Demo mode: a demo card expired (standing in for J-LIS)',
});

const POLICY_CATEGORY_VALUES = {
  QUALIFICATION: '資格情報',
  DRUG: '薬剤情報',
  CHECKUP: '特定健診情報',
  EXPENSES: '医療費通知情報',
  ACCESS_LOG: 'The person\'s access log (提供状況)',
  DV_REGISTRATION: 'The registration or lifting of a DV/abuse block',
  ROUTED_CLAIMS: 'An insurer\'s list of re-routed claims (in the access log the patient id names the insurer)',
  RETURNED_CLAIMS: 'A facility\'s or insurer\'s list of returned claims (返戻; the patient id names the owner)',
  CLAIM_STATISTICS: 'The nation\'s claim statistics (the patient id is nation)',
} satisfies Record<PolicyCategory, string>;

export const PolicyCategoryEnum = registerWordEnum<PolicyCategory>('PolicyCategory', 'A category the access policy rules on (docs/access-policy.md): a category of a person\'s data, her access log, her DV/abuse block, or an owner\'s list', POLICY_CATEGORY_VALUES);

export const PolicyConditionEnum = registerWordEnum<PolicyCondition>('PolicyCondition', 'What a rule of the access policy requires beyond the caller\'s role and facility kind (docs/access-policy.md); whether it holds for a patient is decided on each read', {
  SELF: 'The patient reads their own record',
  COUNTER_CONFIRMATION: 'The qualification confirmation itself (資格確認), for staff of a valid facility',
  CONFIRMED_HERE: 'This facility confirmed the patient\'s qualification, or verified the card at its reader with a consent, less than 24 h ago',
  CONSENT_AT_FACILITY: 'A consent of the patient, at this facility, for this category, registered less than 24 h ago and not revoked',
  DISASTER_IDENTIFIED: 'A disaster declaration in force here, the patient identified by the 4-field search, and their consent or the exemption recorded (災害時)',
  EMERGENCY_OPENED: 'An emergency access opened here for this patient, with its reason, less than 24 h ago (救急時)',
  PHR_GRANT: 'A live grant of the patient to this app for this category, and the token carries its scope',
  INSURER_OF_RECORD: 'The insurer appears in the patient\'s qualification history',
  INSURER_MEMBER: 'The insurer holds the member now (coverage in force, or the checkup transfer records)',
  INSURER_IN_FORCE: 'The insurer of the person\'s newest coverage',
  OPERATOR: 'The operator (支払基金・国保中央会)',
  OWN_INSURER: 'The insurer asked for is the caller\'s own insurer',
  OWN_FACILITY: 'The facility asked for is the caller\'s own facility',
});

/** The policy's categories and the admin actions: GraphQL has no union of enums, so this one repeats PolicyCategory's words and adds its own. */
export const AccessLogCategoryEnum = registerWordEnum<LoggedCategory>('AccessLogCategory', 'What an access-log entry is about: a category of the access policy (PolicyCategory\'s words) or an admin action (docs/access-policy.md)', {
  ...POLICY_CATEGORY_VALUES,
  ADMINISTRATION: 'An admin action: the reason is the action (AdminChangeAction, or <action>:<refusal>), and AdminChange holds what it changed',
});

/** Role's words and the two actors that are not roles: GraphQL has no union of enums, so this one repeats Role's. */
export const AccessLogActorRoleEnum = registerWordEnum<LoggedActor['role']>('AccessLogActorRole', 'Who an access-log entry\'s actor was: a role (Role\'s words), a registered card reader, or a refused card login at the portal', {
  PATIENT: '患者 (card login)',
  RECEPTION: '受付',
  DOCTOR: '医師',
  DENTIST: '歯科医師',
  PHARMACIST: '薬剤師',
  PHR_APP: 'A PHR app acting under a patient\'s grant',
  INSURER: '保険者',
  ADMIN: '運用者 (支払基金・国保中央会)',
  CARD_READER: 'A registered card reader (顔認証付きカードリーダー), for the card presented at it',
  PORTAL_LOGIN: 'A card login at the portal that was refused (the card was not usable)',
});

export const CardStatusEnum = registerWordEnum<CardStatus>('CardStatus', 'Demo mode: a My Number Card\'s status as qualifications keeps it (docs/operations.md "Demo: card lifecycle")', {
  ACTIVE: 'In use',
  LOST: '紛失: reported lost by the holder',
  SUSPENDED: '一時停止: suspended (by J-LIS; in the demo, by the operator standing in for it)',
  EXPIRED: '有効期限切れ: expired (by J-LIS; in the demo, by the operator standing in for it)',
});

export const CardUnusableReasonEnum = registerWordEnum<CardUnusableReason>('CardUnusableReason', 'Why confirmation with a card is refused today: the same words as CARD_NOT_USABLE\'s extensions.reason', {
  LOST: '紛失',
  SUSPENDED: '一時停止',
  EXPIRED: 'The card or its 利用者証明用電子証明書 has expired',
  NOT_REGISTERED: 'Not registered for health insurance use yet (初回登録)',
});
