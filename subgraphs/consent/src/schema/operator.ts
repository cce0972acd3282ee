import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, RoleEnum } from '@onshi/kit';
import { CardStatusEnum, CardUnusableReasonEnum, FacilityKindEnum, InsurerKindEnum, SubsidyCategoryEnum, SubsidyStatusEnum } from './codes';

@ObjectType({ description: 'A facility taken into use by the operator (docs/operations.md "Taking a new facility into use")' })
export class OnboardedFacility {
  @Field(() => String, { description: '医療機関コード (10 digits, check digit verified)' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => FacilityKindEnum, { description: 'The kind the code says' })
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

  @Field(() => SubsidyCategoryEnum, { description: 'The row of the rule table applied' })
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

  @Field(() => SubsidyStatusEnum)
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

  @Field(() => InsurerKindEnum)
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
  @Field(() => CardStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: '利用者証明用電子証明書の有効期限 (YYYY-MM-DD)' }) certificateExpiresOn!: string | null;
  @Field(() => CardUnusableReasonEnum, { nullable: true, description: 'Why confirmation with this card is refused today; null when usable' }) unusable!: string | null;
}
