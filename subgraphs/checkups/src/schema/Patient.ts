import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The person, owned by qualifications; this subgraph adds `checkups` and `checkupTrend` (resolvers/). */
@Directive('@key(fields: "id")')
@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;
}
