import { GraphQLError } from 'graphql';
import type { GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ERROR_CATALOGUE, errorMessage, unauthenticatedGraphQLError, type Logger, type TokenLiveness } from '@onshi/platform';

/** 429 with `Retry-After` (docs/api-guide.md "Limits"): the limit value is not revealed. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(errorMessage('RATE_LIMITED'), {
    extensions: { code: 'RATE_LIMITED', http: { status: ERROR_CATALOGUE.RATE_LIMITED.status, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}

/** 503: the request counter (Redis, when shared) cannot be reached, so no request is let through uncounted. */
export function counterUnavailableError(logger: Logger, error: unknown, requestId: string): GraphQLError {
  logger.error({ err: error, requestId }, 'the request counter cannot be reached');
  return new GraphQLError(errorMessage('SERVICE_UNAVAILABLE'), { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: ERROR_CATALOGUE.SERVICE_UNAVAILABLE.status } } });
}

/**
 * A request with a token, admitted at the gateway (docs/api-guide.md "Limits"; docs/operations.md "Replicas and shared
 * state"). The token's signature is checked when the request arrives, and the request counter is only looked at: a
 * client at its limit is refused there, before anything is asked of any service. The token is then proven live
 * before anything leaves the gateway for a subgraph — by the gateway's own decision call where the query makes one
 * (consent verifies the forwarded token against the list of ended tokens to answer it), else by asking the list —
 * and only then is the request counted. So a query whose decision call proves its token asks the list nothing, and an
 * ended token never spends its holder's budget. A client may pass its limit by the requests it has in flight when it
 * reaches it: those were admitted before, and are counted as they settle.
 */
export class RequestAdmission {
  private settled: Promise<void> | undefined;

  constructor(
    private readonly liveness: TokenLiveness,
    private readonly limiter: RateLimiterAbstract,
    private readonly client: string,
    private readonly counterUnavailable: (error: unknown) => GraphQLError,
  ) {}

  /**
   * Refuses a client at its limit (429), after proving the token live: an ended token is told 401, not that its
   * holder is busy. Throws the 503 when the counter cannot be read.
   */
  async admit(): Promise<void> {
    const counted = await this.limiter.get(this.client).catch((error: unknown) => {
      throw this.counterUnavailable(error);
    });
    if (counted === null || counted.consumedPoints < this.limiter.points) return;
    await this.liveness.ensureNotEnded().catch((error: unknown) => {
      throw unauthenticatedGraphQLError(error);
    });
    throw rateLimitedError(Math.max(1, Math.ceil(counted.msBeforeNext / 1000)));
  }

  /** Consent answered this request's decision call, so it verified the token against the list (platform pdp.ts `onTokenVerified`). */
  provenByDecision(): void {
    this.liveness.provenByDecision();
  }

  /**
   * Proves the token live — at once after an answered decision call, else by asking the list — and then counts the
   * request; once per request, however many callers ask. Rejects with the 401 `UNAUTHENTICATED` refusal when the
   * token has ended or the list cannot be read (fail closed), with the 503 when the counter cannot be written.
   */
  settle(): Promise<void> {
    this.settled ??= (async () => {
      await this.liveness.ensureNotEnded().catch((error: unknown) => {
        throw unauthenticatedGraphQLError(error);
      });
      // `penalty` counts without refusing: the request was admitted when it arrived, and its decision (logged) may be made.
      await this.limiter.penalty(this.client, 1).catch((error: unknown) => {
        throw this.counterUnavailable(error);
      });
    })();
    return this.settled;
  }
}

/** The whole answer to a request refused after its operation was resolved (`responseForOperation`): the refusal alone, with its status. */
export function refusalResponse(refusal: GraphQLError): GraphQLResponse {
  const http = refusal.extensions.http as { status?: number } | undefined;
  return {
    http: { status: http?.status ?? 500, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] } },
  };
}
