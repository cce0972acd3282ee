import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Access, AccessDecisionEnum, AccessTo, CardVerificationMethodEnum, ConsentMethodEnum, DataCategoryEnum, RoleEnum, STAFF_ROLES } from '@onshi/kit';
import { CHANGE_ACTIONS } from '../services/operator/onboarding';

@ObjectType({ description: 'The result of a login: a short-lived access token (EdDSA JWT, ≤ 15 min) and a refresh token' })
export class LoginResult {
  @Field(() => String)
  accessToken!: string;

  @Field(() => String, { description: 'Single use: refreshSession rotates it; logout revokes it' })
  refreshToken!: string;

  @Field(() => String, { description: 'ISO 8601: when the access token expires' })
  expiresAt!: string;

  @Field(() => RoleEnum)
  role!: string;

  @Field(() => String, { nullable: true })
  patientId?: string | null;

  @Field(() => String, { nullable: true })
  facilityCode?: string | null;

  @Field(() => String)
  displayName!: string;
}

@ObjectType({ description: 'A single-use challenge for the card to sign (valid 2 minutes)' })
export class CardChallenge {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { description: 'base64url; the card signs these characters (UTF-8) with its user-certificate key' })
  challenge!: string;

  @Field(() => String, { description: 'ISO 8601' })
  expiresAt!: string;
}

@ObjectType({ description: 'A card reader (顔認証付きカードリーダー) registered for a facility: its public key signs reader statements' })
export class CardReader {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String, { description: 'The Ed25519 public key as a JWK (JSON text)' })
  publicKeyJwk!: string;

  @Field(() => String, { description: 'ACTIVE, SUSPENDED or RETIRED; only an ACTIVE reader is accepted' })
  status!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => String, { description: 'Subject of the operator who registered it' })
  registeredBy!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;
}

@ObjectType({ description: "The result of a reader statement: the verification (10-minute token for the facility's qualification check) and the consents the patient's answers registered" })
export class ReaderVerification {
  @Field(() => ID)
  verificationId!: string;

  @Field(() => String, { description: 'JWT, audience onshi-card-verification: for confirmQualificationByCard / registerCardForInsuranceAtCounter at the same facility' })
  verificationToken!: string;

  @Field(() => String)
  patientId!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String)
  readerId!: string;

  @Field(() => CardVerificationMethodEnum, { description: 'VISUAL is a staff attestation, recorded as such' })
  method!: string;

  @Field(() => String, { description: 'USABLE, or NOT_REGISTERED: a FACE verification of a card not registered for insurance use yet — good only for 初回登録 at the counter; no consent registered' })
  cardStatus!: string;

  @Field(() => Boolean, { description: "The patient's answer to 薬剤情報 (as signed by the reader)" })
  drugAnswer!: boolean;

  @Field(() => Boolean, { description: "The patient's answer to 特定健診情報 (as signed by the reader)" })
  checkupAnswer!: boolean;

  @Field(() => [Consent], { description: 'Consents registered from the answers (pharmacies never get CHECKUP)' })
  consents!: Consent[];

  @Field(() => String, { description: 'ISO 8601: when verificationToken expires' })
  expiresAt!: string;
}

@ObjectType({ description: "A patient's grant to a PHR app: which categories, until when" })
export class PhrGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  appId!: string;

  @Field(() => String, { description: "The app's display name as registered (the client id when it has none)" })
  appName!: string;

  @Field(() => String, { nullable: true, description: 'The company that runs the app, as registered by the operator' })
  appOperatorName!: string | null;

  @Field(() => [DataCategoryEnum], { description: 'The categories granted' })
  categories!: string[];

  @Field(() => String, { description: 'ISO 8601' })
  grantedAt!: string;

  @Field(() => String, { description: 'ISO 8601' })
  expiresAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  revokedAt!: string | null;

  @Field(() => Boolean)
  active!: boolean;
}

@ObjectType({ description: '災害時の特別措置: an operator declaration (regions by prefecture, optional facilities, period)' })
export class Disaster {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Two-digit prefecture codes (JIS X 0401)' })
  prefectures!: string[];

  @Field(() => [String], { nullable: true })
  facilityCodes!: string[] | null;

  @Field(() => String, { description: 'ISO 8601' })
  startsAt!: string;

  @Field(() => String, { description: 'ISO 8601' })
  endsAt!: string;
}

