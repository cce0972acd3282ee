import { fork, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/platform';
import { stopChild } from './stop';

export const SERVICE_ENTRIES = {
  consent: path.join(REPO_ROOT, 'subgraphs/consent/src/index.ts'),
  qualifications: path.join(REPO_ROOT, 'subgraphs/qualifications/src/index.ts'),
  drugs: path.join(REPO_ROOT, 'subgraphs/drugs/src/index.ts'),
  checkups: path.join(REPO_ROOT, 'subgraphs/checkups/src/index.ts'),
  gateway: path.join(REPO_ROOT, 'gateway/src/index.ts'),
} as const;
export type ServiceName = keyof typeof SERVICE_ENTRIES;
export const SUBGRAPH_NAMES = ['consent', 'qualifications', 'drugs', 'checkups'] as const satisfies readonly ServiceName[];

/**
 * Node's flags for every service process (docs/operations.md "Node settings of the services"): TypeScript through
 * tsx, and a young generation of 64 MiB per semi-space (Node 20's default is 16). A request's allocations are
 * nearly all dead by the next request; with a larger young generation the scavenger runs less often and copies the
 * same few survivors each time. Garbage collection was 9–20 % of each process's busy time under load, 2–11 % with
 * it (docs/benchmarks.md "The gateway's result shaping compiled per operation, and a larger young generation").
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--import', 'tsx', '--max-semi-space-size=64'];

export interface ServiceProcess {
  name: ServiceName;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env: Record<string, string | undefined>;
  /** Where the child's stdout/stderr go: 'inherit' for the launcher, 'pipe' (collected) for tests. */
  stdio?: 'inherit' | 'pipe';
  timeoutMs?: number;
  onOutput?: (name: ServiceName, text: string) => void;
  /** Ends the child (SIGTERM) when aborted, also while it is still starting: the benchmark's seeding services on Ctrl-C. */
  signal?: AbortSignal;
}

/**
 * Starts one service as a child process running its TypeScript entry through tsx, and resolves once the
 * child announces its URL over IPC (so ephemeral ports work). Shared by `pnpm start`, the test harness
 * and the benchmark, so all three start the system the same way.
 */
export function spawnService(name: ServiceName, options: SpawnOptions): Promise<ServiceProcess> {
  const child = fork(SERVICE_ENTRIES[name], [], {
    cwd: REPO_ROOT,
    execArgv: [...SERVICE_NODE_FLAGS],
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json'), OTEL_SERVICE_NAME: `onshi-${name}`, ...options.env },
    stdio: options.stdio === 'inherit' ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    options.onOutput?.(name, text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = () => stopChild(child);
  // ONSHI_START_TIMEOUT_MS: a machine shared with other heavy work (several test runs on 2 cores) can need longer.
  const startTimeoutMs = options.timeoutMs ?? (Number(process.env.ONSHI_START_TIMEOUT_MS) || 120_000);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${startTimeoutMs} ms\n${output}`));
    }, startTimeoutMs);
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'ready' && 'url' in message && typeof message.url === 'string') {
        clearTimeout(timer);
        resolve({ name, url: message.url, child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready\n${output}`));
    });
    // A fork that failed, or an abort through `signal` (Node sends the kill, then reports it here): kept as a listener
    // after the start too, since an unheard 'error' event would end the launcher.
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export interface SystemOptions {
  /** Environment shared by every subgraph (DATA_DIR, DATABASE_URL, DEMO_*, INTERNAL_SECRET, LOG_LEVEL…). */
  env: Record<string, string | undefined>;
  ports?: Partial<Record<ServiceName, number>>;
  /**
   * Where the subgraphs listen: loopback unless a private address is given (SUBGRAPH_HOST). Never the
   * gateway's HOST — `HOST=0.0.0.0` exposes the gateway only.
   */
  subgraphHost?: string;
  gatewayEnv?: Record<string, string | undefined>;
  stdio?: 'inherit' | 'pipe';
  onOutput?: (name: ServiceName, text: string) => void;
}

export interface RunningSystem {
  services: Map<ServiceName, ServiceProcess>;
  gatewayUrl: string;
  /** Starts a stopped (or killed) service again with its environment, on its port (its peers know that URL). */
  restart(name: ServiceName): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/** Listens on the loopback port (0: one the kernel picks from its ephemeral range) and closes again: the port, or undefined when taken. */
function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/** The lowest port of the kernel's ephemeral range, read once (Linux's default where it cannot be read). */
let ephemeralStart: number | undefined;
function ephemeralRangeStart(): number {
  if (ephemeralStart !== undefined) return ephemeralStart;
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    ephemeralStart = Number.isInteger(low) && low > 0 ? low : 32768;
  } catch {
    ephemeralStart = 32768;
  }
  return ephemeralStart;
}

const CHOSEN_PORTS_FROM = 10_000;

/**
 * The part of the chosen range this process takes its ports from. `ONSHI_PORT_SLICE=k/n` (set for each Jest worker,
 * tests/jest.setup.js) gives it the k-th of n equal slices: processes that choose ports at the same time never choose
 * the same one, which their own `handedOut` sets cannot see. Two Jest workers each starting a system once chose one
 * port between one's choice and its server's listen (EADDRINUSE, 2026-12-06; docs/architecture.md "System tests: two
 * at once"). Without it, or when it does not parse, the whole range.
 */
