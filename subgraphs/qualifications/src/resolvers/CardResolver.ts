import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, UnauthenticatedError } from '@onshi/kit';
import type { QualificationsContext } from '../context';
import { CardRegistration } from '../schema/CardRegistration';
import { cardView, registerCardAtCounter, registerOwnCard, reportLost } from '../services/cards';
import { COUNTER_ROLES } from './ConfirmationResolver';

@Resolver(() => CardRegistration)
export class CardResolver {
  @Access('PATIENT')
  @Mutation(() => CardRegistration, { description: '健康保険証利用の初回登録 in the portal: the patient registers their own card' })
  async registerCardForInsurance(@Arg('cardSerial', () => String) cardSerial: string, @Ctx() ctx: QualificationsContext): Promise<CardRegistration> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return cardView(await registerOwnCard(ctx.db, ctx.actor, cardSerial, ctx.today), ctx.today);
  }

  @Access(...COUNTER_ROLES)
  @Mutation(() => CardRegistration, { description: '健康保険証利用の初回登録 at the counter: needs a FACE verification from this facility\'s reader' })
  async registerCardForInsuranceAtCounter(@Arg('verificationToken', () => String) verificationToken: string, @Ctx() ctx: QualificationsContext): Promise<CardRegistration> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return cardView(await registerCardAtCounter(ctx.db, ctx.actor, await ctx.verifyCard(verificationToken), ctx.today), ctx.today);
  }

  @Access('PATIENT', 'ADMIN')
  @Mutation(() => CardRegistration, { description: '紛失届: suspends the card for qualification confirmation (the holder, or the operator)' })
  async reportCardLost(@Arg('cardSerial', () => String) cardSerial: string, @Ctx() ctx: QualificationsContext): Promise<CardRegistration> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return cardView(await reportLost(ctx.db, ctx.actor, cardSerial), ctx.today);
  }
}
