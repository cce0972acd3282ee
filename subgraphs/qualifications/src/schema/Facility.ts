import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * 医療機関・薬局 from the facility master, the one entity every subgraph names a facility by: drugs and consent
 * return `{ code }` and the gateway asks this subgraph for the rest (docs/architecture.md "Facility, one entity").
 * A code the master does not hold keeps its code and has null for the rest.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: '医療機関・薬局 (the facility master, owned by the qualifications subgraph)' })
export class Facility {
  @Field(() => String, { description: '医療機関コード (10 digits with check digit)' })
  code!: string;

  @Field(() => String, { nullable: true, description: '名称; null when the facility master does not hold this code' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'MEDICAL 医科 / DENTAL 歯科 / PHARMACY 調剤 (the 3rd digit of the code); null when the master does not hold this code' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: '都道府県コード (JIS X 0401); null when the master does not hold this code' })
  prefecture!: string | null;

  @Field(() => String, { nullable: true, description: '所在地; null when the master does not hold this code' })
  address!: string | null;
}
