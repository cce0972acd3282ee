import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Access, AccessTo, rolesWith } from '@onshi/kit';
import { Confirmation } from './Confirmation';
import { Qualification } from './Qualification';

/** Who may read confirmation records: the person, facility staff (own facility's rows only) and the operator. */
export const CONFIRMATION_READERS = rolesWith('QUALIFICATION', 'SELF', 'COUNTER_CONFIRMATION', 'OPERATOR');

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
  @Field(() => String, { nullable: true, description: '住所; null when not on file or not shown to you (a former insurer; a withheld address)' })
  address!: string | null;

  @AccessTo('QUALIFICATION')
  @Field(() => String, { nullable: true, description: '郵便番号; null when the address is not shown (as for 住所)' })
  postNumber!: string | null;

  @AccessTo('QUALIFICATION')
  @Field(() => Qualification, { nullable: true, description: 'The coverage in force today, if any' })
  currentQualification?: Qualification | null;

  @AccessTo('QUALIFICATION')
  @Field(() => [Qualification], { description: 'The coverage periods you may see, newest first: all for the person and the operator; for facility staff only what the confirmation here answered; for an insurer only its own periods' })
  qualifications?: Qualification[];

  @Access(...CONFIRMATION_READERS)
  @Field(() => [Confirmation], { description: 'Where and when this qualification was confirmed, newest first (staff see only their own facility)' })
  confirmations?: Confirmation[];
}
