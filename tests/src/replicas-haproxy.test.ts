/**
 * The replicated start (docs/operations.md "Replicated start"): two replicas of the gateway and of every
 * subgraph behind Debian's HAProxy, on one fresh PostgreSQL database and one Redis. Limits, lockouts and logouts
 * hold across replicas; REPLICA_TEST_READS (the 10,000; default 2,000, see READS) concurrent decisions through both consent replicas
 * leave chains audit:verify accepts with exactly that many new entries; two outbox relays deliver each insurer
 * change once in effect; a consent replica killed with SIGKILL under load loses no acknowledged write.
 * Replicas share a database, which embedded PGlite cannot be: this file always runs on PostgreSQL (DATABASE_URL,
 * or the local server every test machine runs) and Redis (REDIS_URL, or the local one), in both CI phases.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { REPO_ROOT, type DemoOptions } from '@onshi/kit';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD, demoPatient, demoTotpSecret } from '@onshi/demo';
import { startReplicatedSystem, type ReplicatedSystem } from '@onshi/system';
import { loginDemoAccount } from '@onshi/consent/src/cli/demoClient';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { AS_OF, createDatabase, type GraphQLResponse } from './harness';

const DATABASE_BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const REDIS_KEY_PREFIX = `onshi-test-${randomBytes(6).toString('hex')}:`;
const RATE_LIMIT_REQUESTS = 20;
/**
 * The 10,000 with REPLICA_TEST_READS=10000 (measured: 236 s at 42 decisions/s on 2 cores shared with three
 * other test runs; again on 2026-12-02 at a load average of 13–23: the decisions 279 s, the whole file 575 s, all passing).
 * The default keeps this file near 4 minutes on such a machine; the assertions are the same.
 */
const READS = Number(process.env.REPLICA_TEST_READS || 2_000);
const CONCURRENCY = 32;
const PATIENTS = 40;
const demo: DemoOptions = { seed: 'onshi', patients: PATIENTS, asOf: AS_OF };

let system: ReplicatedSystem;
let database: { url: string; drop(): Promise<void> };
let sql: postgres.Sql;
let dataDir: string;
/** What the replicas and HAProxy printed (its server UP/DOWN alerts among it). */
const output: string[] = [];
const internalSecret = randomBytes(32).toString('base64url');

beforeAll(async () => {
  database = await createDatabase(DATABASE_BASE_URL);
  dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-replicas-'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dataDir, 'internal-secret'), internalSecret, { mode: 0o600 });
  system = await startReplicatedSystem({
    replicas: 2,
    env: {
      DATA_DIR: dataDir, INTERNAL_SECRET: internalSecret, DEMO_MODE: 'true', DEMO_PATIENTS: String(PATIENTS), DEMO_SEED: demo.seed,
      DEMO_AS_OF: demo.asOf, LOG_LEVEL: 'warn', DATABASE_URL: database.url, REDIS_URL, REDIS_KEY_PREFIX,
    },
    // Ten processes on a 2-core machine shared with other runs: a login's password hash can take longer than the
    // gateway's default 10 s wait for a subgraph; what this file tests is not that timeout.
    gatewayEnv: { RATE_LIMIT_REQUESTS: String(RATE_LIMIT_REQUESTS), SUBGRAPH_TIMEOUT_MS: '60000' },
    stdio: 'pipe',
    onOutput: (name, text) => void output.push(`[${name}] ${text}`),
  });
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
});

