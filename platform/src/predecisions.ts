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
import { PATIENT_DECISION_CATEGORIES, type PatientDecisionCategory } from './policy';

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

/** What a signed value is for: a value signed for one purpose is never read as another's. */
type SignedPurpose = 'onshi-predecisions' | `onshi-ask-along:${string}`;

function signature(purpose: SignedPurpose, secret: string, binding: PredecisionBinding, payload: string): Buffer {
  const tokenDigest = createHash('sha256').update(binding.token).digest('base64url');
  return createHmac('sha256', secret).update(`${purpose}\u0000${binding.requestId}\u0000${tokenDigest}\u0000${payload}`).digest();
}

/** base64url(JSON { expiresAt, [field]: items }) "." base64url(HMAC-SHA256), valid for PREDECISION_LIFETIME_MS. */
function signForRequest(purpose: SignedPurpose, field: string, items: readonly unknown[], binding: PredecisionBinding, secret: string, now: number): string {
  const payload = Buffer.from(JSON.stringify({ expiresAt: now + PREDECISION_LIFETIME_MS, [field]: items })).toString('base64url');
  return `${payload}.${signature(purpose, secret, binding, payload).toString('base64url')}`;
}

/** The items of a value `signForRequest` signed for this purpose, request and token, unexpired and each well-formed; else undefined. */
function verifyForRequest<T>(purpose: SignedPurpose, field: string, isItem: (value: unknown) => value is T, header: string | string[] | undefined, binding: PredecisionBinding, secret: string, now: number): T[] | undefined {
  if (typeof header !== 'string' || secret === '' || binding.token === '' || binding.requestId === '') return undefined;
  const [payload, given, extra] = header.split('.');
  if (payload === undefined || given === undefined || extra !== undefined) return undefined;
  const expected = signature(purpose, secret, binding, payload);
  const givenBytes = Buffer.from(given, 'base64url');
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return undefined;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { expiresAt?: unknown } & Record<string, unknown>;
    const items = body[field];
    if (typeof body.expiresAt !== 'number' || body.expiresAt < now || !Array.isArray(items) || !items.every(isItem)) return undefined;
    return items;
  } catch {
    return undefined;
  }
}

/** The header value: base64url(JSON { expiresAt, decisions }) "." base64url(HMAC-SHA256). */
export function signPredecisions(decisions: readonly Decision[], binding: PredecisionBinding, secret: string, now = Date.now()): string {
  return signForRequest('onshi-predecisions', 'decisions', decisions, binding, secret, now);
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
  return verifyForRequest('onshi-predecisions', 'decisions', isDecision, header, binding, secret, now);
}

/**
 * Gateway → qualifications only: the questions about a person's fields that the gateway cannot ask ahead because her
 * QUALIFICATION question carries a fact of qualifications' records (a staff caller's confirmation here). Qualifications
 * asks them in the same decision call as that question, marked `afterQualification`, and answers the decisions signed
 * in its response (PREDECISIONS_EXTENSION) for the rest of the plan (docs/access-policy.md "One decision call per request").
 */
export const ASK_ALONG_HEADER = 'x-onshi-ask-along';
/** The response extension under which a subgraph hands the gateway its signed answers to the asked-along questions. */
export const PREDECISIONS_EXTENSION = 'onshiPredecisions';

/** One question asked along: always a plain one about a field of a person loaded under her QUALIFICATION decision. */
export interface AskAlongQuestion {
  patientId: string;
  category: Exclude<PatientDecisionCategory, 'QUALIFICATION' | 'ACCESS_LOG'>;
}

const isAskAlongQuestion = (value: unknown): value is AskAlongQuestion => {
  const question = value as Partial<AskAlongQuestion> | null;
  return typeof question === 'object' && question !== null && typeof question.patientId === 'string' && question.patientId.length <= 64
    && (['DRUG', 'CHECKUP', 'EXPENSES'] as readonly unknown[]).includes(question.category);
};

/** Signed for one subgraph (its service name), request and token: replayed to another subgraph or request, it is ignored. */
export function signAskAlong(questions: readonly AskAlongQuestion[], service: string, binding: PredecisionBinding, secret: string, now = Date.now()): string {
  return signForRequest(`onshi-ask-along:${service}`, 'questions', questions, binding, secret, now);
}

export function verifyAskAlong(header: string | string[] | undefined, service: string, binding: PredecisionBinding, secret: string, now = Date.now()): AskAlongQuestion[] | undefined {
  return verifyForRequest(`onshi-ask-along:${service}`, 'questions', isAskAlongQuestion, header, binding, secret, now);
}
