import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Access, ROLES, UnauthenticatedError, capabilitiesOf, policyActorOf, type PolicyCategory, type PolicyCondition } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { staffFactsOf } from '../services/policy/decisionPoint';
import { PolicyCategoryEnum, PolicyConditionEnum } from '../schema/codes';

@ObjectType({ description: 'What the caller may read in one category, from the access policy (docs/access-policy.md)' })
export class Capability {
  @Field(() => PolicyCategoryEnum)
  category!: PolicyCategory;

  @Field(() => Boolean, { description: 'Some rule of the policy applies to the caller (whether it holds for a patient is decided per read)' })
  mayRead!: boolean;

  @Field(() => [PolicyConditionEnum], { description: 'The conditions under which it does, e.g. CONSENT_AT_FACILITY, SELF, PHR_GRANT' })
  conditions!: PolicyCondition[];

  @Field(() => Boolean, { description: "The card reader of the caller's facility asks the patient for consent to this category (false at pharmacies for CHECKUP, and for actors without a facility)" })
  askedAtReader!: boolean;
}

/**
 * The caller's capabilities: clients such as the portal show or hide views from this answer instead of
 * keeping their own copy of the rules. It says what could ever be read, not what may be read of a given patient:
 * that is the decision point's answer on each read (and logged there).
 */
@Resolver()
export class CapabilitiesResolver {
  @Access(...ROLES)
  @Query(() => [Capability], { description: 'What my role, facility and token scopes may read under the access policy, per category' })
  async capabilities(@Ctx() ctx: ConsentContext): Promise<Capability[]> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const actor = policyActorOf(ctx.actor);
    // Viewing authorities and the hospital registration are the account's and facility's, read as the decision point reads them.
    const staff = ctx.actor.facilityCode && actor.facilityKind ? await staffFactsOf(ctx.db, ctx.actor.subject, ctx.actor.facilityCode, ctx.now()) : undefined;
    return capabilitiesOf({ ...actor, ...(staff ? { authorities: staff.authorities, atHospital: staff.atHospital } : {}), scopes: ctx.actor.scopes });
  }
}
