import { request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { bilingual, CLIENT_ADDRESS_HEADER, ERROR_CATALOGUE, clientAddressOf, errorMessage, sendJson, type Logger, type StreamRouteHandler } from '@onshi/platform';

/**
 * Upload routes the gateway streams through to a subgraph untouched (docs/api-guide.md "Checkup exchange archives"):
 * a checkup archive is far larger than the GraphQL body limit (MAX_BODY_BYTES), which stays as it is for every other
 * request. The subgraph authenticates the caller exactly as it does a GraphQL request and applies its own limits; the
 * gateway adds its request id (the access log's correlation id) and the client's address, as for GraphQL.
 */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'transfer-encoding'] as const;
const RETURNED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'connection', 'x-import-id'] as const;

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string | string[]> {
  const picked: Record<string, string | string[]> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** Seconds the client must wait before this request, 0 to let it through (server.ts: the gateway's rate limits). */
export type RetryAfter = (req: IncomingMessage) => Promise<number>;

function proxyTo(baseUrl: string, logger: Logger, retryAfterOf: RetryAfter): StreamRouteHandler {
  return async (req, res, requestId) => {
    const retryAfter = await retryAfterOf(req).catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'the upload counter cannot be reached');
      return undefined;
    });
    if (retryAfter === undefined) {
      sendJson(res, ERROR_CATALOGUE.SERVICE_UNAVAILABLE.status, { errors: [{ message: errorMessage('SERVICE_UNAVAILABLE'), extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { 'x-request-id': requestId, 'connection': 'close' });
      req.resume();
      return;
    }
    if (retryAfter > 0) {
      // Refused before anything reaches the subgraph; the unread body is drained and the connection closed.
      sendJson(res, ERROR_CATALOGUE.RATE_LIMITED.status, { errors: [{ message: errorMessage('RATE_LIMITED'), extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': String(retryAfter), 'x-request-id': requestId, 'connection': 'close' });
      req.resume();
      return;
    }
    await forward(baseUrl, logger, req, res, requestId);
  };
}

function forward(baseUrl: string, logger: Logger, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const target = new URL(req.url ?? '/', baseUrl);
    const upstream = request(target, {
      method: req.method,
      headers: { ...pick(req.headers, FORWARDED_REQUEST_HEADERS), 'x-request-id': requestId, [CLIENT_ADDRESS_HEADER]: clientAddressOf(req) },
    });
    upstream.on('response', (response) => {
      const passed = pick(response.headers, RETURNED_RESPONSE_HEADERS);
      for (const [name, value] of Object.entries(response.headers)) if (name.startsWith('x-archive-')) passed[name] = value ?? '';
      res.writeHead(response.statusCode ?? 502, { ...passed, 'x-request-id': requestId });
      response.pipe(res);
      response.on('end', resolve);
      response.on('error', () => { res.destroy(); resolve(); });
    });
    upstream.on('error', (error) => {
      logger.warn({ err: error, requestId, path: target.pathname }, 'upload forwarding failed');
      if (!res.headersSent) sendJson(res, 502, { errors: [{ message: bilingual('The checkups service did not answer', '健診サービスに接続できません'), extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { 'x-request-id': requestId });
      else res.destroy();
      resolve();
    });
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
}

/** The upload routes, each request counted by `retryAfter` (uploads against their own limit, report downloads as requests). */
export function uploadRoutes(checkupsUrl: string, logger: Logger, retryAfter: RetryAfter): Record<string, StreamRouteHandler> {
  const route = proxyTo(checkupsUrl, logger, retryAfter);
  return { 'POST /uploads/checkup-archive': route, 'GET /uploads/checkup-archive/report': route };
}
