import { ForbiddenError, UnauthenticatedError, mayEverRead, policyActorOf, type Actor } from '@onshi/kit';
import type { CheckupsContext } from '../context';

/**
 * Could this actor ever read checkups under the access policy (@onshi/kit policy.ts)? Pharmacies never do (seed:
 * 薬局には特定健診情報を提供しない). Asked here before the decision point as well (defence in depth, the same policy),
 * so a misconfigured role or a token of a pharmacy (table code 4) never reaches a checkup row.
 */
export function mayEverReadCheckups(actor: Actor): boolean {
  return mayEverRead(policyActorOf(actor), 'CHECKUP');
}

/**
 * Record-level check before any checkup row is read (ARCHITECTURE.md layer 3). Staff, the patient and PHR apps need
 * the consent subgraph's allow for CHECKUP. An INSURER reads only members whose data it currently holds according
 * to this subgraph's transfer records (contract 7): it attests `insurerMember` to the decision point, which allows
 * and logs; any other insurer — including the member's previous one — gets FORBIDDEN.
 */
export async function requireCheckupRead(ctx: CheckupsContext, patientId: string): Promise<void> {
  const actor = ctx.actor;
  if (actor === null) throw new UnauthenticatedError();
  if (!mayEverReadCheckups(actor)) {
    throw new ForbiddenError('Your role or facility never receives checkup information / 特定健診情報を参照する権限がありません', { patientId, category: 'CHECKUP', reason: 'FACILITY_KIND_NOT_ALLOWED' });
  }
  if (actor.role !== 'INSURER') {
    await ctx.decisions.require(patientId, 'CHECKUP');
    return;
  }
  const membership = await ctx.loaders.membership.load(patientId);
  const member = actor.insurerNumber !== undefined && membership?.insurerNumber === actor.insurerNumber;
  // Asked even for a non-member so that the decision point logs the attempt; a non-member is refused either way.
  const decision = await ctx.decisions.decide({ patientId, category: 'CHECKUP', insurerMember: member });
  if (!member || !decision.allow) {
    throw new ForbiddenError('Not a member of your insurer / 貴保険者の加入者ではありません', { patientId, category: 'CHECKUP', reason: member ? decision.reason : 'NOT_MEMBER' });
  }
}
