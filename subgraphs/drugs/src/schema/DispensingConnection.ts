import { Field, ObjectType } from 'type-graphql';
import { Dispensing } from './Dispensing';

@ObjectType({ description: 'Paging state of a drug-information list' })
export class DispensingPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page' })
  endCursor?: string | null;
}

@ObjectType()
export class DispensingEdge {
  @Field(() => String, { description: 'Opaque position of this dispensing' })
  cursor!: string;

  @Field(() => Dispensing)
  node!: Dispensing;
}

@ObjectType({ description: '薬剤情報 (5 years), newest first' })
export class DispensingConnection {
  @Field(() => [DispensingEdge])
  edges!: DispensingEdge[];

  @Field(() => DispensingPageInfo)
  pageInfo!: DispensingPageInfo;
}
