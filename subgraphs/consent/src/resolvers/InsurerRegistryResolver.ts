import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, ROLES } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { AdminChange } from '../schema/audit';
import { InsurerRegistration, RegisteredInsurer } from '../schema/operator';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { registerInsurer, registeredInsurers, type InsurerRow } from '../services/operator/insurers';
import { requireOperator } from '../services/operator/onboarding';
import { adminChangesOfTarget } from '../store/adminChanges';
import { actorOf, adminChangeView, linkView } from './OnboardingResolver';
import { InsurerKindEnum } from '../schema/codes';

function insurerView(row: InsurerRow): RegisteredInsurer {
  return { number: row.number, name: row.name, kind: row.kind, prefecture: row.prefecture, registeredAt: row.registeredAt.toISOString() };
}

function checkPage(first: number): void {
  if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`, { field: 'first' });
}

/**
 * Registering an insurer and its first operator account (services/operator/insurers.ts). Like the facility
 * mutations, every signed-in role passes the directive and the service decides, so that a refusal is logged.
 */
@Resolver()
export class InsurerRegistryResolver {
  @Access(...ROLES)
  @Mutation(() => InsurerRegistration, { description: 'Operator (ADMIN): registers an insurer (保険者番号 with check digit; kind and prefecture as the number says them, taken from it when left out) and its first operator account, which gets a one-time enrollment link. A number already registered: BAD_USER_INPUT (DUPLICATE_INSURER)' })
  async registerInsurer(
    @Arg('number', () => String) number: string,
    @Arg('name', () => String) name: string,
    @Arg('administratorStaffId', () => String) administratorStaffId: string,
    @Arg('administratorName', () => String) administratorName: string,
    @Ctx() ctx: ConsentContext,
    @Arg('kind', () => InsurerKindEnum, { nullable: true, description: 'Left out: the number\'s' }) kind?: string | null,
    @Arg('prefecture', () => String, { nullable: true, description: '01–47; left out: the number\'s (required for 共済組合, whose number does not say it)' }) prefecture?: string | null,
  ): Promise<InsurerRegistration> {
    const master = { qualificationsUrl: ctx.config.QUALIFICATIONS_SERVICE_URL, internalSecret: ctx.config.INTERNAL_SECRET, requestId: ctx.requestId };
    const result = await registerInsurer(ctx.db, master, actorOf(ctx), { number, name, kind: kind ?? null, prefecture: prefecture ?? null }, { staffId: administratorStaffId, displayName: administratorName }, ctx.requestId, ctx.now());
    return { insurer: insurerView(result.insurer), administrator: linkView(result.administrator, result.enrollment) };
  }

  @Access(...ROLES)
  @Query(() => [RegisteredInsurer], { description: 'Operator (ADMIN): registered insurers, newest first (the demo insurers included)' })
  async insurers(@Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number, @Ctx() ctx: ConsentContext): Promise<RegisteredInsurer[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_INSURERS', null, ctx.requestId, ctx.now());
    checkPage(first);
    return (await registeredInsurers(ctx.db, first)).map(insurerView);
  }

  @Access(...ROLES)
  @Query(() => [AdminChange], { description: 'Operator (ADMIN): the admin actions concerning an insurer, newest first, with before and after' })
  async insurerChanges(@Arg('number', () => String) number: string, @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number, @Ctx() ctx: ConsentContext): Promise<AdminChange[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_INSURERS', null, ctx.requestId, ctx.now());
    checkPage(first);
    const rows = await adminChangesOfTarget(ctx.db, number, first);
    return rows.map(adminChangeView);
  }
}
