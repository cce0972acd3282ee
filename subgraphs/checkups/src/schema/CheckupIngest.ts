import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'One result: `value` for numeric items, `answerCode` for urine (1–5) and questionnaire items, `text` for 医師の診断' })
export class CheckupResultInput {
  @Field(() => String, { description: 'JLAC10 code of the item master' })
  code!: string;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  answerCode?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'UCUM or display unit; default the item’s unit' })
  unit?: string | null;
}

@InputType({ description: 'One member’s checkup of one fiscal year, submitted by the insurer that holds the member' })
export class CheckupSubmissionInput {
  @Field(() => ID)
  patientId!: string;

  @Field(() => String, { description: '健診実施日 (YYYY-MM-DD)' })
  examinedOn!: string;

  @Field(() => String, { description: '健診機関 code' })
  facilityCode!: string;

  @Field(() => String, { description: 'Sex1: 1 男 / 2 女' })
  sex!: string;

  @Field(() => String, { description: '生年月日 (YYYY-MM-DD): 特定健診 is for ages 40–74 at fiscal-year end' })
  birthDate!: string;

  @Field(() => Boolean, { nullable: true, description: 'Default: fasting when a fasting glucose is given' })
  fasting?: boolean | null;

  @Field(() => [CheckupResultInput])
  results!: CheckupResultInput[];
}

@ObjectType({ description: 'A checkup stored by an import' })
export class ImportedCheckup {
  @Field(() => ID)
  patientId!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => String)
  examinedOn!: string;

  @Field(() => Int)
  itemCount!: number;
}

@ObjectType({ description: 'Outcome of an all-or-nothing import' })
export class CheckupImportResult {
  @Field(() => Int)
  stored!: number;

  @Field(() => [ImportedCheckup])
  checkups!: ImportedCheckup[];
}
