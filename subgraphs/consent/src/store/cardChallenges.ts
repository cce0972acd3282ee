import type { Db } from '@onshi/kit';
import { cardChallenges, type Tables } from '../db/tables';
import type { Transaction } from '../services/policy/decisionPoint';

/** Records a challenge as used; false when it was used already (the primary key makes it single use, on any replica). */
export async function recordChallengeUsed(db: Db<Tables> | Transaction, values: typeof cardChallenges.$inferInsert): Promise<boolean> {
  const used = await db.insert(cardChallenges).values(values).onConflictDoNothing().returning({ id: cardChallenges.id });
  return used.length > 0;
}
