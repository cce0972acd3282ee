/**
 * One decision call per request (docs/access-policy.md "One decision call per request"): the gateway asks the
 * decision point, once, every question its subgraphs would ask plainly about the patients an operation names, and
 * hands the answers to the subgraphs signed with the services' shared secret. A subgraph takes a signed answer only for
 * its own request (the gateway's request id) and its own caller (the bearer token it was sent), within a short
 * lifetime; anything else — no header, another request, another token, an old or forged signature — is ignored, and the
 * subgraph asks the decision point itself as it always did. The access log is unchanged: the decision point wrote one
 * entry per decision when the gateway asked, committed before it answered, and released nothing if it could not.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Decision } from './pdp';
import { PATIENT_DECISION_CATEGORIES } from './policy';

/** Gateway → subgraph only: the gateway never forwards a client's header of this name (it sets its own or none). */
export const PREDECISIONS_HEADER = 'x-onshi-predecisions';
/**
 * As long as one subgraph call may take (the gateway's default subgraph timeout), no longer: it bounds how long a header
 * taken from the services' network could be replayed. A plan that runs longer loses nothing but the shortcut: its late
 * subgraphs ask for themselves.
 */
export const PREDECISION_LIFETIME_MS = 10_000;

/** What a signature binds a set of decisions to: the gateway's request id and the caller's token. */
export interface PredecisionBinding {
  requestId: string;
  token: string;
}

function signature(secret: string, binding: PredecisionBinding, payload: string): Buffer {
  const tokenDigest = createHash('sha256').update(binding.token).digest('base64url');
  return createHmac('sha256', secret).update(`onshi-predecisions\u0000${binding.requestId}\u0000${tokenDigest}\u0000${payload}`).digest();
}

/** The header value: base64url(JSON { expiresAt, decisions }) "." base64url(HMAC-SHA256). */
export function signPredecisions(decisions: readonly Decision[], binding: PredecisionBinding, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ expiresAt: now + PREDECISION_LIFETIME_MS, decisions })).toString('base64url');
  return `${payload}.${signature(secret, binding, payload).toString('base64url')}`;
}

const isDecision = (value: unknown): value is Decision => {
  const decision = value as Partial<Decision> | null;
  return typeof decision === 'object' && decision !== null && typeof decision.patientId === 'string' && typeof decision.allow === 'boolean'
    && typeof decision.reason === 'string' && typeof decision.special === 'boolean'
    && (PATIENT_DECISION_CATEGORIES as readonly unknown[]).includes(decision.category);
};

/**
 * The decisions a header carries when it was signed with `secret` for exactly this request and token and has not
 * expired; undefined otherwise (the subgraph then asks the decision point itself).
 */
export function verifyPredecisions(header: string | string[] | undefined, binding: PredecisionBinding, secret: string, now = Date.now()): Decision[] | undefined {
  if (typeof header !== 'string' || secret === '' || binding.token === '' || binding.requestId === '') return undefined;
  const [payload, given, extra] = header.split('.');
  if (payload === undefined || given === undefined || extra !== undefined) return undefined;
  const expected = signature(secret, binding, payload);
  const givenBytes = Buffer.from(given, 'base64url');
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return undefined;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { expiresAt?: unknown; decisions?: unknown };
    if (typeof body.expiresAt !== 'number' || body.expiresAt < now || !Array.isArray(body.decisions) || !body.decisions.every(isDecision)) return undefined;
    return body.decisions;
  } catch {
    return undefined;
  }
}
