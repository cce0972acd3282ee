import { eq, sql } from 'drizzle-orm';
import type { Db, InsurerChangeEvent } from '@onshi/kit';
import { identityIndex, type Tables } from '../../db/tables';

/**
 * Keeps the identity index current after a change of insurer: the new insurer may then read its member's
 * qualification (decision point, INSURER rule) and the disaster search matches the new insurer's name.
 * The newest insurer becomes the current one (the insurer a DV/abuse request goes to). History is kept (the old insurer stays in the list: "who insured this person" is a history question).
 * Idempotent: applying the same event twice changes nothing.
 */
export async function applyInsurerChangeToIdentity(db: Db<Tables>, event: InsurerChangeEvent): Promise<{ updated: boolean }> {
  const appendOnce = (column: typeof identityIndex.insurerNumbers | typeof identityIndex.insurerNames, value: string) =>
    sql`CASE WHEN ${value} = ANY(${column}) THEN ${column} ELSE array_append(${column}, ${value}) END`;
  const rows = await db
    .update(identityIndex)
    .set({
      insurerNumbers: appendOnce(identityIndex.insurerNumbers, event.toInsurerNumber),
      // The new insurer is the one the person now makes requests to, such as a DV/abuse block (docs/domain.md "DV").
      currentInsurerNumber: event.toInsurerNumber,
      ...(event.toInsurerName ? { insurerNames: appendOnce(identityIndex.insurerNames, event.toInsurerName) } : {}),
    })
    .where(eq(identityIndex.patientId, event.patientId))
    .returning({ patientId: identityIndex.patientId });
  return { updated: rows.length > 0 };
}
