/**
 * Group commit of the access log (docs/decisions/0008-access-log-group-commit.md; consent decisionPoint.ts
 * appendGrouped): decision calls that come while consent's append statement runs wait and are written together by
 * the next one. What must not bend: every decision has exactly one entry, no answer leaves before its entry has
 * committed, a failed statement refuses every call in it with no data, and the chains still verify.
 *
 * The attack holds yamada's chain head from outside (an open transaction with `FOR UPDATE` on her partition's head),
 * so consent's append statement waits for the lock while more of her requests come, as a busy screen's would. Runs on
 * PostgreSQL always (DATABASE_URL, else the local server CI provides): a second session holds the lock.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { REPO_ROOT } from '@onshi/kit';
import { createDatabase, gaugeOf, setAccessLogFault, startTestSystem, type TestSystem } from './harness';

const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const WAITING_CALLS = 20;
const ME = '{ me { name } }';

let database: { url: string; drop(): Promise<void> };
let system: TestSystem;
let sql: postgres.Sql;
let yamada: string;
let partition: number;

/** An answer and the request id the gateway logged it under (its own, given back in `x-request-id`). */
interface Answer { loggedAs: string; status: number; text: string }

function ask(): Promise<Answer> {
  return fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${yamada}` },
    body: JSON.stringify({ query: ME }),
  }).then(async (response) => ({ loggedAs: response.headers.get('x-request-id') ?? '', status: response.status, text: await response.text() }));
}

/**
 * Waits until `count` calls wait in consent's queue for the next grouped append statement (its /metrics gauge
 * accessLogCallsWaiting), however slowly a loaded machine brings them: the calls must be queued before the head is let
 * go. Counting the calls as they reach consent's route was not enough: on a loaded CI machine a call counted there was
 * still reading its facts when the head was let go, and went into a second statement. The hold stays well under the
 * 5-s timeout of a decision call, whose retry would log a call twice. The gauge counts every call of consent waiting
 * to be logged: here each request makes one decision call, and nothing else of this system's writes to the log.
 */
async function queuedCallsReach(count: number): Promise<void> {
  const waiting = () => gaugeOf(system.urls.consent, 'accessLogCallsWaiting');
  for (let tries = 0; tries < 600; tries += 1) {
    if ((await waiting()) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${await waiting()} calls wait for consent's next append statement, not ${count}`);
}

/** The backend of consent's append statement while it waits for the head's lock (the one this test holds). */
async function waitingAppend(): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const [row] = await sql<Array<{ pid: number }>>`select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%jsonb_to_recordset%' limit 1`;
    if (row) return row.pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no append statement waited for the held chain head');
}

/** Holds yamada's chain head locked until `release` (a transaction on a reserved connection). */
async function holdHead(): Promise<{ release(): Promise<void> }> {
  const session = await sql.reserve();
  await session`begin`;
  await session`select 1 from consent.audit_heads where partition = ${partition} for update`;
  return {
    release: async () => {
      await session`rollback`;
      session.release();
    },
  };
}

/** Entries per request id, with the transaction that wrote each (xmin: one statement, one transaction). */
async function entriesOf(requestIds: string[]): Promise<Array<{ requestId: string; writtenBy: string }>> {
  return sql<Array<{ requestId: string; writtenBy: string }>>`select request_id as "requestId", xmin::text as "writtenBy" from consent.access_log where request_id = any(${requestIds})`;
}

function auditVerify(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/consent/src/cli/audit-verify.ts'], {
      cwd: REPO_ROOT, env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'), DATA_DIR: system.dataDir, DATABASE_URL: database.url },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(output));
  });
}

const setFault = async (enabled: boolean) => expect(await setAccessLogFault(system, enabled)).toBe(200);

const settledWithin = async (answers: Array<Promise<Answer>>, ms: number) => {
  let settled = 0;
  for (const answer of answers) void answer.then(() => (settled += 1), () => (settled += 1));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
};

beforeAll(async () => {
  database = await createDatabase(BASE_URL);
  system = await startTestSystem({ env: { DATABASE_URL: database.url } });
  sql = postgres(database.url, { max: 3, onnotice: () => undefined });
  yamada = await system.token('yamada');
  const first = await ask();
  expect(first.text).toContain('山田');
  const [row] = await sql<Array<{ partition: number }>>`select partition from consent.access_log where patient_id = ${system.patient(0).id} order by seq desc limit 1`;
  partition = row?.partition ?? -1;
  expect(partition).toBeGreaterThanOrEqual(0);
}, 300_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await database?.drop();
});

test('calls that come while an append waits are written together by the next statement, each answered only after its entry committed', async () => {
  const head = await holdHead();
  let answers: Answer[];
  try {
    const leadAnswer = ask();
    await waitingAppend();
    const followerAnswers = Array.from({ length: WAITING_CALLS }, () => ask());
    await queuedCallsReach(WAITING_CALLS);
    // Nothing is answered while the head is held: every answer waits for its entry's commit.
    expect(await settledWithin([leadAnswer, ...followerAnswers], 1_500)).toBe(0);
    await head.release();
    answers = await Promise.all([leadAnswer, ...followerAnswers]);
  } finally {
    await head.release().catch(() => undefined);
  }
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('山田');
  }
  const [lead, ...followers] = answers.map((answer) => answer.loggedAs);
  expect(new Set([lead, ...followers]).size).toBe(WAITING_CALLS + 1);
  const entries = await entriesOf(answers.map((answer) => answer.loggedAs));
  // Exactly one entry per call (one decision each), none lost and none doubled.
  expect(entries.map((e) => e.requestId).sort()).toEqual(answers.map((answer) => answer.loggedAs).sort());
  const leadTransaction = entries.find((e) => e.requestId === lead)?.writtenBy;
  const followerTransactions = new Set(entries.filter((e) => e.requestId !== lead).map((e) => e.writtenBy));
  // The lead went alone (nothing waited when it came); the calls that came meanwhile, in one statement together.
  expect(followerTransactions.size).toBe(1);
  expect(followerTransactions.has(leadTransaction ?? '')).toBe(false);
  expect(await auditVerify()).toMatch(/audit:verify OK/);
}, 120_000);

