/**
 * Audit checkpoints and verification (auditChain.ts): every chain head is copied
 * into an append-only checkpoint row periodically, and `verifyAccessLog` recomputes every chain and
 * compares it with the latest checkpoint, naming the first broken entry.
 */
import type { Db, Role } from '@onshi/kit';
import type { LoggedCategory } from './auditChain';
import type { Tables } from '../../db/tables';
import { accessLogOfPartition, allAuditHeads, auditHeadsInOrder, type AccessLogRow } from '../../store/accessLog';
import { insertCheckpoint, latestCheckpoint } from '../../store/auditCheckpoints';
import { verifyChain, type ChainBreakReason, type StoredAuditEntry } from './auditChain';

export const CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * How often a replica checkpoints: `AUDIT_CHECKPOINT_INTERVAL_MS` when set to a positive number, else every minute.
 * The statement-count test sets it past its own run, so that no checkpoint's statements land in a counted request
 * (docs/operations.md "Verifying the access log of a running installation").
 */
export function checkpointIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.AUDIT_CHECKPOINT_INTERVAL_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : CHECKPOINT_INTERVAL_MS;
}

/** Copies every chain head into one checkpoint row; skipped when nothing changed since the last one. */
export async function writeCheckpoint(db: Db<Tables>, now: Date): Promise<boolean> {
  const heads = (await auditHeadsInOrder(db)).map((h) => ({ partition: h.partition, seq: h.seq, hash: h.hash }));
  const last = await latestCheckpoint(db);
  if (last && JSON.stringify(last.heads) === JSON.stringify(heads)) return false;
  await insertCheckpoint(db, { at: now, heads });
  return true;
}

export interface BrokenEntry { partition: number; seq: number; reason: ChainBreakReason }
export interface AccessLogVerification { ok: boolean; partitions: number; entries: number; broken: BrokenEntry[] }

function storedEntry(row: AccessLogRow): StoredAuditEntry {
  return {
    partition: row.partition, seq: row.seq, at: row.at.toISOString(), actorRole: row.actorRole as Role, actorSubject: row.actorSubject,
    facilityCode: row.facilityCode, patientId: row.patientId, category: row.category as LoggedCategory, decision: row.decision as 'ALLOW' | 'DENY',
    reason: row.reason, basisId: row.basisId, requestId: row.requestId, prevHash: row.prevHash, hash: row.hash,
  };
}

/**
 * Verifies every partition's chain (one partition in memory at a time) against the latest checkpoint
 * and the live head table. `broken` lists the first broken entry of each broken chain, lowest partition first.
 */
export async function verifyAccessLog(db: Db<Tables>): Promise<AccessLogVerification> {
  const checkpoint = await latestCheckpoint(db);
  const checkpointHeads = new Map((checkpoint?.heads ?? []).map((head) => [head.partition, head]));
  const liveHeads = await allAuditHeads(db);
  const partitions = [...new Set([...liveHeads.map((h) => h.partition), ...checkpointHeads.keys()])].sort((a, b) => a - b);
  const broken: BrokenEntry[] = [];
  let entries = 0;
  for (const partition of partitions) {
    const rows = await accessLogOfPartition(db, partition);
    entries += rows.length;
    const result = verifyChain(rows.map(storedEntry), checkpointHeads.get(partition), partition);
    if (!result.ok) {
      broken.push({ partition, seq: result.brokenAt, reason: result.reason });
      continue;
    }
    // The head table moves with every append; a chain that ends elsewhere was cut or extended behind its back.
    const live = liveHeads.find((h) => h.partition === partition);
    if (live && (live.seq !== result.head.seq || live.hash !== result.head.hash)) {
      broken.push({ partition, seq: Math.min(live.seq, result.head.seq) + 1, reason: live.seq > result.head.seq ? 'TRUNCATED' : 'CHECKPOINT_MISMATCH' });
    }
  }
  return { ok: broken.length === 0, partitions: partitions.length, entries, broken };
}
