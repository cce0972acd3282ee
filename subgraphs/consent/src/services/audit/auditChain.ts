/**
 * The tamper-evident access log (docs/domain.md "Consent (同意) — the core rule": every provision of data is logged; seed 2-1:
 * いずれの医療機関・薬局が取得したか後日調査が可能となるよう、ログ管理の仕組みを実装する).
 *
 * One hash chain per partition of patients, not one global chain: a single chain head would be a lock
 * every request in the country waits on (docs/architecture.md "Data"). Each entry stores the
 * hash of the previous entry of its partition and its own hash; a periodic checkpoint records every
 * chain's head elsewhere, so that even a chain rewritten from the edit onwards, or cut short, is found.
 *
 * The chain carries no secret: whoever can write the table can recompute hashes after an edit. The
 * checkpoints (kept outside the table's reach) are what catch that.
 */
import { createHash } from 'node:crypto';
import type { PolicyCategory } from '@onshi/platform/policy';
import type { Role } from '../policy/roles';

/**
 * What an entry is about: any category of the access policy — a category of the person's data, her access log
 * (提供状況), the registration/lifting of a DV/abuse block, or a list of an insurer, a facility or the nation (kit
 * policy.ts OWNER_CATEGORIES; the entry's patient id then names that owner) — or an admin action (ADMINISTRATION,
 * onboarding.ts: the facility it concerns is named the same way).
 */
export type LoggedCategory = PolicyCategory | 'ADMINISTRATION';

/** Fixed once entries exist: the partition is stored on each entry, so verification never recomputes it. */
export const DEFAULT_AUDIT_PARTITIONS = 64;
/** Sequence numbers are per partition, contiguous, starting here. */
export const FIRST_SEQ = 1;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Stable partition of a patient: the first 4 bytes of sha256(patientId), modulo the partition count. */
export function partitionOf(patientId: string, partitions: number = DEFAULT_AUDIT_PARTITIONS): number {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 2 ** 16) {
    throw new RangeError(`partitions must be an integer from 1 to 65536, got ${partitions}`);
  }
  return createHash('sha256').update(patientId, 'utf8').digest().readUInt32BE(0) % partitions;
}

/** The hash the first entry of a partition links to. */
export function genesisHash(partition: number): string {
  return sha256Hex(`onshi-audit-genesis:${partition}`);
}

/** What is logged for one decision (the fields a patient sees in 「医療保険情報の提供状況」). */
export interface AuditEntryFields {
  /** ISO 8601 (`Date.prototype.toISOString`), hashed as the exact string. */
  at: string;
  /** A role, CARD_READER for a registered reader device (readers.ts), or PORTAL_LOGIN for a refused card login (cardDenials.ts). */
  actorRole: Role | 'CARD_READER' | 'PORTAL_LOGIN';
  actorSubject: string;
  facilityCode?: string | null;
  patientId: string;
  category: LoggedCategory;
  decision: 'ALLOW' | 'DENY';
  reason: string;
  /** The consent, disaster declaration or grant the decision rested on. */
  basisId?: string | null;
  requestId: string;
}

export interface AuditEntry extends AuditEntryFields {
  seq: number;
  partition: number;
  prevHash: string;
}

/** A row as stored: the entry and its own hash, so an edited row is found at its own seq. */
export interface StoredAuditEntry extends AuditEntry {
  hash: string;
}

/** The head of one partition's chain; also the shape of a checkpoint row. */
export interface ChainHead {
  partition: number;
  seq: number;
  hash: string;
}

/**
 * The fields that are hashed, and nothing else: a column added to the table later (say, an insert
 * timestamp) does not change old hashes. Adding a field here changes every hash — version the chain then.
 */
const HASHED_FIELDS = [
  'actorRole',
  'actorSubject',
  'at',
  'basisId',
  'category',
  'decision',
  'facilityCode',
  'partition',
  'patientId',
  'prevHash',
  'reason',
  'requestId',
  'seq',
] as const satisfies ReadonlyArray<keyof AuditEntry>;

/** The fields of an entry that the chain's head supplies: they are known only under the head's lock. */
type HeadFields = 'prevHash' | 'seq';

/**
 * The canonical JSON of an entry around the two values its chain's head supplies: `beforePrevHash` + the previous
 * hash as a JSON string + `beforeSeq` + the sequence number + `afterSeq`. The database fills in the two values where it
 * holds the head locked (store/accessLog.ts appendEntries), so the lock covers one statement and no round trip to
 * Node; canonicalEntry below is the same template filled in by Node, so both write the one format verification reads.
 */
export interface CanonicalTemplate { beforePrevHash: string; beforeSeq: string; afterSeq: string }

const SLOT = { prevHash: '\u0000prevHash', seq: '\u0000seq' } as const;

/**
 * Keys sorted, absent optional fields left out (null and undefined alike, so a database NULL hashes as an omitted
 * field). Values are strings and integers only.
 */
export function canonicalTemplate(entry: Omit<AuditEntry, HeadFields>): CanonicalTemplate {
  const parts: string[] = [];
  for (const field of [...HASHED_FIELDS].sort()) {
    if (field === 'prevHash' || field === 'seq') {
      parts.push(`${JSON.stringify(field)}:${SLOT[field]}`);
      continue;
    }
    const value: string | number | null | undefined = entry[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`${field} must be a safe integer`);
    parts.push(`${JSON.stringify(field)}:${JSON.stringify(value)}`);
  }
  // JSON.stringify escapes every control character, so the slots (which begin with one) cannot occur in a value.
  const [beforePrevHash = '', rest = ''] = `{${parts.join(',')}}`.split(SLOT.prevHash);
  const [beforeSeq = '', afterSeq = ''] = rest.split(SLOT.seq);
  return { beforePrevHash, beforeSeq, afterSeq };
}

