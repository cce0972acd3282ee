// Calls between our own services (gateway → subgraphs, subgraphs → the consent decision point) over undici's dispatcher
// with one keep-alive agent per process. Measured in the benchmark: node:http was 1.07–2.56× the requests/s of WHATWG
// fetch (docs/benchmarks.md, run of 2026-11-25 17:40, "node:http fetcher" experiment), because fetch's
// Request/Response/stream machinery costs more than the call itself on loopback; undici's `dispatch`, below fetch,
// costs the caller less than node:http again (docs/benchmarks.md "Subgraph calls through undici's dispatcher").
// Only JSON POSTs to our own HTTP services take this path.
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { Agent, type Dispatcher } from 'undici';

/**
 * How long an idle socket to one of our services is kept for the next call: well under the servers' keep-alive
 * timeout (http.ts `SERVER_KEEP_ALIVE_TIMEOUT_MS`, and Node's default of 5 s for any other server). A socket the server
 * closes at the moment a call is sent on it fails that call (ECONNRESET), and the gateway answers that subgraph's part
 * as SERVICE_UNAVAILABLE. With node:http's agent, which kept free sockets without limit unless given a timeout, a burst
 * after a quiet minute reached for sockets idle since then just as the servers closed them (docs/benchmarks.md "A fresh
 * database, and idle sockets"); the client closes them first.
 */
export const SERVICE_SOCKET_IDLE_MS = 4_000;

/**
 * Sockets kept open per service: enough for the gateway's concurrent subgraph calls at benchmark load. undici shortens
 * the idle time to the server's Keep-Alive hint less a second, never lengthens it past `keepAliveMaxTimeout`.
 */
const serviceAgent = new Agent({ connections: 256, keepAliveTimeout: SERVICE_SOCKET_IDLE_MS, keepAliveMaxTimeout: SERVICE_SOCKET_IDLE_MS });

/** The part of a fetch Response that our callers and `RemoteGraphQLDataSource` read. */
export interface ServiceResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export class ServiceTimeoutError extends Error {
  constructor(url: string, timeoutMs: number) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
    this.name = 'ServiceTimeoutError';
  }
}

/**
 * POSTs `body` and resolves with the whole answer; rejects on a connection error or when no complete answer
 * arrived within `timeoutMs` (the request is then aborted and its socket closed).
 */
export function postToService(url: string | URL, init: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<ServiceResponse> {
  const target = typeof url === 'string' ? new URL(url) : url;
  if (target.protocol !== 'http:') return Promise.reject(new Error(`service calls are plain HTTP on the service network, got ${target.protocol}`));
  return new Promise<ServiceResponse>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let timedOut: ServiceTimeoutError | undefined;
    const timer = setTimeout(() => {
      timedOut = new ServiceTimeoutError(target.toString(), init.timeoutMs);
      // A call still queued for a socket (every connection to that service busy) has not started: it fails now, and is
      // aborted as soon as it starts.
      if (controller) controller.abort(timedOut);
      else reject(timedOut);
    }, init.timeoutMs);
    let status = 0;
    let statusText = '';
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    // `dispatch` with a handler of our own: `request` would put a readable stream between the socket and the text,
    // for an answer that is always read whole.
    serviceAgent.dispatch({
      origin: target.origin,
      path: target.pathname + target.search,
      method: 'POST',
      headers: init.headers,
      body: init.body,
    }, {
      onRequestStart(started) {
        controller = started;
        if (timedOut !== undefined) started.abort(timedOut);
      },
      onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
        status = statusCode;
        statusText = statusMessage || (STATUS_CODES[statusCode] ?? '');
        headers = responseHeaders;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        clearTimeout(timer);
        const text = (chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText,
          url: target.toString(),
          headers: {
            get: (name) => {
              const value = headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : (value ?? null);
            },
          },
          text: () => Promise.resolve(text),
          json: () => {
            try {
              return Promise.resolve(JSON.parse(text) as unknown);
            } catch (error) {
              return Promise.reject(error instanceof Error ? error : new Error(String(error)));
            }
          },
        });
      },
      onResponseError(_controller, error) {
        clearTimeout(timer);
        reject(timedOut ?? error);
      },
    });
  });
}
