import { Field, ObjectType } from 'type-graphql';

/** 医療機関・薬局 from the facility master. */
@ObjectType({ description: '医療機関・薬局' })
export class Facility {
  @Field(() => String, { description: '医療機関コード (10 digits with check digit)' })
  code!: string;

  @Field(() => String, { description: '名称' })
  name!: string;

  @Field(() => String, { description: 'MEDICAL 医科 / DENTAL 歯科 / PHARMACY 調剤 (the 3rd digit of the code)' })
  kind!: string;

  @Field(() => String, { description: '都道府県コード (JIS X 0401)' })
  prefecture!: string;

  @Field(() => String, { description: '所在地' })
  address!: string;
}