@ObjectType({ description: 'A DV/abuse block (DV・虐待等被害者): while it stands nobody but the person reads their data' })
export class DvBlock {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  patientId!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;

  @Field(() => String, { description: 'Who registered it (the insurer\'s or operator\'s staff subject)' })
  registeredBy!: string;

  @Field(() => String, { description: 'INSURER or ADMIN' })
  registeredByRole!: string;

  @Field(() => String, { description: 'The reference of the person\'s request (申出の受付番号等)' })
  requestReference!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  liftedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Who lifted it' })
  liftedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'The reference of the person\'s request to lift' })
  liftReference!: string | null;
}

@ObjectType({ description: '医療保険情報の提供状況: one decision about one category of your data' })
export class AccessLogEntry {
  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => String)
  patientId!: string;

  @Field(() => String, { description: 'Staff id (facility:staff), app id or operator id of the viewer' })
  actorSubject!: string;

  @Field(() => String, { description: 'Role of the viewer (DOCTOR, PHARMACIST, PHR_APP, …)' })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: '医療機関コード of the viewer' })
  facilityCode!: string | null;

  @Field(() => String, { description: 'The access-policy category: QUALIFICATION, DRUG, CHECKUP, EXPENSES, ACCESS_LOG (提供状況), DV_REGISTRATION, or an owner list (ROUTED_CLAIMS, RETURNED_CLAIMS, CLAIM_STATISTICS; the patient id then names the owner) — docs/access-policy.md' })
  category!: string;

  @Field(() => AccessDecisionEnum)
  decision!: string;

  @Field(() => String, { description: 'CONSENT, DISASTER, PHR_GRANT, SELF, … (for a denial: the code)' })
  reason!: string;

  @Field(() => Boolean, { description: 'Special operation: disaster mode (災害時特別措置) or emergency access (救急時医療情報閲覧)' })
  special!: boolean;

  @Field(() => String)
  requestId!: string;

  @Field(() => String, { nullable: true, description: '保険者番号 of an insurer reader (its name: Query.insurer(number)); null for other readers' })
  insurerNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Display name of a PHR app reader (actorSubject is its client id); null for other readers' })
  appName!: string | null;

  @Field(() => String, { nullable: true, description: 'The company that runs a PHR app reader, as registered by the operator; null for other readers' })
  appOperatorName!: string | null;
}

@ObjectType({ description: 'A per-visit consent given at a facility card reader (valid 24 h)' })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => DataCategoryEnum, { description: 'DRUG or CHECKUP' })
  category!: string;

  @Field(() => ConsentMethodEnum)
  method!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;

  @Field(() => String, { description: 'ISO 8601: registration + 24 h' })
  expiresAt!: string;

  @Field(() => Boolean)
  valid!: boolean;
}

@ObjectType({ description: 'A special operation a facility reads a person under (docs/domain.md "Disaster", "Emergency access")' })
export class SpecialAccessHere {
  @Field(() => String, { description: 'DISASTER (災害時閲覧) or EMERGENCY (救急時閲覧)' })
  kind!: string;

  @Field(() => [DataCategoryEnum], { description: 'The categories read under it here: DRUG, CHECKUP' })
  categories!: string[];
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;

  @AccessTo('ACCESS_LOG')
  @Field(() => [AccessLogEntry], { description: '医療保険情報の提供状況: who saw or was refused my data, newest first' })
  accessLog?: AccessLogEntry[];

  @AccessTo('ACCESS_LOG')
  @Field(() => [Consent], { description: 'My consents at facilities, newest first' })
  consents?: Consent[];

  @AccessTo('ACCESS_LOG')
  @Field(() => [PhrGrant], { description: 'My grants to PHR apps, newest first' })
  phrGrants?: PhrGrant[];

  @AccessTo('ACCESS_LOG')
  @Field(() => String, { nullable: true, description: 'お知らせ: ISO 8601 instant up to which I have read my notices (null: none read yet); notices after it are new' })
  noticesReadThrough?: string | null;

  @Access(...STAFF_ROLES)
  @Field(() => SpecialAccessHere, { nullable: true, description: 'Staff: the special operation (disaster mode, emergency access) your reads of this person rest on here, if any: show "special operation — this view is logged" before the data' })
  specialAccessHere?: SpecialAccessHere | null;
}

