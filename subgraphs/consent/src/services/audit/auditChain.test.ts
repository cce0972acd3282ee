import { createHash } from 'node:crypto';
import {
  appendToChain,
  canonicalEntry,
  canonicalTemplate,
  entryHash,
  genesisHash,
  genesisHead,
  partitionOf,
  verifyChain,
} from './auditChain';
import type { AuditEntry, ChainHead, StoredAuditEntry } from './auditChain';

const NOW = new Date('2025-04-01T09:00:00.000Z');
const PATIENT = 'pt-0001';
const PARTITION = partitionOf(PATIENT);

/** A chain of `length` entries for PATIENT's partition, as the database would return it. */
function buildChain(length: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let head: ChainHead = genesisHead(PARTITION);
  for (let i = 0; i < length; i += 1) {
    const entry = appendToChain(head, {
      at: new Date(NOW.getTime() + i * 1000),
      actorRole: 'DOCTOR',
      actorSubject: 'staff-doctor-a',
      facilityCode: i % 2 === 0 ? '1310112345' : null,
      patientId: PATIENT,
      category: 'DRUG',
      decision: i % 3 === 0 ? 'DENY' : 'ALLOW',
      reason: i % 3 === 0 ? 'NO_CONSENT' : 'CONSENT',
      basisId: i % 3 === 0 ? undefined : `consent-${i}`,
      requestId: `req-${i}`,
    });
    entries.push(entry);
    head = { partition: PARTITION, seq: entry.seq, hash: entry.hash };
  }
  return entries;
}

function entryAt(entries: StoredAuditEntry[], seq: number): StoredAuditEntry {
  const entry = entries.find((candidate) => candidate.seq === seq);
  if (entry === undefined) throw new Error(`no entry ${seq}`);
  return entry;
}

describe('partitions', () => {
  test('stable, in range, and spread over all 64 buckets', () => {
    expect(partitionOf(PATIENT)).toBe(PARTITION);
    expect(partitionOf(PATIENT, 64)).toBe(createHash('sha256').update(PATIENT).digest().readUInt32BE(0) % 64);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const partition = partitionOf(`pt-${i}`);
      expect(partition).toBeGreaterThanOrEqual(0);
      expect(partition).toBeLessThan(64);
      seen.add(partition);
    }
    expect(seen.size).toBe(64);
  });

  test('the partition count must be a positive integer', () => {
    expect(() => partitionOf(PATIENT, 0)).toThrow(RangeError);
    expect(() => partitionOf(PATIENT, 1.5)).toThrow(RangeError);
    expect(partitionOf(PATIENT, 1)).toBe(0);
  });

  test('each partition has its own genesis hash', () => {
    expect(genesisHash(0)).toBe(createHash('sha256').update('onshi-audit-genesis:0').digest('hex'));
    expect(genesisHash(1)).not.toBe(genesisHash(0));
  });

  test('an entry cannot be appended to another partition\'s chain', () => {
    const wrongHead = genesisHead((PARTITION + 1) % 64);
    expect(() =>
      appendToChain(wrongHead, {
        at: NOW, actorRole: 'PATIENT', actorSubject: PATIENT, patientId: PATIENT, category: 'DRUG',
        decision: 'ALLOW', reason: 'SELF', requestId: 'req',
      }),
    ).toThrow(RangeError);
  });
});

describe('canonical form and hash', () => {
  const entry: AuditEntry = {
    seq: 1, partition: 7, at: '2025-04-01T09:00:00.000Z', actorRole: 'DOCTOR', actorSubject: 's',
    facilityCode: '1310112345', patientId: 'p', category: 'DRUG', decision: 'ALLOW', reason: 'CONSENT',
    basisId: 'c1', requestId: 'r', prevHash: genesisHash(7),
  };

  test('keys are sorted; key order of the object does not matter', () => {
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as unknown as AuditEntry;
    expect(canonicalEntry(reordered)).toBe(canonicalEntry(entry));
    const keys = Object.keys(JSON.parse(canonicalEntry(entry)) as Record<string, unknown>);
    expect(keys).toEqual([...keys].sort());
  });

  test('absent, undefined and null optional fields hash the same (database NULL)', () => {
    const { facilityCode: _facility, basisId: _basis, ...withoutOptionals } = entry;
    const absent: AuditEntry = withoutOptionals;
    expect(entryHash({ ...entry, facilityCode: null, basisId: null })).toBe(entryHash(absent));
    expect(entryHash({ ...entry, facilityCode: undefined, basisId: undefined })).toBe(entryHash(absent));
    expect(entryHash(absent)).not.toBe(entryHash(entry));
  });

  test('a stored row\'s own hash field is not part of what is hashed', () => {
    expect(canonicalEntry({ ...entry, hash: 'x' } as StoredAuditEntry)).toBe(canonicalEntry(entry));
  });

  test('hash = sha256(prevHash + canonical JSON)', () => {
    expect(entryHash(entry)).toBe(createHash('sha256').update(entry.prevHash + canonicalEntry(entry)).digest('hex'));
  });
});

