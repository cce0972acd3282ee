import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Access, AccessTo, rolesWith } from '@onshi/kit';
import { Confirmation } from './Confirmation';
import { Qualification } from './Qualification';

/** Who may read confirmation records: the person, facility staff (own facility's rows only) and the operator. */
export const CONFIRMATION_READERS = rolesWith('QUALIFICATION', 'SELF', 'AT_FACILITY', 'OPERATOR');

/** The person, owned by this subgraph; drugs, checkups and consent add their fields to it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person covered by public health insurance' })
export class Patient {
  @Field(() => ID, { description: 'Opaque patient id (never the My Number or the insured number)' })
  id!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { description: '氏名' })
  name!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { description: '氏名カナ' })
  nameKana!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { description: '性別 (Sex1): 1 男 / 2 女' })
  sex!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { description: '生年月日 (YYYY-MM-DD)' })
  birthdate!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { description: '住所' })
  address!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { description: '郵便番号' })
  postNumber!: string;

  @AccessTo('QUALIFICATION')
  @Field(() => Qualification, { nullable: true, description: 'The coverage in force today, if any' })
  currentQualification?: Qualification | null;

  @AccessTo('QUALIFICATION')
  @Field(() => [Qualification], { description: 'Every coverage period, newest first' })
  qualifications?: Qualification[];

  @Access(...CONFIRMATION_READERS)
  @Field(() => [Confirmation], { description: 'Where and when this qualification was confirmed, newest first (staff see only their own facility)' })
  confirmations?: Confirmation[];
}
