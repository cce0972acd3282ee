import type { Db, InsurerChangeEvent } from '@onshi/kit';
import type { Tables } from '../../db/tables';
import { appendInsurerToIdentity } from '../../store/identityUpdates';

/**
 * Keeps the identity index current after a change of insurer: the new insurer may then read its member's
 * qualification (decision point, INSURER rule) and the disaster search matches the new insurer's name.
 * The newest insurer becomes the current one (the insurer a DV/abuse request goes to). History is kept (the old insurer stays in the list: "who insured this person" is a history question).
 * Idempotent: applying the same event twice changes nothing.
 */
export async function applyInsurerChangeToIdentity(db: Db<Tables>, event: InsurerChangeEvent): Promise<{ updated: boolean }> {
  return { updated: await appendInsurerToIdentity(db, event.patientId, event.toInsurerNumber, event.toInsurerName) };
}
