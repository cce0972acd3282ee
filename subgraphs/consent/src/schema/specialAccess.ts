import { Field, ID, ObjectType } from 'type-graphql';
import { Patient } from './patient';
import { DisasterBasisEnum, EmergencyIdentificationEnum } from './codes';

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

  @Field(() => DisasterBasisEnum)
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

  @Field(() => EmergencyIdentificationEnum)
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