@ObjectType({ description: 'The one person the 4-field disaster search identified; reads are special operations (logged)' })
export class DisasterSearchResult {
  @Field(() => Patient)
  patient!: Patient;

  @Field(() => ID)
  disasterId!: string;

  @Field(() => ID, { description: 'The identification: record the patient\'s consent or the exemption for it before any data is readable' })
  identificationId!: string;

  @Field(() => Boolean, { description: 'Always true: 災害時特別措置' })
  special!: boolean;
}

@ObjectType({ description: 'The patient\'s consent (given orally, attested by the staff member) or the exemption recorded for a disaster identification' })
export class DisasterPermission {
  @Field(() => ID)
  identificationId!: string;

  @Field(() => Patient)
  patient!: Patient;

  @Field(() => ID)
  disasterId!: string;

  @Field(() => String, { description: 'CONSENT or EXEMPTION' })
  basis!: string;

  @Field(() => String, { nullable: true, description: 'The exemption\'s reason' })
  reason!: string | null;

  @Field(() => String, { description: 'The staff member who recorded it' })
  recordedBy!: string;

  @Field(() => String, { description: 'ISO 8601' })
  recordedAt!: string;
}

@ObjectType({ description: '救急時医療情報閲覧: an emergency access opened at a hospital; reads there are special operations (logged) until expiresAt' })
export class EmergencyAccess {
  @Field(() => ID)
  id!: string;

  @Field(() => Patient)
  patient!: Patient;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String, { description: 'CARD or FOUR_FIELDS' })
  identifiedBy!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: 'ISO 8601' })
  openedAt!: string;

  @Field(() => String, { description: 'ISO 8601' })
  expiresAt!: string;

  @Field(() => Boolean, { description: 'Always true: every read under it is logged as special' })
  special!: boolean;
}

@ObjectType({ description: 'A viewing authority granted to a staff account (DISASTER_VIEWING or EMERGENCY_VIEWING)' })
export class ViewingAuthorityGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  account!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String, { description: 'DISASTER_VIEWING or EMERGENCY_VIEWING' })
  authority!: string;

  @Field(() => ID, { nullable: true, description: 'For one disaster declaration only (DISASTER_VIEWING)' })
  disasterId!: string | null;

  @Field(() => String, { description: 'ISO 8601' })
  grantedAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  revokedAt!: string | null;
}

@ObjectType({ description: 'A facility registered as a hospital (病院) for emergency access' })
export class Hospital {
  @Field(() => String)
  facilityCode!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'One disaster or emergency search, found or not (operators only)' })
export class SpecialSearchLogEntry {
  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => String, { description: 'DISASTER, EMERGENCY or DISASTER_RECORD' })
  kind!: string;

  @Field(() => String)
  actorRole!: string;

  @Field(() => String)
  actorSubject!: string;

  @Field(() => String, { nullable: true })
  facilityCode!: string | null;

  @Field(() => String, { description: 'FOUND, NOT_FOUND, BLOCKED, REFUSED, RATE_LIMITED, BAD_INPUT, NOT_IDENTIFIED or RECORDED' })
  outcome!: string;

  @Field(() => String, { nullable: true })
  patientId!: string | null;

  @Field(() => String)
  requestId!: string;
}

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 500;
export { Int };

@ObjectType({ description: 'A facility taken into use by the operator (docs/operations.md "Taking a new facility into use")' })
export class OnboardedFacility {
  @Field(() => String, { description: '医療機関コード (10 digits, check digit verified)' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'MEDICAL (医科), DENTAL (歯科) or PHARMACY (調剤): the kind the code says' })
  kind!: string;

  @Field(() => String, { description: 'Prefecture code 01–47: the code\'s first two digits' })
  prefecture!: string;

  @Field(() => Boolean, { description: '病院 (true) or 診療所・薬局 (false)' })
  hospital!: boolean;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;
}

@ObjectType({ description: 'A staff account of a facility, as its administrator sees it (never a password or TOTP secret)' })
export class StaffAccount {
  @Field(() => String)
  staffId!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => RoleEnum, { description: 'RECEPTION, DOCTOR, DENTIST or PHARMACIST (the licence)' })
  role!: string;

  @Field(() => Boolean, { description: 'The facility administrator (enrolls and disables the facility\'s staff)' })
  facilityAdmin!: boolean;

  @Field(() => Boolean, { description: 'The TOTP enrollment was confirmed by a first code: the account can log in' })
  enrolled!: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 8601: disabled since (cannot log in)' })
  disabledAt!: string | null;
}

