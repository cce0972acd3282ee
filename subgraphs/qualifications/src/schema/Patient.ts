import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Access, readersOf, rolesWith } from '@onshi/kit';
import { Confirmation } from './Confirmation';
import { Qualification } from './Qualification';

/** Roles that may see a person's identity and coverage once the decision point allows it (the access policy's QUALIFICATION rules). */
export const IDENTITY_READERS = readersOf('QUALIFICATION');
/** Who may read confirmation records: the person, facility staff (own facility's rows only) and the operator. */
export const CONFIRMATION_READERS = rolesWith('QUALIFICATION', 'SELF', 'AT_FACILITY', 'OPERATOR');

/** The person, owned by this subgraph; drugs, checkups and consent add their fields to it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person covered by public health insurance' })
export class Patient {
  @Field(() => ID, { description: 'Opaque patient id (never the My Number or the insured number)' })
  id!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => String, { description: '氏名' })
  name!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => String, { description: '氏名カナ' })
  nameKana!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => String, { description: '性別 (Sex1): 1 男 / 2 女' })
  sex!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => String, { description: '生年月日 (YYYY-MM-DD)' })
  birthdate!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => String, { description: '住所' })
  address!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => String, { description: '郵便番号' })
  postNumber!: string;

  @Access(...IDENTITY_READERS)
  @Field(() => Qualification, { nullable: true, description: 'The coverage in force today, if any' })
  currentQualification?: Qualification | null;

  @Access(...IDENTITY_READERS)
  @Field(() => [Qualification], { description: 'Every coverage period, newest first' })
  qualifications?: Qualification[];

  @Access(...CONFIRMATION_READERS)
  @Field(() => [Confirmation], { description: 'Where and when this qualification was confirmed, newest first (staff see only their own facility)' })
  confirmations?: Confirmation[];
}
