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

  @Field(() => String, { description: 'The last day of care the list is complete through, YYYY-MM-DD: claims of month M are viewable from the 11th of M+2 (翌々月11日), so about 1.5 months behind (docs/drugs.md)' })
  informationThrough!: string;
}
