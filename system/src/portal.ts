import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/platform';
import { stopChild } from './stop';

export interface RunningPortal { url: string; child: ChildProcess; stop(): Promise<void> }

const PORTAL_DIR = path.join(REPO_ROOT, 'portal');

/** Newest modification time of the portal's sources (a build older than this is stale). */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.next')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(PORTAL_DIR, '.next', 'BUILD_ID');
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceMtime(PORTAL_DIR);
}

/** Builds (if needed) and starts the Next.js portal for production; undefined while the portal does not exist. */
export async function startPortal(options: { gatewayUrl: string; port: number }): Promise<RunningPortal | undefined> {
  if (!existsSync(path.join(PORTAL_DIR, 'package.json'))) return undefined;
  const env = { ...process.env, GATEWAY_URL: options.gatewayUrl, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: '1' };
  const nextBin = path.join(PORTAL_DIR, 'node_modules', '.bin', 'next');
  if (!buildIsCurrent()) {
    process.stdout.write('Building the portal (first start, or its sources changed)…\n');
    await new Promise<void>((resolve, reject) => {
      const build = spawn(nextBin, ['build'], { cwd: PORTAL_DIR, env, stdio: 'inherit' });
      build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`portal build failed (${code})`))));
    });
  }
  const child = spawn(nextBin, ['start', '-p', String(options.port), '-H', '127.0.0.1'], { cwd: PORTAL_DIR, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${options.port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (await fetch(url).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    child,
    stop: () => stopChild(child),
  };
}
