import { readerVerifications } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

/** Records a reader's verification; undefined when its challenge was verified already (one verification per challenge). */
export async function insertReaderVerification(tx: Transaction, values: typeof readerVerifications.$inferInsert): Promise<{ id: string } | undefined> {
  const [row] = await tx.insert(readerVerifications).values(values).onConflictDoNothing().returning({ id: readerVerifications.id });
  return row;
}
