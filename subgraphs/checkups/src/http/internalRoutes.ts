import { INSURER_CHANGES_PATH, insurerChangeEvent, type InsurerChangeEvent, INTERNAL_SECRET_HEADER, isInternalSecret, sendJson, type RouteHandler, type SubgraphDeps } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { applyInsurerChange } from '../store/checkups';

// docs/contracts.md contract 6 (platform contracts.ts): qualifications POSTs each change of insurer here; its outbox retries until it gets a 200.
export function checkupsRoutes(deps: SubgraphDeps<Tables>, today: () => string): Record<string, RouteHandler> {
  return {
    [`POST ${INSURER_CHANGES_PATH}`]: async (req, res, body) => {
      if (!isInternalSecret(req.headers[INTERNAL_SECRET_HEADER], deps.config.INTERNAL_SECRET)) return sendJson(res, 401, { error: 'internal callers only' });
      let event: InsurerChangeEvent;
      try {
        event = insurerChangeEvent.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'malformed insurer-change event: expected { eventId, patientId, fromInsurerNumber, toInsurerNumber, effectiveDate }' });
      }
      const { transfer, duplicate } = await applyInsurerChange(deps.db, event, today());
      deps.logger.info({ eventId: transfer.eventId, applied: transfer.applied, duplicate, checkupsMoved: transfer.checkupsMoved }, 'insurer change recorded');
      sendJson(res, 200, {
        eventId: transfer.eventId, applied: transfer.applied, duplicate, checkupsMoved: transfer.checkupsMoved, toInsurerNumber: transfer.toInsurerNumber,
      });
    },
  };
}
