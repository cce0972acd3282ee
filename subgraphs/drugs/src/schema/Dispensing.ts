import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FacilityReference } from '@onshi/kit';
import { DrugKindEnum, InOutEnum } from './codes';

@ObjectType({ simpleResolvers: true, description: '薬剤情報: one dispensed (or 院内 prescribed) drug from a claim item (明細書の項目)' })
export class Dispensing {
  @Field(() => String, { description: '調剤年月日 / 処方年月日 (DiDate), YYYY-MM-DD' })
  date!: string;

  @Field(() => String, { description: '医薬品コード (DrugC): 薬価基準収載医薬品コード / YJ code' })
  drugCode!: string;

  @Field(() => String, { description: '医薬品名 (DrugN)' })
  drugName!: string;

  @Field(() => String, { description: '成分名・一般名 (IngreN)' })
  ingredient!: string;

  @Field(() => DrugKindEnum, { description: '先発品 BRAND / 後発品 GENERIC / OTHER' })
  drugKind!: string;

  @Field(() => Float, { description: '数量 (Qua1)' })
  quantity!: number;

  @Field(() => String, { description: '単位 (錠, カプセル, g, mL, 枚 …)' })
  unit!: string;

  @Field(() => String, { description: '用法 (UsageN)' })
  usage!: string;

  @Field(() => Int, { nullable: true, description: '日数 (days supplied); null for external or once-only items' })
  days?: number | null;

  @Field(() => InOutEnum, { description: '院内 IN / 院外 OUT (InOut)' })
  inOut!: string;

  @Field(() => String, { description: '処方医療機関コード' })
  prescribingFacilityCode!: string;

  @Field(() => FacilityReference, { description: '処方医療機関 (name and kind from the facility master)' })
  prescribingFacility!: FacilityReference;

  @Field(() => String, { nullable: true, description: '調剤薬局コード (院外 only)' })
  pharmacyCode?: string | null;

  @Field(() => FacilityReference, { nullable: true, description: '調剤薬局 (院外 only; name from the facility master)' })
  pharmacy?: FacilityReference | null;
}
