/**
 * Production mode beside the demo, on real servers: no demo data or demo-only routes,
 * no derivable ADMIN login, the operator bootstrap, subgraphs on loopback even with HOST=0.0.0.0, schema
 * descriptions only for callers with a token or the internal secret, and neither mode starting on the
 * other's database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CARD_LIFECYCLE_PATH, INTERNAL_SECRET_HEADER, REPO_ROOT } from '@onshi/kit';
import { startSystem, spawnService, type RunningSystem, type ServiceName } from '@onshi/system';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { DEMO_ACCESS_LOG_FAULT_PATH, DEMO_CONSENTS_PATH } from '@onshi/consent/src/http/internalRoutes';
import { DEMO_STAFF_PASSWORD, demoTotpSecret } from '@onshi/demo';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onshi-mode-'));
  dirs.push(dir);
  return dir;
}
const secret = randomBytes(32).toString('base64url');
/** DATABASE_URL '' keeps every process on its own PGlite even when the suite runs with DATABASE_URL set. */
const baseEnv = (dir: string, demo: boolean) => ({ DATA_DIR: dir, INTERNAL_SECRET: secret, DEMO_MODE: String(demo), DEMO_PATIENTS: '4', LOG_LEVEL: 'warn', DATABASE_URL: '' });

let production: RunningSystem;
/** The ADMIN that bootstrap:admin creates (its access token, from the one login its TOTP step allows). */
let operatorToken = '';
const productionDir = dataDir();
const output: string[] = [];
beforeAll(async () => {
  production = await startSystem({
    // HOST=0.0.0.0 as an operator exposing the gateway would set it: the subgraphs must stay on loopback.
    env: { ...baseEnv(productionDir, false), HOST: '0.0.0.0' },
    gatewayEnv: { HOST: '0.0.0.0' },
    stdio: 'pipe',
    onOutput: (name, text) => void output.push(`[${name}] ${text}`),
  });
}, 600_000);
afterAll(async () => {
  await production?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const url = (name: ServiceName) => production.services.get(name)?.url ?? '';
const gatewayGraphql = () => `${production.gatewayUrl.replace('0.0.0.0', '127.0.0.1')}/graphql`;

async function post(target: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/health', timeout: 2000 }, (res) => { res.resume(); resolve(true); });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.end();
  });
}

const STAFF_LOGIN = 'mutation($f: String, $s: String!, $p: String!, $t: String!) { staffLogin(facilityCode: $f, staffId: $s, password: $p, totp: $t) { accessToken role } }';

