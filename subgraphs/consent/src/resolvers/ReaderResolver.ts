import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, UnauthenticatedError, fetchCardStatus } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { consentExpiresAt, isConsentValid } from '../services/decision';
import { startChallenge, type CardStatusLookup } from '../services/logins';
import { acceptReaderStatement, activeReader, readersOf, registerReader, setReaderStatus, type ReaderRow } from '../services/readers';
import { CardChallenge, CardReader, ReaderVerification } from '../schema/types';

function readerView(row: ReaderRow): CardReader {
  return { id: row.id, facilityCode: row.facilityCode, publicKeyJwk: row.publicKey, status: row.status, label: row.label, registeredBy: row.registeredBy, registeredAt: row.registeredAt.toISOString() };
}

export function cardStatusLookup(ctx: ConsentContext): CardStatusLookup {
  return (cardSerial) => fetchCardStatus({ qualificationsUrl: ctx.config.QUALIFICATIONS_SERVICE_URL, internalSecret: ctx.config.INTERNAL_SECRET, requestId: ctx.requestId }, cardSerial);
}

/**
 * The facility's card reader (顔認証付きカードリーダー; contract 4, docs/api-guide.md "Card readers"). The
 * reader is a registered device with its own key: its two calls carry no staff token, because the proof
 * is the reader's signed statement. Registering readers is an operator's task (ADMIN): the system has no
 * facility-administrator role yet (kit roles.ts), so facilities ask the operator.
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

  @Access('ADMIN')
  @Mutation(() => CardReader, { description: "Registers a card reader for a facility with the reader's Ed25519 public key (JWK JSON)" })
  async registerCardReader(
    @Arg('facilityCode', () => String) facilityCode: string,
    @Arg('publicKeyJwk', () => String) publicKeyJwk: string,
    @Arg('label', () => String, { nullable: true }) label: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<CardReader> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return readerView(await registerReader(ctx.db, ctx.actor, facilityCode, publicKeyJwk, label ?? null, ctx.now()));
  }

  @Access('ADMIN')
  @Mutation(() => CardReader, { description: 'Suspends (SUSPENDED), reactivates (ACTIVE) or retires (RETIRED, final) a card reader' })
  async setCardReaderStatus(@Arg('readerId', () => ID) readerId: string, @Arg('status', () => String) status: string, @Ctx() ctx: ConsentContext): Promise<CardReader> {
    return readerView(await setReaderStatus(ctx.db, readerId, status, ctx.now()));
  }

  @Access('ADMIN')
  @Query(() => [CardReader], { description: 'Registered card readers, of one facility or all' })
  async cardReaders(@Arg('facilityCode', () => String, { nullable: true }) facilityCode: string | null, @Ctx() ctx: ConsentContext): Promise<CardReader[]> {
    return (await readersOf(ctx.db, facilityCode ?? null)).map(readerView);
  }
}
