import { desc } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { auditCheckpoints, type Tables } from '../db/tables';

export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;

/** The newest checkpoint of the access log's chain heads, if any was written. */
export async function latestCheckpoint(db: Db<Tables>): Promise<AuditCheckpointRow | undefined> {
  const [last] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.at)).limit(1);
  return last;
}

/** Appends a checkpoint (append-only: never updated or deleted). */
export async function insertCheckpoint(db: Db<Tables>, values: typeof auditCheckpoints.$inferInsert): Promise<void> {
  await db.insert(auditCheckpoints).values(values);
}
