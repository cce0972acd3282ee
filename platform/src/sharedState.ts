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
import { INTERNAL_SECRET_HEADER, REVOCATIONS_PATH } from './contracts';

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

/** Where the consent subgraph answers revocation questions when there is no Redis (consent internalRoutes.ts). */

/**
 * Without Redis the consent subgraph, which ends sessions, holds the list in its memory; the gateway and the
 * other subgraphs ask it on every request, so a logout is honoured everywhere at once. Fails closed.
 */
export class ConsentRevocationList implements RevocationList {
  constructor(private readonly consentUrl: string, private readonly internalSecret?: string) {}

  async revoke(): Promise<void> {
    throw new Error('only the consent subgraph ends tokens');
  }

  async anyRevoked(ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return false;
    const response = await fetch(new URL(REVOCATIONS_PATH, this.consentUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.internalSecret ? { [INTERNAL_SECRET_HEADER]: this.internalSecret } : {}) },
      body: JSON.stringify({ ids }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`revocation list unavailable (${response.status})`);
    const body = (await response.json()) as { revoked?: unknown };
    if (typeof body.revoked !== 'boolean') throw new Error('revocation list answered nonsense');
    return body.revoked;
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
