import { and, asc, desc, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import { resultRows, type Db } from '@onshi/kit';
import { accessLog, auditHeads, type Tables } from '../db/tables';
import type { CanonicalTemplate } from '../services/audit/auditChain';
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

/** One entry to chain: its place in its partition's batch, its canonical template and the columns stored beside its hash. */
export interface EntryToChain {
  partition: number;
  /** 0 for the batch's first entry of this partition, then 1, 2, …: the order the entries are chained in. */
  ord: number;
  template: CanonicalTemplate;
  row: Omit<NewAccessLogRow, 'partition' | 'seq' | 'prevHash' | 'hash'>;
}

/**
 * Chains and writes a batch of entries by one statement: it locks the heads of their partitions (ascending partition
 * order, so that concurrent batches cannot deadlock), links each entry to its partition's head in the database
 * (sha256 over the previous hash and the entry's canonical JSON, the template filled in as auditChain.ts
 * canonicalEntry fills it), inserts the entries and moves the heads. Run on its own (no transaction of the caller's),
 * it holds a head's lock for this statement and its commit only, never across a round trip to Node
 * (docs/benchmarks.md "The chain head locked by the append alone"). All or nothing: when a partition has no head,
 * no entry of the batch is written. Returns the partitions written to: all of the batch's, or none.
 */
export async function appendEntries(db: Db<Tables> | Transaction, entries: readonly EntryToChain[]): Promise<number[]> {
  const input = JSON.stringify(entries.map(({ partition, ord, template, row }) => ({
    partition, ord, before_prev_hash: template.beforePrevHash, before_seq: template.beforeSeq, after_seq: template.afterSeq,
    at: row.at.toISOString(), actor_role: row.actorRole, actor_subject: row.actorSubject, facility_code: row.facilityCode ?? null,
    patient_id: row.patientId, category: row.category, decision: row.decision, reason: row.reason, basis_id: row.basisId ?? null, special: row.special ?? false, request_id: row.requestId,
  })));
  // The hashed text, written once for the first entry of a partition (linked to the locked head) and the next ones (linked to the entry before).
  const hashAfter = (prevHash: string, seq: string) => sql.raw(`encode(sha256(convert_to(${prevHash} || i.before_prev_hash || '"' || ${prevHash} || '"' || i.before_seq || (${seq} + 1)::text || i.after_seq, 'UTF8')), 'hex')`);
  const [row] = resultRows<{ partitions: number[] }>(await db.execute(sql`with recursive
    input as (select * from jsonb_to_recordset(${input}::jsonb) as i(partition integer, ord integer, before_prev_hash text, before_seq text, after_seq text,
      at timestamptz, actor_role text, actor_subject text, facility_code text, patient_id text, category text, decision text, reason text, basis_id text, special boolean, request_id text)),
    locked as materialized (
      select h.partition, h.seq, h.hash from ${auditHeads} h
      where h.partition = any(array(select distinct i.partition from input i)) order by h.partition for update),
    chain (partition, ord, seq, prev_hash, hash) as (
      select i.partition, i.ord, l.seq + 1, l.hash, ${hashAfter('l.hash', 'l.seq')} from input i join locked l on l.partition = i.partition
      where i.ord = 0 and (select count(*) from locked) = (select count(distinct partition) from input)
      union all
      select i.partition, i.ord, c.seq + 1, c.hash, ${hashAfter('c.hash', 'c.seq')} from chain c join input i on i.partition = c.partition and i.ord = c.ord + 1),
    appended as (
      insert into ${accessLog} (partition, seq, at, actor_role, actor_subject, facility_code, patient_id, category, decision, reason, basis_id, special, request_id, prev_hash, hash)
      select c.partition, c.seq, i.at, i.actor_role, i.actor_subject, i.facility_code, i.patient_id, i.category, i.decision, i.reason, i.basis_id, i.special, i.request_id, c.prev_hash, c.hash
      from chain c join input i on i.partition = c.partition and i.ord = c.ord
      returning partition, seq, hash),
    moved as (
      update ${auditHeads} h set seq = last.seq, hash = last.hash
      from (select distinct on (a.partition) a.partition, a.seq, a.hash from appended a order by a.partition, a.seq desc) last
      where h.partition = last.partition)
    select array(select distinct a.partition from appended a) as partitions`));
  return row?.partitions ?? [];
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
