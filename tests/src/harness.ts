/**
 * Test harness: starts the real system (four subgraphs + gateway as child processes on ephemeral ports)
 * over a fresh embedded PGlite data dir, or — when DATABASE_URL is set — over a fresh PostgreSQL
 * database created for this system and dropped afterwards. Tests then talk real HTTP to it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { copyEmptyCluster, emptyEmbeddedCluster, type DemoOptions } from '@onshi/kit';
import { demoPatient } from '@onshi/demo';
import { startSystem, stopChild, SUBGRAPH_NAMES, type RunningSystem, type ServiceName } from '@onshi/system';
import { loginDemoAccount, type GraphQLCall } from '@onshi/consent/src/cli/demoClient';
import { type ReaderKey } from '@onshi/platform/readerStatement';
import { demoReaderKey } from '@onshi/demo';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
  /** The raw response text: denial tests assert that no protected value appears anywhere in it. */
  text: string;
}

export interface TestSystem {
  gatewayUrl: string;
  urls: Record<ServiceName, string>;
  demo: DemoOptions;
  dataDir: string;
  databaseUrl?: string;
  internalSecret: string;
  /** The demo patient at `index` as generated (0 = yamada, 1 = sato). */
  patient(index: number): ReturnType<typeof demoPatient>;
  /** The demo card reader of a facility (its random key, from the data dir: consent demoReaders.ts). */
  reader(facilityCode: string): ReaderKey;
  /** A token for a demo account, obtained through the real login flows (see consent's demoClient.ts). */
  token(account: string): Promise<string>;
  /** POST a GraphQL operation to the gateway (or `url`). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string, url?: string): Promise<GraphQLResponse<T>>;
  stopService(name: ServiceName): Promise<void>;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  killService(name: ServiceName): Promise<void>;
  /** Starts a stopped or killed service again on its port, with its environment. */
  restartService(name: ServiceName): Promise<void>;
  /** The pid of a service's process. */
  pid(name: ServiceName): number | undefined;
  /** Everything the services printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface TestSystemOptions {
  patients?: number;
  /** An existing DATA_DIR to start on (kept after stop): restart tests. Default: a fresh one, removed after. */
  dataDir?: string;
  internalSecret?: string;
  env?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
}

/** The demo world's "today" in tests: fixed, so that generated histories and expectations agree. */
export const AS_OF = '2026-11-25';