afterAll(async () => {
  // HAProxy's alerts (a replica going DOWN or UP) are few and say what the balancer saw; the rest on request.
  process.stdout.write(output.filter((line) => process.env.TEST_SHOW_OUTPUT || line.startsWith('[haproxy]')).join('').slice(-8_000));
  await sql?.end();
  await system?.stop();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${REDIS_KEY_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

/** Each call its own client address unless one is given: only the limit test shares one. */
const freshAddress = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function post<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, options: { token?: string; address?: string } = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.address ?? freshAddress(),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse<T>['body'], text };
}

const frontend = () => `${system.gatewayUrl}/graphql`;
const gatewayReplicas = () => (system.replicas.get('gateway') ?? []).map((replica) => `${replica.url}/graphql`);
const login = (account: string) => loginDemoAccount(async (query, variables, bearer) => (await post(frontend(), query, variables, { token: bearer })).body, demo, account);

/** Requests HAProxy has sent to each server of a backend so far (its `stot` counter). */
async function servedBy(backend: string): Promise<Map<string, number>> {
  const states = await system.serverStates();
  return new Map(states.filter((s) => s.backend === backend).map((s) => [s.server, s.sessions]));
}

function auditVerify(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/consent/src/cli/audit-verify.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'), DATA_DIR: dataDir, DATABASE_URL: database.url },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** One consented read's decision through the consent frontend: one access-log entry per 200 (internalRoutes.ts). */
async function decide(token: string, patientId: string, requestId: string): Promise<number> {
  const response = await fetch(`${system.frontends.consent}/internal/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-onshi-internal': internalSecret, 'x-request-id': requestId, 'authorization': `Bearer ${token}` },
    body: JSON.stringify({ requests: [{ patientId, category: 'DRUG' }] }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Runs `count` jobs, `concurrency` at a time. */
async function pool(count: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await job(index);
    }
  }));
}

const accessLogCount = async () => Number((await sql`select count(*)::int as n from consent.access_log`)[0]?.n);

const STAFF_LOGIN = 'mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken role } }';
const doctor = DEMO_STAFF.find((s) => s.account === 'clinic-doctor');
if (!doctor) throw new Error('no demo doctor');

test('HAProxy routes every service to two healthy replicas', async () => {
  const states = await system.serverStates();
  expect(states.map((s) => `${s.backend}/${s.server}:${s.status}`).sort()).toEqual(
    ['checkups', 'consent', 'drugs', 'gateway', 'qualifications'].flatMap((name) => [`${name}-replicas/${name}-1:UP`, `${name}-replicas/${name}-2:UP`]),
  );
  // Two replicas started together on one empty database took turns (kit db.ts exclusive): each migration ran once.
  for (const schema of ['consent', 'qualifications', 'drugs', 'checkups']) {
    const [row] = await sql<Array<{ n: number; distinct: number }>>`select count(*)::int as n, count(distinct hash)::int as distinct from ${sql(schema)}.__drizzle_migrations`;
    expect(row?.n).toBe(row?.distinct);
    expect(row?.n).toBeGreaterThan(0);
  }
});

test('the rate limit counts a client across both gateway replicas', async () => {
  const address = '198.51.100.30';
  for (let i = 0; i < RATE_LIMIT_REQUESTS; i += 1) expect((await post(frontend(), '{ __typename }', {}, { address })).status).toBe(200);
  // HAProxy alternated the requests; on either replica, asked directly, the client has used its limit up.
  for (const url of gatewayReplicas()) {
    const refused = await post(url, '{ __typename }', {}, { address });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.data ?? null).toBeNull();
  }
  // A remote client cannot choose its address through HAProxy: the header is replaced for non-loopback peers
  // (haproxyConfig); from loopback (the portal) it is honoured, so another address still passes.
  expect((await post(frontend(), '{ __typename }', {}, { address: '198.51.100.31' })).status).toBe(200);
});

test('failed logins through both replicas throttle the next login on each of them', async () => {
  const address = '203.0.113.30';
  let failures = 0;
  for (let attempt = 0; failures < 7 && attempt < 20; attempt += 1) {
    const answer = await post(frontend(), STAFF_LOGIN, { f: doctor.facilityCode, s: doctor.staffId, p: 'wrong password', t: '000000' }, { address });
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
  for (const url of gatewayReplicas()) {
    const right = await post(url, STAFF_LOGIN, { f: doctor.facilityCode, s: doctor.staffId, p: DEMO_STAFF_PASSWORD, t: totpCode(demoTotpSecret(demo.seed, 'clinic-doctor'), new Date()) }, { address });
    expect(right.body.errors?.[0]?.extensions?.code).toBe('LOGIN_THROTTLED');
    expect(Number(right.body.errors?.[0]?.extensions?.retryAfterMs)).toBeGreaterThan(4_000);
    expect(right.body.data?.staffLogin ?? null).toBeNull();
  }
});

test('a token logged out through one gateway replica is refused by the other at once', async () => {
  const session = await login('clinic-reception');
  const [first, second] = gatewayReplicas();
  if (!first || !second) throw new Error('two gateway replicas expected');
  const capabilities = '{ capabilities { category } }';
  for (const url of [first, second]) {
    const accepted = await post<{ capabilities: unknown[] }>(url, capabilities, {}, { token: session.accessToken });
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.capabilities.length).toBeGreaterThan(0);
  }
  const logout = await post<{ logout: boolean }>(first, 'mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken }, { token: session.accessToken });
  expect(logout.body.data?.logout).toBe(true);
  for (const url of [second, frontend(), first]) {
    const refused = await post(url, capabilities, {}, { token: session.accessToken });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.text).not.toContain('category');
  }
});

test(`${READS} concurrent decisions through both consent replicas: exactly ${READS} new entries, chains intact`, async () => {
  const token = (await login('clinic-doctor')).accessToken;
  const before = await accessLogCount();
  const servedBefore = await servedBy('consent-replicas');
  const statuses = new Map<number, number>();
  const started = Date.now();
  await pool(READS, CONCURRENCY, async (index) => {
    const status = await decide(token, demoPatient(demo, index % PATIENTS).id, `replica-read-${index}-${randomUUID()}`);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`replicas: ${READS} decisions in ${seconds.toFixed(1)} s (${(READS / seconds).toFixed(0)}/s) at concurrency ${CONCURRENCY}\n`);
  expect(Object.fromEntries(statuses)).toEqual({ 200: READS });
  expect(await accessLogCount()).toBe(before + READS);
  // Both replicas appended to the same chains, concurrently.
  const servedAfter = await servedBy('consent-replicas');
  for (const server of ['consent-1', 'consent-2']) expect((servedAfter.get(server) ?? 0) - (servedBefore.get(server) ?? 0)).toBeGreaterThan(READS / 4);
  const verified = await auditVerify();
  expect(verified.output).toMatch(/audit:verify OK: \d+ entries/);
  expect(verified.code).toBe(0);
  // 10,000 reads took 279 s on the shared 2 cores: allow 60 ms a read, and never less than the suite's default.
}, Math.max(120_000, READS * 60));

test('insurer changes relayed by two qualifications replicas arrive once each; a redelivery changes nothing', async () => {
  const insurer = (await login('insurer-kokuho')).accessToken;
  // Demo members of 協会けんぽ (01130012) whom 国保 (131011) acquires, as in qualifications.test.ts.
  const members: number[] = [];
  for (let index = 2; index < PATIENTS && members.length < 4; index += 1) {
    const open = demoPatient(demo, index).coverages.find((c) => c.disqualificationDate === undefined);
    if (open?.insurerNumber === '01130012') members.push(index);
  }
  expect(members.length).toBeGreaterThan(1);
  for (const [k, index] of members.entries()) {
    const changed = await post(frontend(), 'mutation($l: String!, $q: QualificationInput!) { changeInsurer(linkageNumber: $l, qualification: $q) { id } }', {
      l: demoPatient(demo, index).linkageNumber,
      q: { insuredCardSymbol: '', insuredIdentificationNumber: `0099${String(k).padStart(4, '0')}`, insuredBranchNumber: '00', personalFamilyClassification: '1', qualificationDate: '2026-10-01', insuredPartialContributionRatio: '030' },
    }, { token: insurer });
    expect(changed.body.errors).toBeUndefined();
  }
  const patientIds = members.map((index) => demoPatient(demo, index).id);
  let events: Array<{ event_id: string; attempts: number; delivered: boolean; payload: unknown }> = [];
  for (let tries = 0; tries < 100; tries += 1) {
    events = await sql<typeof events>`select event_id::text, attempts, delivered_at is not null as delivered, payload from qualifications.insurer_change_outbox where patient_id in ${sql(patientIds)}`;
    if (events.length === members.length && events.every((e) => e.delivered)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(events.map((e) => e.delivered)).toEqual(members.map(() => true));
  const transfers = async () => sql<Array<{ event_id: string; n: number }>>`select event_id, count(*)::int as n from checkups.insurer_transfers where event_id in ${sql(events.map((e) => e.event_id))} group by event_id order by event_id`;
  expect(await transfers()).toEqual(events.map((e) => ({ event_id: e.event_id, n: 1 })).sort((a, b) => a.event_id.localeCompare(b.event_id)));
  // At least once on the wire, once in effect: the same event again (a relay that died before marking it) is absorbed.
  const again = await fetch(`${system.frontends.checkups}/internal/insurer-changes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-onshi-internal': internalSecret },
    body: JSON.stringify(events[0]?.payload),
  });
  expect(again.status).toBeLessThan(300);
  expect(await transfers()).toEqual(events.map((e) => ({ event_id: e.event_id, n: 1 })).sort((a, b) => a.event_id.localeCompare(b.event_id)));
});

