import { Field, ObjectType } from 'type-graphql';

/** A My Number Card's registration for health-insurance use (初回登録, seed). */
@ObjectType({ description: '健康保険証利用の初回登録' })
export class CardRegistration {
  @Field(() => String, { description: '利用者証明用電子証明書シリアル番号' })
  cardSerial!: string;

  @Field(() => String, { nullable: true, description: 'When the card was registered for health-insurance use (ISO 8601); null if never' })
  registeredAt!: string | null;

  @Field(() => String, { description: 'ACTIVE, or LOST after a loss report (the card cannot be used for confirmation)' })
  status!: string;
}
