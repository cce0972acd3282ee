import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, ROLES, UnauthenticatedError, fetchCardStatus } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { consentExpiresAt, isConsentValid } from '../services/policy/decision';
import { startChallenge, type CardStatusLookup } from '../services/identity/logins';
import { changeReaderStatus, registerFacilityReader } from '../services/operator/onboarding';
import { acceptReaderStatement, activeReader, readersOf, type ReaderRow } from '../services/identity/readers';
import { CardChallenge, CardReader, ReaderVerification } from '../schema/identity';
import { CardReaderStatusEnum } from '../schema/codes';

export function readerView(row: ReaderRow): CardReader {
  return { id: row.id, facilityCode: row.facilityCode, publicKeyJwk: row.publicKey, status: row.status, label: row.label, registeredBy: row.registeredBy, registeredAt: row.registeredAt.toISOString() };
}

export function cardStatusLookup(ctx: ConsentContext): CardStatusLookup {
  return (cardSerial) => fetchCardStatus({ qualificationsUrl: ctx.config.QUALIFICATIONS_SERVICE_URL, internalSecret: ctx.config.INTERNAL_SECRET, requestId: ctx.requestId }, cardSerial);
}

/**
 * The facility's card reader (顔認証付きカードリーダー; docs/contracts.md contract 4, docs/api-guide.md "Card readers"). The
 * reader is a registered device with its own key: its two calls carry no staff token, because the proof
 * is the reader's signed statement. Registering, suspending and retiring readers is the operator's task (ADMIN), for a
 * registered facility, logged with before and after (services/operator/onboarding.ts); a facility administrator sees the
 * facility's readers (OnboardingResolver facilityReaders).
 */
@Resolver()
export class ReaderResolver {
  @Mutation(() => CardChallenge, { description: 'Reader, step 1: a single-use nonce (2 minutes) for the card presented at this registered, active reader' })
  async startReaderVerification(
    @Arg('readerId', () => ID) readerId: string,
    @Arg('cardSerial', () => String) cardSerial: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<CardChallenge> {
    const reader = await activeReader(ctx.db, readerId);
    return startChallenge(ctx.signingKey, cardSerial, 'READER', reader.id, ctx.now());
  }

  @Mutation(() => ReaderVerification, { description: "Reader, step 2: the reader's signed statement (compact JWS, typ onshi-reader-statement+jwt): card signature, method and result, the patient's answers. Accepted once" })
  async submitReaderStatement(@Arg('statement', () => String) statement: string, @Ctx() ctx: ConsentContext): Promise<ReaderVerification> {
    const now = ctx.now();
    const result = await acceptReaderStatement(ctx.db, ctx.signingKey, cardStatusLookup(ctx), statement, now, ctx.requestId);
    return {
      ...result,
      consents: result.consents.map((row) => ({
        id: row.id, facilityCode: row.facilityCode, category: row.category, method: row.method, registeredAt: row.registeredAt.toISOString(),
        expiresAt: consentExpiresAt(row.registeredAt).toISOString(), valid: isConsentValid({ registeredAt: row.registeredAt }, now),
      })),
    };
  }

  @Access(...ROLES)
  @Mutation(() => CardReader, { description: "Operator (ADMIN): registers a card reader for a registered facility with the reader's Ed25519 public key (JWK JSON). Also what `pnpm reader:register` calls" })
  async registerCardReader(
    @Arg('facilityCode', () => String) facilityCode: string,
    @Arg('publicKeyJwk', () => String) publicKeyJwk: string,
    @Arg('label', () => String, { nullable: true }) label: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<CardReader> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return readerView(await registerFacilityReader(ctx.db, ctx.actor, facilityCode, publicKeyJwk, label ?? null, ctx.requestId, ctx.now()));
  }

  @Access(...ROLES)
  @Mutation(() => CardReader, { description: 'Operator (ADMIN): suspends (SUSPENDED), reactivates (ACTIVE) or retires (RETIRED, final) a card reader; a reader that is not ACTIVE gets no challenge and its statements are refused' })
  async setCardReaderStatus(@Arg('readerId', () => ID) readerId: string, @Arg('status', () => CardReaderStatusEnum) status: string, @Ctx() ctx: ConsentContext): Promise<CardReader> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return readerView(await changeReaderStatus(ctx.db, ctx.actor, readerId, status, ctx.requestId, ctx.now()));
  }

  @Access('ADMIN')
  @Query(() => [CardReader], { description: 'Registered card readers, of one facility or all' })
  async cardReaders(@Arg('facilityCode', () => String, { nullable: true }) facilityCode: string | null, @Ctx() ctx: ConsentContext): Promise<CardReader[]> {
    return (await readersOf(ctx.db, facilityCode ?? null)).map(readerView);
  }
}
