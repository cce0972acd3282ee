/**
 * The operator's commands beside a running embedded (PGlite) system. The reproduction — start,
 * consented reads, `audit:verify` at the same time, stop, start — and the same with every command that
 * touches a database (drugs purge and claim ingest, backup), plus a direct opener that must be refused.
 * Then the backup taken while the system ran is restored into an empty directory and started. Also:
 * nothing under DATA_DIR readable or writable by group or others.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATA_DIR_IN_USE_EXIT_CODE, REPO_ROOT } from '@onshi/kit';
import { DEMO_CLINIC, DEMO_PHARMACY } from '@onshi/demo';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';
import { spawnService } from '@onshi/system';
import { PROBE, notOwnerOnly, probeRows, runCommand } from './dataSafety';
import { startTestSystem, type TestSystem } from './harness';

const MEDICATION = 'query($id: ID!) { patient(id: $id) { medicationSummary { activeDrugs { dispensing { drugName } } } } }';
const tablet = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');

let workDir: string;
let system: TestSystem | undefined;
const internalSecret = randomBytes(32).toString('base64url');
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'onshi-live-ops-'));
});
afterAll(async () => {
  await system?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

// Embedded only: DATABASE_URL is cleared for these systems (PostgreSQL serves any number of processes).
const start = (dataDir: string) => startTestSystem({ patients: 12, dataDir, internalSecret, env: { DATABASE_URL: '' } });

test('commands beside a running system go through it, a direct opener is refused, and stop → start → restore lose nothing', async () => {
  const dataDir = path.join(workDir, 'data');
  const backupDir = path.join(workDir, 'backup');
  system = await start(dataDir);
  const running = system;
  const yamada = running.patient(0).id;
  const doctor = await running.token('clinic-doctor');

  const claimFile = path.join(workDir, 'claims.json');
  writeFileSync(claimFile, JSON.stringify([{
    claimKind: 'PHARMACY', claimNumber: 'LIVE-0001', patientId: yamada, facilityCode: DEMO_PHARMACY.code, prescribingFacilityCode: DEMO_CLINIC.code, insurerNumber: '131011',
    serviceMonth: '2026-11', totalPoints: 250, patientShareYen: 750,
    items: [{ date: '2026-11-20', drugCode: tablet?.drugCode, quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, inOut: 'OUT' }],
  }]));

  // Consented reads (each one an access-log entry) while every command runs at the same time. A read
  // that waits longer than the decision point's 5 s (a loaded machine, a snapshot holding the database)
  // fails closed: SERVICE_UNAVAILABLE and nothing released. Anything else fails the test.
  let acknowledged = 0;
  let failedClosed = 0;
  let stopReads = false;
  const reader = async () => {
    while (!stopReads) {
      const result = await running.graphql<{ patient: { medicationSummary: unknown } | null }>(MEDICATION, { id: yamada }, doctor);
      if (result.status === 200 && !result.body.errors) acknowledged += 1;
      else if (result.body.errors?.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE') && !result.body.data?.patient?.medicationSummary) failedClosed += 1;
      else throw new Error(`a consented read failed while commands ran: ${result.text.slice(0, 300)}`);
    }
  };
  const readers = [reader(), reader(), reader()];
  const [verify, purge, ingest, backup, direct] = await Promise.all([
    runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir),
    runCommand('subgraphs/drugs/src/cli/purge.ts', [], dataDir),
    runCommand('subgraphs/drugs/src/cli/ingest-claims.ts', [claimFile], dataDir),
    runCommand('system/src/backup.ts', [backupDir], dataDir),
    runCommand(PROBE, ['consent', 'select count(*) from consent.access_log'], dataDir),
  ]);
  stopReads = true;
  await Promise.all(readers);
  expect(acknowledged).toBeGreaterThan(0);
  process.stdout.write(`live-operations: ${acknowledged} consented reads answered, ${failedClosed} failed closed while the commands ran\n`);

  expect(verify).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^audit:verify OK: \\d+ entries in \\d+ chains \\(consent service at ${running.urls.consent.replace(/[.]/g, '\\.')} \\(pid \\d+\\)\\)\\n$`)) });
  expect(purge.code).toBe(0);
  expect(JSON.parse(purge.stdout)).toMatchObject({ cutoff: '2021-11-25' });
  expect(purge.stderr).toContain('drugs service at');
  expect(ingest).toMatchObject({ code: 0, stderr: '' });
  const batchId = (JSON.parse(ingest.stdout) as { batchId: string }).batchId;
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(/backup: consent: [\d.]+ MB via consent service at/);
  // The second opener: one line, its own exit code, and the live system never noticed.
  expect(direct).toEqual({ code: DATA_DIR_IN_USE_EXIT_CODE, stdout: '', stderr: `the consent database is in use by pid ${running.pid('consent')}: run this through the running system, or stop it first\n` });

  const before = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
  const entriesBefore = Number(/OK: (\d+) entries/.exec(before.stdout)?.[1]);
  expect(entriesBefore).toBeGreaterThanOrEqual(acknowledged);
  await running.stop();
  system = undefined;

  // Stopped: no lock left behind, and every file owner-only.
  for (const service of ['consent', 'qualifications', 'drugs', 'checkups']) expect(existsSync(path.join(dataDir, service, 'owner.lock'))).toBe(false);
  expect(notOwnerOnly(dataDir)).toEqual([]);
  expect(notOwnerOnly(backupDir)).toEqual([]);

  // The second start opens every database; the chain verifies; nothing acknowledged is missing.
  system = await start(dataDir);
  const again = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
  expect(again.code).toBe(0);
  expect(Number(/OK: (\d+) entries/.exec(again.stdout)?.[1])).toBeGreaterThanOrEqual(entriesBefore);
  const read = await system.graphql<{ patient: { medicationSummary: { activeDrugs: unknown[] } } }>(MEDICATION, { id: yamada }, await system.token('clinic-doctor'));
  expect(read.body.errors).toBeUndefined();
  await system.stop();
  system = undefined;
  // With the system stopped the commands open the database themselves (holding the lock).
  const stopped = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
  expect(stopped).toMatchObject({ code: 0, stdout: expect.stringContaining('(consent database opened directly (system stopped))') });
  const [claims] = await probeRows(dataDir, 'drugs', `select count(*)::int as n from drugs.claims where batch_id = '${batchId.replace(/[^0-9a-f-]/g, '')}'`);
  expect(claims).toEqual([{ n: 1 }]);

  // The backup taken while the system ran, restored into an empty installation, starts and verifies,
  // and its keys came with it: the staff login (TOTP seed sealed with consent's secret key) works.
  const restoredDir = path.join(workDir, 'restored');
  const restored = await runCommand('system/src/restore.ts', [backupDir], restoredDir);
  expect(restored.stderr).toBe('');
  expect(restored.code).toBe(0);
  system = await start(restoredDir);
  const verifyRestored = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], restoredDir);
  expect(verifyRestored.code).toBe(0);
  const restoredRead = await system.graphql(MEDICATION, { id: yamada }, await system.token('clinic-doctor'));
  expect(restoredRead.body.errors).toBeUndefined();
  // A restore while it runs is refused, touching nothing.
  const refused = await runCommand('system/src/restore.ts', [backupDir], restoredDir);
  expect(refused.code).toBe(DATA_DIR_IN_USE_EXIT_CODE);
  expect(refused.stderr).toMatch(/^restore: the consent database is in use by pid \d+: run this through the running system, or stop it first\n$/);
}, 900_000);

/** A holder that owns the consent directory, as a service would, until its stdin closes. */
test('a second process refuses a locked directory; the lock of a killed owner is recovered', async () => {
  const dataDir = path.join(workDir, 'lock');
  const holder = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.base.json', PROBE, 'consent', '--hold'], {
    cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
    holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  const pgFiles = () => readdirSync(path.join(dataDir, 'consent', 'pg'), { recursive: true }).map(String).sort()
    .map((file) => { const stat = lstatSync(path.join(dataDir, 'consent', 'pg', file)); return `${file} ${stat.size} ${stat.mtimeMs}`; });
  const filesBefore = pgFiles();
  const second = await runCommand(PROBE, ['consent', 'select 1'], dataDir);
  // The holder is tsx's child node process; the lock names the process that opened the database.
  expect(second.code).toBe(DATA_DIR_IN_USE_EXIT_CODE);
  expect(second.stderr).toMatch(/^the consent database is in use by pid \d+: run this through the running system, or stop it first\n$/);
  const verifyRefused = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
  // The holder serves nothing, so there is no service to go through: refused, not opened.
  expect(verifyRefused.code).toBe(DATA_DIR_IN_USE_EXIT_CODE);
  expect(pgFiles()).toEqual(filesBefore);

  // SIGKILL the owner (the node process holding the lock, not only tsx's wrapper): its lock stays behind, stale.
  const ownerPid = Number(/pid (\d+)/.exec(second.stderr)?.[1]);
  process.kill(ownerPid, 'SIGKILL');
  await new Promise((resolve) => holder.once('exit', resolve));
  expect(existsSync(path.join(dataDir, 'consent', 'owner.lock'))).toBe(true);
  const recovered = await runCommand('subgraphs/consent/src/cli/audit-verify.ts', [], dataDir);
  expect(recovered).toMatchObject({ code: 0, stdout: expect.stringMatching(/^audit:verify OK: 0 entries in 0 chains/) });
  expect(existsSync(path.join(dataDir, 'consent', 'owner.lock'))).toBe(false);
}, 300_000);

