import { CARD_STATUS_PATH, cardStatusRequest, isInternalCaller, sendJson, type RouteHandler, type SubgraphDeps } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { cardStatusOf } from './confirmation';

/** Internal endpoints other subgraphs call: the card status consent asks before every use of a card (kit cardStatus.ts). */
export function qualificationsRoutes(deps: SubgraphDeps<Tables>): Record<string, RouteHandler> {
  return {
    [`POST ${CARD_STATUS_PATH}`]: async (req, res, body) => {
      if (!isInternalCaller(req, deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let serial: string;
      try {
        serial = cardStatusRequest.parse(JSON.parse(body)).cardSerial;
      } catch {
        return sendJson(res, 400, { error: 'malformed card-status request: expected { cardSerial }' });
      }
      return sendJson(res, 200, await cardStatusOf(deps.db, serial));
    },
  };
}
