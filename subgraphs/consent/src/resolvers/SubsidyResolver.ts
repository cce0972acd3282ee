import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, ROLES, UnauthenticatedError, type Actor } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { RolloutDashboard, SubsidyApplication } from '../schema/operator';
import { requireOperator } from '../services/operator/onboarding';
import { rollout } from '../services/operator/rollout';
import { applyForSubsidy, ownSubsidyApplications, reviewSubsidy, subsidyApplication, subsidyApplicationsForReview, type SubsidyRow } from '../services/operator/subsidy';
import { SubsidyStatusEnum } from '../schema/codes';
import { facilityNames } from '../store/facilities';

function actorOf(ctx: ConsentContext): Actor {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}

async function views(ctx: ConsentContext, rows: SubsidyRow[]): Promise<SubsidyApplication[]> {
  const codes = [...new Set(rows.map((row) => row.facilityCode))];
  const names = await facilityNames(ctx.db, codes);
  return rows.map((row) => ({
    id: row.id, facilityCode: row.facilityCode, facilityName: names.get(row.facilityCode) ?? '', ruleVersion: row.ruleVersion, category: row.category,
    systemCost: row.systemCost, networkCost: row.networkCost, readerCost: row.readerCost, otherCost: row.otherCost, readersBought: row.readersBought, largeChainPharmacy: row.largeChainPharmacy,
    wentLiveOn: row.wentLiveOn, subsidyAmount: row.subsidyAmount, status: row.status, rejectionReason: row.rejectionReason,
    submittedAt: row.submittedAt.toISOString(), reviewedAt: row.reviewedAt?.toISOString() ?? null, paidAt: row.paidAt?.toISOString() ?? null,
  }));
}
async function view(ctx: ConsentContext, row: SubsidyRow): Promise<SubsidyApplication> {
  return (await views(ctx, [row]))[0] as SubsidyApplication;
}

/**
 * The 医療情報化支援基金 subsidy and the rollout dashboard (services/operator/subsidy.ts, services/operator/rollout.ts). Like the other
 * admin resolvers, every signed-in role passes the directive and the service decides, so a refusal is logged.
 */
@Resolver()
export class SubsidyResolver {
  @Access(...ROLES)
  @Mutation(() => SubsidyApplication, { description: 'Facility administrator (or their vendor with the administrator\'s token): applies for the subsidy for their own facility after going live; the amount is computed by the rule version. An open application already: BAD_USER_INPUT (APPLICATION_OPEN)' })
  async applyForSubsidy(
    @Arg('systemCost', () => Int) systemCost: number,
    @Arg('networkCost', () => Int) networkCost: number,
    @Arg('readerCost', () => Int) readerCost: number,
    @Arg('otherCost', () => Int) otherCost: number,
    @Arg('readersBought', () => Int, { description: 'Face-recognition card readers installed (a hospital\'s ceiling depends on it)' }) readersBought: number,
    @Arg('wentLiveOn', () => String, { description: 'YYYY-MM-DD, not in the future' }) wentLiveOn: string,
    @Arg('largeChainPharmacy', () => Boolean, { defaultValue: false, description: 'A pharmacy whose group receives 40,000 or more prescriptions a month' }) largeChainPharmacy: boolean,
    @Ctx() ctx: ConsentContext,
  ): Promise<SubsidyApplication> {
    return view(ctx, await applyForSubsidy(ctx.db, actorOf(ctx), { systemCost, networkCost, readerCost, otherCost, readersBought, wentLiveOn, largeChainPharmacy }, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Query(() => [SubsidyApplication], { description: 'Facility administrator: their own facility\'s subsidy applications, newest first' })
  async mySubsidyApplications(@Ctx() ctx: ConsentContext): Promise<SubsidyApplication[]> {
    return views(ctx, await ownSubsidyApplications(ctx.db, actorOf(ctx), ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Query(() => SubsidyApplication, { description: 'One application: the operator any, a facility administrator their own facility\'s only' })
  async subsidyApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<SubsidyApplication> {
    return view(ctx, await subsidyApplication(ctx.db, actorOf(ctx), id, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Query(() => [SubsidyApplication], { description: 'Operator (ADMIN): subsidy applications, newest first, optionally of one status' })
  async subsidyApplications(
    @Arg('status', () => SubsidyStatusEnum, { nullable: true }) status: string | null,
    @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<SubsidyApplication[]> {
    if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`, { field: 'first' });
    return views(ctx, await subsidyApplicationsForReview(ctx.db, actorOf(ctx), status ?? null, first, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => SubsidyApplication, { description: 'Operator (ADMIN): approves a SUBMITTED application at its computed amount. Any other state: FORBIDDEN (INVALID_STATE)' })
  async approveSubsidy(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<SubsidyApplication> {
    return view(ctx, await reviewSubsidy(ctx.db, actorOf(ctx), id, 'APPROVE', null, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => SubsidyApplication, { description: 'Operator (ADMIN): rejects a SUBMITTED application with a reason the facility sees; the facility may apply again' })
  async rejectSubsidy(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ConsentContext): Promise<SubsidyApplication> {
    return view(ctx, await reviewSubsidy(ctx.db, actorOf(ctx), id, 'REJECT', reason, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => SubsidyApplication, { description: 'Operator (ADMIN): marks an APPROVED application paid. Before approval: FORBIDDEN (INVALID_STATE)' })
  async markSubsidyPaid(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<SubsidyApplication> {
    return view(ctx, await reviewSubsidy(ctx.db, actorOf(ctx), id, 'PAY', null, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Query(() => RolloutDashboard, { description: 'Operator (ADMIN): facilities registered vs live by prefecture, kind and month against the schedule, and readers per facility' })
  async rolloutDashboard(@Ctx() ctx: ConsentContext): Promise<RolloutDashboard> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_ROLLOUT', null, ctx.requestId, ctx.now());
    return rollout(ctx.db, ctx.now());
  }
}
