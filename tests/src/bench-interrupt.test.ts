/**
 * `pnpm bench` stopped by a signal (tests/bench/interrupt.ts). The careless operator: `kill <pid>` of a run (SIGTERM to
 * the command alone, so its services hear nothing from the terminal) once while it measures, once while it loads a
 * fresh PostgreSQL database. Killed outright, a run left its systems running, its database (46 GB at 10⁶ patients) and
 * its work directory behind. Each case checks that the run ends promptly with the signal's code and no report, and
 * that nothing it started is left: no process, no database, no work directory.
 *
 * The measuring case runs on the database of the run (PGlite, or PostgreSQL with DATABASE_URL); the loading case on
 * PostgreSQL always (DATABASE_URL, else the local server CI provides), where the bench loads before it measures.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { databaseExists } from '../bench/seed';

const POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

interface Interrupted {
  code: number | null;
  output: string;
  /** Seconds from the signal to the command's exit. */
  exitSeconds: number;
  /** Every process below the command while it ran, and those of them still alive after it exited. */
  descendants: number[];
  survivors: number[];
  /** The run's own database, named in its log (PostgreSQL). */
  database?: string;
  databaseLeft?: boolean;
  workDirsLeft: string[];
  reportWritten: boolean;
}

function descendantsOf(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    // pgrep exits 1 when there are none.
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `pnpm bench` with `args`, waits for `ready` in its log and `afterMs` more, collects its processes, sends SIGTERM
 * to the command alone and reports what is left once it exited.
 */
async function interruptBench(args: string[], env: Record<string, string>, ready: RegExp, afterMs: number): Promise<Interrupted> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'onshi-bench-interrupt-'));
  const benchTmp = path.join(scratch, 'tmp');
  mkdirSync(benchTmp);
  const doc = path.join(scratch, 'benchmarks.md');
  const bench = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), path.join(REPO_ROOT, 'tests/bench/run.ts'), ...args, '--doc', doc, '--json-dir', scratch], {
    cwd: REPO_ROOT, env: { ...process.env, ...env, TMPDIR: benchTmp }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  bench.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bench.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => bench.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 300_000;
    while (!ready.test(output)) {
      if (Date.now() > deadline || bench.exitCode !== null) throw new Error(`bench never reached ${String(ready)}:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    const descendants = descendantsOf(bench.pid ?? 0);
    const signalled = Date.now();
    bench.kill('SIGTERM');
    const code = await exited;
    const exitSeconds = (Date.now() - signalled) / 1000;
    // Each service's esbuild helper exits when its parent has gone (its stdin closes): a few seconds' grace for them.
    for (let waited = 0; waited < 5_000 && descendants.some(alive); waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    const database = /PostgreSQL database (onshi_bench_\w+)/.exec(output)?.[1];
    return {
      code, output, exitSeconds, descendants, survivors: descendants.filter(alive), database,
      databaseLeft: database ? await databaseExists(POSTGRES_URL, database) : undefined,
      workDirsLeft: readdirSync(benchTmp).filter((name) => name.startsWith('onshi-bench-')),
      reportWritten: existsSync(doc) || readdirSync(scratch).some((name) => name.endsWith('.json')),
    };
  } finally {
    if (bench.exitCode === null) bench.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  }
}

const SMALL_RUN = ['--warmup', '0', '--connections', '2', '--workers', '1', '--no-hive', '--profile', '0', '--pool', '8', '--samples', '1'];

describe('pnpm bench stopped by SIGTERM', () => {
  test('while it measures: the window is cut short, every process it started stops, its database and work directory go, no report', async () => {
    // A 120-s window: an exit well within it shows the window was ended, not waited out.
    const run = await interruptBench([...SMALL_RUN, '--patients', '12', '--duration', '120', '--scenarios', 'doctorVisit'], {}, /\[12\] loaded in/, 6_000);
    expect(run.output).toMatch(/SIGTERM: stopping/);
    expect(run.output).toMatch(/bench interrupted by SIGTERM: cleaned up, no report written/);
    expect(run.code).toBe(143);
    expect(run.exitSeconds).toBeLessThan(60);
    expect(run.descendants.length).toBeGreaterThanOrEqual(5);
    expect(run.survivors).toEqual([]);
    expect(run.workDirsLeft).toEqual([]);
    expect(run.reportWritten).toBe(false);
    if (process.env.DATABASE_URL) {
      expect(run.database).toMatch(/^onshi_bench_12_/);
      expect(run.databaseLeft).toBe(false);
    }
  }, 600_000);

  test('while it loads a fresh PostgreSQL database: the seeding services stop at once and the database is dropped', async () => {
    // 20,000 people take PostgreSQL's seeds tens of seconds here; the signal comes a few seconds into them.
    const run = await interruptBench([...SMALL_RUN, '--patients', '20000', '--duration', '5', '--scenarios', 'reception'], { DATABASE_URL: POSTGRES_URL }, /loading 20000 patients into PostgreSQL database/, 4_000);
    expect(run.output).not.toMatch(/seeded 20000 patients/);
    expect(run.output).toMatch(/bench interrupted by SIGTERM: cleaned up, no report written/);
    expect(run.code).toBe(143);
    expect(run.exitSeconds).toBeLessThan(30);
    expect(run.descendants.length).toBeGreaterThanOrEqual(4);
    expect(run.survivors).toEqual([]);
    expect(run.database).toMatch(/^onshi_bench_20000_/);
    expect(run.databaseLeft).toBe(false);
    expect(run.workDirsLeft).toEqual([]);
    expect(run.reportWritten).toBe(false);
  }, 600_000);
});