describe('verifyChain', () => {
  test('a valid chain verifies and reports its head', () => {
    const entries = buildChain(10);
    const last = entryAt(entries, 10);
    expect(verifyChain(entries)).toEqual({ ok: true, head: { partition: PARTITION, seq: 10, hash: last.hash } });
    expect(verifyChain(entries, { seq: 6, hash: entryAt(entries, 6).hash })).toMatchObject({ ok: true });
    expect(verifyChain(entries, { seq: 10, hash: last.hash, partition: PARTITION })).toMatchObject({ ok: true });
  });

  test('an empty chain verifies to its genesis head (the partition must be given)', () => {
    expect(verifyChain([], undefined, PARTITION)).toEqual({ ok: true, head: genesisHead(PARTITION) });
    expect(() => verifyChain([])).toThrow(RangeError);
  });

  test('an edited entry is detected at its own seq', () => {
    const entries = buildChain(10);
    const edited = entries.map((entry) => (entry.seq === 4 ? { ...entry, actorSubject: 'someone-else' } : entry));
    expect(verifyChain(edited)).toEqual({ ok: false, brokenAt: 4, reason: 'HASH_MISMATCH' });
  });

  test('an edited and rehashed entry breaks the link to the next one', () => {
    const entries = buildChain(10);
    const edited = entries.map((entry) => {
      if (entry.seq !== 4) return entry;
      const changed = { ...entry, reason: 'EDITED' };
      return { ...changed, hash: entryHash(changed) };
    });
    expect(verifyChain(edited)).toEqual({ ok: false, brokenAt: 5, reason: 'PREV_HASH_MISMATCH' });
  });

  test('a deleted entry is a gap at its seq', () => {
    const entries = buildChain(10).filter((entry) => entry.seq !== 6);
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 6, reason: 'MISSING_ENTRY' });
  });

  test('a deleted first entry is found too', () => {
    expect(verifyChain(buildChain(3).slice(1))).toEqual({ ok: false, brokenAt: 1, reason: 'MISSING_ENTRY' });
  });

  test('a deleted entry hidden by renumbering (and rehashing) the rest is found by the broken link', () => {
    const entries = buildChain(10).filter((entry) => entry.seq !== 6);
    const renumbered = entries.map((entry) => {
      if (entry.seq < 6) return entry;
      const moved = { ...entry, seq: entry.seq - 1 };
      return { ...moved, hash: entryHash(moved) };
    });
    expect(verifyChain(renumbered)).toEqual({ ok: false, brokenAt: 6, reason: 'PREV_HASH_MISMATCH' });
  });

  test('a duplicated row is found', () => {
    const entries = buildChain(5);
    const duplicated = [...entries.slice(0, 3), entryAt(entries, 3), ...entries.slice(3)];
    expect(verifyChain(duplicated)).toEqual({ ok: false, brokenAt: 3, reason: 'DUPLICATE_SEQ' });
  });

  test('truncation after a checkpoint is found', () => {
    const entries = buildChain(10);
    const checkpoint = { seq: 8, hash: entryAt(entries, 8).hash };
    const truncated = entries.filter((entry) => entry.seq <= 6);
    // Without the checkpoint a cut-off tail looks like a shorter, valid chain …
    expect(verifyChain(truncated)).toMatchObject({ ok: true });
    // … with it, it does not.
    expect(verifyChain(truncated, checkpoint)).toEqual({ ok: false, brokenAt: 7, reason: 'TRUNCATED' });
    expect(verifyChain([], checkpoint, PARTITION)).toEqual({ ok: false, brokenAt: 1, reason: 'TRUNCATED' });
  });

  test('a chain rewritten from an edit onwards (all hashes recomputed) contradicts the checkpoint', () => {
    const entries = buildChain(10);
    const checkpoint = { seq: 8, hash: entryAt(entries, 8).hash };
    let head = genesisHead(PARTITION);
    const rewritten = entries.map((entry) => {
      const changed: AuditEntry = { ...entry, prevHash: head.hash, reason: entry.seq === 3 ? 'EDITED' : entry.reason };
      const stored = { ...changed, hash: entryHash(changed) };
      head = { partition: PARTITION, seq: stored.seq, hash: stored.hash };
      return stored;
    });
    expect(verifyChain(rewritten)).toMatchObject({ ok: true });
    expect(verifyChain(rewritten, checkpoint)).toEqual({ ok: false, brokenAt: 8, reason: 'CHECKPOINT_MISMATCH' });
  });

  test('an entry of another partition in the chain is found', () => {
    const entries = buildChain(4);
    const mixed = entries.map((entry) => (entry.seq === 2 ? { ...entry, partition: (PARTITION + 1) % 64 } : entry));
    expect(verifyChain(mixed)).toEqual({ ok: false, brokenAt: 2, reason: 'PARTITION_MISMATCH' });
  });

  test('a checkpoint of another partition is a caller error', () => {
    const entries = buildChain(2);
    expect(() => verifyChain(entries, { seq: 1, hash: 'x', partition: (PARTITION + 1) % 64 })).toThrow(RangeError);
  });
});

describe('canonicalTemplate: the canonical JSON around the values the chain head supplies', () => {
  test('filling the template in gives canonicalEntry, whatever the strings hold', () => {
    for (const text of ['a"b', 'x\\y', '\n\t\u0001', '山田', '\u2028', '\u0000seq', '"prevHash":']) {
      const entry = { at: '2026-12-04T00:00:00.000Z', actorRole: 'DOCTOR', actorSubject: text, facilityCode: text, patientId: text, category: 'DRUG', decision: 'ALLOW', reason: text, basisId: null, requestId: text, partition: 7, seq: 41, prevHash: 'ab'.repeat(32) } as const;
      const template = canonicalTemplate(entry);
      expect(`${template.beforePrevHash}"${entry.prevHash}"${template.beforeSeq}${entry.seq}${template.afterSeq}`).toBe(canonicalEntry(entry));
      expect(JSON.parse(canonicalEntry(entry))).toMatchObject({ actorSubject: text, prevHash: entry.prevHash, seq: 41 });
    }
  });
});
