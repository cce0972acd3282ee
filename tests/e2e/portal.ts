/**
 * E2E helpers: build the portal once per source tree into its own dist folder (never the one `pnpm start` serves),
 * serve it with `next start` on a free port against a test system's gateway, and drive Debian's Chromium
 * with playwright-core.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Written into the dist folder after a build: the hash of the source tree it was built from. */
const BUILT_FROM = path.join(PORTAL_DIR, E2E_DIST_DIR, '.onshi-built-from');
/** Held while one suite builds, so a second Jest worker waits for that build instead of writing the same folder. */
const BUILD_LOCK = path.join(PORTAL_DIR, `${E2E_DIST_DIR}.lock`);

/**
 * The hash of every file a build can read: the workspace's tracked and untracked (not ignored) files, without the
 * tests and the documents. Null outside a git checkout: then every suite builds.
 */
function sourceTreeHash(): string | null {
  const root = path.join(PORTAL_DIR, '..');
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\0');
  } catch {
    return null;
  }
  const hash = createHash('sha256');
  for (const file of files.filter((name) => name && !/^(tests|docs|\.ci)\//.test(name) && !name.endsWith('.md')).sort()) {
    const full = path.join(root, file);
    if (!existsSync(full) || !statSync(full).isFile()) continue;
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(path.join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = 0;
      let lockAgeMs = 0;
      try {
        lockAgeMs = Date.now() - statSync(BUILD_LOCK).mtimeMs;
        holder = Number(readFileSync(path.join(BUILD_LOCK, 'pid'), 'utf8'));
      } catch {
        // released meanwhile, or taken a moment ago and its pid not written yet
      }
      const holderAlive = holder > 0 && (() => {
        try { process.kill(holder, 0); return true; } catch { return false; }
      })();
      // A lock whose process is gone (a killed run), or that never got its pid, is stale.
      if (!holderAlive && (holder > 0 || lockAgeMs > 10_000)) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`portal build lock ${BUILD_LOCK} held by ${holder} for 15 minutes`, { cause: error });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * `next build` (production) into portal/.next-e2e, once per source tree: the seven portal suites, and CI's second
 * phase, serve the same build instead of building it again (a build is a minute or more of both cores). Any change
 * to a file outside tests/ and docs/ builds again. PORTAL_E2E_PREBUILT=1 reuses the last build whatever changed.
 */
export async function buildPortal(): Promise<void> {
  if (process.env.PORTAL_E2E_PREBUILT === '1') return;
  await withBuildLock(async () => {
    const tree = sourceTreeHash();
    if (tree && existsSync(BUILT_FROM) && readFileSync(BUILT_FROM, 'utf8') === tree) return;
    rmSync(BUILT_FROM, { force: true });
    await run(NEXT_BIN, ['build'], portalEnv({}));
    // Hashed again after the build: what the build itself rewrites (Next's type includes) is part of the tree it leaves.
    const built = sourceTreeHash();
    if (built) writeFileSync(BUILT_FROM, built);
  });
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