@ObjectType({ description: 'A one-time enrollment link for a staff account: hand it to the person; it is shown only now' })
export class StaffEnrollmentLink {
  @Field(() => StaffAccount)
  staff!: StaffAccount;

  @Field(() => String, { description: 'Single use, 72 hours; only its hash is stored' })
  enrollmentToken!: string;

  @Field(() => String, { description: 'ISO 8601' })
  expiresAt!: string;
}

@ObjectType({ description: 'registerFacility: the facility and its administrator\'s one-time enrollment link' })
export class FacilityRegistration {
  @Field(() => OnboardedFacility)
  facility!: OnboardedFacility;

  @Field(() => StaffEnrollmentLink)
  administrator!: StaffEnrollmentLink;
}

@ObjectType({ description: 'TOTP enrollment: the otpauth:// URI to show once as a QR code; confirm it with a first code' })
export class TotpEnrollment {
  @Field(() => String, { description: 'otpauth://totp/… (SHA1, 6 digits, 30 s). Shown once: asking again draws a new secret' })
  otpauthUri!: string;

  @Field(() => String)
  staffId!: string;

  @Field(() => String)
  facilityCode!: string;
}

@ObjectType({ description: 'An admin action with what it changed; its access-log entry names this id as basisId' })
export class AdminChange {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ISO 8601' })
  at!: string;

  @Field(() => String)
  actorRole!: string;

  @Field(() => String)
  actorSubject!: string;

  @Field(() => String, { nullable: true })
  facilityCode!: string | null;

  @Field(() => String, { description: `One of ${CHANGE_ACTIONS.join(', ')}` })
  action!: string;

  @Field(() => String, { description: 'What was changed: a facility code, reader id, staff subject, subsidy application id, phr-app:<client id>, insurer number or card:<serial>' })
  target!: string;

  @Field(() => String, { nullable: true, description: 'JSON before the change (null: created)' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON after the change' })
  after!: string | null;
}

@ObjectType({ description: 'An application to the 医療情報化支援基金 (docs/operations.md "Subsidy (医療情報化支援基金)"); amounts in yen, tax included' })
export class SubsidyApplication {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  facilityCode!: string;

  @Field(() => String, { description: 'The facility\'s name, for the operator\'s list' })
  facilityName!: string;

  @Field(() => String, { description: 'The rule version the amount was computed by (FY2020_ORIGINAL)' })
  ruleVersion!: string;

  @Field(() => String, { description: 'HOSPITAL, CLINIC, PHARMACY or LARGE_CHAIN_PHARMACY: the row of the rule table applied' })
  category!: string;

  @Field(() => Int, { description: 'Qualification-confirmation system, software and set-up by the vendor' })
  systemCost!: number;

  @Field(() => Int, { description: 'Network (line set-up)' })
  networkCost!: number;

  @Field(() => Int, { description: 'Card readers bought (not taken free from the fund)' })
  readerCost!: number;

  @Field(() => Int, { description: 'Changes to existing systems (レセコン, 電子カルテ) and other costs' })
  otherCost!: number;

  @Field(() => Int)
  readersBought!: number;

  @Field(() => Boolean)
  largeChainPharmacy!: boolean;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  wentLiveOn!: string;

  @Field(() => Int, { description: 'The amount granted, computed by the rule version (rounded down to the yen)' })
  subsidyAmount!: number;

  @Field(() => String, { description: 'SUBMITTED, APPROVED, REJECTED or PAID' })
  status!: string;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => String, { description: 'ISO 8601' })
  submittedAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  reviewedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  paidAt!: string | null;
}

@ObjectType({ description: 'Registered and live facilities of one group (a prefecture or a kind)' })
export class RolloutGroup {
  @Field(() => String, { description: 'Prefecture code 01–47, or MEDICAL_HOSPITAL, MEDICAL_CLINIC, DENTAL_HOSPITAL, DENTAL_CLINIC, PHARMACY' })
  key!: string;

  @Field(() => Int)
  registered!: number;

  @Field(() => Int)
  live!: number;
}

@ObjectType({ description: 'One month of the rollout: facilities registered and live by its end, and the schedule\'s target then' })
export class RolloutMonth {
  @Field(() => String, { description: 'YYYY-MM (Japan)' })
  month!: string;