/** Canonical JSON of an entry: its template with the previous hash and the sequence number filled in. */
export function canonicalEntry(entry: AuditEntry): string {
  if (!Number.isSafeInteger(entry.seq)) throw new RangeError('seq must be a safe integer');
  const template = canonicalTemplate(entry);
  return `${template.beforePrevHash}${JSON.stringify(entry.prevHash)}${template.beforeSeq}${entry.seq}${template.afterSeq}`;
}

/** sha256 (hex) over the previous hash followed by the canonical JSON of the entry. */
export function entryHash(entry: AuditEntry): string {
  return sha256Hex(entry.prevHash + canonicalEntry(entry));
}

export function genesisHead(partition: number): ChainHead {
  return { partition, seq: FIRST_SEQ - 1, hash: genesisHash(partition) };
}

/**
 * The next entry of a chain, computed in Node: the reference the database's append (store/accessLog.ts
 * appendEntries, which links entries under the head's lock from the same canonicalTemplate) must agree with, and
 * what verification recomputes.
 */
export function appendToChain(
  head: ChainHead,
  fields: Omit<AuditEntryFields, 'at'> & { at: Date },
  partitions: number = DEFAULT_AUDIT_PARTITIONS,
): StoredAuditEntry {
  const partition = partitionOf(fields.patientId, partitions);
  if (partition !== head.partition) {
    throw new RangeError(`patient belongs to partition ${partition}, not to chain ${head.partition}`);
  }
  const entry: AuditEntry = { ...fields, at: fields.at.toISOString(), seq: head.seq + 1, partition, prevHash: head.hash };
  return { ...entry, hash: entryHash(entry) };
}

export type ChainBreakReason =
  /** An entry of another partition is in this chain. */
  | 'PARTITION_MISMATCH'
  /** A seq is missing: a row was deleted. */
  | 'MISSING_ENTRY'
  /** A seq repeats or goes backwards (rows not sorted, or a row duplicated). */
  | 'DUPLICATE_SEQ'
  /** The row's content no longer matches its stored hash: the row was edited. */
  | 'HASH_MISMATCH'
  /** The row does not link to its predecessor: a row was deleted and later rows renumbered, or the predecessor was edited and rehashed. */
  | 'PREV_HASH_MISMATCH'
  /** The chain ends before the checkpointed head: rows after it were removed. */
  | 'TRUNCATED'
  /** The chain passes through the checkpointed seq with another hash: it was rewritten. */
  | 'CHECKPOINT_MISMATCH';

export type ChainVerification =
  | { ok: true; head: ChainHead }
  | { ok: false; brokenAt: number; reason: ChainBreakReason };

/**
 * Verifies one partition's chain, entries sorted by seq. `brokenAt` is the first seq at which the chain
 * fails. `partition` is only needed for an empty chain; otherwise it is taken from the first entry (or
 * the checkpoint), and every entry and the checkpoint must agree.
 */
export function verifyChain(
  entries: readonly StoredAuditEntry[],
  checkpointHead?: { seq: number; hash: string; partition?: number },
  partition?: number,
): ChainVerification {
  const chainPartition = partition ?? entries[0]?.partition ?? checkpointHead?.partition;
  if (chainPartition === undefined) throw new RangeError('verifyChain: the partition of an empty chain must be given');
  if (checkpointHead?.partition !== undefined && checkpointHead.partition !== chainPartition) {
    throw new RangeError(`verifyChain: checkpoint of partition ${checkpointHead.partition} given for partition ${chainPartition}`);
  }

  let head = genesisHead(chainPartition);
  let hashAtCheckpoint = checkpointHead?.seq === head.seq ? head.hash : undefined;
  for (const entry of entries) {
    const expectedSeq = head.seq + 1;
    if (entry.partition !== chainPartition) return { ok: false, brokenAt: entry.seq, reason: 'PARTITION_MISMATCH' };
    if (entry.seq > expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: 'MISSING_ENTRY' };
    if (entry.seq < expectedSeq) return { ok: false, brokenAt: entry.seq, reason: 'DUPLICATE_SEQ' };
    if (entryHash(entry) !== entry.hash) return { ok: false, brokenAt: entry.seq, reason: 'HASH_MISMATCH' };
    if (entry.prevHash !== head.hash) return { ok: false, brokenAt: entry.seq, reason: 'PREV_HASH_MISMATCH' };
    head = { partition: chainPartition, seq: entry.seq, hash: entry.hash };
    if (checkpointHead?.seq === entry.seq) hashAtCheckpoint = entry.hash;
  }

  if (checkpointHead !== undefined) {
    if (checkpointHead.seq > head.seq) return { ok: false, brokenAt: head.seq + 1, reason: 'TRUNCATED' };
    if (hashAtCheckpoint !== checkpointHead.hash) return { ok: false, brokenAt: checkpointHead.seq, reason: 'CHECKPOINT_MISMATCH' };
  }
  return { ok: true, head };
}
