/**
 * The replicated start (docs/operations.md "Replicated start"): N replicas of the gateway and of every subgraph,
 * each service behind an HAProxy frontend on its contract port, all on one PostgreSQL database and one Redis.
 * HAProxy is Debian's package (tests/ensure-system-tools.sh installs it); this module only writes its
 * configuration, runs it as a child and stops it with the rest. Peers always reach each other through the
 * frontends, so a replica that dies is routed around for every caller, the gateway's and the subgraphs' own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnService, SUBGRAPH_NAMES, type ServiceName, type ServiceProcess } from './processes';
import { stopChild } from './stop';

export const HAPROXY_BINARY = process.env.HAPROXY_PATH || 'haproxy';

export interface ReplicatedSystemOptions {
  /** Replicas per service (≥ 1). */
  replicas: number;
  /** Environment shared by every subgraph replica; DATABASE_URL and REDIS_URL are required (replicas share state). */
  env: Record<string, string | undefined>;
  /** The frontends' ports (contract ports for `start:replicas`); missing: ephemeral. */
  ports?: Partial<Record<ServiceName, number>>;
  /** Where the gateway's frontend listens (HOST); the subgraphs' frontends and every replica stay on `subgraphHost`. */
  gatewayHost?: string;
  subgraphHost?: string;
  gatewayEnv?: Record<string, string | undefined>;
  stdio?: 'inherit' | 'pipe';
  onOutput?: (name: ServiceName | 'haproxy', text: string) => void;
}

/** One replica as HAProxy sees it: UP/DOWN, and how many requests it has been sent (`stot`). */
export interface ServerState { backend: string; server: string; status: string; sessions: number }

export interface ReplicatedSystem {
  gatewayUrl: string;
  /** The HAProxy frontend of each service: what peers and clients call. */
  frontends: Record<ServiceName, string>;
  /** Every replica of each service: index i is HAProxy's server `<service>-<i + 1>`. */
  replicas: Map<ServiceName, ServiceProcess[]>;
  haproxy: ChildProcess;
  /** HAProxy's own view of every replica (its runtime API `show stat`), for waiting and for tests. */
  serverStates(): Promise<ServerState[]>;
  stop(): Promise<void>;
}

/** Fails early, with the fix, when HAProxy is not installed. */
export function assertHaproxyInstalled(): void {
  const probe = spawnSync(HAPROXY_BINARY, ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`HAProxy is needed for replicas (${HAPROXY_BINARY} -v failed): apt-get install -y haproxy, or bash tests/ensure-system-tools.sh`);
  }
}

interface Frontend { name: ServiceName; bind: string; servers: Array<{ name: string; address: string }> }

/**
 * HAProxy 2.6 configuration. Health checks on /ready (the service and its database answer) every 2 s; a server
 * failing three in a row leaves the rotation, two successes bring it back. `retries` + `redispatch` send a request whose connection was refused (a
 * replica just killed) to another replica, so only requests already in flight on the dead one fail. The client
 * address: a loopback peer (the portal) may name its client in X-Forwarded-For, as the services themselves allow
 * (kit clientAddressOf); any other peer's header is replaced by its own address, so nobody can choose theirs.
 */
export function haproxyConfig(frontends: Frontend[], statsSocket: string): string {
  const lines = [
    'global',
    '  maxconn 8192',
    `  stats socket ${statsSocket} mode 600 level admin`,
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 120s',
    '  timeout server 120s',
    '  timeout http-request 15s',
    '  timeout http-keep-alive 10s',
    '  retries 3',
    '  option redispatch 1',
    // A fresh loopback connection per request: a reused idle one can be closed by Node (keepAliveTimeout 5 s) just as
    // HAProxy sends on it, and a POST cannot be retried, so the client would see its connection dropped.
    '  option http-server-close',
    '  option httpchk',
    '  http-check send meth GET uri /ready',
    '  http-check expect status 200',
    // Tolerant of a busy machine: a replica slow to answer /ready for a few seconds is not a dead one.
    '  timeout check 5s',
    '  default-server inter 2s fall 3 rise 2',
    '',
  ];
  for (const frontend of frontends) {
    lines.push(
      `frontend ${frontend.name}`,
      `  bind ${frontend.bind}`,
      '  http-request set-header X-Forwarded-For %[src] unless { src 127.0.0.0/8 ::1 }',
      `  default_backend ${frontend.name}-replicas`,
      '',
      `backend ${frontend.name}-replicas`,
      '  balance roundrobin',
      ...frontend.servers.map((server) => `  server ${server.name} ${server.address} check`),
      '',
    );
  }
  return lines.join('\n');
}

