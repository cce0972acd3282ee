import { Field, ObjectType } from 'type-graphql';
import { ConsentFlagEnum, QualificationValidityEnum } from './codes';
import { ConfirmationMethodEnum } from './Confirmation';

/**
 * One person confirmed at the caller's facility today: the list every staff PC of the facility
 * shares, with this visit's consent flags and until when each consent lasts. No drug or checkup data.
 */
@ObjectType({ description: '本日の資格確認: one person confirmed at your facility today, with this visit\'s consent' })
export class FacilityConfirmation {
  @Field(() => String, { description: 'Opaque patient id (opens the patient page)' })
  patientId!: string;

  @Field(() => String, { description: '氏名' })
  name!: string;

  @Field(() => String, { description: '氏名カナ' })
  nameKana!: string;

  @Field(() => String, { description: '性別 (Sex1): 1 男 / 2 女' })
  sex!: string;

  @Field(() => String, { description: '生年月日 (YYYY-MM-DD)' })
  birthdate!: string;

  @Field(() => String, { description: 'The latest confirmation today (ISO 8601)' })
  confirmedAt!: string;

  @Field(() => ConfirmationMethodEnum)
  method!: string;

  @Field(() => QualificationValidityEnum, { description: 'QualificationValidity of that confirmation' })
  qualificationValidity!: string;

  @Field(() => ConsentFlagEnum, { description: '薬剤情報閲覧同意フラグ now' })
  drugInfoConsentFlag!: string;

  @Field(() => ConsentFlagEnum, { description: '特定健診情報閲覧同意フラグ now' })
  checkupInfoConsentFlag!: string;

  @Field(() => String, { nullable: true, description: 'Until when the drug consent lasts (ISO 8601); null unless the flag is CONSENTED' })
  drugConsentExpiresAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Until when the checkup consent lasts (ISO 8601); null unless the flag is CONSENTED' })
  checkupConsentExpiresAt!: string | null;
}
