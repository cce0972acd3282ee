import { Field, Float, ObjectType } from 'type-graphql';
import { DrugKindEnum, DrugRouteEnum } from './codes';

@ObjectType({ simpleResolvers: true, description: '医薬品マスタ entry (薬価基準収載品目)' })
export class Drug {
  @Field(() => String, { description: '薬価基準収載医薬品コード (YJ code)' })
  drugCode!: string;

  @Field(() => String, { description: '販売名' })
  name!: string;

  @Field(() => String, { description: '成分名・一般名' })
  ingredient!: string;

  @Field(() => String, { description: '規格' })
  strength!: string;

  @Field(() => DrugRouteEnum, { description: 'ORAL 内用 / EXTERNAL 外用 / INJECTION 注射 / DENTAL 歯科用' })
  route!: string;

  @Field(() => String, { description: '製造販売業者' })
  maker!: string;

  @Field(() => DrugKindEnum, { description: 'BRAND 先発品 / GENERIC 後発品 / OTHER' })
  kind!: string;

  @Field(() => Boolean, { description: '後発医薬品 (generic)' })
  isGeneric!: boolean;

  @Field(() => Float, { description: '薬価 (yen)' })
  priceYen!: number;

  @Field(() => String, { description: '数量の単位 (錠, g, mL …)' })
  dosageUnit!: string;
}
