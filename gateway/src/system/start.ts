/**
 * `pnpm start`: the whole system on one machine — four subgraphs, the gateway and the portal — on the
 * embedded database (PGlite under .data/) with demo data, or on PostgreSQL when DATABASE_URL is set.
 * `pnpm start:production` (or ONSHI_MODE=production): the same without demo data, demo-only routes or
 * derivable secrets; the first operator comes from `pnpm bootstrap:admin` (docs/operations.md).
 * Either way the subgraphs listen on loopback (or SUBGRAPH_HOST); HOST moves the gateway only.
 * Ctrl-C stops everything.
 */
import path from 'node:path';
import { DEFAULT_PORTS, REPO_ROOT, loadOrCreateInternalSecret, restrictToOwner } from '@onshi/kit';
import { startPortal } from './portal';
import { startSystem } from './processes';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data');
  // Owner-only from the first file on, and fixed on installations created before (issue 15 item 7).
  restrictToOwner(dataDir);
  const production = process.argv.includes('--production') || process.env.ONSHI_MODE === 'production';
  if (production && ['true', '1'].includes(String(process.env.DEMO_MODE).toLowerCase())) throw new Error('DEMO_MODE=true contradicts production mode');
  const env = {
    DATA_DIR: dataDir,
    INTERNAL_SECRET: process.env.INTERNAL_SECRET || loadOrCreateInternalSecret(dataDir),
    DEMO_MODE: production ? 'false' : (process.env.DEMO_MODE ?? 'true'),
    DEMO_PATIENTS: process.env.DEMO_PATIENTS ?? '1000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  process.stdout.write(`Starting Onshi in ${production ? 'production mode' : 'demo mode'} (${process.env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`}${production ? '' : '; first start seeds demo data'})…\n`);
  const system = await startSystem({
    env,
    stdio: 'inherit',
    ports: { ...DEFAULT_PORTS, gateway: Number(process.env.GATEWAY_PORT ?? 4000) },
    subgraphHost: process.env.SUBGRAPH_HOST,
  });
  const portal = await startPortal({ gatewayUrl: `${system.gatewayUrl}/graphql`, port: Number(process.env.PORTAL_PORT ?? 3000) });
  const lines = [
    '',
    'Onshi is running:',
    `  gateway         ${system.gatewayUrl}/graphql   (health ${system.gatewayUrl}/health, ready ${system.gatewayUrl}/ready)`,
    ...[...system.services.values()].filter((s) => s.name !== 'gateway').map((s) => `  ${s.name.padEnd(16)}${s.url}/graphql`),
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

main().catch((error: unknown) => {
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