/** A fresh PostgreSQL database next to `baseUrl`'s, for one system; drop() removes it. */
export async function createDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `onshi_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => undefined });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** POSTs GraphQL operations to `defaultUrl` (or the `url` of a call), as TestSystem.graphql does. */
export function graphqlClient(defaultUrl: string): TestSystem['graphql'] {
  return async (query, variables, token, url) => {
    const response = await fetch(url ?? defaultUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GraphQLResponse['body'];
    try {
      body = JSON.parse(text) as GraphQLResponse['body'];
    } catch {
      body = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
    }
    return { status: response.status, body: body as GraphQLResponse<never>['body'], text };
  };
}

/**
 * What a service counts on its /metrics (docs/operations.md "What a running service counts: `/metrics`"): calls of each
 * route so far, keyed "METHOD /path" (platform http.ts counts a call as it arrives), and its gauges (platform
 * requestContext.ts registerGauge).
 */
export async function serviceMetrics(serviceUrl: string): Promise<{ routes: Record<string, number>; gauges: Record<string, number> }> {
  return (await (await fetch(`${serviceUrl}/metrics`)).json()) as { routes: Record<string, number>; gauges: Record<string, number> };
}

export async function routeCalls(serviceUrl: string): Promise<Record<string, number>> {
  return (await serviceMetrics(serviceUrl)).routes;
}

/** A gauge's value, 0 when the service has none of that name. */
export async function gaugeOf(serviceUrl: string, name: string): Promise<number> {
  return (await serviceMetrics(serviceUrl)).gauges[name] ?? 0;
}

/**
 * Switches consent's demo fault that makes every grouped access-log write fail (consent decisionPoint.ts
 * accessLogFault), through its demo-mode-only internal route; resolves with the route's HTTP status.
 */
export async function setAccessLogFault(system: Pick<TestSystem, 'urls' | 'internalSecret'>, enabled: boolean): Promise<number> {
  const response = await fetch(`${system.urls.consent}/internal/demo/access-log-fault`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-onshi-internal': system.internalSecret },
    body: JSON.stringify({ enabled }),
  });
  return response.status;
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'onshi-test-'));
  const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : undefined;
  const internalSecret = options.internalSecret ?? randomBytes(32).toString('base64url');
  // As `pnpm start` keeps it: commands run beside the system read it there (kit operations.ts).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dataDir, 'internal-secret'), internalSecret, { mode: 0o600 });
  const demo: DemoOptions = { seed: 'onshi', patients: options.patients ?? 40, asOf: AS_OF };
  const embedded = !(options.env?.DATABASE_URL ?? database?.url);
  // A fresh embedded data dir starts from copies of one empty PGlite cluster instead of four runs of initdb; the
  // subgraphs still migrate and seed it themselves (docs/architecture.md "System tests: the empty cluster").
  // A data dir a suite brings (restart, crash and operations tests) gets nothing: its first start is the real one.
  if (embedded && ownDataDir && process.env.ONSHI_TEST_INITDB !== '1') {
    try {
      const cluster = await emptyEmbeddedCluster(path.join(tmpdir(), `onshi-test-clusters-${process.getuid?.() ?? 'user'}`));
      for (const name of SUBGRAPH_NAMES) copyEmptyCluster(cluster, dataDir, name);
    } catch (error) {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  const output: string[] = [];
  let system: RunningSystem;
  try {
    system = await startSystem({
      env: {
        DATA_DIR: dataDir, INTERNAL_SECRET: internalSecret, DEMO_MODE: 'true', DEMO_PATIENTS: String(demo.patients),
        DEMO_SEED: demo.seed, DEMO_AS_OF: demo.asOf, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
        DATABASE_URL: database?.url ?? '', ...options.env,
      },
      gatewayEnv: options.gatewayEnv,
      stdio: 'pipe',
      onOutput: (name, text) => void output.push(`[${name}] ${text}`),
    });
  } catch (error) {
    await database?.drop();
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const urls = Object.fromEntries([...system.services].map(([name, s]) => [name, s.url])) as Record<ServiceName, string>;
  const graphql = graphqlClient(`${system.gatewayUrl}/graphql`);
  const tokens = new Map<string, string>();
  return {
    gatewayUrl: system.gatewayUrl,
    urls,
    demo,
    dataDir,
    databaseUrl: database?.url,
    internalSecret,
    patient: (index) => demoPatient(demo, index),
    reader: (facilityCode) => demoReaderKey(dataDir, facilityCode),
    graphql,
    async token(account) {
      const cached = tokens.get(account);
      if (cached) return cached;
      // The real flows (card + PIN + signature, ID + password + TOTP, PHR secret + grant), as a client would.
      const call: GraphQLCall = async (query, variables, bearer) => (await graphql(query, variables, bearer)).body;
      const token = (await loginDemoAccount(call, demo, account)).accessToken;
      tokens.set(account, token);
      return token;
    },
    stopService: async (name) => {
      await system.services.get(name)?.stop();
    },
    killService: async (name) => {
      const child = system.services.get(name)?.child;
      if (child) await stopChild(child, { signal: 'SIGKILL' });
    },
    restartService: async (name) => {
      await system.restart(name);
    },
    pid: (name) => system.services.get(name)?.child.pid,
    output: () => output.join(''),
    async stop() {
      await system.stop();
      await database?.drop();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      if (process.env.TEST_SHOW_OUTPUT) process.stdout.write(output.join(''));
    },
  };
}
