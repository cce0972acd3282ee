import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Access, LiveBeforeWrites, UnauthenticatedError, liveBeforeWrite, rolesWith, type Actor } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { FacilityConfirmation } from '../schema/FacilityConfirmation';
import { QualificationConfirmation } from '../schema/QualificationConfirmation';
import { callerFacility, confirmByCard, confirmByInsuranceCard, type ConfirmationDeps, type ConfirmationResult } from '../services/confirmation';
import { confirmationsAtFacilityToday, type FacilityConfirmationView } from '../services/facilityToday';
import { requireCounterConfirmation } from '../services/qualificationAccess';

/** Staff at a counter confirm qualifications (docs/domain.md "Who takes part"): the roles of the access policy's counter rule. */
export const COUNTER_ROLES = rolesWith('QUALIFICATION', 'COUNTER_CONFIRMATION');

export function confirmationDeps(ctx: QualificationsContext): ConfirmationDeps {
  const actor: Actor | null = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  return {
    db: ctx.db,
    actor,
    today: ctx.today,
    requireQualificationAccess: (patientId) => requireCounterConfirmation(ctx.decisions, patientId),
    history: (patientId) => ctx.loaders.history.load(patientId),
    liveBeforeWrite: () => liveBeforeWrite(ctx),
  };
}

@Resolver(() => QualificationConfirmation)
export class ConfirmationResolver {
  @Access(...COUNTER_ROLES)
  @LiveBeforeWrites()
  @Mutation(() => QualificationConfirmation, { description: 'オンライン資格確認 by My Number Card: the reader\'s verification token (docs/contracts.md contract 4) for a card registered for health insurance' })
  async confirmQualificationByCard(@Arg('verificationToken', () => String) verificationToken: string, @Ctx() ctx: QualificationsContext): Promise<ConfirmationResult> {
    const deps = confirmationDeps(ctx);
    return confirmByCard(deps, await ctx.verifyCard(verificationToken));
  }

  @Access(...COUNTER_ROLES)
  @LiveBeforeWrites()
  @Mutation(() => QualificationConfirmation, { description: 'オンライン資格確認 by the numbers on an insurance card / 資格確認書 (保険者番号・記号・番号・枝番 + 生年月日)' })
  async confirmQualificationByInsuranceCard(
    @Arg('insurerNumber', () => String) insurerNumber: string,
    @Arg('insuredCardSymbol', () => String) insuredCardSymbol: string,
    @Arg('insuredIdentificationNumber', () => String) insuredIdentificationNumber: string,
    @Arg('insuredBranchNumber', () => String, { nullable: true }) insuredBranchNumber: string | null | undefined,
    @Arg('birthdate', () => String) birthdate: string,
    @Ctx() ctx: QualificationsContext,
  ): Promise<ConfirmationResult> {
    return confirmByInsuranceCard(confirmationDeps(ctx), { insurerNumber, insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber, birthdate });
  }

  /** The facility's shared list: the facility comes from the staff token, never from an argument. */
  @Access(...COUNTER_ROLES)
  @Query(() => [FacilityConfirmation], { description: '本日の資格確認: people confirmed at your facility today (00:00 JST on), newest first, with this visit\'s consent flags and until when they last' })
  async confirmationsAtMyFacilityToday(@Ctx() ctx: QualificationsContext): Promise<FacilityConfirmationView[]> {
    const actor: Actor | null = ctx.actor;
    if (!actor) throw new UnauthenticatedError();
    const facilityCode = callerFacility(actor);
    return confirmationsAtFacilityToday({
      db: ctx.db,
      facilityCode,
      now: new Date(),
      mayShow: async (people) => {
        // Each person was confirmed here today: the decision point applies the policy (CONFIRMED_HERE) to that time.
        const decisions = await Promise.all(people.map(({ patientId, confirmedAt }) => ctx.decisions.decide({ patientId, category: 'QUALIFICATION', confirmedHereAt: confirmedAt.toISOString() })));
        return new Set(decisions.filter((decision) => decision.allow).map((decision) => decision.patientId));
      },
      consentFlags: (patientId) => ctx.consentFlags(patientId, facilityCode, { withExpiry: true }),
    });
  }
}
