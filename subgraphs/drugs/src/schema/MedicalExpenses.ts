import { Field, Int, ObjectType } from 'type-graphql';
import { FacilityReference } from '@onshi/kit';

@ObjectType({ description: '医療費通知の明細: one facility in one month' })
export class MonthlyMedicalExpense {
  @Field(() => String, { description: '診療年月, YYYY-MM' })
  serviceMonth!: string;

  @Field(() => String, { description: '医療機関コード (the billing facility or pharmacy)' })
  facilityCode!: string;

  @Field(() => FacilityReference, { description: 'The billing facility or pharmacy (name from the facility master)' })
  facility!: FacilityReference;

  @Field(() => Int, { description: 'Claims (レセプト) summed' })
  claimCount!: number;

  @Field(() => Int, { description: '総点数' })
  totalPoints!: number;

  @Field(() => Int, { description: '医療費の総額 (yen) = points × 10' })
  totalCostYen!: number;

  @Field(() => Int, { description: '窓口負担相当額 (yen)' })
  patientShareYen!: number;
}

@ObjectType({ description: '医療費通知: one calendar year, as the 医療費控除 (tax deduction) counts it' })
export class MedicalExpenseNotice {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  claimCount!: number;

  @Field(() => Int, { description: '総点数' })
  totalPoints!: number;

  @Field(() => Int, { description: '医療費の総額 (yen)' })
  totalCostYen!: number;

  @Field(() => Int, { description: '窓口負担相当額 (yen): the amount for the tax return' })
  patientShareYen!: number;

  @Field(() => [MonthlyMedicalExpense], { description: 'Per month and facility, oldest first' })
  months!: MonthlyMedicalExpense[];
}
