import { INSURER_CHANGES_PATH, INTERNAL_SECRET_HEADER, postToService, type InsurerChangeEvent, type Logger } from '@onshi/kit';

/** A claimed row is invisible to other relays (replicas) this long, even if this one dies mid-delivery. */
export const CLAIM_SECONDS = 30;
const BATCH = 20;
const MAX_BACKOFF_MS = 5 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

export interface ClaimedEvent { eventId: string; attempts: number; payload: InsurerChangeEvent }

/** Where the relay keeps its queue: the outbox table in production, anything with the same semantics in tests. */
export interface OutboxStore {
  /** Takes up to `limit` due, undelivered events, counts an attempt on each and hides them for CLAIM_SECONDS. */
  claimDue(limit: number): Promise<ClaimedEvent[]>;
  markDelivered(eventId: string): Promise<void>;
  markFailed(eventId: string, error: string, retryAt: Date): Promise<void>;
  /** When the next undelivered event becomes due, if any. */
  nextDueAt(): Promise<Date | null>;
}

export interface InsurerChangeRelayOptions {
  store: OutboxStore;
  /**
   * Base URLs of every subgraph that keeps state derived from coverage: checkups (checkup data follows the
   * member, docs/domain.md "Insurer change: the checkups follow the member") and consent (its identity index for insurer checks and the disaster search). An
   * event counts as delivered once every subscriber accepted it; each is idempotent by eventId.
   */
  subscriberUrls: string[];
  internalSecret: string;
  logger: Logger;
}

export interface InsurerChangeRelay {
  /** Delivers every event that is due now; resolves to the number delivered. */
  deliverDue(): Promise<number>;
  /** Asks for a delivery soon (after a change committed); never throws. */
  nudge(): void;
  stop(): void;
}

/**
 * Delivers insurer-change events to checkups (docs/contracts.md contract 6), at least once: checkups is idempotent by
 * eventId, so a retry after a lost answer is harmless. The relay runs only when there is work (after a
 * commit, at start-up, and at the next retry time), so an idle subgraph issues no SQL.
 */
export function createInsurerChangeRelay(options: InsurerChangeRelayOptions): InsurerChangeRelay {
  const { store, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  const postTo = async (baseUrl: string, payload: InsurerChangeEvent): Promise<string | null> => {
    try {
      const response = await postToService(new URL(INSURER_CHANGES_PATH, baseUrl), {
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret },
        body: JSON.stringify(payload),
        timeoutMs: 5_000,
      });
      return response.ok ? null : `${baseUrl}: HTTP ${response.status}`;
    } catch (error) {
      return `${baseUrl}: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const post = async (payload: InsurerChangeEvent): Promise<string | null> => {
    const failures = (await Promise.all(options.subscriberUrls.map((url) => postTo(url, payload)))).filter((f): f is string => f !== null);
    return failures.length === 0 ? null : failures.join('; ');
  };

  const runOnce = async (): Promise<number> => {
    const claimed = await store.claimDue(BATCH);
    let delivered = 0;
    for (const event of claimed) {
      const failure = await post(event.payload);
      if (failure === null) {
        delivered += 1;
        await store.markDelivered(event.eventId);
      } else {
        logger.warn({ eventId: event.eventId, attempts: event.attempts, failure }, 'insurer-change delivery failed; will retry');
        await store.markFailed(event.eventId, failure, new Date(Date.now() + backoffMs(event.attempts)));
      }
    }
    if (claimed.length === BATCH) {
      schedule(0);
    } else {
      const next = await store.nextDueAt();
      if (next) schedule(Math.max(100, next.getTime() - Date.now()));
    }
    return delivered;
  };

  const deliverDue = () => {
    running ??= runOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      deliverDue().catch((error: unknown) => {
        // The database is unreachable: claimed rows become due again after CLAIM_SECONDS anyway.
        logger.error({ err: error }, 'insurer-change relay failed; retrying in 30 s');
        schedule(CLAIM_SECONDS * 1000);
      });
    }, delayMs);
    timer.unref();
  }

  return {
    deliverDue,
    nudge: () => schedule(0),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