function portSlice(rangeStart: number): { from: number; width: number } {
  const whole = rangeStart - CHOSEN_PORTS_FROM;
  const [k, n] = (process.env.ONSHI_PORT_SLICE ?? '').split('/').map(Number);
  if (!Number.isInteger(k) || !Number.isInteger(n) || n === undefined || k === undefined || n < 1 || k < 1 || k > n) return { from: CHOSEN_PORTS_FROM, width: whole };
  const width = Math.floor(whole / n);
  return { from: CHOSEN_PORTS_FROM + (k - 1) * width, width };
}
/** Ports this process has handed out, never handed out twice (two servers told one port before either listens). */
const handedOut = new Set<number>();

/**
 * A loopback port free at the moment of asking, for servers whose address another must know before they start.
 * Chosen below the kernel's ephemeral range: a port from that range can be taken, between the choice and the
 * server's listen, as the source port of any outgoing connection (a service's connection to PostgreSQL) or by a
 * server listening on port 0 — a test system then failed to start with EADDRINUSE (CI, 2026-12-05).
 */
export async function freePort(): Promise<number> {
  const { from, width } = portSlice(ephemeralRangeStart());
  for (let attempt = 0; attempt < 50 && width > 1_000; attempt += 1) {
    const candidate = from + randomInt(width);
    if (handedOut.has(candidate) || (await listenOnce(candidate)) === undefined) continue;
    handedOut.add(candidate);
    return candidate;
  }
  const chosen = await listenOnce(0);
  if (chosen === undefined) throw new Error('no free loopback port');
  return chosen;
}

/**
 * The four subgraphs at once, then the gateway, which composes their schemas. Every subgraph's port is chosen before
 * any starts (or given), so each knows its peers' URLs: the peers are asked only while serving (consent asks
 * qualifications for a card's status, the others ask consent's decision point and keys, qualifications sends
 * insurer changes to drugs and checkups), never while starting. Started one after another they took 23 s on the
 * embedded database of a test system, nearly all of it each process's own boot, migration and seed, which two cores
 * can run side by side (docs/architecture.md "The subgraphs start together").
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const services = new Map<ServiceName, ServiceProcess>();
  const subgraphPorts = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, options.ports?.[name] ?? (await freePort())] as const))) as Record<(typeof SUBGRAPH_NAMES)[number], number>;
  const subgraphHost = options.subgraphHost || '127.0.0.1';
  // The URL each service reports once it listens (platform http.ts), known before it starts.
  const peerUrl = (name: (typeof SUBGRAPH_NAMES)[number]) => `http://${subgraphHost}:${subgraphPorts[name]}`;
  const port = (name: ServiceName) => String(name === 'gateway' ? (options.ports?.gateway ?? 0) : subgraphPorts[name]);
  const environments = new Map<ServiceName, Record<string, string | undefined>>();
  const stopAll = async () => {
    await services.get('gateway')?.stop();
    await Promise.all([...services.values()].map((s) => s.stop()));
  };
  try {
    const spawn = (name: ServiceName, env: Record<string, string | undefined>) => {
      const serviceEnv = { ...env, PORT: port(name), ...(name === 'gateway' ? {} : { HOST: subgraphHost }) };
      return spawnService(name, { env: serviceEnv, stdio: options.stdio, onOutput: options.onOutput }).then((s) => {
        services.set(name, s);
        environments.set(name, { ...serviceEnv, PORT: new URL(s.url).port });
        return s;
      });
    };
    const env = { ...options.env, CONSENT_URL: peerUrl('consent'), QUALIFICATIONS_SERVICE_URL: peerUrl('qualifications') };
    const envOf = (name: (typeof SUBGRAPH_NAMES)[number]) => (name === 'qualifications' ? { ...env, DRUGS_URL: peerUrl('drugs'), CHECKUPS_URL: peerUrl('checkups') } : env);
    // Every start is waited for before failing, so that none is left running when another did not start.
    const started = await Promise.allSettled(SUBGRAPH_NAMES.map((name) => spawn(name, envOf(name))));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    // Looked up by name, so the gateway's URLs do not depend on the order of SUBGRAPH_NAMES.
    const startedUrl = (name: (typeof SUBGRAPH_NAMES)[number]) => {
      const service = services.get(name);
      if (!service) throw new Error(`${name} did not start`);
      return service.url;
    };
    const gateway = await spawn('gateway', {
      LOG_LEVEL: options.env.LOG_LEVEL,
      INTERNAL_SECRET: options.env.INTERNAL_SECRET,
      CONSENT_URL: startedUrl('consent'),
      QUALIFICATIONS_URL: `${startedUrl('qualifications')}/graphql`,
      DRUGS_URL: `${startedUrl('drugs')}/graphql`,
      CHECKUPS_URL: `${startedUrl('checkups')}/graphql`,
      CONSENT_GRAPHQL_URL: `${startedUrl('consent')}/graphql`,
      ...options.gatewayEnv,
    });
    const restart = async (name: ServiceName) => {
      await services.get(name)?.stop();
      const restarted = await spawnService(name, { env: environments.get(name) ?? {}, stdio: options.stdio, onOutput: options.onOutput });
      services.set(name, restarted);
      return restarted;
    };
    return { services, gatewayUrl: gateway.url, restart, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
