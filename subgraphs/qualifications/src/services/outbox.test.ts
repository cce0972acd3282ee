import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, INSURER_CHANGES_PATH, INTERNAL_SECRET_HEADER, type InsurerChangeEvent } from '@onshi/kit';
import { backoffMs, createInsurerChangeRelay, type ClaimedEvent, type OutboxStore } from './outbox';

/**
 * The relay's delivery rules against a real HTTP receiver standing in for checkups' endpoint: a failure is
 * retried after a backoff, a success is never sent again (docs/contracts.md contract 6). The table-backed store is exercised
 * by the system test (events reach the real checkups subgraph).
 */
function memoryStore(events: InsurerChangeEvent[]) {
  const rows = events.map((payload) => ({ payload, attempts: 0, dueAt: 0, deliveredAt: null as number | null, lastError: null as string | null }));
  const store: OutboxStore = {
    async claimDue(limit) {
      const now = Date.now();
      const due = rows.filter((r) => r.deliveredAt === null && r.dueAt <= now).slice(0, limit);
      return due.map((r): ClaimedEvent => {
        r.attempts += 1;
        r.dueAt = now + 30_000;
        return { eventId: r.payload.eventId, attempts: r.attempts, payload: r.payload };
      });
    },
    async markDelivered(eventId) {
      const row = rows.find((r) => r.payload.eventId === eventId);
      if (row) row.deliveredAt = Date.now();
    },
    async markFailed(eventId, error, retryAt) {
      const row = rows.find((r) => r.payload.eventId === eventId);
      if (row) Object.assign(row, { lastError: error, dueAt: retryAt.getTime() });
    },
    async nextDueAt() {
      const pending = rows.filter((r) => r.deliveredAt === null).map((r) => r.dueAt);
      return pending.length > 0 ? new Date(Math.min(...pending)) : null;
    },
  };
  return { store, rows };
}

let server: Server;
let receiverUrl: string;
const received: Array<{ secret: string | undefined; body: InsurerChangeEvent }> = [];
let failuresToAnswer = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url !== INSURER_CHANGES_PATH || failuresToAnswer > 0) {
        failuresToAnswer -= 1;
        res.writeHead(503).end();
        return;
      }
      const secret = req.headers[INTERNAL_SECRET_HEADER];
      received.push({ secret: typeof secret === 'string' ? secret : undefined, body: JSON.parse(body) as InsurerChangeEvent });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('backoff doubles from 1 s up to 5 minutes', () => {
  expect([1, 2, 3, 4].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
  expect(backoffMs(20)).toBe(300_000);
});

test('an event is retried after a failure and delivered once, with the internal secret', async () => {
  const secret = 'x'.repeat(32);
  const event: InsurerChangeEvent = { eventId: '00000000-0000-4000-8000-000000000001', patientId: 'pt_test', fromInsurerNumber: '01130012', toInsurerNumber: '131011', effectiveDate: '2026-10-01' };
  const { store, rows } = memoryStore([event]);
  const relay = createInsurerChangeRelay({ store, subscriberUrls: [receiverUrl], internalSecret: secret, logger: createLogger('test', 'silent') });

  failuresToAnswer = 1;
  expect(await relay.deliverDue()).toBe(0);
  expect(rows[0]).toMatchObject({ attempts: 1, deliveredAt: null, lastError: `${receiverUrl}: HTTP 503` });
  expect(rows[0]?.dueAt).toBeGreaterThan(Date.now());

  // Not due yet (backoff): nothing is sent.
  expect(await relay.deliverDue()).toBe(0);
  expect(received).toHaveLength(0);

  rows.forEach((row) => (row.dueAt = 0));
  expect(await relay.deliverDue()).toBe(1);
  expect(received).toEqual([{ secret, body: event }]);
  expect(rows[0]?.deliveredAt).not.toBeNull();

  expect(await relay.deliverDue()).toBe(0);
  expect(received).toHaveLength(1);
  relay.stop();
});

test('an unreachable receiver counts as a failure, not a crash', async () => {
  const event: InsurerChangeEvent = { eventId: '00000000-0000-4000-8000-000000000002', patientId: 'pt_test', fromInsurerNumber: null, toInsurerNumber: '131011', effectiveDate: '2026-10-01' };
  const { store, rows } = memoryStore([event]);
  const relay = createInsurerChangeRelay({ store, subscriberUrls: ['http://127.0.0.1:1'], internalSecret: 'x'.repeat(32), logger: createLogger('test', 'silent') });
  expect(await relay.deliverDue()).toBe(0);
  expect(rows[0]?.lastError).toBeTruthy();
  expect(rows[0]?.deliveredAt).toBeNull();
  relay.stop();
});

test('an event is delivered only when every subscriber (checkups and consent) accepted it', async () => {
  const event: InsurerChangeEvent = { eventId: '00000000-0000-4000-8000-000000000003', patientId: 'pt_test', fromInsurerNumber: null, toInsurerNumber: '131011', effectiveDate: '2026-10-01' };
  const { store, rows } = memoryStore([event]);
  const relay = createInsurerChangeRelay({ store, subscriberUrls: [receiverUrl, 'http://127.0.0.1:1'], internalSecret: 'x'.repeat(32), logger: createLogger('test', 'silent') });
  expect(await relay.deliverDue()).toBe(0);
  expect(rows[0]?.deliveredAt).toBeNull();
  expect(rows[0]?.lastError).toContain('http://127.0.0.1:1');
  relay.stop();
});
