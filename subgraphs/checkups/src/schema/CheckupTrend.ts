import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ItemJudgement } from '../services/judgement';
import { ThresholdDirectionEnum } from './codes';

@ObjectType({ simpleResolvers: true, description: 'One fiscal year of a trend series' })
export class CheckupTrendPoint {
  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => String)
  examinedOn!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => ItemJudgement, { nullable: true })
  judgement!: ItemJudgement | null;
}

@ObjectType({ simpleResolvers: true, description: 'One JLAC10 item across the kept fiscal years, with its thresholds, for charts' })
export class CheckupTrend {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  nameJa!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => Float, { nullable: true, description: '保健指導判定値 (for the sex of the newest checkup)' })
  guidanceThreshold!: number | null;

  @Field(() => Float, { nullable: true, description: '受診勧奨判定値' })
  seeDoctorThreshold!: number | null;

  @Field(() => ThresholdDirectionEnum, { nullable: true })
  direction!: string | null;

  @Field(() => [CheckupTrendPoint], { description: 'Oldest first' })
  points!: CheckupTrendPoint[];
}
