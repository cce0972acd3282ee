import { Field, ID, ObjectType } from 'type-graphql';
import { CardVerificationMethodEnum, RoleEnum } from '@onshi/kit';
import { Consent } from './policy';
import { CardReaderStatusEnum, ReaderCardStatusEnum } from './codes';

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

  @Field(() => CardReaderStatusEnum, { description: 'Only an ACTIVE reader is accepted' })
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

  @Field(() => ReaderCardStatusEnum, { description: 'USABLE, or NOT_REGISTERED: a FACE verification of a card not registered for insurance use yet — good only for 初回登録 at the counter; no consent registered' })
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
