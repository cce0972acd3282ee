// Calls between our own services (gateway → subgraphs, subgraphs → the consent decision point) over
// node:http with one keep-alive agent per process. Measured in the benchmark (docs/benchmarks.md, run of
// 2026-11-25 17:40, "node:http fetcher" experiment): 1.07–2.56× the requests/s of WHATWG fetch (undici)
// through the gateway on the same run, because undici's Request/Response/stream machinery costs more than
// the call itself on loopback. Only JSON POSTs to our own HTTP services take this path.
import http from 'node:http';

/**
 * How long an idle socket to one of our services is kept for the next call: well under the servers' keep-alive
 * timeout (http.ts `SERVER_KEEP_ALIVE_TIMEOUT_MS`, and Node's default of 5 s for any other server). A socket the server
 * closes at the moment a call is sent on it fails that call (ECONNRESET), and the gateway answers that subgraph's part
 * as SERVICE_UNAVAILABLE. Node's agent keeps free sockets without limit unless given a timeout (it only shortens one
 * from the server's Keep-Alive hint), and reuses the most recent first, so after a quiet minute a burst reached for
 * sockets idle since then just as the servers closed them (docs/benchmarks.md "A fresh database, and idle sockets").
 */
export const SERVICE_SOCKET_IDLE_MS = 4_000;

/** Sockets kept open per service: enough for the gateway's concurrent subgraph calls at benchmark load. */
const serviceAgent = new http.Agent({ keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 256, maxFreeSockets: 64, timeout: SERVICE_SOCKET_IDLE_MS });

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
 * arrived within `timeoutMs` (the request is then destroyed).
 */
export function postToService(url: string | URL, init: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<ServiceResponse> {
  const target = typeof url === 'string' ? new URL(url) : url;
  if (target.protocol !== 'http:') return Promise.reject(new Error(`service calls are plain HTTP on the service network, got ${target.protocol}`));
  return new Promise<ServiceResponse>((resolve, reject) => {
    const request = http.request({
      agent: serviceAgent,
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: 'POST',
      headers: { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: response.statusMessage ?? '',
          url: target.toString(),
          headers: {
            get: (name) => {
              const value = response.headers[name.toLowerCase()];
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
      });
    });
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    const timer = setTimeout(() => request.destroy(new ServiceTimeoutError(target.toString(), init.timeoutMs)), init.timeoutMs);
    request.on('error', fail);
    request.end(init.body);
  });
}
