import { ApolloArmor } from '@escape.tech/graphql-armor';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { SharedState } from '@onshi/platform';

/**
 * Request limits for a public health API, configurable by environment. Defaults are generous
 * for every operation the portal and the documented vendor flows send (tests/src/gateway-limits.test.ts
 * proves it) and small enough that abusive documents are refused before planning. Limit values are not
 * revealed in error texts.
 */
export const limitsConfigSchema = z.object({
  MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  MAX_ALIASES: z.coerce.number().int().min(1).default(20),
  MAX_DIRECTIVES: z.coerce.number().int().min(1).default(10),
  /** Lexical tokens per document: enforced by the parser (Apollo `parseOptions.maxTokens`) so it is a 400. */
  MAX_TOKENS: z.coerce.number().int().min(100).default(3000),
  /** graphql-armor estimates inline list sizes: a full page of 100 dispensings with every field costs ~20,000. */
  MAX_COST: z.coerce.number().int().min(100).default(30_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(200_000),
  /** Requests per client (token subject, or address when anonymous) per window. */
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /**
   * Checkup-archive uploads per client per window (docs/api-guide.md "Checkup exchange archives"): each one is an
   * import of up to thousands of files, and an insurer sends a few archives a month, so far fewer than requests.
   */
  UPLOAD_RATE_LIMIT_REQUESTS: z.coerce.number().int().min(1).default(10),
});
export type LimitsConfig = z.infer<typeof limitsConfigSchema>;

/** graphql-armor: depth, aliases, directives, cost; field suggestions blocked ("Did you mean …" leaks schema). */
export function armorFor(limits: LimitsConfig) {
  return new ApolloArmor({
    maxDepth: { n: limits.MAX_DEPTH, exposeLimits: false, flattenFragments: true },
    maxAliases: { n: limits.MAX_ALIASES, exposeLimits: false },
    maxDirectives: { n: limits.MAX_DIRECTIVES, exposeLimits: false },
    costLimit: { maxCost: limits.MAX_COST, exposeLimits: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** The gateway's per-client counter: a fixed window, shared by every gateway replica when REDIS_URL is set (platform sharedState.ts). */
export function requestLimiter(shared: SharedState, limits: LimitsConfig): RateLimiterAbstract {
  return shared.limiter({ keyPrefix: 'gateway-requests', points: limits.RATE_LIMIT_REQUESTS, duration: limits.RATE_LIMIT_WINDOW_SECONDS });
}

/** The same, for checkup-archive uploads (their own, smaller limit). */
export function uploadLimiter(shared: SharedState, limits: LimitsConfig): RateLimiterAbstract {
  return shared.limiter({ keyPrefix: 'gateway-uploads', points: limits.UPLOAD_RATE_LIMIT_REQUESTS, duration: limits.RATE_LIMIT_WINDOW_SECONDS });
}

/** Whom a limit counts: the verified token's role and subject, else the client's address (anonymous or invalid token). */
export function rateLimitClient(actor: { role: string; subject: string } | null, clientAddress: string): string {
  return actor ? `${actor.role}:${actor.subject}` : `addr:${clientAddress}`;
}

/** Counts one request of `client`: seconds to wait, or 0 when the request may proceed. Throws when the store cannot be reached. */
export async function retryAfterSeconds(limiter: RateLimiterAbstract, client: string): Promise<number> {
  try {
    await limiter.consume(client);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
