import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Access, ForbiddenError } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { consentExpiresAt, isConsentValid } from '../services/decision';
import { completeReaderVerification, readVerificationToken, requireFacilityStaff, startChallenge } from '../services/logins';
import { registerVisitConsent } from '../services/visitConsent';
import { CardChallenge, Consent, ReaderVerification } from '../schema/types';

/** The facility's card reader (顔認証付きカードリーダー; contract 4), driven by a staff token of that facility. */
@Resolver()
export class ReaderResolver {
  @Access('RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST')
  @Mutation(() => CardChallenge, { description: 'Reader, step 1: a challenge for the card presented at this facility' })
  async startReaderVerification(@Arg('cardSerial', () => String) cardSerial: string, @Ctx() ctx: ConsentContext): Promise<CardChallenge> {
    const actor = requireFacilityStaff(ctx.actor);
    return startChallenge(ctx.db, cardSerial, 'READER', actor.facilityCode, ctx.now());
  }

  @Access('RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST')
  @Mutation(() => ReaderVerification, { description: 'Reader, step 2: face / PIN / visual check and the card signature' })
  async completeReaderVerification(
    @Arg('challengeId', () => ID) challengeId: string,
    @Arg('method', () => String, { description: 'FACE | PIN | VISUAL' }) method: string,
    @Arg('pin', () => String, { nullable: true }) pin: string | null,
    @Arg('signature', () => String) signature: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<ReaderVerification> {
    const actor = requireFacilityStaff(ctx.actor);
    return completeReaderVerification(ctx.db, ctx.signingKey, actor.facilityCode, challengeId, method, pin, signature, ctx.now());
  }

  @Access('RECEPTION', 'DOCTOR', 'DENTIST', 'PHARMACIST')
  @Mutation(() => [Consent], { description: "The patient's answers at the reader, per category (24 h). Pharmacies never get a CHECKUP consent" })
  async registerVisitConsent(
    @Arg('verificationToken', () => String) verificationToken: string,
    @Arg('drug', () => Boolean) drug: boolean,
    @Arg('checkup', () => Boolean) checkup: boolean,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent[]> {
    const actor = requireFacilityStaff(ctx.actor);
    const now = ctx.now();
    const verification = await readVerificationToken(ctx.signingKey, verificationToken, now);
    if (verification.facilityCode !== actor.facilityCode) throw new ForbiddenError('The card was verified at another facility / 他の医療機関で読み取られたカードです');
    const rows = await registerVisitConsent(ctx.db, verification.patientId, actor.facilityCode, verification.method, { DRUG: drug, CHECKUP: checkup }, now);
    return rows.map((row) => ({
      id: row.id, facilityCode: row.facilityCode, category: row.category, method: row.method, registeredAt: row.registeredAt.toISOString(),
      expiresAt: consentExpiresAt(row.registeredAt).toISOString(), valid: isConsentValid({ registeredAt: row.registeredAt }, now),
    }));
  }
}
