import { ForbiddenError, UnauthenticatedError, facilityKindOfCode, type Actor } from '@onshi/kit';
import type { CheckupsContext } from '../context';

/**
 * Pharmacies never receive checkup information, whatever the consent (seed: 薬局には特定健診情報を提供しない;
 * DOMAIN.md "Specific health checkups"). Checked here as well as by `@access` and the decision point, so a
 * misconfigured role or a token of a pharmacy (table code 4) never reaches a checkup row.
 */
export function actsForPharmacy(actor: Actor): boolean {
  if (actor.role === 'PHARMACIST' || actor.facilityKind === 'PHARMACY') return true;
  return actor.facilityCode !== undefined && facilityKindOfCode(actor.facilityCode) === 'PHARMACY';
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
  if (actsForPharmacy(actor)) {
    throw new ForbiddenError('Pharmacies never receive checkup information / 薬局には特定健診情報を提供しません', { patientId, category: 'CHECKUP', reason: 'PHARMACY_NO_CHECKUP' });
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
