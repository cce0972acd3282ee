/**
 * Reads of lists that belong to an insurer, a facility or the nation rather than to one patient (platform policy.ts
 * OWNER_CATEGORIES: the claims routed to an insurer, the claims returned to a facility, the national routing
 * statistics). The subgraph holding the list asks the decision point (consent) before reading any row; consent
 * evaluates the policy (`decideOwnerRead`) for the actor of the forwarded token and writes the access-log entry under
 * the owner (`ownerLogId`), allowed or refused. No answer → no data.
 *
 * Contract: `POST {CONSENT_URL}/internal/owner-decisions`, header `x-onshi-internal: <secret>`, `authorization: Bearer
 * <the caller's token>`, body `{ category, insurerNumber?, facilityCode? }` → 200 `{ allow, reason, rule? }`;
 * 401 without the secret or with a token that does not verify, 400 for a malformed body, 503 when the log cannot be written.
 */
import { z } from 'zod';
import type { BaseContext } from './context';
import { bilingual } from './errorCatalogue';
import { ForbiddenError, OnshiError } from './errors';
import { OWNER_CATEGORIES, type OwnerCategory, type OwnerTarget } from './policy';
import { postToService } from './serviceClient';
import { INTERNAL_SECRET_HEADER, OWNER_DECISIONS_PATH } from './contracts';

export const ownerDecisionRequest = z.object({
  category: z.enum(OWNER_CATEGORIES),
  insurerNumber: z.string().min(1).max(16).optional(),
  facilityCode: z.string().min(1).max(16).optional(),
});
const ownerDecisionAnswer = z.object({ allow: z.boolean(), reason: z.string(), rule: z.string().optional() });
export type OwnerDecision = z.infer<typeof ownerDecisionAnswer>;

/**
 * Asks the decision point about an owner's list and returns its answer (allowed or refused, logged by consent either
 * way); SERVICE_UNAVAILABLE without an answer. The gateway asks this for a refusal for role, to log it.
 */
export async function askOwnerDecision(ctx: Pick<BaseContext, 'token' | 'requestId'>, options: { consentUrl: string; internalSecret: string }, category: OwnerCategory, target: OwnerTarget): Promise<OwnerDecision> {
  const unavailable = () => new OnshiError('SERVICE_UNAVAILABLE', bilingual('The access decision could not be made', 'アクセス可否を判定できません'));
  const response = await postToService(new URL(OWNER_DECISIONS_PATH, options.consentUrl), {
    headers: {
      'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret, 'x-request-id': ctx.requestId,
      ...(ctx.token ? { authorization: `Bearer ${ctx.token}` } : {}),
    },
    body: JSON.stringify({ category, ...target }),
    timeoutMs: 5_000,
  }).catch(() => undefined);
  const parsed = response?.ok ? ownerDecisionAnswer.safeParse(await response.json().catch(() => undefined)) : undefined;
  if (!parsed?.success) throw unavailable();
  return parsed.data;
}

/** Throws FORBIDDEN (logged by consent) unless the caller may read this owner's list; SERVICE_UNAVAILABLE without an answer. */
export async function requireOwnerRead(ctx: Pick<BaseContext, 'token' | 'requestId'>, options: { consentUrl: string; internalSecret: string }, category: OwnerCategory, target: OwnerTarget): Promise<void> {
  const decision = await askOwnerDecision(ctx, options, category, target);
  if (!decision.allow) throw new ForbiddenError(undefined, { category, reason: decision.reason });
}
