/**
 * `pnpm bench --baseline <commit>`: an older commit's whole system (four subgraphs and the gateway) as one more target
 * of the same run, so a change is judged against its predecessor with the same scenarios, connections, durations and
 * machine load (docs/benchmarks.md "Baseline commit"). The commit gets a detached git worktree of its own in the
 * temporary directory, reused by later runs once its dependencies are installed, and, on PostgreSQL, a database of
 * its own loaded by its own seed (its schema differs from ours). baselineDriver.ts, copied into that worktree, starts
 * its system with its own harness and prepares the scenarios' requests from its own data.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { SUBGRAPH_NAMES, stopChild } from '@onshi/system';
import type { BaselineInput, BaselineReady, BaselineScenario, TokensAnswer, TokensRequest } from './baselineDriver';
import { systemGroups, type ProcessGroups } from './cpu';
import type { ScenarioName } from './scenarios';
import { interruptSignal } from './interrupt';
import { dropDatabase } from './seed';
import { childPids, type BenchProcess } from './targets';

/** Written into the worktree once its install finished: a worktree without it is installed again. */
const INSTALLED_MARKER = '.onshi-baseline-installed';
const DRIVER_IN_WORKTREE = path.join('tests', 'bench', '.baseline-driver.ts');

export interface BaselineCheckout {
  /** Full commit id. */
  commit: string;
  /** Short commit id, the target's name in the report ("95c56fa ×1"). */
  short: string;
  dir: string;
}

function git(args: string[], cwd = REPO_ROOT): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Where this repository's worktree of the commit `short` lives, reused across runs. The name carries the repository
 * (a hash of its git directory), so two clones on one machine never share, or mistake each other's, worktree.
 */
export function baselineDir(short: string): string {
  const gitDir = path.resolve(REPO_ROOT, git(['rev-parse', '--git-common-dir']));
  const repository = createHash('sha256').update(gitDir).digest('hex').slice(0, 8);
  return path.join(os.tmpdir(), `onshi-baseline-${short}-${repository}`);
}

/** Whether `dir` is registered as a worktree of this repository (`git worktree list`). */
function isOurWorktree(dir: string): boolean {
  return git(['worktree', 'list', '--porcelain']).split('\n').includes(`worktree ${dir}`);
}

/** The commit `ref` names in this repository, or a clear error. */
export function resolveBaselineCommit(ref: string): { commit: string; short: string } {
  try {
    const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return { commit, short: git(['rev-parse', '--short=7', commit]) };
  } catch {
    throw new Error(`--baseline ${ref}: not a commit of this repository (${REPO_ROOT})`);
  }
}

function run(command: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      log(output);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.trim().split('\n').slice(-12).join('\n')}`));
    });
  });
}

/**
 * The commit's worktree with its dependencies installed (`pnpm install --frozen-lockfile --prefer-offline`: the
 * store's packages first, the registry for those an older lockfile needs and the store lacks). A failed install
 * removes the worktree again, so the next run starts clean rather than from a half-installed tree.
 */
export async function prepareBaselineCheckout(ref: string, log: (line: string) => void): Promise<BaselineCheckout> {
  const { commit, short } = resolveBaselineCommit(ref);
  const dir = baselineDir(short);
  if (existsSync(dir) && !isOurWorktree(dir)) {
    // Left by an earlier clone at the same path (deleted since, or re-cloned): ours to replace, it is only a checkout.
    log(`baseline ${short}: ${dir} is not a worktree of this repository, replacing it…`);
    rmSync(dir, { recursive: true, force: true });
    git(['worktree', 'prune']);
  }
  if (existsSync(dir)) {
    let head = '';
    try {
      head = git(['rev-parse', 'HEAD'], dir);
    } catch {
      // not a worktree (any more): refused below
    }
    if (head !== commit) throw new Error(`--baseline ${ref}: ${dir} exists but is not a worktree of ${short}; remove it (git worktree remove --force ${dir}) and run again`);
    if (existsSync(path.join(dir, INSTALLED_MARKER))) return { commit, short, dir };
  } else {
    log(`baseline ${short}: adding worktree ${dir}…`);
    git(['worktree', 'add', '--detach', dir, commit]);
  }
  log(`baseline ${short}: installing its dependencies…`);
  try {
    await run('npx', ['-y', 'pnpm@10', 'install', '--frozen-lockfile', '--prefer-offline'], dir, () => undefined);
  } catch (error) {
    try {
      git(['worktree', 'remove', '--force', dir]);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      git(['worktree', 'prune']);
    }
    throw new Error(`--baseline ${ref}: installing ${short}'s dependencies failed, its worktree was removed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  writeFileSync(path.join(dir, INSTALLED_MARKER), `${new Date().toISOString()}\n`);
  return { commit, short, dir };
}

