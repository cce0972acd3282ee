import { z } from 'zod';
import { CARD_STATUS_PATH, cardStatusRequest, DEMO_CARD_LIFECYCLE_PATH, demoCardLifecycleRequest, COVERAGE_PATH, coverageRequest, INSURER_MASTER_PATH, insurerMasterRequest, isInternalCaller, isValidFacilityCode, sendJson, type RouteHandler, type SubgraphDeps } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { cardStatusOf, cardUnusableReason } from '../services/confirmation';
import { holderCard, setCardStatus, setCertificateExpiry } from '../store/cards';
import { ageConfirmations } from '../store/confirmations';
import { coverageInMonths } from '../store/coverage';
import { upsertInsurer } from '../store/masters';

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
      await upsertInsurer(deps.db, entry);
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
      const updated = await setCertificateExpiry(deps.db, parsed.cardSerial, parsed.expiresOn);
      return sendJson(res, updated === 1 ? 200 : 404, { updated });
    };
    // The operator's card lifecycle page (consent demoCard / setDemoCardStatus): suspend → status SUSPENDED, expire →
    // status EXPIRED; confirmation refuses either with that reason (confirmation.ts cardUnusableReason).
    routes[`POST ${DEMO_CARD_LIFECYCLE_PATH}`] = async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let parsed: z.infer<typeof demoCardLifecycleRequest>;
      try {
        parsed = demoCardLifecycleRequest.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed request: expected { cardSerial | patientId, action?: SUSPEND | EXPIRE }' });
      }
      const found = await holderCard(deps.db, parsed.cardSerial !== undefined ? { cardSerial: parsed.cardSerial.trim() } : { patientId: (parsed.patientId ?? '').trim() });
      if (!found) return sendJson(res, 404, { error: 'no such card' });
      let card = found.card;
      if (parsed.action) {
        const updated = await setCardStatus(deps.db, card.serial, parsed.action === 'SUSPEND' ? 'SUSPENDED' : 'EXPIRED');
        if (updated) card = updated;
      }
      return sendJson(res, 200, { cardSerial: card.serial, patientId: found.patientId, status: card.status, certificateExpiresOn: card.certificateExpiresOn, unusable: cardUnusableReason(card, deps.clock.today()) });
    };
    routes[`POST ${DEMO_AGE_CONFIRMATIONS_PATH}`] = async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let parsed: z.infer<typeof ageBody>;
      try {
        parsed = ageBody.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed request: expected { patientId, facilityCode, hours }' });
      }
      return sendJson(res, 200, { moved: await ageConfirmations(deps.db, parsed.patientId, parsed.facilityCode, parsed.hours) });
    };
  }
  return routes;
}
