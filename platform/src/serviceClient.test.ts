import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SERVER_KEEP_ALIVE_TIMEOUT_MS } from './http';
import { postToService, SERVICE_SOCKET_IDLE_MS } from './serviceClient';

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

  test('calls close together share one socket; an idle socket is closed by the client long before the server would, and the next call opens a fresh one', async () => {
    expect(SERVICE_SOCKET_IDLE_MS).toBeLessThan(SERVER_KEEP_ALIVE_TIMEOUT_MS);
    await call();
    await call();
    expect(connections).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, SERVICE_SOCKET_IDLE_MS + 1_000));
    // Closed from the client's side: the server's own timeout is a minute away.
    expect(connections[0]?.closedAt).toBeDefined();
    expect((connections[0]?.closedAt ?? Infinity) - (connections[0]?.openedAt ?? 0)).toBeLessThan(SERVER_KEEP_ALIVE_TIMEOUT_MS);

    await call();
    expect(connections).toHaveLength(2);
  }, 20_000);
});
