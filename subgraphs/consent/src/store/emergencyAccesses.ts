import type { Db } from '@onshi/kit';
import { emergencyAccesses, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

export type EmergencyAccessRow = typeof emergencyAccesses.$inferSelect;

/** Opens an emergency access; the stored row (undefined: nothing stored). */
export async function insertEmergencyAccess(tx: Db<Tables> | Transaction, values: typeof emergencyAccesses.$inferInsert): Promise<EmergencyAccessRow | undefined> {
  const [row] = await tx.insert(emergencyAccesses).values(values).returning();
  return row;
}
