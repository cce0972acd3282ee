/**
 * State that replicas of a service must share (docs/operations.md "Replicas and shared state"): request and
 * login counters, and the list of ended access tokens. With REDIS_URL set it lives in Redis, so every
 * replica of the gateway and the subgraphs counts and refuses alike; without it (the embedded default
 * `pnpm start`, one process per service) it stays in the process and needs no Redis.
 *
 * Counters are rate-limiter-flexible limiters (RateLimiterRedis / RateLimiterMemory: the same interface,
 * atomic in Redis through its Lua increment), so callers never know which store they use.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import DataLoader from 'dataloader';
import { INTERNAL_SECRET_HEADER, REVOCATIONS_PATH } from './contracts';
import { postToService } from './serviceClient';

export const sharedStateConfigSchema = z.object({
  /** redis://host:port/db — shared counters and token revocations across replicas; unset: in process. */
  REDIS_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  /** Prefix of every key this system writes, so several systems (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('onshi:'),
});
export type SharedStateConfig = z.infer<typeof sharedStateConfigSchema>;

export interface LimiterOptions {
  /** Names the counter; distinct per rule. */
  keyPrefix: string;
  points: number;
  /** Seconds after the first point of a window that the window ends. */
  duration: number;
}

/**
 * Ids of ended tokens (an access token's `jti`), each kept until its token would have expired, so the list never
 * outgrows the tokens alive.
 */
export interface RevocationList {
  revoke(id: string, untilMs: number): Promise<void>;
  /** True when any of the ids is revoked. Throws when the list cannot be read: the caller fails closed. */
  anyRevoked(ids: readonly string[]): Promise<boolean>;
}

export interface SharedState {
  kind: 'redis' | 'memory';
  limiter(options: LimiterOptions): RateLimiterAbstract;
  revocations: RevocationList;
  close(): Promise<void>;
}

/** In-process revocations: a map of id → until, swept as it grows. */
export class MemoryRevocationList implements RevocationList {
  private readonly revoked = new Map<string, number>();

  async revoke(id: string, untilMs: number): Promise<void> {
    if (this.revoked.size >= 100_000) this.sweep(Date.now());
    this.revoked.set(id, Math.max(untilMs, this.revoked.get(id) ?? 0));
  }

  async anyRevoked(ids: readonly string[]): Promise<boolean> {
    const now = Date.now();
    return ids.some((id) => (this.revoked.get(id) ?? 0) > now);
  }

  private sweep(now: number): void {
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
  }
}

class RedisRevocationList implements RevocationList {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async revoke(id: string, untilMs: number): Promise<void> {
    const ttlMs = Math.ceil(untilMs - Date.now());
    if (ttlMs > 0) await this.redis.set(`${this.prefix}revoked:${id}`, '1', 'PX', ttlMs);
  }

  async anyRevoked(ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return false;
    return (await this.redis.exists(...ids.map((id) => `${this.prefix}revoked:${id}`))) > 0;
  }
}

/** Token ids asked in one call to consent's revocation route at most (consent internalRoutes.ts accepts up to this many). */
export const REVOCATION_BATCH_MAX = 500;

/**
 * Without Redis the consent subgraph, which ends sessions, holds the list in its memory; the gateway and the
 * other subgraphs ask it, so a logout is honoured everywhere at once (a subgraph skips the question when consent
 * answered one of the request's decision calls: kit tokenLiveness.ts). Over the keep-alive service client, and the
 * questions of all requests in flight are gathered into one call per turn of the event loop (a DataLoader scheduled
 * with setImmediate: the requests that arrived in one poll phase share one call, docs/operations.md "Replicas and
 * shared state"). Nothing is cached: every request gets a fresh answer. Fails closed: no answer → every question of
 * the batch throws.
 */
export class ConsentRevocationList implements RevocationList {
  private readonly loader: DataLoader<string, boolean>;

  constructor(consentUrl: string, internalSecret?: string) {
    const url = new URL(REVOCATIONS_PATH, consentUrl);
    const headers = { 'content-type': 'application/json', ...(internalSecret ? { [INTERNAL_SECRET_HEADER]: internalSecret } : {}) };
    this.loader = new DataLoader<string, boolean>(async (ids) => {
      const response = await postToService(url, { headers, body: JSON.stringify({ ids: [...new Set(ids)] }), timeoutMs: 5_000 });
      if (!response.ok) throw new Error(`revocation list unavailable (${response.status})`);
      const body = (await response.json()) as { revokedIds?: unknown };
      if (!Array.isArray(body.revokedIds)) throw new Error('revocation list answered nonsense');
      const revoked = new Set(body.revokedIds);
      return ids.map((id) => revoked.has(id));
    }, { cache: false, maxBatchSize: REVOCATION_BATCH_MAX, batchScheduleFn: (run) => setImmediate(run) });
  }

  async revoke(): Promise<void> {
    throw new Error('only the consent subgraph ends tokens');
  }

  async anyRevoked(ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return false;
    return (await Promise.all(ids.map((id) => this.loader.load(id)))).some(Boolean);
  }
}

export interface SharedStateOptions extends SharedStateConfig {
  /**
   * Without Redis: the revocation list of a process that does not end tokens itself (it asks the consent
   * subgraph), or consent's own list kept in its database (consent revokedTokens.ts). Default: in process.
   */
  localRevocations?: RevocationList;
}

/** Opens the shared state a service's replicas use: Redis when REDIS_URL is set, else this process. */
export function openSharedState(options: SharedStateOptions): SharedState {
  if (!options.REDIS_URL) {
    return {
      kind: 'memory',
      limiter: (limiter) => new RateLimiterMemory(limiter),
      revocations: options.localRevocations ?? new MemoryRevocationList(),
      close: async () => undefined,
    };
  }
  // Commands fail fast while Redis is away (instead of queueing without bound); callers fail closed.
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
  redis.on('error', () => undefined);
  const prefix = options.REDIS_KEY_PREFIX;
  return {
    kind: 'redis',
    limiter: (limiter) => new RateLimiterRedis({ storeClient: redis, ...limiter, keyPrefix: `${prefix}${limiter.keyPrefix}` }),
    revocations: new RedisRevocationList(redis, prefix),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
