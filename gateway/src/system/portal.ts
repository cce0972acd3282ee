import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';

export interface RunningPortal { url: string; child: ChildProcess; stop(): Promise<void> }

const PORTAL_DIR = path.join(REPO_ROOT, 'portal');

/** Builds (if needed) and starts the Next.js portal for production; undefined while the portal does not exist. */
export async function startPortal(options: { gatewayUrl: string; port: number }): Promise<RunningPortal | undefined> {
  if (!existsSync(path.join(PORTAL_DIR, 'package.json'))) return undefined;
  const env = { ...process.env, GATEWAY_URL: options.gatewayUrl, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: '1' };
  const nextBin = path.join(PORTAL_DIR, 'node_modules', '.bin', 'next');
  if (!existsSync(path.join(PORTAL_DIR, '.next', 'BUILD_ID'))) {
    process.stdout.write('Building the portal (first start only)…\n');
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
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
