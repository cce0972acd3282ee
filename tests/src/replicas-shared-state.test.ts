/**
 * Two replicas of the gateway and of the consent subgraph sharing one PostgreSQL database and one Redis
 * (docs/operations.md "Replicas and shared state"): the per-client rate limit and the login back-off count
 * across both, a token logged out through one is refused by the other at once, and a TOTP code used on one
 * is refused on the other. Replicas of a service share a database, which embedded PGlite cannot be: this file
 * always runs on PostgreSQL (DATABASE_URL, or the local server every test machine runs).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { spawnService, type ServiceProcess } from '@onshi/system';
import { loginDemoAccount, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD, demoTotpSecret } from '@onshi/demo';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './harness';

process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
/** This run's keys only, so parallel runs and other systems on the same Redis never meet. */
const REDIS_KEY_PREFIX = `onshi-test-${randomBytes(6).toString('hex')}:`;
const RATE_LIMIT_REQUESTS = 20;

let system: TestSystem;
let consentB: ServiceProcess;
let gatewayB: ServiceProcess;
let gatewayA: string;
let gatewayBUrl: string;

beforeAll(async () => {
  const shared = { REDIS_URL, REDIS_KEY_PREFIX };
  system = await startTestSystem({ patients: 4, env: shared, gatewayEnv: { ...shared, RATE_LIMIT_REQUESTS: String(RATE_LIMIT_REQUESTS) } });
  gatewayA = `${system.gatewayUrl}/graphql`;
  // The second consent replica: same database, same data directory (signing and sealing keys), same Redis.
  consentB = await spawnService('consent', {
    stdio: 'pipe',
    env: {
      ...shared, DATA_DIR: system.dataDir, DATABASE_URL: system.databaseUrl, INTERNAL_SECRET: system.internalSecret, DEMO_MODE: 'true',
      DEMO_PATIENTS: String(system.demo.patients), DEMO_SEED: system.demo.seed, DEMO_AS_OF: system.demo.asOf, QUALIFICATIONS_SERVICE_URL: system.urls.qualifications,
      HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn',
    },
  });
  // The second gateway sends consent's operations to the second replica, everything else to the same subgraphs.
  gatewayB = await spawnService('gateway', {
    stdio: 'pipe',
    env: {
      ...shared, RATE_LIMIT_REQUESTS: String(RATE_LIMIT_REQUESTS), INTERNAL_SECRET: system.internalSecret, PORT: '0', LOG_LEVEL: 'warn',
      CONSENT_URL: consentB.url, CONSENT_GRAPHQL_URL: `${consentB.url}/graphql`, QUALIFICATIONS_URL: `${system.urls.qualifications}/graphql`,
      DRUGS_URL: `${system.urls.drugs}/graphql`, CHECKUPS_URL: `${system.urls.checkups}/graphql`,
    },
  });
  gatewayBUrl = `${gatewayB.url}/graphql`;
});