describe('production mode', () => {
  test('subgraphs listen on loopback although HOST=0.0.0.0 was set; the gateway takes HOST', async () => {
    for (const name of ['consent', 'qualifications', 'drugs', 'checkups'] as const) expect(new URL(url(name)).hostname).toBe('127.0.0.1');
    expect(new URL(production.gatewayUrl).hostname).toBe('0.0.0.0');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;
    if (external) {
      expect(await reachable(external, Number(new URL(production.gatewayUrl).port))).toBe(true);
      for (const name of ['consent', 'qualifications', 'drugs', 'checkups'] as const) expect(await reachable(external, Number(new URL(url(name)).port))).toBe(false);
    }
  });

  test('demo-only routes do not exist, even for a caller with the internal secret', async () => {
    const internal = { [INTERNAL_SECRET_HEADER]: secret };
    const consent = await post(`${url('consent')}${DEMO_CONSENTS_PATH}`, { patientId: 'x', facilityCode: '1310123458', category: 'DRUG', registeredAt: '2020-01-01T00:00:00Z' }, internal);
    expect(consent.status).toBe(404);
    const fault = await post(`${url('consent')}${DEMO_ACCESS_LOG_FAULT_PATH}`, { enabled: true }, internal);
    expect(fault.status).toBe(404);
    // The internal routes that production needs still answer (a malformed request, so nothing is written).
    expect((await post(`${url('consent')}/internal/consent-flags`, {}, internal)).status).toBe(400);
  });

  test('no demo accounts: the documented password and the seed-derived TOTP do not log the demo ADMIN in', async () => {
    const result = await post(gatewayGraphql(), { query: STAFF_LOGIN, variables: { f: null, s: 'A0001', p: DEMO_STAFF_PASSWORD, t: totpCode(demoTotpSecret('onshi', 'admin'), new Date()) } });
    expect(JSON.parse(result.text).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.text).not.toContain('accessToken');
  });

  test('subgraphs describe their schema (_service, introspection) only with a token or the internal secret', async () => {
    for (const name of ['consent', 'qualifications', 'drugs', 'checkups'] as const) {
      for (const query of ['{ _service { sdl } }', '{ __schema { types { name } } }', '{ ...F } fragment F on Query { __type(name: "Query") { name } }']) {
        const refused = await post(`${url(name)}/graphql`, { query });
        expect(refused.status).toBe(401);
        expect(JSON.parse(refused.text).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(refused.text).not.toContain('type Query');
        expect(refused.text).not.toContain('"types"');
      }
      const internal = await post(`${url(name)}/graphql`, { query: '{ _service { sdl } }' }, { [INTERNAL_SECRET_HEADER]: secret });
      expect(JSON.parse(internal.text).data?._service?.sdl).toContain('type Query');
    }
  });

  test('bootstrap:admin creates the first ADMIN once, with a generated password and TOTP enrolment that log in', async () => {
    const run = () => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/consent/src/cli/bootstrap-admin.ts', 'A0001', '運用 太郎'], {
        cwd: REPO_ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'), CONSENT_URL: url('consent'), INTERNAL_SECRET: '', DATA_DIR: productionDir },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    // The launcher writes DATA_DIR/internal-secret; the test system got its secret by environment, so give the CLI the file.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(productionDir, 'internal-secret'), secret, { mode: 0o600 });
    const first = await run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const password = /^\s+password\s+(\S+)$/m.exec(first.stdout)?.[1] ?? '';
    const uri = /^\s+TOTP\s+(otpauth:\/\/\S+)$/m.exec(first.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(first.stdout).toContain('▄'); // the QR code for the authenticator app
    const totpSecret = new URL(uri).searchParams.get('secret') ?? '';
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/); // 20 random bytes
    expect(totpSecret).not.toBe(demoTotpSecret('onshi', 'admin'));
    const login = await post(gatewayGraphql(), { query: STAFF_LOGIN, variables: { f: null, s: 'A0001', p: password, t: totpCode(totpSecret, new Date()) } });
    expect(JSON.parse(login.text).data?.staffLogin?.role).toBe('ADMIN');
    operatorToken = JSON.parse(login.text).data?.staffLogin?.accessToken ?? '';

    const second = await run();
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already exists');
    expect(second.stdout).not.toContain('password');
  });
});

describe('demo card lifecycle outside demo mode (docs/operations.md "Demo: card lifecycle")', () => {
  const SET = 'mutation($s: String!, $a: String!) { setDemoCardStatus(cardSerial: $s, action: $a) { cardSerial patientId status } }';
  const LOOKUP = 'query($s: String) { demoCard(cardSerial: $s) { cardSerial patientId status } }';
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const response = await post(gatewayGraphql(), { query, variables }, { authorization: `Bearer ${operatorToken}` });
    return { text: response.text, body: JSON.parse(response.text) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
  };
  const nationLog = async () => {
    const result = await graphql('query { accessLogSearch(patientId: "nation", first: 500) { actorRole category decision reason } }', {});
    expect(result.body.errors).toBeUndefined();
    return (result.body.data as { accessLogSearch: Array<{ actorRole: string; category: string; decision: string; reason: string }> }).accessLogSearch;
  };

  test('the operator\'s suspend, expire and look-up are refused with DEMO_ONLY and logged; nothing is read or changed', async () => {
    expect(operatorToken).not.toBe('');
    const serial = 'ANY-CARD-SERIAL-0001';
    for (const [query, variables, action] of [
      [SET, { s: serial, a: 'SUSPEND' }, 'DEMO_SUSPEND_CARD'], [SET, { s: serial, a: 'EXPIRE' }, 'DEMO_EXPIRE_CARD'],
      [SET, { s: serial, a: 'LOSE' }, 'DEMO_SUSPEND_CARD'], [LOOKUP, { s: serial }, 'VIEW_DEMO_CARD'],
    ] as const) {
      const refused = await graphql(query, variables);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DEMO_ONLY' });
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.text).not.toContain('patientId');
      expect(refused.text).not.toContain('"status"');
      expect(await nationLog()).toEqual(expect.arrayContaining([expect.objectContaining({ actorRole: 'ADMIN', category: 'ADMINISTRATION', decision: 'DENY', reason: `${action}:DEMO_ONLY` })]));
    }
    // Nothing changed: no admin change was recorded, and qualifications has no card-lifecycle route to change a card with.
    expect((await nationLog()).filter((row) => row.decision === 'ALLOW' && row.reason.startsWith('DEMO_'))).toEqual([]);
    const route = await post(`${url('qualifications')}${DEMO_CARD_LIFECYCLE_PATH}`, { cardSerial: serial, action: 'SUSPEND' }, { [INTERNAL_SECRET_HEADER]: secret });
    expect(route.status).toBe(404);
  });
});

describe('a mode never starts on the other mode\'s database', () => {
  test('demo mode refuses the production database', async () => {
    await production.stop();
    await expect(spawnService('consent', { env: { ...baseEnv(productionDir, true), PORT: '0' }, stdio: 'pipe' })).rejects.toThrow(/holds production \(non-demo\) data; demo mode refuses it/);
  });

  test('production mode refuses a demo database, and the refused start changes nothing', async () => {
    const demoDir = dataDir();
    const demo = await spawnService('consent', { env: { ...baseEnv(demoDir, true), PORT: '0' }, stdio: 'pipe' });
    await demo.stop();
    await expect(spawnService('consent', { env: { ...baseEnv(demoDir, false), PORT: '0' }, stdio: 'pipe' })).rejects.toThrow(/holds demo data.*production mode refuses it/);
    // The demo database still starts in demo mode: nothing was changed by the refused start.
    const again = await spawnService('consent', { env: { ...baseEnv(demoDir, true), PORT: '0' }, stdio: 'pipe' });
    await again.stop();
  });
});
