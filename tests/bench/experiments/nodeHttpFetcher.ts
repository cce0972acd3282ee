/**
 * EXPERIMENT (benchmark only, preloaded into one extra gateway worker with `--import`): subgraph calls over
 * node:http with a keep-alive Agent instead of WHATWG fetch (undici), to measure proposal 1 of
 * docs/benchmarks.md in the same run as the unchanged gateway. Only POSTs to `http://…/graphql` — what
 * `ForwardingDataSource` sends through `globalThis.fetch` — take this path; everything else (JWKS,
 * readiness) keeps the real fetch. The response object offers what `RemoteGraphQLDataSource` reads:
 * ok, status, headers.get, json(), text().
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 });
const realFetch = globalThis.fetch;

interface MinimalResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

function post(url: URL, init: RequestInit): Promise<MinimalResponse> {
  return new Promise((resolve, reject) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = typeof init.body === 'string' ? init.body : '';
    const request = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          resolve({
            ok: status >= 200 && status < 300,
            status,
            headers: { get: (name) => { const value = response.headers[name.toLowerCase()]; return Array.isArray(value) ? value.join(', ') : (value ?? null); } },
            text: async () => text,
            json: async () => JSON.parse(text) as unknown,
          });
        });
      },
    );
    request.on('error', reject);
    const signal = init.signal;
    if (signal) {
      if (signal.aborted) request.destroy(new Error('aborted'));
      else signal.addEventListener('abort', () => request.destroy(new Error('aborted')), { once: true });
    }
    request.end(body);
  });
}

globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : new URL(input.url);
  if (init?.method === 'POST' && url.protocol === 'http:' && url.pathname.endsWith('/graphql')) return post(url, init) as unknown as Promise<Response>;
  return realFetch(input, init);
}) as typeof fetch;
