import { Field, Int, ObjectType } from 'type-graphql';
import { ActiveDrugBasisEnum } from './codes';
import { Dispensing } from './Dispensing';

@ObjectType({ simpleResolvers: true, description: 'A drug the patient is probably taking now (服用中と推定される薬剤)' })
export class ActiveDrug {
  @Field(() => Dispensing, { description: 'The latest dispensing that still covers today' })
  dispensing!: Dispensing;

  @Field(() => String, { description: 'Last day the supply covers, YYYY-MM-DD' })
  coveredThrough!: string;

  @Field(() => ActiveDrugBasisEnum, { description: 'DAYS_SUPPLIED (date + days) or UNTIMED_30_DAYS (external / once-only items, counted 30 days)' })
  basis!: string;
}

@ObjectType({ simpleResolvers: true, description: '重複投薬: the same ingredient active from two or more prescribing facilities' })
export class IngredientDuplicate {
  @Field(() => String, { description: '成分名' })
  ingredient!: string;

  @Field(() => [String], { description: 'The prescribing facilities (医療機関コード)' })
  facilityCodes!: string[];

  @Field(() => [ActiveDrug])
  activeDrugs!: ActiveDrug[];
}

@ObjectType({ simpleResolvers: true, description: 'Counts behind the summary' })
export class MedicationCounts {
  @Field(() => Int, { description: 'Dispensings looked at (the 365 days before informationThrough, and any later)' })
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

@ObjectType({ simpleResolvers: true, description: '服薬サマリ for a first visit: active drugs, 重複投薬 and 多剤投与 (decision support; the clinician judges)' })
export class MedicationSummary {
  @Field(() => String, { description: 'The date the summary is for, YYYY-MM-DD (Japan)' })
  asOf!: string;

  @Field(() => String, { description: 'The last day of care the drug information is complete through, YYYY-MM-DD (claims of month M are viewable from the 11th of M+2, about 1.5 months behind). A drug is active when its supply lasts at least to this day (docs/drugs.md)' })
  informationThrough!: string;

  @Field(() => [ActiveDrug])
  activeDrugs!: ActiveDrug[];

  @Field(() => [IngredientDuplicate])
  duplicates!: IngredientDuplicate[];

  @Field(() => MedicationCounts)
  counts!: MedicationCounts;

  @Field(() => Boolean, { description: '多剤投与: 6 or more active ingredients' })
  polypharmacy!: boolean;
}
