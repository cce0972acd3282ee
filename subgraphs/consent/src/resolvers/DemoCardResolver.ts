import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { bilingual, Access, BadUserInputError, DEMO_CARD_ACTIONS, ROLES, type DemoCardAction } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { DemoCard } from '../schema/operator';
import { changeDemoCard, guardDemoCard, lookUpDemoCard } from '../services/demoCards';
import { actorOf } from './OnboardingResolver';

/**
 * Demo: card lifecycle (services/demoCards.ts). Every signed-in role passes the directive and the service
 * decides, so that a refusal (not the operator, or not demo mode) is logged.
 */
@Resolver()
export class DemoCardResolver {
  @Access(...ROLES)
  @Query(() => Boolean, { description: 'Whether this installation runs in demo mode (the operator console shows its demo-only pages then)' })
  demoMode(@Ctx() ctx: ConsentContext): boolean {
    return ctx.config.DEMO_MODE;
  }

  @Access(...ROLES)
  @Query(() => DemoCard, { description: 'Operator (ADMIN), demo mode only: a demo card by its serial or its holder (exactly one). Outside demo mode: FORBIDDEN (DEMO_ONLY)' })
  async demoCard(@Ctx() ctx: ConsentContext, @Arg('cardSerial', () => String, { nullable: true }) cardSerial?: string | null, @Arg('patientId', () => String, { nullable: true }) patientId?: string | null): Promise<DemoCard> {
    return lookUpDemoCard(ctx.db, client(ctx), ctx.config.DEMO_MODE, actorOf(ctx), { cardSerial, patientId }, ctx.requestId, ctx.now());
  }

  @Access(...ROLES)
  @Mutation(() => DemoCard, { description: 'Operator (ADMIN), demo mode only, standing in for J-LIS: SUSPEND (一時停止) or EXPIRE (有効期限切れ) a demo card; confirmation with it is then refused (CARD_NOT_USABLE with the reason). Outside demo mode: FORBIDDEN (DEMO_ONLY)' })
  async setDemoCardStatus(@Arg('cardSerial', () => String) cardSerial: string, @Arg('action', () => String, { description: 'SUSPEND or EXPIRE' }) action: string, @Ctx() ctx: ConsentContext): Promise<DemoCard> {
    const valid = (DEMO_CARD_ACTIONS as readonly string[]).includes(action) ? action as DemoCardAction : null;
    const run = (a: DemoCardAction) => changeDemoCard(ctx.db, client(ctx), ctx.config.DEMO_MODE, actorOf(ctx), cardSerial, a, ctx.requestId, ctx.now());
    if (!valid) {
      // Refuse non-operators / production first (logged), then the bad input.
      await guardDemoCard(ctx.db, ctx.config.DEMO_MODE, actorOf(ctx), 'DEMO_SUSPEND_CARD', ctx.requestId, ctx.now());
      throw new BadUserInputError(bilingual('action must be SUSPEND or EXPIRE', '操作はSUSPENDかEXPIREです'), { field: 'action' });
    }
    return run(valid);
  }
}

function client(ctx: ConsentContext) {
  return { qualificationsUrl: ctx.config.QUALIFICATIONS_SERVICE_URL, internalSecret: ctx.config.INTERNAL_SECRET, requestId: ctx.requestId };
}
