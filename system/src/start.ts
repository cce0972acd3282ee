/**
 * `pnpm start`: the whole system on one machine — four subgraphs, the gateway and the portal — on the
 * embedded database (PGlite under .data/) with demo data, or on PostgreSQL when DATABASE_URL is set.
 * `pnpm start:production` (or ONSHI_MODE=production): the same without demo data, demo-only routes or
 * derivable secrets; the first operator comes from `pnpm bootstrap:admin` (docs/operations.md).
 * Either way the subgraphs listen on loopback (or SUBGRAPH_HOST); HOST moves the gateway only.
 * `pnpm start:replicas` (--replicas): REPLICAS (default 2) processes of every service behind HAProxy frontends on
 * the same ports, on PostgreSQL (DATABASE_URL) and Redis (REDIS_URL) — docs/operations.md "Replicated start".
 * Ctrl-C stops everything.
 */
import path from 'node:path';
import { DEFAULT_PORTS, REPO_ROOT, readInternalSecret, restrictToOwner } from '@onshi/platform';
import { startPortal } from './portal';
import { startSystem, type ServiceName } from './processes';
import { startReplicatedSystem } from './replicas';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data');
  // Owner-only from the first file on, and fixed on installations created before.
  restrictToOwner(dataDir);
  const production = process.argv.includes('--production') || process.env.ONSHI_MODE === 'production';
  if (production && ['true', '1'].includes(String(process.env.DEMO_MODE).toLowerCase())) throw new Error('DEMO_MODE=true contradicts production mode');
  const env = {
    DATA_DIR: dataDir,
    INTERNAL_SECRET: readInternalSecret(dataDir, { create: true }),
    DEMO_MODE: production ? 'false' : (process.env.DEMO_MODE ?? 'true'),
    DEMO_PATIENTS: process.env.DEMO_PATIENTS ?? '1000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const replicas = process.argv.includes('--replicas') ? Number(process.env.REPLICAS ?? 2) : 0;
  const ports = { ...DEFAULT_PORTS, gateway: Number(process.env.GATEWAY_PORT ?? 4000) };
  process.stdout.write(`Starting Onshi in ${production ? 'production mode' : 'demo mode'} (${process.env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`}${production ? '' : '; first start seeds demo data'}${replicas ? `; ${replicas} replicas of every service behind HAProxy` : ''})…\n`);
  const system = replicas ? await startReplicas(replicas, env, ports) : await startSystem({ env, stdio: 'inherit', ports, subgraphHost: process.env.SUBGRAPH_HOST });
  const portal = await startPortal({ gatewayUrl: `${system.gatewayUrl}/graphql`, port: Number(process.env.PORTAL_PORT ?? 3000) });
  const lines = [
    '',
    'Onshi is running:',
    `  gateway         ${system.gatewayUrl}/graphql   (health ${system.gatewayUrl}/health, ready ${system.gatewayUrl}/ready)`,
    // By port (they start together, so in no fixed order).
    ...[...system.services.values()].filter((s) => s.name !== 'gateway').sort((a, b) => Number(new URL(a.url).port) - Number(new URL(b.url).port)).map((s) => `  ${s.name.padEnd(16)}${s.url}/graphql`),
    portal ? `  portal          ${portal.url}` : '  portal          (not built yet)',
    '',
    production ? 'First operator (once): npx -y pnpm@10 bootstrap:admin     Stop: Ctrl-C' : 'Demo token: npx -y pnpm@10 demo:token clinic-doctor     Stop: Ctrl-C',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Onshi…\n');
    void Promise.all([system.stop(), portal?.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The replicated start, listed as `pnpm start` lists its services: by their HAProxy frontends. */
async function startReplicas(replicas: number, env: Record<string, string>, ports: Record<ServiceName, number>) {
  if (!process.env.DATABASE_URL) throw new Error('replicas share one database: set DATABASE_URL (PostgreSQL), e.g. postgres://postgres@127.0.0.1:5432/onshi');
  const system = await startReplicatedSystem({
    replicas,
    env: { ...env, DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX },
    ports,
    gatewayHost: process.env.HOST,
    subgraphHost: process.env.SUBGRAPH_HOST,
    stdio: 'inherit',
  });
  const services = new Map([...system.replicas.keys()].map((name) => [name, { name, url: system.frontends[name] }]));
  return { gatewayUrl: system.gatewayUrl, services, stop: system.stop };
}

main().catch((error: unknown) => {
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
