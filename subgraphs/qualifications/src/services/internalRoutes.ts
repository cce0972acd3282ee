import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CARD_STATUS_PATH, cardStatusRequest, COVERAGE_PATH, coverageRequest, INSURER_MASTER_PATH, insurerMasterRequest, isInternalCaller, isValidFacilityCode, sendJson, type RouteHandler, type SubgraphDeps } from '@onshi/kit';
import { cards, confirmations, insurers, type Tables } from '../db/tables';
import { cardStatusOf } from './confirmation';
import { coverageInMonths } from './coverage';

/**
 * Demo mode only (DEMO_MODE=true): moves a person's confirmations at a facility back in time, the tests' clock for
 * the 24-hour window in which staff may read what the confirmation answered (docs/domain.md "What a facility may see at all").
 */
export const DEMO_AGE_CONFIRMATIONS_PATH = '/internal/demo/age-confirmations';
const ageBody = z.object({ patientId: z.string().min(1).max(64), facilityCode: z.string().refine(isValidFacilityCode), hours: z.number().int().min(1).max(24 * 365) });
/**
 * Demo mode only: sets a card's certificate expiry, standing in for J-LIS (which issues and renews the certificates),
 * so that tests and demos can show a certificate about to expire, in its grace period, or expired.
 */
export const DEMO_CARD_CERTIFICATE_PATH = '/internal/demo/card-certificate';
const certificateBody = z.object({ cardSerial: z.string().min(1).max(64), expiresOn: z.iso.date() });

/**
 * Internal endpoints other subgraphs call: the card status consent asks before every use of a card (kit cardStatus.ts),
 * and the coverage in months of care the drugs claim ingest routes a batch by (kit coverage.ts).
 */
export function qualificationsRoutes(deps: SubgraphDeps<Tables>): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    [`POST ${CARD_STATUS_PATH}`]: async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let serial: string;
      try {
        serial = cardStatusRequest.parse(JSON.parse(body)).cardSerial;
      } catch {
        return sendJson(res, 400, { error: 'malformed card-status request: expected { cardSerial }' });
      }
      // The card's certificate is judged on today's Japanese date (DEMO_AS_OF pins the demo's day), read per call.
      return sendJson(res, 200, await cardStatusOf(deps.db, serial, deps.clock.today()));
    },
    [`POST ${COVERAGE_PATH}`]: async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let parsed: z.infer<typeof coverageRequest>;
      try {
        parsed = coverageRequest.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed coverage request: expected { requests: [{ patientId, month: YYYY-MM }] } (1–5000)' });
      }
      return sendJson(res, 200, { coverage: await coverageInMonths(deps.db, parsed.requests) });
    },
    // An insurer the operator registered in consent (kit insurerMaster.ts): idempotent, the same number overwrites.
    [`POST ${INSURER_MASTER_PATH}`]: async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let entry: z.infer<typeof insurerMasterRequest>;
      try {
        entry = insurerMasterRequest.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed insurer: expected { number, name, kind, prefecture }' });
      }
      await deps.db.insert(insurers).values(entry).onConflictDoUpdate({ target: insurers.number, set: { name: entry.name, kind: entry.kind, prefecture: entry.prefecture } });
      return sendJson(res, 200, { number: entry.number });
    },
  };
  if (deps.config.DEMO_MODE) {
    routes[`POST ${DEMO_CARD_CERTIFICATE_PATH}`] = async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      const parsed = (() => {
        try {
          return certificateBody.parse(JSON.parse(body));
        } catch {
          return undefined;
        }
      })();
      if (!parsed) return sendJson(res, 400, { error: 'malformed request: expected { cardSerial, expiresOn: YYYY-MM-DD }' });
      const updated = await deps.db.update(cards).set({ certificateExpiresOn: parsed.expiresOn }).where(eq(cards.serial, parsed.cardSerial)).returning({ serial: cards.serial });
      return sendJson(res, updated.length === 1 ? 200 : 404, { updated: updated.length });
    };
    routes[`POST ${DEMO_AGE_CONFIRMATIONS_PATH}`] = async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let parsed: z.infer<typeof ageBody>;
      try {
        parsed = ageBody.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed request: expected { patientId, facilityCode, hours }' });
      }
      const moved = await deps.db.update(confirmations).set({ at: sql`${confirmations.at} - make_interval(hours => ${parsed.hours})` })
        .where(and(eq(confirmations.patientId, parsed.patientId), eq(confirmations.facilityCode, parsed.facilityCode))).returning({ id: confirmations.id });
      return sendJson(res, 200, { moved: moved.length });
    };
  }
  return routes;
}
