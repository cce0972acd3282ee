import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AccessTo } from '@onshi/kit';
import { DispensingConnection } from './DispensingConnection';
import { MedicalExpenseNotice } from './MedicalExpenses';
import { MedicationSummary } from './MedicationSummary';

/** The person (owned by qualifications); this subgraph adds drug information and medical expenses. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;

  // Nullable: if this subgraph is down the gateway still returns the patient's other data, with an error.
  @AccessTo('DRUG')
  @Field(() => DispensingConnection, { nullable: true, description: '薬剤情報: dispensings of the last 5 years, newest first' })
  dispensings?: DispensingConnection;

  @AccessTo('DRUG')
  @Field(() => MedicationSummary, { nullable: true, description: '服薬サマリ: active drugs, 重複投薬 and 多剤投与 for a first visit' })
  medicationSummary?: MedicationSummary;

  @AccessTo('EXPENSES')
  @Field(() => MedicalExpenseNotice, { nullable: true, description: '医療費通知 for one calendar year (医療費控除)' })
  medicalExpenses?: MedicalExpenseNotice;
}
