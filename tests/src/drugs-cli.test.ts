// The drugs subgraph's command-line jobs, run as real processes against a real database (a fresh
// embedded PGlite directory, or a fresh PostgreSQL database when DATABASE_URL is set): the claim-file
// ingest (same service as the ingestClaims mutation, all or nothing) and the 5-year retention purge.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { DEMO_CLINIC, DEMO_PHARMACY } from '@onshi/demo';
import { loadDrugMaster } from '../../subgraphs/drugs/src/services/drugMaster';

const REPO_ROOT = path.resolve(__dirname, '../..');
const tablet = loadDrugMaster().entries.find((entry) => entry.route === 'oral' && entry.dosageUnit === '錠');

function pharmacyClaim(patientId: string, date: string): Record<string, unknown> {
  return {
    claimKind: 'PHARMACY', claimNumber: `CLI-${patientId.replace(/[^0-9A-Za-z]/g, '').slice(-8)}-${date.replaceAll('-', '')}`, patientId, facilityCode: DEMO_PHARMACY.code, prescribingFacilityCode: DEMO_CLINIC.code,
    insurerNumber: '01130012', serviceMonth: date.slice(0, 7), totalPoints: 250, patientShareYen: 750,
    items: [{ date, drugCode: tablet?.drugCode, quantity: 28, unit: '錠', usage: '１日１回朝食後', days: 28, inOut: 'OUT' }],
  };
}

let workDir: string;
let databaseUrl = '';
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'onshi-drugs-cli-'));
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const name = `onshi_drugs_cli_${randomBytes(6).toString('hex')}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => undefined });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
});

afterAll(async () => {
  await dropDatabase?.();
  rmSync(workDir, { recursive: true, force: true });
});

interface CliResult { code: number; stdout: string; stderr: string }

function runCli(script: string, args: string[], asOf: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      // tsx directly, not through npx: npm would warn on stderr about the pnpm settings in the environment.
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.base.json', `subgraphs/drugs/src/cli/${script}`, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: workDir, DATABASE_URL: databaseUrl, DEMO_AS_OF: asOf, LOG_LEVEL: 'warn' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(workDir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('ingest-claims and purge CLIs', () => {
  test('a file with one bad row is rejected whole; a good file is stored; the purge keeps exactly 5 years', async () => {
    const bad = writeJson('bad.json', [pharmacyClaim('pt_cli', '2026-10-01'), { ...pharmacyClaim('pt_cli', '2026-10-02'), insurerNumber: '01130013' }]);
    const rejected = await runCli('ingest-claims.ts', [bad], '2026-11-25');
    expect(rejected.code).toBe(2);
    const problems = rejected.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { row: number; path: string; reasonJa: string });
    expect(problems).toEqual([expect.objectContaining({ row: 2, path: 'insurerNumber', reasonJa: expect.stringContaining('保険者番号') })]);

    // Cutoff on 2026-11-25 is 2021-11-25: the October 2021 claim goes whole; of November 2021 only
    // the item dated before the cutoff goes, the claim header stays until the month has left the window.
    const good = writeJson('good.json', { claims: ['2021-10-31', '2021-11-24', '2021-11-25', '2026-11-01'].map((date) => pharmacyClaim('pt_cli', date)) });
    const stored = await runCli('ingest-claims.ts', [good], '2026-11-25');
    expect(stored.stderr).toBe('');
    expect(stored.code).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ ok: true, claimCount: 4, itemCount: 4 });

    const purged = await runCli('purge.ts', [], '2026-11-25');
    expect(purged.code).toBe(0);
    expect(JSON.parse(purged.stdout)).toEqual({ cutoff: '2021-11-25', itemsDeleted: 2, claimsDeleted: 1 });
    const again = await runCli('purge.ts', [], '2026-11-25');
    expect(JSON.parse(again.stdout)).toEqual({ cutoff: '2021-11-25', itemsDeleted: 0, claimsDeleted: 0 });

    // Purging as of a far later day removes what is left: exactly the good file's remaining rows,
    // so the rejected file stored nothing. Items go by their date, claims by their month (items keep no foreign
    // key that would cascade, docs/drugs.md "Claim items and their integrity"): 2 + 2 items and 1 + 3 claims are
    // all that was ingested, so no purge left an item without its claim.
    const everything = await runCli('purge.ts', [], '2040-01-01');
    expect(JSON.parse(everything.stdout)).toEqual({ cutoff: '2035-01-01', itemsDeleted: 2, claimsDeleted: 3 });
  });

  test('a file that is not a claim list is refused with a clear message', async () => {
    const notAList = writeJson('object.json', { something: 'else' });
    const result = await runCli('ingest-claims.ts', [notAList], '2026-11-25');
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('must hold a JSON array of claims');
  });
});
