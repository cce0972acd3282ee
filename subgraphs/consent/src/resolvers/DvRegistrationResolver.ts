import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { bilingual, BadUserInputError, NotFoundError, rolesWith, UnauthenticatedError, Access, type Actor } from '@onshi/kit';
import type { ConsentContext } from '../context';
import { DvBlock } from '../schema/policy';
import { decide, NOBODY } from '../services/policy/decision';
import { appendAccessLog, type Transaction } from '../services/policy/decisionPoint';
import { insertDvBlock, liftStandingDvBlock, standingDvBlock, type DvBlockRow } from '../store/dvBlocks';
import { personByKey } from '../store/identityIndex';

export function toDvBlock(row: DvBlockRow): DvBlock {
  return {
    id: row.id, patientId: row.patientId, registeredAt: row.registeredAt.toISOString(), registeredBy: row.registeredBy, registeredByRole: row.registeredByRole,
    requestReference: row.requestReference, liftedAt: row.liftedAt?.toISOString() ?? null, liftedBy: row.liftedBy ?? null, liftReference: row.liftReference ?? null,
  };
}

/** One answer for "no such person", "not your member" and "not a person you may register for": nothing tells them apart. */
const NOT_YOUR_MEMBER = bilingual('No such person among those you may register for', '該当する方がいません');
const REGISTRARS = rolesWith('DV_REGISTRATION', 'INSURER_IN_FORCE', 'OPERATOR');

function requireReference(requestReference: string): string {
  const reference = requestReference.trim();
  if (reference === '' || reference.length > 200) throw new BadUserInputError('requestReference (the reference of the person\'s request, 申出の受付番号等) must have 1 to 200 characters');
  return reference;
}

/**
 * The person a registration names: by 紐付番号 (how insurers name their members, as in their qualification operations)
 * or by our opaque id. Then the access policy's DV_REGISTRATION rules: the insurer of the person's newest coverage, or
 * the operator (seed ※ in 2-2: 保険者に申出; docs/domain.md "DV"). Every refusal of an existing person is logged; an
 * insurer asking about someone else's member gets exactly the answer of an unknown number.
 */
async function personForRegistration(ctx: ConsentContext, patientId: string | null, linkageNumber: string | null): Promise<{ actor: Actor; patientId: string }> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  if ((patientId === null) === (linkageNumber === null)) throw new BadUserInputError('Give either linkageNumber (紐付番号) or patientId');
  const key = (patientId ?? linkageNumber ?? '').trim();
  if (key === '' || key.length > 64) throw new BadUserInputError('patientId / linkageNumber must have 1 to 64 characters');
  const person = await personByKey(ctx.db, patientId !== null ? 'patientId' : 'linkageNumber', key);
  if (!person) throw new NotFoundError(NOT_YOUR_MEMBER);
  const now = ctx.now();
  const decision = decide({ actor, patientId: person.patientId, category: 'DV_REGISTRATION', now, facts: { ...NOBODY, ...(person.currentInsurerNumber ? { currentInsurerNumber: person.currentInsurerNumber } : {}) } });
  if (!decision.allow) {
    await appendAccessLog(ctx.db, actor, [{ patientId: person.patientId, category: 'DV_REGISTRATION', decision: 'DENY', reason: decision.reason, basisId: null, special: false }], ctx.requestId, now);
    throw new NotFoundError(NOT_YOUR_MEMBER);
  }
  return { actor, patientId: person.patientId };
}

/** What registering and lifting both check first: the request's reference, and the person this registrar may name. */
async function registrationRequest(ctx: ConsentContext, requestReference: string, patientId: string | null, linkageNumber: string | null) {
  const reference = requireReference(requestReference);
  const person = await personForRegistration(ctx, patientId ?? null, linkageNumber ?? null);
  return { reference, person, now: ctx.now() };
}

/** A registration or lifting is an ALLOW in the category DV_REGISTRATION, the block as its basis, in the same transaction. */
async function logRegistration(tx: Transaction, ctx: ConsentContext, person: Awaited<ReturnType<typeof personForRegistration>>, reason: string, blockId: string, now: Date): Promise<void> {
  await appendAccessLog(tx, person.actor, [{ patientId: person.patientId, category: 'DV_REGISTRATION', decision: 'ALLOW', reason, basisId: blockId, special: false }], ctx.requestId, now);
}

/**
 * DV・虐待等被害者 (seed ※ in 2-2: 全情報の提供及び閲覧を一律不可): the person asks their insurer (or the operator), who
 * registers the block here and lifts it on the person's request. Each registration and lifting is logged (ALLOW in the
 * category DV_REGISTRATION, the block's id as the basis) and names who did it and on which request.
 */
@Resolver()
export class DvRegistrationResolver {
  @Access(...REGISTRARS)
  @Mutation(() => DvBlock, { description: 'DV・虐待等被害者: on the person\'s request, from now on nothing of this person is provided or shown (facilities, apps, disaster search, the portal\'s drug, checkup and expenses views). Insurers name their member by linkageNumber (紐付番号); the operator by linkageNumber or patientId. Not your member or unknown: NOT_FOUND, the same answer' })
  async registerDvBlock(
    @Arg('requestReference', () => String, { description: 'Reference of the person\'s request (申出の受付番号等), kept with the block' }) requestReference: string,
    @Arg('linkageNumber', () => String, { nullable: true }) linkageNumber: string | null,
    @Arg('patientId', () => String, { nullable: true }) patientId: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<DvBlock> {
    const { reference, person, now } = await registrationRequest(ctx, requestReference, patientId, linkageNumber);
    return ctx.db.transaction(async (tx) => {
      const standing = await standingDvBlock(tx, person.patientId);
      const row = standing ?? await insertDvBlock(tx, { patientId: person.patientId, registeredAt: now, registeredBy: person.actor.subject, registeredByRole: person.actor.role, requestReference: reference });
      if (!row) throw new Error('The block could not be stored');
      await logRegistration(tx, ctx, person, standing ? 'ALREADY_REGISTERED' : 'REGISTERED', row.id, now);
      return toDvBlock(row);
    });
  }

  @Access(...REGISTRARS)
  @Mutation(() => DvBlock, { description: 'Lifts the standing DV/abuse block on the person\'s request; the same rules and answers as registerDvBlock' })
  async liftDvBlock(
    @Arg('requestReference', () => String, { description: 'Reference of the person\'s request to lift (申出の受付番号等)' }) requestReference: string,
    @Arg('linkageNumber', () => String, { nullable: true }) linkageNumber: string | null,
    @Arg('patientId', () => String, { nullable: true }) patientId: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<DvBlock> {
    const { reference, person, now } = await registrationRequest(ctx, requestReference, patientId, linkageNumber);
    return ctx.db.transaction(async (tx) => {
      const row = await liftStandingDvBlock(tx, person.patientId, { liftedAt: now, liftedBy: person.actor.subject, liftedByRole: person.actor.role, liftReference: reference });
      if (!row) throw new NotFoundError(bilingual('No standing block for this person', '登録がありません'));
      await logRegistration(tx, ctx, person, 'LIFTED', row.id, now);
      return toDvBlock(row);
    });
  }
}
