import { Field, ObjectType } from 'type-graphql';

/** 保険者 from the insurer master (its name is what a patient reads in the access log). */
@ObjectType({ description: '保険者' })
export class Insurer {
  @Field(() => String, { description: '保険者番号 (8 digits with check digit; 6 for 国民健康保険)' })
  number!: string;

  @Field(() => String, { description: '名称' })
  name!: string;
}
