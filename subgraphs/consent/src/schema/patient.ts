import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Access, AccessTo, STAFF_ROLES } from '@onshi/kit';
import { PhrGrant, Consent, SpecialAccessHere } from './policy';
import { AccessLogEntry } from './audit';

@Directive('@key(fields: "id")')
@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;

  @AccessTo('ACCESS_LOG')
  @Field(() => [AccessLogEntry], { description: '医療保険情報の提供状況: who saw or was refused my data, newest first' })
  accessLog?: AccessLogEntry[];

  @AccessTo('ACCESS_LOG')
  @Field(() => [Consent], { description: 'My consents at facilities, newest first' })
  consents?: Consent[];

  @AccessTo('ACCESS_LOG')
  @Field(() => [PhrGrant], { description: 'My grants to PHR apps, newest first' })
  phrGrants?: PhrGrant[];

  @AccessTo('ACCESS_LOG')
  @Field(() => String, { nullable: true, description: 'お知らせ: ISO 8601 instant up to which I have read my notices (null: none read yet); notices after it are new' })
  noticesReadThrough?: string | null;

  @Access(...STAFF_ROLES)
  @Field(() => SpecialAccessHere, { nullable: true, description: 'Staff: the special operation (disaster mode, emergency access) your reads of this person rest on here, if any: show "special operation — this view is logged" before the data' })
  specialAccessHere?: SpecialAccessHere | null;
}
