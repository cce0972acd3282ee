import { and, asc, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { accessLog, auditHeads, type Tables } from '../db/tables';
import type { ChainHead } from '../services/audit/auditChain';
import type { Transaction } from '../services/policy/decisionPoint';

export type AccessLogRow = typeof accessLog.$inferSelect;
export type NewAccessLogRow = typeof accessLog.$inferInsert;
export type AuditHeadRow = typeof auditHeads.$inferSelect;

/** Every partition's chain head, in partition order. */
export async function auditHeadsInOrder(db: Db<Tables>): Promise<AuditHeadRow[]> {
  return db.select().from(auditHeads).orderBy(asc(auditHeads.partition));
}

/** Every partition's chain head, in no particular order. */
export async function allAuditHeads(db: Db<Tables>): Promise<AuditHeadRow[]> {
  return db.select().from(auditHeads);
}

/** One partition's chain, oldest entry first. */
export async function accessLogOfPartition(db: Db<Tables>, partition: number): Promise<AccessLogRow[]> {
  return db.select().from(accessLog).where(eq(accessLog.partition, partition)).orderBy(asc(accessLog.seq));
}

/** Creates these chain heads where none exists yet (the genesis heads, auditChain.ts genesisHead). */
export async function createAuditHeads(db: Db<Tables> | Transaction, heads: ReadonlyArray<typeof auditHeads.$inferInsert>): Promise<void> {
  await db.insert(auditHeads).values([...heads]).onConflictDoNothing();
}

/** Locks the chain heads of these partitions for the transaction, in ascending partition order (no deadlock). */
export async function lockAuditHeads(tx: Transaction, partitions: readonly number[]): Promise<AuditHeadRow[]> {
  return tx.select().from(auditHeads).where(inArray(auditHeads.partition, [...partitions])).orderBy(asc(auditHeads.partition)).for('update');
}

/**
 * Inserts the chained entries and moves their partitions' heads to `heads` by one statement (a data-modifying CTE),
 * in the caller's transaction, under the lock of lockAuditHeads.
 */
export async function insertEntriesAndMoveHeads(tx: Transaction, rows: NewAccessLogRow[], heads: readonly ChainHead[]): Promise<void> {
  const values = sql.join(heads.map((h) => sql`(${h.partition}::integer, ${h.seq}::bigint, ${h.hash}::text)`), sql`, `);
  await tx.execute(sql`with appended as (${tx.insert(accessLog).values(rows).getSQL()})
    update ${auditHeads} set seq = moved.seq, hash = moved.hash from (values ${values}) as moved(partition, seq, hash) where ${auditHeads.partition} = moved.partition`);
}

/** A person's access log, newest first, without their own reads and one category when asked. */
export async function accessLogOfPatient(db: Db<Tables>, patientId: string, without: { ownViews: boolean; category: string | null }, first: number): Promise<AccessLogRow[]> {
  return db
    .select()
    .from(accessLog)
    .where(and(
      eq(accessLog.patientId, patientId),
      without.ownViews ? ne(accessLog.actorRole, 'PATIENT') : undefined,
      without.category === null ? undefined : ne(accessLog.category, without.category),
    ))
    .orderBy(desc(accessLog.at), desc(accessLog.seq))
    .limit(first);
}

export interface AccessLogFilter { facilityCode: string | null; patientId: string | null; from: Date | null; to: Date | null }

/** The operators' search: every filter given, newest first. The caller makes sure at least one is. */
export async function searchAccessLog(db: Db<Tables>, filter: AccessLogFilter, first: number): Promise<AccessLogRow[]> {
  const conditions: SQL[] = [];
  if (filter.facilityCode) conditions.push(eq(accessLog.facilityCode, filter.facilityCode));
  if (filter.patientId) conditions.push(eq(accessLog.patientId, filter.patientId));
  if (filter.from) conditions.push(gte(accessLog.at, filter.from));
  if (filter.to) conditions.push(lte(accessLog.at, filter.to));
  return db.select().from(accessLog).where(and(...conditions)).orderBy(desc(accessLog.at), desc(accessLog.seq)).limit(first);
}
