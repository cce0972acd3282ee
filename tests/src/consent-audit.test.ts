/**
 * The tamper-evident access log: append-only for the application's role
 * (triggers), hash-chained per partition, checkpointed, and `pnpm audit:verify` names the first broken
 * entry after an owner bypasses the triggers and edits a row. Runs on PGlite, or PostgreSQL with DATABASE_URL.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { REPO_ROOT } from '@onshi/kit';
import { startTestSystem, type TestSystem } from './harness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ patients: 8 });
});
afterAll(async () => {
  await system?.stop();
});

/**
 * PGlite cannot be loaded inside Jest's module sandbox, so direct database work runs as a child process
 * (as an operator's psql session would), from a script written to a temporary file.
 */
const TAMPER_SCRIPT = `
import path from 'node:path';
import { sql } from ${JSON.stringify(require.resolve('drizzle-orm', { paths: [path.join(REPO_ROOT, 'subgraphs/consent')] }))};
import { openDatabase } from ${JSON.stringify(path.join(REPO_ROOT, 'subgraphs/kit/src/index.ts'))};
import { tables } from ${JSON.stringify(path.join(REPO_ROOT, 'subgraphs/consent/src/db/tables.ts'))};

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);
const messageOf = (error: unknown): string => (error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
async function main() {
const database = await openDatabase({
  service: 'consent', databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR, schema: tables, poolSize: 1,
  migrationsFolder: ${JSON.stringify(path.join(REPO_ROOT, 'subgraphs/consent/drizzle'))},
});
const db = database.db;
const refused = async (statement: Parameters<typeof db.execute>[0]) => {
  try { await db.execute(statement); return 'ACCEPTED'; } catch (error) { return messageOf(error); }
};
const first = rowsOf(await db.execute(sql\`select partition, seq from consent.access_log where seq = 2 order by partition limit 1\`))[0];
if (!first) throw new Error('no chain has two entries');
const target = { partition: Number(first.partition), seq: Number(first.seq) };
const where = sql\`partition = \${target.partition} and seq = \${target.seq}\`;
const asApplication = {
  update: await refused(sql\`update consent.access_log set decision = 'ALLOW', reason = 'CONSENT' where \${where}\`),
  delete: await refused(sql\`delete from consent.access_log where \${where}\`),
  truncate: await refused(sql\`truncate consent.access_log\`),
};
// The owner bypasses the triggers and edits one row.
await db.execute(sql\`alter table consent.access_log disable trigger access_log_no_update_delete\`);
await db.execute(sql\`update consent.access_log set decision = 'ALLOW', reason = 'CONSENT' where \${where}\`);
await db.execute(sql\`alter table consent.access_log enable trigger access_log_no_update_delete\`);
await database.close();
process.stdout.write(JSON.stringify({ target, asApplication }));
}
main().then(() => process.exit(0), (error: unknown) => { process.stderr.write(messageOf(error)); process.exit(1); });
`;

function runNode(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'), DATA_DIR: system.dataDir, DATABASE_URL: system.databaseUrl ?? '' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function auditVerify(): Promise<{ code: number | null; output: string }> {
  return runNode(['subgraphs/consent/src/cli/audit-verify.ts']);
}

async function readAs(account: string, patientId: string): Promise<void> {
  const response = await fetch(`${system.urls.consent}/internal/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret, 'authorization': `Bearer ${await system.token(account)}` },
    body: JSON.stringify({ requests: [{ patientId, category: 'DRUG' }, { patientId, category: 'CHECKUP' }, { patientId, category: 'QUALIFICATION' }] }),
  });
  expect(response.status).toBe(200);
}

test('audit:verify passes on the demo data, an UPDATE as the application role is rejected, and an owner edit is found at its row', async () => {
  // Batches for one person from two facilities at once: each batch's statement locks her chain's head, links its
  // three entries to it in the database and moves it (store/accessLog.ts appendEntries); none may fork the chain.
  // Tokens first: a staff TOTP code is single-use, so the accounts sign in once, before the batches race.
  for (const account of ['clinic-doctor', 'hospital-doctor']) await system.token(account);
  await Promise.all(Array.from({ length: 24 }, (_, index) => readAs(index % 2 === 0 ? 'clinic-doctor' : 'hospital-doctor', system.patient(0).id)));
  for (let index = 0; index < 8; index += 1) {
    await readAs('clinic-doctor', system.patient(index).id);
    await readAs('hospital-doctor', system.patient(index).id);
  }
  await system.stopService('consent');

  const clean = await auditVerify();
  expect(clean.output).toMatch(/audit:verify OK: \d+ entries/);
  expect(clean.code).toBe(0);

  const scriptDir = mkdtempSync(path.join(tmpdir(), 'onshi-tamper-'));
  const script = path.join(scriptDir, 'tamper.ts');
  writeFileSync(script, TAMPER_SCRIPT);
  const run = await runNode([script]);
  rmSync(scriptDir, { recursive: true, force: true });
  expect({ code: run.code, output: run.code === 0 ? '' : run.output }).toEqual({ code: 0, output: '' });
  const { target, asApplication } = JSON.parse(run.output.slice(run.output.indexOf('{'))) as { target: { partition: number; seq: number }; asApplication: Record<string, string> };
  // The application's own connection cannot change or remove log rows: the triggers refuse.
  expect(asApplication.update).toMatch(/append-only: UPDATE/);
  expect(asApplication.delete).toMatch(/append-only: DELETE/);
  expect(asApplication.truncate).toMatch(/append-only: TRUNCATE/);

  const tampered = await auditVerify();
  expect(tampered.code).toBe(1);
  expect(tampered.output).toContain(`audit:verify BROKEN: partition ${target.partition} seq ${target.seq} (HASH_MISMATCH)`);
});
