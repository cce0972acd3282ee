import { eq, sql } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { identityIndex, type Tables } from '../db/tables';

/**
 * Adds a new insurer to a person's identity-index row (number, and name when known) once, and makes it the
 * current one (services/identity/identityUpdates.ts says why): whether the person is in the index.
 */
export async function appendInsurerToIdentity(db: Db<Tables>, patientId: string, insurerNumber: string, insurerName: string | undefined): Promise<boolean> {
  const appendOnce = (column: typeof identityIndex.insurerNumbers | typeof identityIndex.insurerNames, value: string) =>
    sql`CASE WHEN ${value} = ANY(${column}) THEN ${column} ELSE array_append(${column}, ${value}) END`;
  const rows = await db
    .update(identityIndex)
    .set({
      insurerNumbers: appendOnce(identityIndex.insurerNumbers, insurerNumber),
      // The new insurer is the one the person now makes requests to, such as a DV/abuse block (docs/domain.md "DV").
      currentInsurerNumber: insurerNumber,
      ...(insurerName ? { insurerNames: appendOnce(identityIndex.insurerNames, insurerName) } : {}),
    })
    .where(eq(identityIndex.patientId, patientId))
    .returning({ patientId: identityIndex.patientId });
  return rows.length > 0;
}
