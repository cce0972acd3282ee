import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One coverage period. Field names are the real ResultOfQualificationConfirmation names in camelCase
 * (docs/domain.md "Confirmation at the counter (資格確認)") so that EHR vendors recognise them.
 */
@ObjectType({ description: '資格情報: one coverage period of a person' })
export class Qualification {
  @Field(() => ID, { description: 'Id of this coverage period (insurers name it in endQualification)' })
  id!: string;

  @Field(() => String, { description: '保険者番号 (8 digits, 6 for 国保)' })
  insurerNumber!: string;

  @Field(() => String, { description: '保険者名称' })
  insurerName!: string;

  @Field(() => String, { description: '被保険者証記号 (may be empty, may contain full-width characters)' })
  insuredCardSymbol!: string;

  @Field(() => String, { description: '被保険者証番号' })
  insuredIdentificationNumber!: string;

  @Field(() => String, { description: '被保険者証枝番 (2 digits)' })
  insuredBranchNumber!: string;

  @Field(() => String, { description: '本人・家族の別: 1 本人 / 2 家族' })
  personalFamilyClassification!: string;

  @Field(() => String, { description: '資格取得年月日 (YYYY-MM-DD)' })
  qualificationDate!: string;

  @Field(() => String, { nullable: true, description: '資格喪失年月日 (YYYY-MM-DD); null while in force' })
  disqualificationDate!: string | null;

  @Field(() => String, { description: '一部負担金割合: 010 = 10 %, 020 = 20 %, 030 = 30 %' })
  insuredPartialContributionRatio!: string;

  @Field(() => String, { nullable: true, description: '限度額適用認定証区分 (A01–A06 / B01–B10)' })
  limitApplicationCertificateClassificationFlag!: string | null;

  @Field(() => String, { nullable: true, description: '高齢受給者 一部負担金割合 (ages 70–74): 020 = 20 %, 030 = 30 %' })
  elderlyRecipientContributionRatio!: string | null;

  @Field(() => String, { nullable: true, description: '高齢受給者証 有効開始日 (YYYY-MM-DD)' })
  elderlyRecipientValidStartDate!: string | null;

  @Field(() => String, { nullable: true, description: '高齢受給者証 有効終了日 (YYYY-MM-DD)' })
  elderlyRecipientValidEndDate!: string | null;
}