test('a consent replica killed with SIGKILL under load loses no acknowledged write; only requests in flight fail', async () => {
  const token = (await login('hospital-doctor')).accessToken;
  const writes = 600;
  const acknowledged: string[] = [];
  const failed: string[] = [];
  const victim = system.replicas.get('consent')?.[0];
  if (!victim) throw new Error('no consent replica');
  const killed = new Promise<void>((resolve) => victim.child.once('exit', () => resolve()));
  const started = Date.now();
  await pool(writes, 16, async (index) => {
    if (index === Math.round(writes / 3)) victim.child.kill('SIGKILL');
    const requestId = `replica-kill-${index}-${randomUUID()}`;
    const status = await decide(token, demoPatient(demo, index % PATIENTS).id, requestId).catch(() => 0);
    (status === 200 ? acknowledged : failed).push(requestId);
  });
  await killed;
  process.stdout.write(`replicas: SIGKILL under load: ${writes} writes in ${((Date.now() - started) / 1000).toFixed(1)} s, ${acknowledged.length} acknowledged, ${failed.length} failed\n`);
  // Failures are bounded by the requests in flight around the kill: those on the dead replica (at most the
  // concurrency, 16), and those HAProxy sent in the moment between SIGKILL and the kernel closing the replica's
  // listening socket, whose connection was accepted and then reset after the request went out (a POST cannot be
  // redispatched then). CI once saw 18 of 600. A lost acknowledged write is what the test is for (below).
  expect(failed.length).toBeLessThanOrEqual(32);
  expect(acknowledged.length).toBe(writes - failed.length);
  const stored = await sql<Array<{ request_id: string }>>`select request_id from consent.access_log where request_id in ${sql(acknowledged)}`;
  expect(new Set(stored.map((row) => row.request_id)).size).toBe(acknowledged.length);
  // HAProxy has taken the dead replica out of rotation; the chains the survivor kept appending to still verify.
  let victimState = '';
  for (let tries = 0; tries < 150 && victimState !== 'DOWN'; tries += 1) {
    victimState = (await system.serverStates()).find((s) => s.backend === 'consent-replicas' && s.server === 'consent-1')?.status ?? '';
    if (victimState !== 'DOWN') await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(victimState).toBe('DOWN');
  const verified = await auditVerify();
  expect(verified.output).toMatch(/audit:verify OK/);
  expect(verified.code).toBe(0);
});
