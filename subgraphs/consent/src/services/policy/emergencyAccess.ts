/**
 * Emergency access (救急時医療情報閲覧; docs/domain.md "Emergency access"; in the real system since 2024-12, beyond
 * the seed). When consent cannot be had and viewing is needed to protect the patient's life or body, staff of a
 * hospital (not a clinic, not a pharmacy) who hold the emergency viewing authority identify the patient by the card
 * presented, or without a card by the same four fields as the disaster search, and state a reason. That opens the
 * patient's drug and checkup reads at this hospital for EMERGENCY_ACCESS_HOURS (policy.ts `drug.emergency`,
 * `checkup.emergency`), each read logged as special with reason EMERGENCY. The consent flags are not touched.
 * A DV/abuse-blocked person, an unknown card and an unusable card are answered exactly like nobody.
 */
import { bilingual, BadUserInputError, ForbiddenError, NotFoundError, facilityKindOfCode, mayEverUse, type Actor, type Db } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { cardHolderOf } from '../../store/cards';
import { standingDvBlocksOf } from '../../store/dvBlocks';
import { insertEmergencyAccess } from '../../store/emergencyAccesses';
import { appendAccessLog, staffFactsOf } from './decisionPoint';
import type { CardStatusLookup } from '../identity/logins';
import { NOT_IDENTIFIED_MESSAGE, findByFourFields, parseFourFields, requiredReason, type FourFieldOutcome, type FourFields } from './disasterSearch';
import { appendSearchLog, type SearchThrottle } from './specialSearchLog';

/** How long one emergency access keeps the hospital's reads open (the emergency, not the stay). */
export const EMERGENCY_ACCESS_HOURS = 24;

export interface EmergencyAccessInput {
  cardSerial?: string | null;
  fourFields?: FourFields | null;
  reason: string;
}

export interface EmergencyAccess { id: string; patientId: string; facilityCode: string; identifiedBy: 'CARD' | 'FOUR_FIELDS'; reason: string; openedAt: Date; expiresAt: Date }

async function byCard(db: Db<Tables>, cardSerial: string, cardStatus: CardStatusLookup): Promise<FourFieldOutcome> {
  const card = await cardHolderOf(db, cardSerial);
  if (!card) return { outcome: 'NOT_FOUND' };
  // The card's status lives in qualifications (kit cardStatus.ts): a card reported lost or not registered is not
  // an identification. Its holder must be the one our record names.
  const status = await cardStatus(cardSerial);
  if (!status.known || status.unusable !== null || status.patientId !== card.patientId) return { outcome: 'NOT_FOUND' };
  const [blocked] = await standingDvBlocksOf(db, [card.patientId]);
  return blocked ? { outcome: 'BLOCKED', patientId: card.patientId } : { outcome: 'FOUND', patientId: card.patientId };
}

export async function startEmergencyAccess(
  db: Db<Tables>, throttle: SearchThrottle, cardStatus: CardStatusLookup,
  actor: Actor, input: EmergencyAccessInput, requestId: string, now: Date,
): Promise<EmergencyAccess> {
  const facilityCode = actor.facilityCode;
  const facilityKind = facilityCode ? facilityKindOfCode(facilityCode) : undefined;
  const staff = facilityCode ? await staffFactsOf(db, actor.subject, facilityCode, now) : { authorities: [], atHospital: false };
  // Who may: the emergency rules of the policy (hospital, licensed, holding the emergency viewing authority).
  if (!facilityCode || !facilityKind || !mayEverUse({ role: actor.role, facilityKind, authorities: staff.authorities, atHospital: staff.atHospital }, 'EMERGENCY_OPENED')) {
    await appendSearchLog(db, actor, 'EMERGENCY', 'REFUSED', null, requestId, now);
    throw new ForbiddenError(bilingual('Emergency access is for staff of a hospital holding the emergency viewing authority', '救急時医療情報閲覧は救急時閲覧権限を持つ病院の職員のみ可能です'));
  }
  try {
    await throttle.consume(actor.subject, facilityCode);
  } catch (error) {
    await appendSearchLog(db, actor, 'EMERGENCY', 'RATE_LIMITED', null, requestId, now);
    throw error;
  }
  let reason: string;
  let lookup: () => Promise<FourFieldOutcome>;
  let identifiedBy: 'CARD' | 'FOUR_FIELDS';
  try {
    reason = requiredReason(input.reason);
    const cardSerial = input.cardSerial?.trim() ?? '';
    if (cardSerial !== '') {
      if (cardSerial.length > 64) throw new BadUserInputError('cardSerial is too long');
      identifiedBy = 'CARD';
      lookup = () => byCard(db, cardSerial, cardStatus);
    } else if (input.fourFields) {
      const fields = parseFourFields(input.fourFields);
      identifiedBy = 'FOUR_FIELDS';
      lookup = () => findByFourFields(db, fields);
    } else {
      throw new BadUserInputError(bilingual('Identify the patient by card, or by name, date of birth, sex and insurer name or address', 'カード又は4項目で本人を特定してください'));
    }
  } catch (error) {
    await appendSearchLog(db, actor, 'EMERGENCY', 'BAD_INPUT', null, requestId, now);
    throw error;
  }
  const found = await lookup();
  if (found.outcome !== 'FOUND') {
    await appendSearchLog(db, actor, 'EMERGENCY', found.outcome, found.outcome === 'BLOCKED' ? found.patientId : null, requestId, now);
    throw new NotFoundError(NOT_IDENTIFIED_MESSAGE);
  }
  const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_HOURS * 3_600_000);
  return db.transaction(async (tx) => {
    const row = await insertEmergencyAccess(tx, { facilityCode, patientId: found.patientId, actorSubject: actor.subject, identifiedBy, reason, openedAt: now, expiresAt });
    if (!row) throw new Error('the emergency access could not be stored');
    await appendSearchLog(tx, actor, 'EMERGENCY', 'FOUND', found.patientId, requestId, now);
    await appendAccessLog(tx, actor, [{ patientId: found.patientId, category: 'QUALIFICATION', decision: 'ALLOW', reason: 'EMERGENCY_OPENED', basisId: row.id, special: true }], requestId, now);
    return { id: row.id, patientId: row.patientId, facilityCode: row.facilityCode, identifiedBy, reason: row.reason, openedAt: row.openedAt, expiresAt: row.expiresAt };
  });
}
