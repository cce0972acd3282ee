import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Access, ROLES, UnauthenticatedError, capabilitiesOf, policyActorOf } from '@onshi/kit';
import type { ConsentContext } from '../context';

@ObjectType({ description: 'What the caller may read in one category, from the access policy (docs/access-policy.md)' })
export class Capability {
  @Field(() => String, { description: 'QUALIFICATION, DRUG, CHECKUP, EXPENSES, ACCESS_LOG or DV_REGISTRATION' })
  category!: string;

  @Field(() => Boolean, { description: 'Some rule of the policy applies to the caller (whether it holds for a patient is decided per read)' })
  mayRead!: boolean;

  @Field(() => [String], { description: 'The conditions under which it does, e.g. CONSENT_AT_FACILITY, SELF, PHR_GRANT' })
  conditions!: string[];

  @Field(() => Boolean, { description: "The card reader of the caller's facility asks the patient for consent to this category (false at pharmacies for CHECKUP, and for actors without a facility)" })
  askedAtReader!: boolean;
}

/**
 * The caller's capabilities (issue 16): clients such as the portal show or hide views from this answer instead of
 * keeping their own copy of the rules. It says what could ever be read, not what may be read of a given patient:
 * that is the decision point's answer on each read (and logged there).
 */
@Resolver()
export class CapabilitiesResolver {
  @Access(...ROLES)
  @Query(() => [Capability], { description: 'What my role, facility and token scopes may read under the access policy, per category' })
  capabilities(@Ctx() ctx: ConsentContext): Capability[] {
    if (!ctx.actor) throw new UnauthenticatedError();
    return capabilitiesOf({ ...policyActorOf(ctx.actor), scopes: ctx.actor.scopes });
  }
}
