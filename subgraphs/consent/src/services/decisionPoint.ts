import { and, eq, gt, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Actor, Category, Db, Decision as WireDecision, DecisionRequest } from '@onshi/kit';
import { accessLog, auditHeads, consents, disasters, dvBlocks, phrGrants, type Tables } from '../db/tables';
import { appendToChain, genesisHead, partitionOf, type ChainHead } from './auditChain';
import { CONSENT_VALIDITY_MS, decide, type DecisionFacts, type GrantFact } from './decision';
import { isCategory } from './roles';

/** Loads every fact the rules need for a batch of questions: a fixed number of statements per batch. */
async function loadFacts(db: Db<Tables>, actor: Actor, patientIds: string[], now: Date) {
  const blocked = await db.select({ patientId: dvBlocks.patientId }).from(dvBlocks).where(and(inArray(dvBlocks.patientId, patientIds), isNull(dvBlocks.liftedAt)));
  const consentRows = actor.facilityCode
    ? await db.select().from(consents).where(and(inArray(consents.patientId, patientIds), eq(consents.facilityCode, actor.facilityCode), gt(consents.registeredAt, new Date(now.getTime() - CONSENT_VALIDITY_MS)), isNull(consents.revokedAt)))
    : [];
  const disasterRows = actor.facilityCode ? await db.select().from(disasters).where(and(lte(disasters.startsAt, now), gte(disasters.endsAt, now))) : [];
  const grantRows = actor.grantId ? await db.select().from(phrGrants).where(eq(phrGrants.id, actor.grantId)) : [];
  const grant: GrantFact | undefined = grantRows[0]
    ? { id: grantRows[0].id, patientId: grantRows[0].patientId, appId: grantRows[0].appId, categories: grantRows[0].categories.filter(isCategory), expiresAt: grantRows[0].expiresAt, ...(grantRows[0].revokedAt ? { revokedAt: grantRows[0].revokedAt } : {}) }
    : undefined;
  const blockedIds = new Set(blocked.map((row) => row.patientId));
  return (patientId: string): DecisionFacts => ({
    dvBlocked: blockedIds.has(patientId),
    consents: consentRows
      .filter((row) => row.patientId === patientId && isCategory(row.category))
      .map((row) => ({ id: row.id, patientId: row.patientId, facilityCode: row.facilityCode, category: row.category as Category, registeredAt: row.registeredAt, ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}) })),
    disasters: disasterRows.map((row) => ({ id: row.id, prefectures: row.prefectures, ...(row.facilityCodes ? { facilityCodes: row.facilityCodes } : {}), startsAt: row.startsAt, endsAt: row.endsAt })),
    disasterIdentified: false,
    ...(grant ? { grant } : {}),
  });
}

/**
 * The decision point (ARCHITECTURE.md layer 3): decides every question of one request and writes one
 * access-log entry per decision in the same transaction. If the log cannot be written the transaction
 * fails and the caller gets no allow (fail closed: "no answer → no data").
 */
export async function decideAndLog(db: Db<Tables>, actor: Actor, requests: DecisionRequest[], requestId: string, now = new Date()): Promise<WireDecision[]> {
  const patientIds = [...new Set(requests.map((r) => r.patientId))];
  const factsFor = await loadFacts(db, actor, patientIds, now);
  const decisions = requests.map((request) => {
    const decision = decide({ actor, patientId: request.patientId, category: request.category, now, facts: factsFor(request.patientId) });
    return { request, decision };
  });
  await db.transaction(async (tx) => {
    const byPartition = new Map<number, typeof decisions>();
    for (const item of decisions) {
      const partition = partitionOf(item.request.patientId);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), item]);
    }
    // Lock chain heads in a fixed order so concurrent requests cannot deadlock.
    for (const partition of [...byPartition.keys()].sort((a, b) => a - b)) {
      const genesis = genesisHead(partition);
      await tx.insert(auditHeads).values(genesis).onConflictDoNothing();
      const [locked] = await tx.select().from(auditHeads).where(eq(auditHeads.partition, partition)).for('update');
      let head: ChainHead = locked ?? genesis;
      const rows = [];
      for (const { request, decision } of byPartition.get(partition) ?? []) {
        const entry = appendToChain(head, {
          at: now, actorRole: actor.role, actorSubject: actor.subject, facilityCode: actor.facilityCode ?? null,
          patientId: request.patientId, category: request.category, decision: decision.allow ? 'ALLOW' : 'DENY',
          reason: decision.reason, basisId: decision.allow ? (decision.basisId ?? null) : null, requestId,
        });
        rows.push({ ...entry, at: now, facilityCode: entry.facilityCode ?? null, basisId: entry.basisId ?? null, special: decision.special });
        head = { partition, seq: entry.seq, hash: entry.hash };
      }
      await tx.insert(accessLog).values(rows);
      await tx.update(auditHeads).set({ seq: head.seq, hash: head.hash }).where(eq(auditHeads.partition, partition));
    }
  });
  return decisions.map(({ request, decision }) => ({
    patientId: request.patientId,
    category: request.category,
    allow: decision.allow,
    reason: decision.allow ? decision.reason : decision.code,
    ...(decision.allow ? {} : { code: decision.code }),
    special: decision.special,
  }));
}