export interface BaselineTarget extends BenchProcess {
  /** "95c56fa ×1" */
  name: string;
  checkout: BaselineCheckout;
  ready: BaselineReady;
  /** The database the baseline used (PostgreSQL). */
  databaseName?: string;
  /** The baseline's gateway URL and subgraph URLs, for the statement counts from its /metrics. */
  urls: Record<string, string>;
  /**
   * The scenario with tokens young enough for a measurement about to start (baselineDriver.ts `answerTokenRequests`):
   * tokens minted at start may have expired by then. `mintedAt` says when they were asked for, `issuedAt` when the
   * oldest of them was issued.
   */
  freshScenario(name: ScenarioName): Promise<(BaselineScenario & { mintedAt?: string; issuedAt?: string }) | undefined>;
  /** CPU groups of the baseline's processes (its subgraphs, its database's backends) for cpu.ts. */
  groups(): ProcessGroups;
}

export interface BaselineStartOptions {
  checkout: BaselineCheckout;
  patients: number;
  poolSize: number;
  scenarios: ScenarioName[];
  /** PostgreSQL server (DATABASE_URL) the baseline gets its own database on; absent: PGlite. */
  databaseBaseUrl?: string;
  /** Keep the baseline's database as `<keep>_<short>_<patients>` and reuse it (the harness's --database). */
  keepDatabase?: string;
  seedOnly?: boolean;
  sharedState?: Record<string, string>;
  log: (line: string) => void;
  /** Until the baseline is loaded, started and prepared (ms); default 6 h (a 10⁶ load). */
  startTimeoutMs?: number;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Processes anywhere on the machine whose command line runs code from `dir` (a baseline's driver and services, also
 * ones orphaned by a driver that died): none once the baseline is stopped.
 */
export function processesRunningFrom(dir: string): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => cmdline(pid).includes(`${dir}/`));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends the driver (it stops its system on SIGTERM), then whatever is left in its process group — services it was
 * still starting when it was told to stop: SIGTERM, and SIGKILL after a grace period.
 */
async function stopDriver(driver: ChildProcess): Promise<void> {
  await stopChild(driver, { graceMs: 30_000 });
  const pgid = driver.pid;
  if (!pgid || !groupAlive(pgid)) return;
  process.kill(-pgid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && groupAlive(pgid); waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && groupAlive(pgid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

let tokenRequests = 0;

/** One scenario's tokens minted now by the running driver, over its IPC channel; fails after 60 s or on its error. */
function askForTokens(driver: ChildProcess, scenario: ScenarioName): Promise<TokensAnswer> {
  const id = (tokenRequests += 1);
  return new Promise<TokensAnswer>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      driver.off('message', onMessage);
      driver.off('exit', onExit);
    };
    const onMessage = (message: unknown) => {
      const answer = message as Partial<TokensAnswer> | null;
      if (answer?.type !== 'tokens' || answer.id !== id) return;
      done();
      if (answer.error || !answer.token) reject(new Error(`baseline tokens for ${scenario}: ${answer.error ?? 'none minted'}`));
      else resolve(answer as TokensAnswer);
    };
    const onExit = () => {
      done();
      reject(new Error(`baseline tokens for ${scenario}: its driver exited`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`baseline tokens for ${scenario}: no answer within 60 s`));
    }, 60_000);
    driver.on('message', onMessage);
    driver.once('exit', onExit);
    driver.send({ type: 'tokens', id, scenario } satisfies TokensRequest);
  });
}

/**
 * Starts the baseline through its driver and resolves once its system is up and its scenarios are prepared. On any
 * failure (the driver exits, times out) it stops every process it started, drops a database it created for this run
 * and rejects with the driver's last output.
 */
