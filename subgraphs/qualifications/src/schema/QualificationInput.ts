import { Field, InputType } from 'type-graphql';

/** A coverage period an insurer registers (資格取得): the insurer is always the caller's own. */
@InputType({ description: '資格取得: a new coverage period registered by the insurer' })
export class QualificationInput {
  @Field(() => String, { description: '被保険者証記号 (may be empty; full-width allowed)' })
  insuredCardSymbol!: string;

  @Field(() => String, { description: '被保険者証番号 (full-width allowed)' })
  insuredIdentificationNumber!: string;

  @Field(() => String, { description: '枝番 (2 digits)' })
  insuredBranchNumber!: string;

  @Field(() => String, { description: '1 本人 / 2 家族' })
  personalFamilyClassification!: string;

  @Field(() => String, { description: '資格取得年月日 (YYYY-MM-DD)' })
  qualificationDate!: string;

  @Field(() => String, { description: '一部負担金割合: 010 / 020 / 030' })
  insuredPartialContributionRatio!: string;

  @Field(() => String, { nullable: true, description: '限度額適用認定証区分 (A01–A06 / B01–B10)' })
  limitApplicationCertificateClassificationFlag?: string | null;
}