  @Field(() => Int, { nullable: true, description: 'Null for months still to come' })
  registered!: number | null;

  @Field(() => Int, { nullable: true, description: 'Null for months still to come' })
  live!: number | null;

  @Field(() => Int, { nullable: true, description: 'Percent of facilities the schedule expects live by then (none before March 2021)' })
  targetPercent!: number | null;
}

@ObjectType({ description: 'How many facilities have this many active card readers' })
export class ReaderCount {
  @Field(() => Int)
  readers!: number;

  @Field(() => Int)
  facilities!: number;
}

@ObjectType({ description: 'The operator\'s rollout dashboard (docs/operations.md "Rollout dashboard"): live = a first verification at one of the facility\'s readers' })
export class RolloutDashboard {
  @Field(() => Int)
  registered!: number;

  @Field(() => Int)
  live!: number;

  @Field(() => [RolloutGroup])
  byPrefecture!: RolloutGroup[];

  @Field(() => [RolloutGroup])
  byKind!: RolloutGroup[];

  @Field(() => [RolloutMonth])
  monthly!: RolloutMonth[];

  @Field(() => [ReaderCount])
  readersPerFacility!: ReaderCount[];

  @Field(() => String, { description: 'ISO 8601' })
  asOf!: string;
}

@ObjectType({ description: 'A PHR app registered by the operator (docs/operations.md "PHR apps"); its secret is never shown again' })
export class PhrApp {
  @Field(() => String)
  clientId!: string;

  @Field(() => String, { description: 'What patients see in PHR連携 and 提供状況' })
  displayName!: string;

  @Field(() => String, { description: 'The company that runs the app, shown to patients next to its name' })
  operatorName!: string;

  @Field(() => [DataCategoryEnum], { description: 'The data categories the app may ask a patient for' })
  scopes!: string[];

  @Field(() => String, { description: 'ISO 8601' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'When the secret was last rotated (ISO 8601)' })
  rotatedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When the operator disabled the app (ISO 8601); a disabled app gets no token and reads nothing' })
  disabledAt!: string | null;
}

@ObjectType({ description: 'registerPhrApp / rotatePhrAppSecret: the app and its client secret, shown this once (only its hash is stored)' })
export class PhrAppSecret {
  @Field(() => PhrApp)
  app!: PhrApp;

  @Field(() => String, { description: 'Shown once: copy it now; it cannot be shown again, only rotated' })
  clientSecret!: string;
}

@ObjectType({ description: 'An insurer registered by the operator (docs/operations.md "Registering an insurer")' })
export class RegisteredInsurer {
  @Field(() => String, { description: '保険者番号: 6 digits (国保) or 8 (法別番号 first), check digit verified' })
  number!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'KYOKAI (協会けんぽ), KUMIAI (健保組合), KYOSAI (共済組合), KOKUHO (国保) or KOUKI (後期高齢者医療広域連合)' })
  kind!: string;

  @Field(() => String, { description: 'Prefecture code 01–47' })
  prefecture!: string;

  @Field(() => String, { description: 'ISO 8601' })
  registeredAt!: string;
}

@ObjectType({ description: 'registerInsurer: the insurer and its first operator account\'s one-time enrollment link' })
export class InsurerRegistration {
  @Field(() => RegisteredInsurer)
  insurer!: RegisteredInsurer;

  @Field(() => StaffEnrollmentLink, { description: 'The account\'s facilityCode is empty: insurer accounts log in with staff ID, password and TOTP only' })
  administrator!: StaffEnrollmentLink;
}

@ObjectType({ description: 'Demo mode only: a demo My Number Card as the operator (standing in for J-LIS) sees it' })
export class DemoCard {
  @Field(() => String) cardSerial!: string;
  @Field(() => String, { description: 'The holder' }) patientId!: string;
  @Field(() => String, { description: 'ACTIVE, LOST, SUSPENDED or EXPIRED' }) status!: string;
  @Field(() => String, { nullable: true, description: '利用者証明用電子証明書の有効期限 (YYYY-MM-DD)' }) certificateExpiresOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why confirmation with this card is refused today (LOST, SUSPENDED, EXPIRED, NOT_REGISTERED); null when usable' }) unusable!: string | null;
}
