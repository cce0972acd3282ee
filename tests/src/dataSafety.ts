/**
 * Helpers of the data-safety tests (live-operations, crash-recovery): run the repository's commands as an
 * operator would, look into a stopped subgraph's database, find files that are not owner-only.
 */
import { execFile } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';

export interface CommandResult { code: number; stdout: string; stderr: string }

/** Runs a command of the repository as an operator would (tsx, the installation's DATA_DIR). */
export function runCommand(script: string, args: string[], dataDir: string, env: Record<string, string> = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.base.json', script, ...args],
      // No DATABASE_URL and no INTERNAL_SECRET: the commands find the service and the secret from DATA_DIR, as beside `pnpm start`.
      { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', INTERNAL_SECRET: '', LOG_LEVEL: 'warn', ...env }, timeout: 120_000, maxBuffer: 10_000_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

export const PROBE = path.join(__dirname, 'probes/dataDirProbe.ts');

/** Rows of each statement, from the probe opening a stopped subgraph's database directly. */
export async function probeRows(dataDir: string, service: string, ...statements: string[]): Promise<Array<Array<Record<string, unknown>>>> {
  const result = await runCommand(PROBE, [service, ...statements], dataDir);
  if (result.code !== 0) throw new Error(`probe ${service} failed (${result.code}): ${result.stderr}`);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Array<Record<string, unknown>>);
}

/** Files and directories under `root` that group or others may read, write or enter. */
export function notOwnerOnly(root: string): string[] {
  const found: string[] = [];
  const walk = (target: string) => {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${(stat.mode & 0o777).toString(8)} ${target}`);
    if (stat.isDirectory()) for (const entry of readdirSync(target)) walk(path.join(target, entry));
  };
  walk(root);
  return found;
}

/** `select count(*)::int as n …` on a stopped subgraph's database. */
export async function probeCount(dataDir: string, service: string, statement: string): Promise<number> {
  const [rows] = await probeRows(dataDir, service, statement);
  const n = rows?.[0]?.n;
  if (typeof n !== 'number') throw new Error(`not a count: ${JSON.stringify(rows)}`);
  return n;
}
