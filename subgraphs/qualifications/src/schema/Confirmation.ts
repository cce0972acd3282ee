import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumOfValues } from '@onshi/kit';
import { CONFIRMATION_METHODS, type ConfirmationMethod } from '../services/confirmation';
import { QualificationValidityEnum, ReferenceClassificationEnum } from './codes';

export const ConfirmationMethodEnum = enumOfValues(CONFIRMATION_METHODS);
registerEnumType(ConfirmationMethodEnum, {
  name: 'ConfirmationMethod',
  description: 'How a qualification confirmation was asked (docs/domain.md "Confirmation at the counter (資格確認)")',
  valuesConfig: {
    CARD_FACE: { description: 'My Number Card at the reader, face recognition' },
    CARD_PIN: { description: 'My Number Card at the reader, PIN' },
    CARD_VISUAL: { description: 'My Number Card at the reader, visual check by staff' },
    INSURANCE_CARD: { description: 'The numbers of an insurance card or 資格確認書 typed at the counter (記号・番号)' },
  } satisfies Record<ConfirmationMethod, { description: string }>,
});

/** One recorded confirmation: where and when a person's qualification was checked (visible to the person). */
@ObjectType({ description: '資格確認の記録: where and when this qualification was checked' })
export class Confirmation {
  @Field(() => String, { description: 'When (ISO 8601)' })
  at!: string;

  @Field(() => String, { description: '医療機関コード of the facility that confirmed' })
  facilityCode!: string;

  @Field(() => String, { description: 'Name of the facility that confirmed' })
  facilityName!: string;

  @Field(() => ConfirmationMethodEnum)
  method!: string;

  @Field(() => ReferenceClassificationEnum, { description: 'ReferenceClassification: MY_NUMBER_CARD (1) / INSURANCE_CARD (2)' })
  referenceClassification!: string;

  @Field(() => QualificationValidityEnum, { description: 'QualificationValidity of the answer' })
  qualificationValidity!: string;
}
