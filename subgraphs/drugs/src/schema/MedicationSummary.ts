import { Field, Int, ObjectType } from 'type-graphql';
import { Dispensing } from './Dispensing';

@ObjectType({ description: 'A drug the patient is probably taking now (服用中と推定される薬剤)' })
export class ActiveDrug {
  @Field(() => Dispensing, { description: 'The latest dispensing that still covers today' })
  dispensing!: Dispensing;

  @Field(() => String, { description: 'Last day the supply covers, YYYY-MM-DD' })
  coveredThrough!: string;

  @Field(() => String, { description: 'DAYS_SUPPLIED (date + days) or UNTIMED_30_DAYS (external / once-only items, counted 30 days)' })
  basis!: string;
}

@ObjectType({ description: '重複投薬: the same ingredient active from two or more prescribing facilities' })
export class IngredientDuplicate {
  @Field(() => String, { description: '成分名' })
  ingredient!: string;

  @Field(() => [String], { description: 'The prescribing facilities (医療機関コード)' })
  facilityCodes!: string[];

  @Field(() => [ActiveDrug])
  activeDrugs!: ActiveDrug[];
}

@ObjectType({ description: 'Counts behind the summary' })
export class MedicationCounts {
  @Field(() => Int, { description: 'Dispensings looked at (last 365 days)' })
  dispensings!: number;

  @Field(() => Int)
  activeDrugs!: number;

  @Field(() => Int, { description: 'Distinct active ingredients (the polypharmacy count)' })
  activeIngredients!: number;

  @Field(() => Int)
  prescribingFacilities!: number;

  @Field(() => Int)
  duplicateIngredients!: number;
}

@ObjectType({ description: '服薬サマリ for a first visit: active drugs, 重複投薬 and 多剤投与 (decision support; the clinician judges)' })
export class MedicationSummary {
  @Field(() => String, { description: 'The date the summary is for, YYYY-MM-DD (Japan)' })
  asOf!: string;

  @Field(() => [ActiveDrug])
  activeDrugs!: ActiveDrug[];

  @Field(() => [IngredientDuplicate])
  duplicates!: IngredientDuplicate[];

  @Field(() => MedicationCounts)
  counts!: MedicationCounts;

  @Field(() => Boolean, { description: '多剤投与: 6 or more active ingredients' })
  polypharmacy!: boolean;
}
