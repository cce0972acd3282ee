import { Field, ObjectType } from 'type-graphql';

/** One recorded confirmation: where and when a person's qualification was checked (visible to the person). */
@ObjectType({ description: '資格確認の記録: where and when this qualification was checked' })
export class Confirmation {
  @Field(() => String, { description: 'When (ISO 8601)' })
  at!: string;

  @Field(() => String, { description: '医療機関コード of the facility that confirmed' })
  facilityCode!: string;

  @Field(() => String, { description: 'Name of the facility that confirmed' })
  facilityName!: string;

  @Field(() => String, { description: 'CARD_FACE / CARD_PIN / CARD_VISUAL (My Number Card at the reader) or INSURANCE_CARD (記号・番号 typed)' })
  method!: string;

  @Field(() => String, { description: 'ReferenceClassification: 1 My Number Card / 2 insurance-card information' })
  referenceClassification!: string;

  @Field(() => String, { description: 'QualificationValidity of the answer (1–5)' })
  qualificationValidity!: string;
}
