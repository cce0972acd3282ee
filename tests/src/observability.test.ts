import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestSystem, type TestSystem } from './harness';

/** A minimal OTLP/HTTP (JSON) trace collector on loopback: records service name and trace id of every span. */
interface ReceivedSpan { service: string; traceId: string; name: string }
const spans: ReceivedSpan[] = [];
let collector: Server;
let system: TestSystem;

interface OtlpBody {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans?: Array<{ spans?: Array<{ traceId: string; name: string }> }>;
  }>;
}

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as OtlpBody;
      for (const resourceSpan of body.resourceSpans ?? []) {
        const service = resourceSpan.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of resourceSpan.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ service, traceId: span.traceId, name: span.name });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  system = await startTestSystem({
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    gatewayEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
  });
});
afterAll(async () => {
  await system?.stop();
  collector?.close();
});

describe('observability', () => {
  test('the gateway\'s request id follows a request into the access log; a client-chosen id is only echoed', async () => {
    const doctor = await system.token('clinic-doctor');
    const clientId = `obs-${Date.now()}`;
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${doctor}`, 'x-request-id': clientId },
      body: JSON.stringify({ query: 'query($id: ID!) { patient(id: $id) { name } }', variables: { id: system.patient(0).id } }),
    });
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-client-request-id')).toBe(clientId);
    const log = await system.graphql<{ me: { accessLog: Array<{ requestId: string; actorRole: string }> } }>('{ me { accessLog(first: 20) { requestId actorRole } } }', {}, await system.token('yamada'));
    expect(log.body.data?.me.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ requestId, actorRole: 'DOCTOR' })]));
    // A client cannot write its own correlation id into the log (it could forge or collide with another request's).
    expect(log.body.data?.me.accessLog.map((entry) => entry.requestId)).not.toContain(clientId);
  });

  test('with OTEL_EXPORTER_OTLP_ENDPOINT set, gateway and subgraph spans share one trace', async () => {
    const doctor = await system.token('clinic-doctor');
    await system.graphql('query($id: ID!) { patient(id: $id) { name } }', { id: system.patient(0).id }, doctor);
    let shared: string | undefined;
    for (let attempt = 0; attempt < 50 && !shared; attempt += 1) {
      await new Promise((r) => setTimeout(r, 200));
      const gatewayTraces = new Set(spans.filter((s) => s.service === 'onshi-gateway').map((s) => s.traceId));
      shared = spans.find((s) => s.service === 'onshi-qualifications' && gatewayTraces.has(s.traceId))?.traceId;
    }
    expect(shared).toBeDefined();
    const servicesInTrace = new Set(spans.filter((s) => s.traceId === shared).map((s) => s.service));
    expect([...servicesInTrace]).toEqual(expect.arrayContaining(['onshi-gateway', 'onshi-qualifications', 'onshi-consent']));
  });
});
