import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestSystem, type TestSystem } from './harness';
import { writeZip } from './zipFiles';

let system: TestSystem;
const REGISTERED = 'query PortalHome { me { id name } }';
beforeAll(async () => {
  const manifest = path.join(mkdtempSync(path.join(tmpdir(), 'onshi-trusted-')), 'persisted-documents.json');
  writeFileSync(manifest, JSON.stringify({ abc123: REGISTERED }));
  system = await startTestSystem({ gatewayEnv: { RATE_LIMIT_REQUESTS: '40', RATE_LIMIT_WINDOW_SECONDS: '60', UPLOAD_RATE_LIMIT_REQUESTS: '2', MAX_BODY_BYTES: '20000', TRUSTED_DOCUMENTS_PATH: manifest } });
});
afterAll(async () => {
  await system?.stop();
});

const post = (body: unknown, token?: string) =>
  fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('gateway limits: abusive requests are refused with a status and a code, limits not revealed', () => {
  test('too many aliases → 400 with a code and no limit value in the text', async () => {
    const token = await system.token('yamada');
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: id`).join(' ');
    const response = await post({ query: `{ me { id ${aliases} } }` }, token);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(response.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/\b20\b/);
  });

  test('a document deeper than allowed → 400', async () => {
    const token = await system.token('yamada');
    const ordinary = '{ me { qualifications { insurerNumber } } }';
    // Fragments are flattened when measuring depth: a fragment cycle-free chain deeper than the limit is refused.
    const fragments = Array.from({ length: 15 }, (_, i) => `fragment F${i} on Patient { id ${i < 14 ? `... on Patient { ...F${i + 1} }` : ''} }`).join('\n');
    const response = await post({ query: `{ me { ...F0 } }\n${fragments}` }, token);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const ok = await post({ query: ordinary }, token);
    expect(ok.status).toBe(200);
  });

  test('an oversized document (tokens) → 400 GRAPHQL_PARSE_FAILED, not a 500', async () => {
    const token = await system.token('yamada');
    const response = await post({ query: `{ me { ${'id '.repeat(4000)} } }` }, token);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  test('an oversized body → 413', async () => {
    const response = await post({ query: '{ __typename }', variables: { padding: 'x'.repeat(30_000) } });
    expect(response.status).toBe(413);
  });

  test('batched operations are refused', async () => {
    const response = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
  });

  test('malformed JSON → 400 with a code, no stack trace', async () => {
    const response = await post('{"query": ');
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain('BAD_REQUEST');
    expect(text).not.toMatch(/\s+at\s+\S+\s+\(/);
  });

  test('introspection: refused for a doctor, allowed for an operator; no field suggestions', async () => {
    const doctor = await system.token('clinic-doctor');
    const refused = await post({ query: '{ __schema { queryType { name } } }' }, doctor);
    const refusedBody = (await refused.json()) as { errors: Array<{ extensions: { code: string } }>; data?: unknown };
    expect(refusedBody.errors[0]?.extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refusedBody)).not.toContain('queryType');
    const admin = await system.token('admin');
    const allowed = (await (await post({ query: '{ __schema { queryType { name } } }' }, admin)).json()) as { data: { __schema: { queryType: { name: string } } } };
    expect(allowed.data.__schema.queryType.name).toBe('Query');
    const typo = (await (await post({ query: '{ mee { id } }' }, doctor)).json()) as { errors: Array<{ message: string }> };
    expect(typo.errors[0]?.message).not.toMatch(/Did you mean/);
  });

  test('per-client rate limit → 429 with Retry-After, other clients unaffected', async () => {
    const token = await system.token('dental-dentist');
    let limited: Response | undefined;
    for (let i = 0; i < 60 && !limited; i += 1) {
      const response = await post({ query: '{ __typename }' }, token);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited?.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
    const other = await post({ query: '{ __typename }' }, await system.token('pharmacy-pharmacist'));
    expect(other.status).toBe(200);
  });

  test('checkup-archive uploads have their own limit: the (N+1)th in the window → 429 RATE_LIMITED before the checkups service sees it', async () => {
    const archive = path.join(mkdtempSync(path.join(tmpdir(), 'onshi-upload-limit-')), 'a.zip');
    // One file that is no checkup file: the import refuses it and stores nothing, which is all this test needs.
    writeZip(archive, [{ name: 'DATA/h0001.xml', data: 'not a checkup file' }]);
    const body = readFileSync(archive);
    const upload = async (token: string) => {
      const response = await fetch(`${system.gatewayUrl}/uploads/checkup-archive`, { method: 'POST', headers: { 'content-type': 'application/zip', 'authorization': `Bearer ${token}` }, body });
      return { status: response.status, importId: response.headers.get('x-import-id'), retryAfter: response.headers.get('retry-after'), text: await response.text() };
    };
    const kokuho = await system.token('insurer-kokuho');
    const allowed = [await upload(kokuho), await upload(kokuho)];
    expect(allowed.map((a) => a.status)).toEqual([200, 200]);
    expect(allowed.every((a) => a.importId !== null && a.text.includes('"type":"summary"'))).toBe(true);

    const refused = await upload(kokuho);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: expect.stringContaining('リクエストが多すぎます') as string, extensions: { code: 'RATE_LIMITED' } }] });
    // Nothing was imported: no import id, no per-file line, and the limit is not revealed.
    expect(refused.importId).toBeNull();
    expect(refused.text).not.toContain('"type":"file"');
    expect(refused.text).not.toMatch(/\b2\b/u);

    // The limit is the client's: another insurer uploads, and the same insurer's GraphQL requests go on.
    expect((await upload(await system.token('insurer-kyokai'))).status).toBe(200);
    expect((await post({ query: '{ __typename }' }, kokuho)).status).toBe(200);
  });
});

describe('GraphiQL for operators', () => {
  const get = (path: string, cookie?: string) => fetch(`${system.gatewayUrl}${path}`, { headers: cookie ? { cookie: `onshi_operator=${cookie}` } : {}, redirect: 'manual' });

  test('without an operator session: 401 and a login form, no schema', async () => {
    const response = await get('/graphiql');
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).toContain('/graphiql/login');
    expect(text).not.toContain('graphiql.js');
  });

  test('a doctor session is refused (403)', async () => {
    const response = await get('/graphiql', await system.token('clinic-doctor'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('graphiql.js');
  });

  test('an operator gets GraphiQL, its local assets, and may introspect with the session cookie', async () => {
    const admin = await system.token('admin');
    const page = await get('/graphiql', admin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/graphiql/assets/graphiql.js');
    for (const asset of ['graphiql.js', 'graphiql.css', 'react.js', 'react-dom.js']) expect((await get(`/graphiql/assets/${asset}`)).status).toBe(200);
    const introspection = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': `onshi_operator=${admin}` },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(((await introspection.json()) as { data: { __schema: { queryType: { name: string } } } }).data.__schema.queryType.name).toBe('Query');
  });

  test('a failed operator login answers 401 without setting a session', async () => {
    const response = await fetch(`${system.gatewayUrl}/graphiql/login`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'staffId=A0001&password=wrong&totp=000000', redirect: 'manual',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('trusted documents for the portal client', () => {
  const send = (query: string, token: string, client?: string) =>
    fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}`, ...(client ? { 'apollographql-client-name': client } : {}) },
      body: JSON.stringify({ query }),
    });

  test('the portal client runs its registered operation (whitespace and __typename do not matter)', async () => {
    const token = await system.token('yamada');
    const response = await send('query PortalHome {\n  me { __typename id name }\n}', token, 'onshi-portal');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { me: { name: string } } }).data.me.name).toBe('山田 太郎');
  });

  test('the portal client is refused any other operation, before anything is fetched', async () => {
    const token = await system.token('yamada');
    const response = await send('query Other { me { id name address } }', token, 'onshi-portal');
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(text).toContain('UNTRUSTED_DOCUMENT');
    expect(text).not.toContain('山田');
  });

  test('other clients (vendors) may send arbitrary operations within the limits', async () => {
    const response = await send('query Other { me { id name address } }', await system.token('yamada'));
    expect(response.status).toBe(200);
  });
});

// Last in this file: it stops the checkups subgraph.
describe('partial failure', () => {
  test('with the checkups subgraph down, qualifications and drugs still answer; the error names checkups; /ready reports it', async () => {
    const token = await system.token('yamada');
    await system.stopService('checkups');
    const result = await system.graphql<{ me: { name: string; currentQualification: { insurerNumber: string }; dispensings: { edges: unknown[] } | null; checkups: unknown[] | null } }>(
      '{ me { name currentQualification { insurerNumber } dispensings(first: 3) { edges { node { drugName } } } checkups { fiscalYear } } }', {}, token,
    );
    expect(result.body.data?.me).toMatchObject({ name: '山田 太郎', currentQualification: { insurerNumber: '131011' }, checkups: null });
    expect(result.body.data?.me.dispensings?.edges.length).toBeGreaterThan(0);
    const error = result.body.errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
    expect(error?.message).toContain('checkups');
    expect(error?.extensions?.service).toBe('checkups');
    const ready = await fetch(`${system.gatewayUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, boolean> }).checks).toMatchObject({ checkups: false, qualifications: true, drugs: true });
    expect((await fetch(`${system.gatewayUrl}/health`)).status).toBe(200);
  });
});