test('a start on a directory that cannot be opened names the subgraph, the directory and the way back, instead of a WASM abort', async () => {
  const dataDir = path.join(workDir, 'damaged');
  const created = await runCommand(PROBE, ['consent', 'select 1'], dataDir);
  expect(created.code).toBe(0);
  // A damaged control file, as a power loss inside the kernel's write-back window can leave (docs/operations.md).
  const control = path.join(dataDir, 'consent', 'pg', 'global', 'pg_control');
  const handle = openSync(control, 'r+');
  writeSync(handle, Buffer.alloc(512));
  closeSync(handle);
  const started = await spawnService('consent', {
    env: { DATA_DIR: dataDir, DATABASE_URL: '', INTERNAL_SECRET: randomBytes(32).toString('base64url'), DEMO_MODE: 'true', PORT: '0', LOG_LEVEL: 'warn' }, stdio: 'pipe', timeoutMs: 240_000,
  }).then((service) => service.stop().then(() => 'started'), (error: unknown) => String(error));
  expect(started).toContain('consent exited with code 1 before it was ready');
  expect(started).toContain(`onshi-consent: the consent database in ${path.join(dataDir, 'consent', 'pg')} cannot be opened (`);
  expect(started).toContain('restore the last backup (npx -y pnpm@10 restore <backup-dir>) or move the directory aside to start consent empty: docs/operations.md "Recovery"');
  // Its lock is gone with it: the next command is not told that the database is in use.
  expect(existsSync(path.join(dataDir, 'consent', 'owner.lock'))).toBe(false);
}, 300_000);
