import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, BadUserInputError, DataCategoryEnum, ROLES, type Category } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { AdminChange } from '../schema/audit';
import { PAGE_DEFAULT, PAGE_MAX } from '../schema/paging';
import { PhrApp, PhrAppSecret } from '../schema/operator';
import { requireOperator } from '../services/operator/onboarding';
import { disablePhrApp, phrAppTarget, registerPhrApp, rotatePhrAppSecret, type IssuedSecret, type PhrAppRow } from '../services/operator/phrApps';
import { adminChangesOfTarget } from '../store/adminChanges';
import { enabledPhrApps, phrAppsNewestFirst } from '../store/phrApps';
import { actorOf, adminChangeView } from './OnboardingResolver';

function phrAppView(row: PhrAppRow): PhrApp {
  return {
    clientId: row.clientId, displayName: row.name, operatorName: row.operatorName, scopes: row.scopes, createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null, disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}
function secretView(issued: IssuedSecret): PhrAppSecret {
  return { app: phrAppView(issued.app), clientSecret: issued.clientSecret };
}
function checkPage(first: number): void {
  if (first < 1 || first > PAGE_MAX) throw new BadUserInputError(`first must be between 1 and ${PAGE_MAX}`, { field: 'first' });
}

/**
 * PHR app registration by the operator (services/operator/phrApps.ts; docs/operations.md "PHR apps"). Like the onboarding
 * mutations, every signed-in role passes the directive and the service decides, so that a refusal is logged.
 */
@Resolver()
export class PhrAppResolver {
  @Access(...ROLES)
  @Mutation(() => PhrAppSecret, { description: 'Operator (ADMIN): registers a PHR app: client id (given, or generated when empty), display name, operator (company) name and the data categories it may ask for. The client secret is in the answer this once. A client id already registered: BAD_USER_INPUT (DUPLICATE_CLIENT_ID)' })
  async registerPhrApp(
    @Arg('displayName', () => String) displayName: string,
    @Arg('operatorName', () => String) operatorName: string,
    @Arg('scopes', () => [DataCategoryEnum], { description: 'The data categories the app may ask a patient for, one or more' }) scopes: Category[],
    @Arg('clientId', () => String, { nullable: true, description: '3–64 lower-case letters, digits or hyphens; generated (phr-…) when omitted' }) clientId: string | null | undefined,
    @Ctx() ctx: ConsentContext,
  ): Promise<PhrAppSecret> {
    return secretView(await registerPhrApp(ctx.db, actorOf(ctx), { clientId: clientId ?? null, displayName, operatorName, scopes }, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => PhrAppSecret, { description: 'Operator (ADMIN): a new client secret, shown this once; the old one stops working at once and the app\'s refresh tokens are revoked' })
  async rotatePhrAppSecret(@Arg('clientId', () => String) clientId: string, @Ctx() ctx: ConsentContext): Promise<PhrAppSecret> {
    return secretView(await rotatePhrAppSecret(ctx.db, actorOf(ctx), clientId, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => PhrApp, { description: 'Operator (ADMIN): disables a PHR app: it gets no token, its refresh tokens are revoked and nothing is read under its grants; patients cannot grant it' })
  async disablePhrApp(@Arg('clientId', () => String) clientId: string, @Ctx() ctx: ConsentContext): Promise<PhrApp> {
    return phrAppView(await disablePhrApp(ctx.db, actorOf(ctx), clientId, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Query(() => [PhrApp], { description: 'Operator (ADMIN): the registered PHR apps, newest first (the demo app included)' })
  async phrApps(@Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number, @Ctx() ctx: ConsentContext): Promise<PhrApp[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_PHR_APPS', null, ctx.requestId, ctx.now());
    checkPage(first);
    return (await phrAppsNewestFirst(ctx.db, first)).map(phrAppView);
  }

  @Access(...ROLES)
  @Query(() => [AdminChange], { description: 'Operator (ADMIN): the admin actions concerning a PHR app, newest first, with before and after (never its secret)' })
  async phrAppChanges(@Arg('clientId', () => String) clientId: string, @Arg('first', () => Int, { defaultValue: PAGE_DEFAULT }) first: number, @Ctx() ctx: ConsentContext): Promise<AdminChange[]> {
    await requireOperator(ctx.db, actorOf(ctx), 'VIEW_PHR_APPS', null, ctx.requestId, ctx.now());
    checkPage(first);
    const rows = await adminChangesOfTarget(ctx.db, phrAppTarget(clientId), first);
    return rows.map(adminChangeView);
  }

  @Access('PATIENT')
  @Query(() => [PhrApp], { description: 'The PHR apps a patient can link (not disabled), with the categories each may ask for' })
  async grantablePhrApps(@Ctx() ctx: ConsentContext): Promise<PhrApp[]> {
    return (await enabledPhrApps(ctx.db, PAGE_MAX)).map(phrAppView);
  }
}
