import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet } from 'jose';
import { z } from 'zod';
import { CONSENT_FLAGS_PATH, INSURER_CHANGES_PATH, insurerChangeEvent, KNOWN_PATIENTS_PATH, PATIENT_DECISION_CATEGORIES, decideOwnerRead, INTERNAL_SECRET_HEADER, OWNER_DECISIONS_PATH, ownerDecisionRequest, ownerLogId, policyActorOf, isInternalSecret, JWKS_PATH, DECISIONS_PATH, bearerToken, createTokenVerifier, isValidFacilityCode, requestIdOf, REVOCATION_BATCH_MAX, REVOCATIONS_PATH, sendJson, type RouteHandler, type SubgraphDeps } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { insertDemoConsent } from '../store/demoConsents';
import { knownPatientIds } from '../store/identityIndex';
import { accessLogFault, appendAccessLog, decideAndLog } from '../services/policy/decisionPoint';
import type { SigningKey } from '../services/identity/signing';
import { applyInsurerChangeToIdentity } from '../services/identity/identityUpdates';
import { consentFlags } from '../services/policy/visitConsent';
import { AdminExistsError, BOOTSTRAP_ADMIN_PATH, bootstrapAdmin } from '../services/operator/bootstrap';
import type { SecretBox } from '../services/identity/secretBox';

const knownPatientsBody = z.object({ patientIds: z.array(z.string().min(1).max(64)).min(1).max(5000) });
/** Demo mode only (DEMO_MODE=true): a consent with a chosen registration time, the tests' injected clock. */
export const DEMO_CONSENTS_PATH = '/internal/demo/consents';
/** Demo mode only (DEMO_MODE=true): make access-log writes fail, to test that nothing is released then. */
export const DEMO_ACCESS_LOG_FAULT_PATH = '/internal/demo/access-log-fault';
const faultBody = z.object({ enabled: z.boolean() });
const revocationsBody = z.object({ ids: z.array(z.string().min(1).max(128)).min(1).max(REVOCATION_BATCH_MAX) });
const bootstrapBody = z.object({ staffId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), displayName: z.string().min(1).max(64) });

const decisionBody = z.object({
  requests: z.array(z.object({
    patientId: z.string().min(1).max(64), category: z.enum(PATIENT_DECISION_CATEGORIES), purpose: z.string().max(64).optional(), insurerMember: z.boolean().optional(),
    counterConfirmation: z.boolean().optional(), confirmedHereAt: z.iso.datetime().optional(), afterQualification: z.boolean().optional(),
  })).min(1).max(1000),
});
const flagsBody = z.object({
  patientId: z.string().min(1).max(64), facilityCode: z.string().refine(isValidFacilityCode, 'not a valid facility code'), withExpiry: z.boolean().optional(),
});
const demoConsentBody = z.object({
  patientId: z.string().min(1).max(64), facilityCode: z.string().refine(isValidFacilityCode), category: z.enum(['DRUG', 'CHECKUP']), registeredAt: z.iso.datetime(),
});

