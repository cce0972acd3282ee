import { timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import { z } from 'zod';
import { CATEGORIES, INTERNAL_SECRET_HEADER, JWKS_PATH, DECISIONS_PATH, bearerToken, createTokenVerifier, requestIdOf, sendJson, type RouteHandler, type SubgraphDeps } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { decideAndLog } from './decisionPoint';
import type { SigningKey } from './signing';

const decisionBody = z.object({
  requests: z.array(z.object({ patientId: z.string().min(1).max(64), category: z.enum(CATEGORIES), purpose: z.string().max(64).optional() })).min(1).max(1000),
});

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** JWKS for every verifier, and the internal decision endpoint for the other subgraphs. */
export function consentRoutes(deps: SubgraphDeps<Tables>, signingKey: () => SigningKey): Record<string, RouteHandler> {
  const verify = createTokenVerifier(createLocalJWKSet({ keys: [signingKey().publicJwk] }));
  return {
    [`GET ${JWKS_PATH}`]: (_req, res) => sendJson(res, 200, { keys: [signingKey().publicJwk] }, { 'cache-control': 'public, max-age=300' }),
    [`POST ${DECISIONS_PATH}`]: async (req, res, body) => {
      if (!sameSecret(req.headers[INTERNAL_SECRET_HEADER], deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      const token = bearerToken(req.headers.authorization);
      if (!token) return sendJson(res, 401, { error: 'no actor token' });
      let parsed: z.infer<typeof decisionBody>;
      try {
        parsed = decisionBody.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed decision request' });
      }
      const actor = await verify(token).catch(() => null);
      if (!actor) return sendJson(res, 401, { error: 'invalid actor token' });
      try {
        const decisions = await decideAndLog(deps.db, actor, parsed.requests, requestIdOf(req));
        sendJson(res, 200, { decisions });
      } catch (error) {
        // The access log could not be written: no decision is released (fail closed).
        deps.logger.error({ err: error }, 'decision or access-log write failed');
        sendJson(res, 503, { error: 'decision unavailable' });
      }
    },
  };
}
