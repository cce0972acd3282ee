import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { bilingual } from './errorCatalogue';
import { OnshiError, UnauthenticatedError } from './errors';
import { FACILITY_KINDS, ROLES, type Actor } from './roles';
import type { RevocationList } from './sharedState';
import { JWKS_PATH } from './contracts';

/** Issuer and audience of Onshi access tokens (signed by the consent subgraph, docs/architecture.md "Who may see what: three layers", layer 1). */
export const TOKEN_ISSUER = 'onshi-consent';
export const TOKEN_AUDIENCE = 'onshi';

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  facilityCode: z.string().optional(),
  facilityKind: z.enum(FACILITY_KINDS).optional(),
  patientId: z.string().optional(),
  grantId: z.string().optional(),
  insurerNumber: z.string().optional(),
  scopes: z.array(z.string()).default([]),
  amr: z.array(z.string()).default([]),
});

export function actorFromClaims(payload: JWTPayload): Actor {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw new UnauthenticatedError(bilingual('Token claims are invalid', 'トークンが不正です'));
  const { sub, ...rest } = parsed.data;
  return { subject: sub, ...rest };
}

/** A token whose signature and claims verified; whether it has been ended is asked by `ensureNotEnded`. */
export interface SignedSession {
  actor: Actor;
  /**
   * Asks the revocation list now. Throws UnauthenticatedError when the token has been ended, and the list's own error
   * when it cannot be read: the caller refuses either way (fail closed, `unauthenticatedGraphQLError`).
   */
  ensureNotEnded(): Promise<void>;
}

export interface TokenVerifier {
  /** The actor of a token that verifies and has not been ended. */
  (token: string): Promise<Actor>;
  /**
   * Signature and claims only, the revocation question handed back to be asked later: for a subgraph, whose decision
   * calls make consent verify the same token against the list, so that one answered decision call answers it too
   * (kit tokenLiveness.ts). The caller must ask `ensureNotEnded` before anything leaves unless such a call was answered.
   */
  signatureOnly(token: string): Promise<SignedSession>;
}

/** A compact JWS: three base64url parts, nothing else (no padding, no whitespace, which a lenient decoder would skip). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Verified tokens are remembered until they expire (at most this long), so one token is verified once. */
const CACHE_MAX_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

/**
 * The revocation-list ids that end a token: its own `jti` (sharedState.ts RevocationList). A PHR app's token is
 * not ended by the revocation of its grant: the decision point refuses every read under a revoked grant at once
 * (it reads the grant on every decision), and the app must get the same answers as for a DV-blocked person's
 * grant, which stays authenticated (docs/access-policy.md, DV: "as a grant that no longer exists").
 */
export function revocationIdsOf(payload: JWTPayload): string[] {
  return typeof payload.jti === 'string' ? [payload.jti] : [];
}

const REVOKED = bilingual('The session has ended; please log in again', 'セッションが終了しました。再度ログインしてください');

/**
 * Verifies EdDSA access tokens against the consent subgraph's JWKS, given by URL or as a key set (jose caches the key set and refetches
 * on an unknown `kid`, so key rotation needs no restart). Tokens without `exp` or `jti` are refused. The revocation list is asked on
 * every call, cached verification or not (by `signatureOnly`'s caller when it defers the question), so a logout ends the token at
 * once on every replica (docs/operations.md "Replicas and shared state").
 */
export function createTokenVerifier(keySource: string | JWTVerifyGetKey, revocations: RevocationList): TokenVerifier {
  const jwks = typeof keySource === 'string' ? createRemoteJWKSet(new URL(JWKS_PATH, keySource), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000 }) : keySource;
  const cache = new Map<string, { actor: Actor; revocationIds: string[]; until: number }>();
  const signed = (actor: Actor, revocationIds: string[]): SignedSession => ({
    actor,
    async ensureNotEnded() {
      if (await revocations.anyRevoked(revocationIds)) throw new UnauthenticatedError(REVOKED);
    },
  });
  const signatureOnly = async (token: string): Promise<SignedSession> => {
    // Only the compact form, exactly: every service must read a forwarded token as the same string (`bearerToken`).
    if (!COMPACT_JWS.test(token)) throw new UnauthenticatedError(bilingual('Invalid or expired token', 'トークンが無効または期限切れです'));
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.until > now) return signed(hit.actor, hit.revocationIds);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['EdDSA'], requiredClaims: ['exp', 'sub', 'jti'] }));
    } catch {
      throw new UnauthenticatedError(bilingual('Invalid or expired token', 'トークンが無効または期限切れです'));
    }
    const actor = actorFromClaims(payload);
    const revocationIds = revocationIdsOf(payload);
    if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
    cache.set(token, { actor, revocationIds, until: Math.min(now + CACHE_MAX_MS, (payload.exp ?? 0) * 1000) });
    return signed(actor, revocationIds);
  };
  const verify = async (token: string): Promise<Actor> => {
    const session = await signatureOnly(token);
    await session.ensureNotEnded();
    return session.actor;
  };
  return Object.assign(verify, { signatureOnly });
}

/**
 * The refusal of a bearer token that did not verify, was ended, or could not be checked (the list unreadable: fail
 * closed), as the gateway and every subgraph answer it: UNAUTHENTICATED, HTTP 401, the reason only when it is ours.
 */
export function unauthenticatedGraphQLError(error: unknown): GraphQLError {
  const message = error instanceof OnshiError ? error.message : 'Invalid token';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Extracts the bearer token from an Authorization header value. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