test('a grouped write that fails refuses every call in it: no data leaves, no entry stays, and the next call is served', async () => {
  // The demo fault (consent decisionPoint.ts accessLogFault) makes each grouped statement append its rows in a
  // transaction and then fail, which rolls them back. The head is held so that the calls group as above.
  await setFault(true);
  let answers: Answer[];
  try {
    const head = await holdHead();
    try {
      const leadAnswer = ask();
      await waitingAppend();
      const followerAnswers = Array.from({ length: WAITING_CALLS }, () => ask());
      await queuedCallsReach(WAITING_CALLS);
      expect(await settledWithin(followerAnswers, 1_500)).toBe(0);
      await head.release();
      answers = await Promise.all([leadAnswer, ...followerAnswers]);
    } finally {
      await head.release().catch(() => undefined);
    }
  } finally {
    await setFault(false);
  }
  for (const answer of answers) {
    expect(answer.text).toContain('SERVICE_UNAVAILABLE');
    expect(answer.text).not.toContain('山田');
  }
  const loggedAs = answers.map((answer) => answer.loggedAs);
  expect(new Set(loggedAs).size).toBe(WAITING_CALLS + 1);
  expect(loggedAs.every((id) => id !== '')).toBe(true);
  expect(await entriesOf(loggedAs)).toEqual([]);
  const after = await ask();
  expect(after.text).toContain('山田');
  expect(await entriesOf([after.loggedAs])).toHaveLength(1);
  expect(await auditVerify()).toMatch(/audit:verify OK/);
}, 120_000);

test('a value PostgreSQL refuses, in one call of a group, refuses only that call: the others are written and answered', async () => {
  // A value PostgreSQL's jsonb cannot take (a NUL) in one call's entry: an owner decision for an insurer "\u0000", asked the
  // way the gateway asks one (platform ownerDecision.ts), with sato's token. Through the gateway such an id is refused
  // before it is logged; the decision point must not depend on that.
  const attacker = await system.token('sato');
  const poisoned = () => fetch(`${system.urls.consent}/internal/owner-decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret, 'authorization': `Bearer ${attacker}` },
    body: JSON.stringify({ category: 'ROUTED_CLAIMS', insurerNumber: '\u0000' }),
  }).then(async (response) => ({ status: response.status, text: await response.text() }));
  const since = system.output().length;
  const head = await holdHead();
  let answers: Answer[];
  let refused: { status: number; text: string };
  try {
    const leadAnswer = ask();
    await waitingAppend();
    const followerAnswers = Array.from({ length: WAITING_CALLS / 2 }, () => ask());
    const attack = poisoned();
    const moreFollowers = Array.from({ length: WAITING_CALLS / 2 }, () => ask());
    // The poisoned call is queued among hers, so it shares their statement.
    await queuedCallsReach(WAITING_CALLS + 1);
    expect(await settledWithin([...followerAnswers, ...moreFollowers], 1_500)).toBe(0);
    await head.release();
    [answers, refused] = await Promise.all([Promise.all([leadAnswer, ...followerAnswers, ...moreFollowers]), attack]);
  } finally {
    await head.release().catch(() => undefined);
  }
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('山田');
  }
  const loggedAs = answers.map((answer) => answer.loggedAs);
  expect((await entriesOf(loggedAs)).map((e) => e.requestId).sort()).toEqual([...loggedAs].sort());
  // Only the call with the value is refused (503: its entry could not be written, so no decision is released). No
  // decision call of hers failed: the gateway would have asked again, so her answers alone would not show it.
  expect(refused.status).toBe(503);
  const failedDecisionCalls = system.output().slice(since).split('\n').filter((line) => line.includes('decision or access-log write failed'));
  expect(failedDecisionCalls).toEqual([]);
  expect(await auditVerify()).toMatch(/audit:verify OK/);
}, 120_000);

test('consent whose own connection for the grouped write cannot be opened says it is not ready, and refuses with no data; it is ready again once it can', async () => {
  const ready = async () => {
    const response = await fetch(`${system.urls.consent}/ready`);
    return { status: response.status, body: (await response.json()) as { checks?: Record<string, boolean> } };
  };
  expect(await ready()).toMatchObject({ status: 200, body: { checks: { database: true } } });
  // From the server's default database (a database cannot close itself to connections), on one connection kept
  // open: end consent's own connection and keep any new one from opening. The pools' open connections stay, as they
  // would when PostgreSQL's connection slots are used up.
  const [{ name } = { name: '' }] = await sql<Array<{ name: string }>>`select current_database() as name`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`alter database "${name}" allow_connections false`);
    const ended = await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and application_name = 'onshi-consent-own'`;
    expect(ended.length).toBe(1);

    expect(await ready()).toMatchObject({ status: 503, body: { checks: { database: false } } });
    const refused = await ask();
    expect(refused.text).toContain('SERVICE_UNAVAILABLE');
    expect(refused.text).not.toContain('山田');
    expect(await entriesOf([refused.loggedAs])).toEqual([]);
  } finally {
    await admin.unsafe(`alter database "${name}" allow_connections true`);
    await admin.end();
  }
  expect(await ready()).toMatchObject({ status: 200, body: { checks: { database: true } } });
  const served = await ask();
  expect(served.text).toContain('山田');
  expect(await entriesOf([served.loggedAs])).toHaveLength(1);
}, 120_000);
