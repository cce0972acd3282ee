import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: '医薬品マスタ entry (薬価基準収載品目)' })
export class Drug {
  @Field(() => String, { description: '薬価基準収載医薬品コード (YJ code)' })
  drugCode!: string;

  @Field(() => String, { description: '販売名' })
  name!: string;

  @Field(() => String, { description: '成分名・一般名' })
  ingredient!: string;

  @Field(() => String, { description: '規格' })
  strength!: string;

  @Field(() => String, { description: 'oral 内用 / external 外用 / injection 注射 / dental 歯科用' })
  route!: string;

  @Field(() => String, { description: '製造販売業者' })
  maker!: string;

  @Field(() => String, { description: 'brand 先発品 / generic 後発品 / other' })
  kind!: string;

  @Field(() => Boolean, { description: '後発医薬品 (generic)' })
  isGeneric!: boolean;

  @Field(() => Float, { description: '薬価 (yen)' })
  priceYen!: number;

  @Field(() => String, { description: '数量の単位 (錠, g, mL …)' })
  dosageUnit!: string;
}
