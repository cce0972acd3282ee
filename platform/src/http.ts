import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import type { Logger } from './log';
import { gaugeValues, processCounters } from './requestContext';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void> | void;
/**
 * A route that reads the request body itself, as a stream (an upload far larger than `maxBodyBytes`, e.g. the
 * checkup exchange archive, docs/api-guide.md): the server does not buffer its body, so its own limit applies.
 */
export type StreamRouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

export interface HttpServiceOptions<TContext extends ApolloBaseContext> {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  apollo: ApolloServer<TContext>;
  /** Builds the GraphQL context; a GraphQLError thrown here becomes its HTTP status (e.g. 401). */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Extra routes, keyed "METHOD /path". */
  routes?: Record<string, RouteHandler>;
  /** Routes that stream their own body (keyed "METHOD /path"); the body limit of everything else is unchanged. */
  streamRoutes?: Record<string, StreamRouteHandler>;
  /** Named readiness checks for /ready; all must resolve true. */
  readiness?: () => Promise<Record<string, boolean>>;
  maxBodyBytes?: number;
  /** Browser origins allowed to call (CORS); none by default. */
  corsOrigins?: string[];
  /**
   * `generate` at the edge (the gateway): the correlation id is always ours, so a client cannot choose what the
   * access log records; a well-formed client x-request-id is kept as the client's reference only, echoed
   * as `x-client-request-id` and logged beside ours. `trust-incoming` (default) inside: the gateway's id flows on.
   */
  requestIds?: 'trust-incoming' | 'generate';
}

export interface RunningService {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
/** The header that carries the client's address from one of our hops to the next (portal → gateway → subgraph). */
export const CLIENT_ADDRESS_HEADER = 'x-forwarded-for';

/**
 * How long every service keeps an idle keep-alive connection open: longer than the 60 s a load balancer in front of
 * the gateway commonly keeps its side open, so that the balancer, not the gateway, closes first. Our own service
 * client retires its idle sockets well before this (serviceClient.ts `SERVICE_SOCKET_IDLE_MS`).
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * The address of the client behind a request: the last entry of `X-Forwarded-For` when the peer is on this
 * machine (the portal's server calling the gateway, the gateway calling a subgraph — every hop of ours sets
 * the header to the one address it saw), otherwise the peer itself. A remote peer cannot choose its source
 * by sending the header, so per-source login throttling (consent's loginThrottle.ts) sees real addresses.
 */
export function clientAddressOf(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
  // Same machine: a loopback peer, or a peer using this server's own address (subgraphs on SUBGRAPH_HOST).
  const sameMachine = LOOPBACK.test(peer) || peer === req.socket.localAddress;
  if (!sameMachine || typeof forwarded !== 'string') return peer;
  const last = forwarded.split(',').pop()?.trim();
  return last && last.length <= 64 ? last : peer;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** A well-formed incoming x-request-id, if any. */
export function incomingRequestId(req: IncomingMessage): string | undefined {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : undefined;
}

/** Reuses a well-formed incoming x-request-id (the gateway's) so one id follows a request everywhere. */
export function requestIdOf(req: IncomingMessage): string {
  return incomingRequestId(req) ?? randomUUID();
}

/**
 * A lean node:http integration of Apollo Server (a profile of the bare Apollo gateway found the standalone server's
 * HTTP path the expensive part), shared by the gateway and every subgraph: /graphql, /health, /ready, /metrics, plus
 * the service's own routes.
 */
export async function serveHttp<TContext extends ApolloBaseContext>(options: HttpServiceOptions<TContext>): Promise<RunningService> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const routes: Record<string, RouteHandler> = {
    'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', service: options.name }),
    'GET /ready': async (_req, res) => {
      const checks = options.readiness ? await options.readiness().catch(() => ({ readiness: false })) : {};
      const ready = Object.values(checks).every(Boolean);
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: options.name, checks });
    },
    'GET /metrics': (_req, res) => sendJson(res, 200, { service: options.name, ...processCounters, gauges: gaugeValues() }),
    ...options.routes,
  };

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, body: string, requestId: string) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = body;
    if (req.method === 'POST' && (headers.get('content-type') ?? '').includes('json')) {
      try {
        parsedBody = body.length > 0 ? JSON.parse(body) : {};
      } catch {
        sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    processCounters.requests += 1;
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
      context: () => options.context(req, requestId),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.setHeader('x-request-id', requestId);
    const clientRequestId = options.requestIds === 'generate' ? incomingRequestId(req) : undefined;
    if (clientRequestId !== undefined) res.setHeader('x-client-request-id', clientRequestId);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const corsOrigins = new Set(options.corsOrigins ?? []);
  const server = createServer((req, res) => {
    const requestId = options.requestIds === 'generate' ? randomUUID() : requestIdOf(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const origin = req.headers.origin;
    if (origin && corsOrigins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-credentials', 'true');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
    }
    void (async () => {
      try {
        const streamRoute = options.streamRoutes?.[`${req.method} ${path}`];
        if (streamRoute) return await streamRoute(req, res, requestId);
        const body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
        if (path === '/graphql') return await handleGraphQL(req, res, body, requestId);
        const routeKey = `${req.method} ${path}`;
        const route = routes[routeKey];
        if (route) {
          processCounters.routes[routeKey] = (processCounters.routes[routeKey] ?? 0) + 1;
          return await route(req, res, body);
        }
        sendJson(res, 404, { error: 'not found' });
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
          req.destroy();
          return;
        }
        options.logger.error({ err: error, requestId, path }, 'unhandled request error');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else res.end();
      }
    })();
  });
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Tells a parent process (the launcher or the test harness) that this service listens. */
export function announceReady(service: string, url: string): void {
  process.send?.({ type: 'ready', service, url });
}
