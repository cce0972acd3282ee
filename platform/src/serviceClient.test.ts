import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SERVER_KEEP_ALIVE_TIMEOUT_MS } from './http';
import { postToService, SERVICE_SOCKET_IDLE_MS, ServiceTimeoutError } from './serviceClient';

/**
 * The service client retires an idle socket before the server would close it (serviceClient.ts
 * `SERVICE_SOCKET_IDLE_MS`): otherwise a call sent on a socket at the moment the server closes it fails, and the gateway
 * answers that subgraph's part as SERVICE_UNAVAILABLE (seen in the benchmark after a quiet minute). A real server with
 * our services' keep-alive timeout, real sockets: who closes the connection, and when.
 */
describe('idle sockets to our services (serviceClient.ts)', () => {
  let server: Server;
  let url: string;
  const connections: Array<{ openedAt: number; closedAt?: number }> = [];

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    server.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
    server.on('connection', (socket: Socket) => {
      const connection: { openedAt: number; closedAt?: number } = { openedAt: Date.now() };
      connections.push(connection);
      socket.on('close', () => (connection.closedAt = Date.now()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = async () => {
    const response = await postToService(url, { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 2_000 });
    expect(await response.json()).toEqual({ ok: true });
  };

  test('calls close together reuse the open sockets; an idle socket is closed by the client long before the server would, and the next call opens a fresh one', async () => {
    expect(SERVICE_SOCKET_IDLE_MS).toBeLessThan(SERVER_KEEP_ALIVE_TIMEOUT_MS);
    // undici may open a second socket for the call right after the very first (the first socket counts as busy until
    // its first answer is drained); from then on, calls one after another open none.
    await call();
    await call();
    const opened = connections.length;
    expect(opened).toBeLessThanOrEqual(2);
    for (let i = 0; i < 10; i += 1) await call();
    expect(connections).toHaveLength(opened);

    await new Promise((resolve) => setTimeout(resolve, SERVICE_SOCKET_IDLE_MS + 1_000));
    // Closed from the client's side: the server's own timeout is a minute away.
    for (const connection of connections) {
      expect(connection.closedAt).toBeDefined();
      expect((connection.closedAt ?? Infinity) - connection.openedAt).toBeLessThan(SERVER_KEEP_ALIVE_TIMEOUT_MS);
    }

    await call();
    expect(connections).toHaveLength(opened + 1);
  }, 20_000);
});

/** What callers read off an answer, and how a call fails: a real server on an ephemeral port, real sockets. */
describe('answers and failures of a service call (serviceClient.ts)', () => {
  let server: Server;
  let base: string;
  const silentSockets: Socket[] = [];
  // A long answer in Japanese, sent in pieces that split multi-byte characters: the text is decoded whole, once.
  const longAnswer = JSON.stringify({ data: { names: Array.from({ length: 4_000 }, (_, i) => `山田 花子 ${i}`) } });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/silent') { // never answers
        silentSockets.push(req.socket);
        return;
      }
      if (req.url === '/long') {
        const bytes = Buffer.from(longAnswer, 'utf8');
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-part': ['a', 'b'] });
        for (let at = 0; at < bytes.length; at += 7_001) res.write(bytes.subarray(at, at + 7_001));
        res.end();
        return;
      }
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ echoed: body, authorization: req.headers.authorization ?? null, length: req.headers['content-length'] ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('the body and headers arrive as sent; a non-2xx answer is not ok and keeps its status text and body', async () => {
    const body = JSON.stringify({ query: '{ me { name } }', variables: { name: '佐藤 一郎' } });
    const response = await postToService(`${base}/echo?x=1`, { headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body, timeoutMs: 2_000 });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(503);
    expect(response.statusText).toBe('Service Unavailable');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('x-absent')).toBeNull();
    expect(await response.json()).toEqual({ echoed: body, authorization: 'Bearer t', length: String(Buffer.byteLength(body)) });
  });

  test('an answer in many pieces is read whole and decoded once; repeated headers are joined', async () => {
    const response = await postToService(`${base}/long`, { headers: {}, body: '{}', timeoutMs: 2_000 });
    expect(response.ok).toBe(true);
    expect(await response.text()).toBe(longAnswer);
    expect(response.headers.get('x-part')).toBe('a, b');
  });

  test('no answer within the timeout: the call fails with ServiceTimeoutError and its socket is closed', async () => {
    const started = Date.now();
    await expect(postToService(`${base}/silent`, { headers: {}, body: '{}', timeoutMs: 300 })).rejects.toThrow(ServiceTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The server sees the client give the socket up (no answer is ever read from it again).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(silentSockets).toHaveLength(1);
    expect(silentSockets[0]?.destroyed).toBe(true);
  });

  test('a call queued behind 256 busy sockets to the same service still fails at its own timeout', async () => {
    const busy = Array.from({ length: 256 }, () => postToService(`${base}/silent`, { headers: {}, body: '{}', timeoutMs: 4_000 }).catch((error: unknown) => error));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await expect(postToService(`${base}/silent`, { headers: {}, body: '{}', timeoutMs: 300 })).rejects.toThrow(ServiceTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await Promise.all(busy)).every((error) => error instanceof ServiceTimeoutError)).toBe(true);
  }, 15_000);

  test('a service that is not listening fails the call, not the process', async () => {
    await expect(postToService('http://127.0.0.1:9/graphql', { headers: {}, body: '{}', timeoutMs: 2_000 })).rejects.toThrow();
  });

  test('only plain HTTP on the service network', async () => {
    await expect(postToService('https://127.0.0.1/graphql', { headers: {}, body: '{}', timeoutMs: 2_000 })).rejects.toThrow(/plain HTTP/);
  });
});
