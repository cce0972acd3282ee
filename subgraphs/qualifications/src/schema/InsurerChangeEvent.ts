import { Field, Int, ObjectType } from 'type-graphql';

/** An insurer-change event in the outbox (docs/contracts.md contract 6): operators watch its delivery to checkups. */
@ObjectType({ description: '保険者変更イベント: delivered to the checkups subgraph with retries' })
export class InsurerChangeEvent {
  @Field(() => String)
  eventId!: string;

  @Field(() => String, { nullable: true, description: 'Previous insurer (null: first coverage)' })
  fromInsurerNumber!: string | null;

  @Field(() => String)
  toInsurerNumber!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  effectiveDate!: string;

  @Field(() => Int, { description: 'Delivery attempts so far' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'When checkups accepted it (ISO 8601); null while pending' })
  deliveredAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  lastError!: string | null;
}
