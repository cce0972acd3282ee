import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_STAFF_PASSWORD, demoPatientCard, demoPhrAppSecret, demoTotpSecret } from '@onshi/demo';
import { totpCode } from '@onshi/consent/src/services/identity/staffAuth';
import { startTestSystem, type TestSystem } from './harness';

/** The vendor examples in docs/api-guide.md run as written, in the test suite. */
const GUIDE = readFileSync(path.join(REPO_ROOT, 'docs/api-guide.md'), 'utf8');
/** The card reader's example (section 5), tagged `ts reader-example`. */
const readerBlock = () => /```ts reader-example\n([\s\S]*?)```/.exec(GUIDE)?.[1];
const blocks = (language: string) => [...GUIDE.matchAll(new RegExp('```' + language + ' example\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');

let system: TestSystem;
let env: Record<string, string>;
let workDir: string;
beforeAll(async () => {
  system = await startTestSystem();
  const yamada = await system.token('yamada');
  const grants = await system.graphql<{ me: { phrGrants: Array<{ id: string; appId: string; active: boolean }> } }>('{ me { phrGrants { id appId active } } }', {}, yamada);
  const grant = grants.body.data?.me.phrGrants.find((g) => g.appId === 'phr-demo' && g.active);
  if (!grant) throw new Error('no demo grant');
  env = {
    GATEWAY: `${system.gatewayUrl}/graphql`, FACILITY_CODE: DEMO_CLINIC.code, STAFF_ID: 'D0001', PASSWORD: DEMO_STAFF_PASSWORD,
    TOTP: totpCode(demoTotpSecret(system.demo.seed, 'clinic-doctor'), new Date()),
    PHR_CLIENT_ID: 'phr-demo', PHR_CLIENT_SECRET: demoPhrAppSecret(system.demo.seed, 'phr-demo'), GRANT_ID: grant.id,
  };
  workDir = mkdtempSync(path.join(tmpdir(), 'onshi-guide-'));
});
afterAll(async () => {
  await system?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the guide has shell and TypeScript examples', () => {
  expect(blocks('sh').length).toBeGreaterThanOrEqual(3);
  expect(blocks('ts').length).toBeGreaterThanOrEqual(1);
});

test('the EHR shell examples (staff login, confirmation, drug information with consent) run in one session', () => {
  const script = path.join(workDir, 'ehr.sh');
  writeFileSync(script, `set -euo pipefail\n${blocks('sh').join('\n')}\necho GUIDE-OK\n`);
  const run = spawnSync('bash', ['-x', script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  // On failure the trace shows which documented step broke.
  expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-3000) }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toContain('GUIDE-OK');
});

test("the card reader's TypeScript example runs: consent from the reader's statement, once, and the EHR sees the result", async () => {
  const file = path.join(workDir, 'reader.mts');
  writeFileSync(file, readerBlock() ?? '');
  const reader = system.reader(DEMO_CLINIC.code);
  const patient = system.patient(5);
  const cardKey = demoPatientCard(system.demo.seed, patient.cardSerial).privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [file], {
    env: { ...process.env, GATEWAY: env.GATEWAY, READER_ID: reader.readerId, READER_KEY: JSON.stringify(reader.privateJwk), CARD_KEY: cardKey, CARD_SERIAL: patient.cardSerial, STAFF_TOKEN: await system.token('clinic-reception') },
    encoding: 'utf8', timeout: 60_000,
  });
  expect({ status: run.status, stderr: run.stderr.slice(-3000) }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toContain('consents: DRUG\n');
  expect(run.stdout).toContain('replay refused');
  expect(run.stdout).toContain('validity VALID, flags drug CONSENTED checkup NOT_CONSENTED');
});

test('the PHR TypeScript example runs', () => {
  const file = path.join(workDir, 'sync.mts');
  writeFileSync(file, blocks('ts')[0] ?? '');
  const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [file], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  expect({ status: run.status, stderr: run.stderr.slice(-3000) }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toMatch(/^\d+ dispensings since \d{4}-\d{2}-\d{2}/);
});
