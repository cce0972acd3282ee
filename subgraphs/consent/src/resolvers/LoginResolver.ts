import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { ConsentContext } from '../context';
import { completeCardLogin, phrToken, startChallenge, staffLogin } from '../services/identity/logins';
import { cardStatusLookup } from './ReaderResolver';
import { endSession, refreshSession } from '../services/identity/sessions';
import { CardChallenge, LoginResult } from '../schema/identity';

/**
 * The identity provider's public operations (docs/contracts.md contracts 1–3). None carries `@access`: they are how a
 * caller without a token gets one, and each ends in a token only after a proof (card signature + PIN,
 * password + TOTP, client secret + the patient's grant).
 */
@Resolver()
export class LoginResolver {
  @Mutation(() => CardChallenge, { description: 'Card login, step 1: a single-use challenge for the card to sign' })
  async startCardLogin(@Arg('cardSerial', () => String) cardSerial: string, @Ctx() ctx: ConsentContext): Promise<CardChallenge> {
    return startChallenge(ctx.signingKey, cardSerial, 'LOGIN', null, ctx.now());
  }

  @Mutation(() => LoginResult, { description: 'Card login, step 2: the card signature over the challenge (checked first), the card status (CARD_NOT_USABLE), then the PIN. 3 wrong PINs lock the card (CARD_LOCKED)' })
  async completeCardLogin(
    @Arg('challengeId', () => ID) challengeId: string,
    @Arg('pin', () => String) pin: string,
    @Arg('signature', () => String) signature: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<LoginResult> {
    return completeCardLogin(ctx.db, ctx.signingKey, cardStatusLookup(ctx), challengeId, pin, signature, ctx.now(), ctx.requestId);
  }

  @Mutation(() => LoginResult, { description: 'Staff (facility code + staff ID), operator and insurer (no facility code) login: password + TOTP. Failures slow the source down (LOGIN_THROTTLED); a used TOTP code is TOTP_REUSED' })
  async staffLogin(
    @Arg('facilityCode', () => String, { nullable: true }) facilityCode: string | null,
    @Arg('staffId', () => String) staffId: string,
    @Arg('password', () => String) password: string,
    @Arg('totp', () => String) totp: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<LoginResult> {
    return staffLogin(ctx.db, ctx.signingKey, ctx.secrets, ctx.loginThrottle, ctx.clientAddress, { facilityCode, staffId, password, totp }, ctx.now(), ctx.dummySecretHash);
  }

  @Mutation(() => LoginResult, { description: 'A new access token for a refresh token; the refresh token is rotated (single use)' })
  async refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: ConsentContext): Promise<LoginResult> {
    return refreshSession(ctx.db, ctx.signingKey, refreshToken, ctx.now());
  }

  @Mutation(() => Boolean, { description: 'Revokes the refresh token, and the access token sent with the request at once on every replica; true if the refresh token was live' })
  async logout(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: ConsentContext): Promise<boolean> {
    return endSession(ctx.db, ctx.revocations, refreshToken, ctx.actor ? ctx.token : undefined, ctx.now());
  }

  @Mutation(() => LoginResult, { description: "A PHR app's token for one patient's grant (client id + secret + grant id)" })
  async phrToken(
    @Arg('clientId', () => String) clientId: string,
    @Arg('clientSecret', () => String) clientSecret: string,
    @Arg('grantId', () => ID) grantId: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<LoginResult> {
    return phrToken(ctx.db, ctx.signingKey, clientId, clientSecret, grantId, ctx.now(), ctx.dummySecretHash);
  }
}
