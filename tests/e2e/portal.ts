/**
 * E2E helpers: build the portal once per run into its own dist folder (never the one `pnpm start` serves),
 * serve it with `next start` on a free port against a test system's gateway, and drive Debian's Chromium
 * with playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freePort, stopChild } from '@onshi/system';

export const PORTAL_DIR = path.join(__dirname, '..', '..', 'portal');
export const E2E_DIST_DIR = '.next-e2e';
const NEXT_BIN = path.join(PORTAL_DIR, 'node_modules', '.bin', 'next');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PORTAL_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`))));
  });
}

function portalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORTAL_DIST_DIR: E2E_DIST_DIR, NODE_ENV: 'production', ...extra };
}

/** `next build` (production) into portal/.next-e2e; set PORTAL_E2E_PREBUILT=1 to reuse the last one while iterating. */
export async function buildPortal(): Promise<void> {
  if (process.env.PORTAL_E2E_PREBUILT === '1') return;
  await run(NEXT_BIN, ['build'], portalEnv({}));
}

export interface RunningPortal { url: string; output: () => string; stop(): Promise<void> }

/** `dataDir`: the system's data dir, where the demo kiosk finds its facility's reader key (the demo package's readerKeys.ts). */
export async function startPortal(gatewayUrl: string, demoSeed: string, dataDir: string): Promise<RunningPortal> {
  const port = await freePort();
  const child: ChildProcess = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: PORTAL_DIR, env: portalEnv({ GATEWAY_URL: gatewayUrl, DEMO_SEED: demoSeed, DATA_DIR: dataDir }), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${url}/login`).then((response) => response.ok, () => false)) break;
    if (attempt > 120) throw new Error(`portal did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => output,
    stop: () => stopChild(child),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