/** One command to HAProxy's runtime API over its unix socket. */
function haproxyCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = connect(socket);
    let answer = '';
    connection.on('connect', () => connection.end(`${command}\n`));
    connection.on('data', (chunk: Buffer) => { answer += chunk.toString(); });
    connection.on('end', () => resolve(answer));
    connection.on('error', reject);
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts HAProxy, then the replicas in dependency order (consent; drugs and checkups; qualifications; gateway). */
export async function startReplicatedSystem(options: ReplicatedSystemOptions): Promise<ReplicatedSystem> {
  if (!options.env.DATABASE_URL) throw new Error('replicas share one database: set DATABASE_URL (PostgreSQL)');
  if (!options.env.REDIS_URL) throw new Error('replicas share counters and revocations: set REDIS_URL');
  if (!Number.isInteger(options.replicas) || options.replicas < 1) throw new Error(`replicas must be a positive integer, not ${options.replicas}`);
  assertHaproxyInstalled();
  const subgraphHost = options.subgraphHost || '127.0.0.1';
  const names: ServiceName[] = [...SUBGRAPH_NAMES, 'gateway'];
  const frontendPorts = Object.fromEntries(await Promise.all(names.map(async (name) => [name, options.ports?.[name] || (await freePort())]))) as Record<ServiceName, number>;
  const replicaPorts = new Map<ServiceName, number[]>();
  for (const name of names) replicaPorts.set(name, await Promise.all(Array.from({ length: options.replicas }, () => freePort())));
  const frontendHost = (name: ServiceName) => (name === 'gateway' ? options.gatewayHost || '127.0.0.1' : subgraphHost);
  // Peers call a frontend by an address they can reach: 0.0.0.0 is a bind address, not a destination.
  const frontends = Object.fromEntries(names.map((name) => {
    const host = frontendHost(name) === '0.0.0.0' ? '127.0.0.1' : frontendHost(name);
    return [name, `http://${host.includes(':') ? `[${host}]` : host}:${frontendPorts[name]}`];
  })) as Record<ServiceName, string>;

  const workDir = mkdtempSync(path.join(tmpdir(), 'onshi-haproxy-'));
  const statsSocket = path.join(workDir, 'haproxy.sock');
  const configPath = path.join(workDir, 'haproxy.cfg');
  writeFileSync(configPath, haproxyConfig(names.map((name) => ({
    name,
    bind: `${frontendHost(name).includes(':') ? `[${frontendHost(name)}]` : frontendHost(name)}:${frontendPorts[name]}`,
    servers: (replicaPorts.get(name) ?? []).map((port, index) => ({ name: `${name}-${index + 1}`, address: `${subgraphHost.includes(':') ? `[${subgraphHost}]` : subgraphHost}:${port}` })),
  })), statsSocket), { mode: 0o600 });
  // -db: stay in the foreground as our child; -W: master-worker, so SIGTERM stops it cleanly.
  const haproxy = spawn(HAPROXY_BINARY, ['-W', '-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let haproxyOutput = '';
  const collect = (chunk: Buffer) => {
    haproxyOutput = (haproxyOutput + chunk.toString()).slice(-10_000);
    if (options.stdio === 'inherit') process.stderr.write(chunk);
    options.onOutput?.('haproxy', chunk.toString());
  };
  haproxy.stdout.on('data', collect);
  haproxy.stderr.on('data', collect);

  const replicas = new Map<ServiceName, ServiceProcess[]>();
  const serverStates = async (): Promise<ServerState[]> => {
    const csv = await haproxyCommand(statsSocket, 'show stat');
    return csv.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(','))
      .filter((fields) => fields[1] !== 'FRONTEND' && fields[1] !== 'BACKEND').map((fields) => ({ backend: fields[0] ?? '', server: fields[1] ?? '', status: fields[17] ?? '', sessions: Number(fields[7] ?? 0) }));
  };
  const stop = async () => {
    await Promise.all((replicas.get('gateway') ?? []).filter(Boolean).map((replica) => replica.stop()));
    await Promise.all([...replicas.values()].flat().filter(Boolean).map((replica) => replica.stop()));
    await stopChild(haproxy);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => {
      if (haproxy.exitCode !== null) throw new Error(`haproxy exited with code ${haproxy.exitCode}\n${haproxyOutput}`);
      return (await serverStates()).length > 0;
    }, 15_000, 'HAProxy answering on its runtime socket').catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${haproxyOutput}`);
    });
    // replicas.get(name)[i] is HAProxy's server `${name}-${i + 1}`, whichever finished starting first.
    const start = async (name: ServiceName, env: Record<string, string | undefined>) => {
      const started: ServiceProcess[] = [];
      replicas.set(name, started);
      await Promise.all((replicaPorts.get(name) ?? []).map(async (port, index) => {
        started[index] = await spawnService(name, { env: { ...env, PORT: String(port), HOST: subgraphHost }, stdio: options.stdio, onOutput: options.onOutput });
      }));
    };
    const env = { ...options.env, CONSENT_URL: frontends.consent, QUALIFICATIONS_SERVICE_URL: frontends.qualifications };
    await start('consent', env);
    await Promise.all([start('drugs', env), start('checkups', env)]);
    await start('qualifications', { ...env, DRUGS_URL: frontends.drugs, CHECKUPS_URL: frontends.checkups });
    await start('gateway', {
      LOG_LEVEL: options.env.LOG_LEVEL,
      INTERNAL_SECRET: options.env.INTERNAL_SECRET,
      REDIS_URL: options.env.REDIS_URL,
      REDIS_KEY_PREFIX: options.env.REDIS_KEY_PREFIX,
      CONSENT_URL: frontends.consent,
      CONSENT_GRAPHQL_URL: `${frontends.consent}/graphql`,
      QUALIFICATIONS_URL: `${frontends.qualifications}/graphql`,
      DRUGS_URL: `${frontends.drugs}/graphql`,
      CHECKUPS_URL: `${frontends.checkups}/graphql`,
      ...options.gatewayEnv,
    });
    // Ready when HAProxy itself has seen every replica pass its health check.
    await waitFor(async () => (await serverStates()).every((state) => state.status === 'UP'), 30_000, 'every replica UP in HAProxy');
    return { gatewayUrl: frontends.gateway, frontends, replicas, haproxy, serverStates, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
