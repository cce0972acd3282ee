/**
 * The extra processes a benchmark run compares against the system the harness starts: our gateway as a
 * cluster of N workers, and Hive Gateway (the maintained JS peer) over the same supergraph and the same
 * subgraphs. All on loopback, ephemeral ports.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import { stopChild, type ServiceName } from '@onshi/system';
import { freePort } from '../src/ports';

export interface BenchProcess {
  url: string;
  /** Every process whose memory counts for this target (primary and workers). */
  pids(): number[];
  stop(): Promise<void>;
}

/** Production mode (subgraphs and gateway start in production mode), as Hive Gateway runs. */
export const PRODUCTION_ENV = { NODE_ENV: 'production' } as const;

/**
 * The per-client rate limit (gateway/src/limits.ts, 1,200 requests a minute per token subject) raised for
 * the benchmark: each scenario runs on one token, where the national load comes from tens of thousands of
 * clerks, doctors and apps. The limiter itself still runs on every request.
 */
export const BENCH_GATEWAY_ENV = { RATE_LIMIT_REQUESTS: '100000000', ...PRODUCTION_ENV } as const;

/** The gateway environment exactly as `startSystem` wires it, for subgraphs at `urls` (plus BENCH_GATEWAY_ENV). */
export function gatewayEnvFor(urls: Record<ServiceName, string>, logLevel: string): Record<string, string> {
  return {
    ...BENCH_GATEWAY_ENV,
    LOG_LEVEL: logLevel,
    CONSENT_URL: urls.consent,
    QUALIFICATIONS_URL: `${urls.qualifications}/graphql`,
    DRUGS_URL: `${urls.drugs}/graphql`,
    CHECKUPS_URL: `${urls.checkups}/graphql`,
    CONSENT_GRAPHQL_URL: `${urls.consent}/graphql`,
  };
}

/** Direct children of `pid` (Linux /proc), for the RSS of cluster workers. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident set size in MiB of the given processes together (0 for those already gone). */
export function rssMiB(pids: readonly number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // the process has exited: it holds no memory
    }
  }
  return Math.round(kib / 1024);
}

/** Child processes of this process whose command line contains `marker` (the harness's gateway). */
export function ownChildrenRunning(marker: string): number[] {
  return childPids(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
}

export async function startGatewayCluster(options: { workers: number; env: Record<string, string>; workerNodeFlags?: string[]; service?: ServiceName }): Promise<BenchProcess> {
  const child = fork(path.join(__dirname, 'serviceCluster.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'),
      ...options.env,
      PORT: '0',
      GATEWAY_WORKERS: String(options.workers),
      BENCH_SERVICE: options.service ?? 'gateway',
      GATEWAY_WORKER_NODE_FLAGS: (options.workerNodeFlags ?? []).join(' '),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-10_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.service ?? 'gateway'} cluster did not start in 120 s\n${output}`)), 120_000);
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'url' in message && typeof message.url === 'string') {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.service ?? 'gateway'} cluster exited with ${code}\n${output}`));
    });
  });
  const pid = child.pid ?? 0;
  return { url, pids: () => [pid, ...childPids(pid)], stop: () => stopChild(child) };
}

/** The committed supergraph with each subgraph's URL replaced by where it runs now. */
export function supergraphFor(urls: Record<ServiceName, string>): string {
  const sdl = readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (whole, name: string) => {
    const url = (urls as Record<string, string | undefined>)[name];
    return url ? `@join__graph(name: "${name}", url: "${url}/graphql")` : whole;
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}\n${output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms\n${output()}`);
}

/**
 * Hive Gateway's own CLI (`hive-gateway supergraph`, as in the first baseline) with `--fork` workers,
 * NODE_ENV=production, header propagation from hive-gateway.config.mjs.
 */
export async function startHiveGateway(options: { workers: number; supergraphPath: string; supergraphSdl: string }): Promise<BenchProcess> {
  writeFileSync(options.supergraphPath, options.supergraphSdl);
  const port = await freePort();
  const bin = path.join(REPO_ROOT, 'tests', 'node_modules', '.bin', 'hive-gateway');
  const child = spawn(bin, ['supergraph', options.supergraphPath, '--host', '127.0.0.1', '--port', String(port), '--fork', String(options.workers), '--polling', '1h', '-c', path.join(__dirname, 'hive-gateway.config.mjs')], {
    cwd: path.join(REPO_ROOT, 'tests'),
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-10_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthcheck`, child, () => output);
  } catch (error) {
    await stopChild(child);
    throw new Error(`Hive Gateway did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const pid = child.pid ?? 0;
  const tree = (root: number): number[] => [root, ...childPids(root).flatMap(tree)];
  return { url, pids: () => tree(pid), stop: () => stopChild(child) };
}
