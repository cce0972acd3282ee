/**
 * `pnpm backup [dir]`: a consistent snapshot of every subgraph's embedded database and its key files
 * (docs/operations.md "Backup and restore"). While the system runs, each subgraph's own service takes the
 * snapshot (kit operations.ts: a CHECKPOINT, then PGlite's dumpDataDir under its query lock); when it is
 * stopped, this command opens each directory itself, holding its lock. Writes into `dir` (default
 * backups/onshi-<UTC time>): `<subgraph>.tar.gz`, `<subgraph>/<key files>`, `manifest.json` with SHA-256s.
 * On PostgreSQL (DATABASE_URL) use pg_dump instead; this command refuses.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// The embedded databases are the kit's (PGlite): backup and restore are the launcher's only files that use it.
import { BACKUP_OPERATION, callServiceOperation, dumpEmbeddedDatabase, exitCodeOf } from '@onshi/kit';
import { DataDirInUseError, REPO_ROOT, liveDataDirOwner, loadConfigOrExit, readInternalSecret, restrictToOwner, serviceConfigSchema, serviceDataDir } from '@onshi/platform';
import { SUBGRAPH_NAMES } from './processes';

export const BACKUP_MANIFEST = 'manifest.json';

export interface BackupManifest {
  createdAt: string;
  services: Record<string, { file: string; bytes: number; sha256: string; via: string; keyFiles: string[] }>;
}

/** The files beside a subgraph's database that its data needs (consent: the secret-box and signing keys). */
export function keyFilesOf(serviceDir: string): string[] {
  try {
    return readdirSync(serviceDir).filter((name) => name !== 'owner.lock' && !name.endsWith('.tmp') && lstatSync(path.join(serviceDir, name)).isFile());
  } catch {
    return [];
  }
}

async function snapshot(dataDir: string, service: string): Promise<{ tarball: Uint8Array; via: string } | undefined> {
  const owner = liveDataDirOwner(dataDir, service);
  if (owner) {
    if (!owner.url) throw new DataDirInUseError(owner);
    const response = await callServiceOperation(owner.url, BACKUP_OPERATION, readInternalSecret(dataDir));
    if (!response.ok) throw new Error(`${service} at ${owner.url} answered ${response.status}: ${await response.text()}`);
    return { tarball: new Uint8Array(await response.arrayBuffer()), via: `${service} service at ${owner.url} (pid ${owner.pid})` };
  }
  const tarball = await dumpEmbeddedDatabase(dataDir, service);
  return tarball && { tarball, via: 'opened directly (stopped)' };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit('backup', serviceConfigSchema.pick({ DATABASE_URL: true, DATA_DIR: true }));
  if (config.DATABASE_URL) throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump (docs/operations.md "Backup and restore")');
  const target = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'backups', `onshi-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  process.umask(0o077);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const manifest: BackupManifest = { createdAt: new Date().toISOString(), services: {} };
  for (const service of SUBGRAPH_NAMES) {
    const taken = await snapshot(config.DATA_DIR, service);
    if (!taken) {
      process.stdout.write(`backup: ${service}: no embedded database in ${config.DATA_DIR}, skipped\n`);
      continue;
    }
    const file = `${service}.tar.gz`;
    writeFileSync(path.join(target, file), taken.tarball, { mode: 0o600 });
    const serviceDir = serviceDataDir(config.DATA_DIR, service);
    const keyFiles = keyFilesOf(serviceDir);
    if (keyFiles.length > 0) mkdirSync(path.join(target, service), { mode: 0o700 });
    for (const name of keyFiles) copyFileSync(path.join(serviceDir, name), path.join(target, service, name));
    manifest.services[service] = { file, bytes: taken.tarball.byteLength, sha256: createHash('sha256').update(taken.tarball).digest('hex'), via: taken.via, keyFiles };
    process.stdout.write(`backup: ${service}: ${(taken.tarball.byteLength / 1e6).toFixed(1)} MB via ${taken.via}\n`);
  }
  writeFileSync(path.join(target, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  restrictToOwner(target);
  process.stdout.write(`backup written to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`backup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodeOf(error));
});