afterAll(async () => {
  await gatewayB?.stop();
  await consentB?.stop();
  await system?.stop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${REDIS_KEY_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

/** A request as a client at `address` would send it through the portal or a proxy of ours (kit clientAddressOf). */
async function post<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, options: { token?: string; address?: string } = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.address ? { 'x-forwarded-for': options.address } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse<T>['body'], text };
}

const STAFF_LOGIN = 'mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken role } }';
const doctor = DEMO_STAFF.find((s) => s.account === 'clinic-doctor');
if (!doctor) throw new Error('no demo doctor');

describe('replicas share their counters and revocations through Redis', () => {
  test('the per-client rate limit counts the requests of both gateways together', async () => {
    const address = '198.51.100.20';
    for (let i = 0; i < RATE_LIMIT_REQUESTS; i += 1) {
      const answer = await post(i % 2 === 0 ? gatewayA : gatewayBUrl, '{ __typename }', {}, { address });
      expect(answer.status).toBe(200);
    }
    // Each gateway saw only half of the limit; together the client has used it up, on either of them.
    for (const url of [gatewayA, gatewayBUrl]) {
      const refused = await post(url, '{ __typename }', {}, { address });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(refused.body.data ?? null).toBeNull();
    }
    expect((await post(gatewayBUrl, '{ __typename }', {}, { address: '198.51.100.21' })).status).toBe(200);
  });

  test('failed logins spread over both consent replicas slow the guesser down as if on one', async () => {
    const address = '203.0.113.7';
    const guess = (url: string) => post(url, STAFF_LOGIN, { f: doctor.facilityCode, s: doctor.staffId, p: 'wrong password', t: '000000' }, { address });
    let failures = 0;
    for (let attempt = 0; failures < 7 && attempt < 20; attempt += 1) {
      const answer = await guess(attempt % 2 === 0 ? gatewayA : gatewayBUrl);
      const error = answer.body.errors?.[0];
      expect(answer.body.data?.staffLogin ?? null).toBeNull();
      if (error?.extensions?.code === 'LOGIN_THROTTLED') {
        await new Promise((resolve) => setTimeout(resolve, Number(error.extensions?.retryAfterMs) + 100));
      } else {
        expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
        failures += 1;
      }
    }
    expect(failures).toBe(7);
    // Seven failures between them (3 or 4 on each replica): the eighth attempt, right credentials or not, on either
    // replica, waits 8 s — per replica it would have waited at most 1 s.
    for (const url of [gatewayA, gatewayBUrl]) {
      const right = await post(url, STAFF_LOGIN, { f: doctor.facilityCode, s: doctor.staffId, p: DEMO_STAFF_PASSWORD, t: totpCode(demoTotpSecret(system.demo.seed, 'clinic-doctor'), new Date()) }, { address });
      expect(right.body.errors?.[0]?.extensions?.code).toBe('LOGIN_THROTTLED');
      expect(Number(right.body.errors?.[0]?.extensions?.retryAfterMs)).toBeGreaterThan(4_000);
      expect(right.body.data?.staffLogin ?? null).toBeNull();
    }
  });

  test('a token logged out through one replica is refused by the other at once', async () => {
    const call: GraphQLCall = async (query, variables, bearer) => (await post(gatewayA, query, variables, { token: bearer })).body;
    const session = await loginDemoAccount(call, system.demo, 'clinic-reception');
    const capabilities = '{ capabilities { category } }';
    // Both gateways (and both consent replicas behind them) have verified and cached the token.
    for (const url of [gatewayA, gatewayBUrl]) {
      const accepted = await post<{ capabilities: unknown[] }>(url, capabilities, {}, { token: session.accessToken });
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data?.capabilities.length).toBeGreaterThan(0);
    }
    const logout = await post<{ logout: boolean }>(gatewayA, 'mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken }, { token: session.accessToken });
    expect(logout.body.data?.logout).toBe(true);
    for (const url of [gatewayBUrl, gatewayA]) {
      const refused = await post(url, capabilities, {}, { token: session.accessToken });
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.text).not.toContain('category');
    }
    // The revocation is a Redis key of this run that expires with the token, not a list that grows for ever.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${REDIS_KEY_PREFIX}revoked:*`);
    const ttls = await Promise.all(keys.map((key) => redis.pttl(key)));
    await redis.quit();
    expect(keys.length).toBe(1);
    expect(ttls[0]).toBeGreaterThan(0);
    expect(ttls[0]).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  test('a TOTP code used on one consent replica is refused on the other', async () => {
    const code = totpCode(demoTotpSecret(system.demo.seed, 'clinic-doctor'), new Date());
    const variables = { f: doctor.facilityCode, s: doctor.staffId, p: DEMO_STAFF_PASSWORD, t: code };
    const first = await post<{ staffLogin: { accessToken: string; role: string } }>(gatewayA, STAFF_LOGIN, variables, { address: '192.0.2.10' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.staffLogin.role).toBe('DOCTOR');
    const replay = await post(gatewayBUrl, STAFF_LOGIN, variables, { address: '192.0.2.11' });
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('TOTP_REUSED');
    expect(replay.body.data?.staffLogin ?? null).toBeNull();
    expect(replay.text).not.toContain('accessToken');
  });
});
