import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;
}