export async function startBaseline(options: BaselineStartOptions): Promise<BaselineTarget> {
  const { checkout, log } = options;
  const name = `${checkout.short} ×1`;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'onshi-bench-baseline-'));
  const databaseName = options.databaseBaseUrl
    ? options.keepDatabase ? `${options.keepDatabase}_${checkout.short}_${options.patients}` : `onshi_baseline_${checkout.short}_${options.patients}_${path.basename(workDir).slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
    : undefined;
  const input: BaselineInput = {
    patients: options.patients, poolSize: options.poolSize, scenarios: options.scenarios, seedOnly: options.seedOnly ?? false,
    database: options.databaseBaseUrl && databaseName ? { baseUrl: options.databaseBaseUrl, name: databaseName } : undefined,
    sharedState: options.sharedState ?? {}, output: path.join(workDir, 'ready.json'),
  };
  copyFileSync(path.join(__dirname, 'baselineDriver.ts'), path.join(checkout.dir, DRIVER_IN_WORKTREE));
  const env: Record<string, string | undefined> = { ...process.env, TSX_TSCONFIG_PATH: path.join(checkout.dir, 'tsconfig.base.json'), ONSHI_BASELINE_INPUT: JSON.stringify(input), NODE_OPTIONS: '' };
  if (options.databaseBaseUrl) env.DATABASE_URL = options.databaseBaseUrl;
  else delete env.DATABASE_URL;
  // Its own process group: whatever the driver started can be ended with it, even if it is killed mid-start.
  const driver = spawn(process.execPath, ['--import', 'tsx', path.join(checkout.dir, DRIVER_IN_WORKTREE)], { cwd: checkout.dir, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  let output = '';
  const relay = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-8_000);
    for (const line of text.split('\n').filter((l) => l.trim() !== '')) log(`baseline ${checkout.short}: ${line.slice(0, 300)}`);
  };
  driver.stdout?.on('data', relay);
  driver.stderr?.on('data', relay);
  const cleanUp = async () => {
    await stopDriver(driver);
    if (options.databaseBaseUrl && databaseName && !options.keepDatabase) await dropDatabase(options.databaseBaseUrl, databaseName).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  };
  const timeoutMs = options.startTimeoutMs ?? 6 * 3_600_000;
  let ready: BaselineReady;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      // Its own process group hears no Ctrl-C: a signal to `pnpm bench` stops its start here, and `cleanUp` ends the
      // group and drops the database it was loading (interrupt.ts).
      const onInterrupt = () => {
        clearTimeout(timer);
        reject(new Error('interrupted'));
      };
      if (interruptSignal.aborted) onInterrupt();
      else interruptSignal.addEventListener('abort', onInterrupt, { once: true });
      driver.on('message', (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'ready') {
          interruptSignal.removeEventListener('abort', onInterrupt);
          clearTimeout(timer);
          resolve();
        }
      });
      driver.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      driver.once('exit', (code, signal) => {
        interruptSignal.removeEventListener('abort', onInterrupt);
        clearTimeout(timer);
        reject(new Error(`its driver exited (${signal ?? `code ${code}`}) before the system was ready`));
      });
    });
    ready = JSON.parse(readFileSync(input.output, 'utf8')) as BaselineReady;
  } catch (error) {
    await cleanUp();
    const tail = output.trim().split('\n').slice(-15).join('\n');
    throw new Error(`baseline ${checkout.short} (${checkout.dir}): ${error instanceof Error ? error.message : String(error)}${tail ? `\n${tail}` : ''}`, { cause: error });
  }
  const driverPid = driver.pid ?? 0;
  const gatewayPids = () => childPids(driverPid).filter((pid) => cmdline(pid).includes(path.join('gateway', 'src', 'index.ts')));
  return {
    name,
    checkout,
    ready,
    databaseName,
    url: ready.gatewayUrl,
    urls: ready.urls,
    pids: gatewayPids,
    freshScenario: async (scenario) => {
      const prepared = ready.scenarios.find((s) => s.name === scenario);
      if (!prepared || prepared.unavailable) return prepared;
      const minted = await askForTokens(driver, scenario);
      return { ...prepared, token: minted.token, ...(minted.tokens ? { tokens: minted.tokens } : {}), mintedAt: minted.mintedAt, issuedAt: minted.issuedAt };
    },
    groups: () => {
      const groups = systemGroups(databaseName, driverPid);
      for (const subgraph of SUBGRAPH_NAMES) groups[subgraph] ??= [];
      return groups;
    },
    stop: cleanUp,
  };
}