function parseBody<T>(schema: z.ZodType<T>, body: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** JWKS for every verifier, and the internal endpoints the other subgraphs call (docs/contracts.md contracts 5 and the decision point). */
export function consentRoutes(deps: SubgraphDeps<Tables>, signingKey: () => SigningKey, secrets: () => SecretBox, now: () => Date = () => new Date()): Record<string, RouteHandler> {
  const verify = createTokenVerifier(async (header, token) => createLocalJWKSet({ keys: signingKey().publishedJwks })(header, token), deps.shared.revocations);
  const internalOnly = (handler: RouteHandler): RouteHandler => async (req: IncomingMessage, res: ServerResponse, body: string) => {
    if (!isInternalSecret(req.headers[INTERNAL_SECRET_HEADER], deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
    return handler(req, res, body);
  };
  const routes: Record<string, RouteHandler> = {
    [`POST ${KNOWN_PATIENTS_PATH}`]: internalOnly(async (_req, res, body) => {
      const parsed = parseBody(knownPatientsBody, body);
      if (!parsed) return sendJson(res, 400, { error: 'malformed request: expected { patientIds: string[] } (1–5000)' });
      // The identity index holds every person the decision point can decide about (tables.ts identityIndex).
      sendJson(res, 200, { known: await knownPatientIds(deps.db, [...new Set(parsed.patientIds)]) });
    }),
    // Without Redis the gateway and the other subgraphs ask here (platform sharedState.ts), one call for the ids of all
    // their requests in flight, so the answer is per id. Open like the JWKS: the ids are random token ids only their
    // holders know, and the answer names only ids the caller sent.
    [`POST ${REVOCATIONS_PATH}`]: async (_req, res, body) => {
      const parsed = parseBody(revocationsBody, body);
      if (!parsed) return sendJson(res, 400, { error: `malformed request: expected { ids: string[] } (1–${REVOCATION_BATCH_MAX})` });
      const ids = [...new Set(parsed.ids)];
      const revokedIds = (await Promise.all(ids.map(async (id) => ((await deps.shared.revocations.anyRevoked([id])) ? id : undefined)))).filter((id) => id !== undefined);
      sendJson(res, 200, { revoked: revokedIds.length > 0, revokedIds }, { 'cache-control': 'no-store' });
    },
    [`GET ${JWKS_PATH}`]: (_req, res) => sendJson(res, 200, { keys: signingKey().publishedJwks }, { 'cache-control': 'public, max-age=300' }),
    [`POST ${DECISIONS_PATH}`]: internalOnly(async (req, res, body) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) return sendJson(res, 401, { error: 'no actor token' });
      const parsed = parseBody(decisionBody, body);
      if (!parsed) return sendJson(res, 400, { error: 'malformed decision request' });
      const actor = await verify(token).catch(() => null);
      if (!actor) return sendJson(res, 401, { error: 'invalid actor token' });
      try {
        const decisions = await decideAndLog(deps.db, actor, parsed.requests, requestIdOf(req), now());
        sendJson(res, 200, { decisions });
      } catch (error) {
        // The access log could not be written: no decision is released (fail closed).
        deps.logger.error({ err: error }, 'decision or access-log write failed');
        sendJson(res, 503, { error: 'decision unavailable' });
      }
    }),
    // Lists of an insurer, a facility or the nation (platform ownerDecision.ts): decided from the policy and logged under the owner.
    [`POST ${OWNER_DECISIONS_PATH}`]: internalOnly(async (req, res, body) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) return sendJson(res, 401, { error: 'no actor token' });
      const parsed = parseBody(ownerDecisionRequest, body);
      if (!parsed) return sendJson(res, 400, { error: 'malformed owner decision request' });
      const actor = await verify(token).catch(() => null);
      if (!actor) return sendJson(res, 401, { error: 'invalid actor token' });
      const policyActor = policyActorOf(actor);
      const target = { insurerNumber: parsed.insurerNumber, facilityCode: parsed.facilityCode };
      const decision = decideOwnerRead({ ...policyActor, insurerNumber: actor.insurerNumber, facilityCode: policyActor.facilityKind === undefined ? undefined : actor.facilityCode }, parsed.category, target);
      try {
        await appendAccessLog(deps.db, actor, [{ patientId: ownerLogId(target), category: parsed.category, decision: decision.allow ? 'ALLOW' : 'DENY', reason: decision.reason, basisId: null, special: false }], requestIdOf(req), now());
      } catch (error) {
        deps.logger.error({ err: error }, 'owner decision could not be logged');
        return sendJson(res, 503, { error: 'decision unavailable' });
      }
      sendJson(res, 200, decision);
    }),
    // docs/contracts.md contract 6: qualifications' outbox delivers every change of insurer here as well as to checkups.
    [`POST ${INSURER_CHANGES_PATH}`]: internalOnly(async (_req, res, body) => {
      const event = parseBody(insurerChangeEvent, body);
      if (!event) return sendJson(res, 400, { error: 'malformed insurer-change event' });
      const { updated } = await applyInsurerChangeToIdentity(deps.db, event);
      if (!updated) deps.logger.warn({ eventId: event.eventId }, 'insurer change for a person not in the identity index');
      sendJson(res, 200, { eventId: event.eventId, updated });
    }),
    // `pnpm bootstrap:admin` (bootstrap.ts): the first operator of a production system, once.
    [`POST ${BOOTSTRAP_ADMIN_PATH}`]: internalOnly(async (_req, res, body) => {
      const parsed = parseBody(bootstrapBody, body);
      if (!parsed) return sendJson(res, 400, { error: 'staffId (1-32 of A-Z a-z 0-9 _ -) and displayName are required' });
      try {
        sendJson(res, 200, await bootstrapAdmin(deps.db, secrets(), parsed.staffId, parsed.displayName), { 'cache-control': 'no-store' });
      } catch (error) {
        if (error instanceof AdminExistsError) return sendJson(res, 409, { error: error.message });
        throw error;
      }
    }),
    [`POST ${CONSENT_FLAGS_PATH}`]: internalOnly(async (_req, res, body) => {
      const parsed = parseBody(flagsBody, body);
      if (!parsed) return sendJson(res, 400, { error: 'malformed consent-flags request' });
      sendJson(res, 200, await consentFlags(deps.db, parsed.patientId, parsed.facilityCode, now(), { withExpiry: parsed.withExpiry }));
    }),
  };
  if (deps.config.DEMO_MODE) {
    routes[`POST ${DEMO_CONSENTS_PATH}`] = internalOnly(async (_req, res, body) => {
      const parsed = parseBody(demoConsentBody, body);
      if (!parsed) return sendJson(res, 400, { error: 'malformed demo consent' });
      sendJson(res, 200, { id: await insertDemoConsent(deps.db, { ...parsed, registeredAt: new Date(parsed.registeredAt) }) });
    });
    routes[`POST ${DEMO_ACCESS_LOG_FAULT_PATH}`] = internalOnly(async (_req, res, body) => {
      const parsed = parseBody(faultBody, body);
      if (!parsed) return sendJson(res, 400, { error: 'malformed fault request' });
      accessLogFault.enabled = parsed.enabled;
      sendJson(res, 200, accessLogFault);
    });
  }
  return routes;
}
