import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, InsurerChangeEvent } from '@onshi/kit';
import { insurerChangeOutbox, type Tables } from '../db/tables';
import { CLAIM_SECONDS, type OutboxStore } from '../services/outbox';
import type { Tx } from './coverage';

/**
 * The outbox table as a store. Claiming is one statement (`UPDATE … WHERE event_id IN (SELECT … FOR UPDATE
 * SKIP LOCKED)`), so several replicas share the work without holding a lock during the HTTP call.
 */
export function databaseOutboxStore(db: Db<Tables>): OutboxStore {
  const t = insurerChangeOutbox;
  return {
    async claimDue(limit) {
      const due = db.select({ eventId: t.eventId }).from(t).where(and(isNull(t.deliveredAt), lte(t.nextAttemptAt, sql`now()`))).orderBy(asc(t.createdAt)).limit(limit).for('update', { skipLocked: true });
      const rows = await db.update(t)
        .set({ attempts: sql`${t.attempts} + 1`, nextAttemptAt: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
        .where(inArray(t.eventId, due))
        .returning({ eventId: t.eventId, attempts: t.attempts, payload: t.payload });
      return rows;
    },
    async markDelivered(eventId) {
      await db.update(t).set({ deliveredAt: new Date(), lastError: null }).where(eq(t.eventId, eventId));
    },
    async markFailed(eventId, error, retryAt) {
      await db.update(t).set({ lastError: error.slice(0, 500), nextAttemptAt: retryAt }).where(eq(t.eventId, eventId));
    },
    async nextDueAt() {
      const [next] = await db.select({ at: t.nextAttemptAt }).from(t).where(isNull(t.deliveredAt)).orderBy(asc(t.nextAttemptAt)).limit(1);
      return next?.at ?? null;
    },
  };
}

/** A person's insurer-change events with their delivery state, newest first (the operators' view). */
export async function insurerChangeEventsOf(db: Db<Tables>, patientId: string) {
  return db.select().from(insurerChangeOutbox).where(eq(insurerChangeOutbox.patientId, patientId)).orderBy(desc(insurerChangeOutbox.createdAt));
}

/** Queues an insurer-change event in the transaction of the change it announces (the relay delivers it after commit). */
export async function insertInsurerChangeEvent(tx: Tx, payload: InsurerChangeEvent): Promise<void> {
  await tx.insert(insurerChangeOutbox).values({ eventId: payload.eventId, patientId: payload.patientId, payload });
}
