import { Field, ObjectType } from 'type-graphql';
import { ConsentFlagEnum, QualificationValidityEnum, ReferenceClassificationEnum } from './codes';
import { Qualification } from './Qualification';

/**
 * The answer to a confirmation at the counter, mirroring the real ResultOfQualificationConfirmation
 * (docs/domain.md "Confirmation at the counter (資格確認)"). Deliberately has no drug or checkup field: the qualification
 * terminal must never show them (seed 2-1(2); docs/domain.md "Confirmation at the counter (資格確認)"), so no selection can reach them through this type.
 */
@ObjectType({ description: '資格確認結果 (ResultOfQualificationConfirmation)' })
export class QualificationConfirmation {
  @Field(() => QualificationValidityEnum, { description: 'QualificationValidity: VALID (1 有効) / INVALID (2 無効) / INVALID_NEW_QUALIFICATION (3 無効・新資格あり) / NOT_FOUND (4 該当資格なし) / MULTIPLE (5 複数該当)' })
  qualificationValidity!: string;

  @Field(() => ReferenceClassificationEnum, { description: 'ReferenceClassification: MY_NUMBER_CARD (1) / INSURANCE_CARD (2, insurance-card information: 記号・番号)' })
  referenceClassification!: string;

  @Field(() => String, { description: 'When the confirmation was made (ISO 8601)' })
  confirmedAt!: string;

  @Field(() => String, { nullable: true, description: 'Opaque patient id; null when no single person matched (NOT_FOUND, MULTIPLE)' })
  patientId!: string | null;

  @Field(() => String, { nullable: true, description: '氏名 (Name)' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: '氏名カナ (NameKana)' })
  nameKana!: string | null;

  @Field(() => String, { nullable: true, description: '性別 (Sex1): 1 男 / 2 女' })
  sex!: string | null;

  @Field(() => String, { nullable: true, description: '生年月日 (Birthdate, YYYY-MM-DD)' })
  birthdate!: string | null;

  @Field(() => String, { nullable: true, description: '住所 (Address)' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: '郵便番号 (PostNumber)' })
  postNumber!: string | null;

  @Field(() => Qualification, { nullable: true, description: 'The qualification confirmed: the one in force (VALID), or the one the typed numbers name (INVALID, INVALID_NEW_QUALIFICATION)' })
  qualification!: Qualification | null;

  @Field(() => Qualification, { nullable: true, description: 'INVALID_NEW_QUALIFICATION only: the new qualification in force today (新資格)' })
  newQualification!: Qualification | null;

  @Field(() => ConsentFlagEnum, { description: '薬剤情報閲覧同意フラグ for this visit (UNAVAILABLE also when the consent service did not answer)' })
  drugInfoConsentFlag!: string;

  @Field(() => ConsentFlagEnum, { description: '特定健診情報閲覧同意フラグ for this visit (UNAVAILABLE also when the consent service did not answer)' })
  checkupInfoConsentFlag!: string;
}
