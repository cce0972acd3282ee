/**
 * `pnpm restore <backup-dir>`: puts a backup written by `pnpm backup` back, with the system stopped
 * (docs/operations.md "Backup and restore"). It refuses (exit 75) while any subgraph owns its directory,
 * checks every tarball against the manifest's SHA-256 before it changes anything, then per subgraph moves
 * the current database and key files into `DATA_DIR/<subgraph>/before-restore-<time>/` (never deleted:
 * remove them yourself once the restored system looks right) and loads the backup in their place.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { exitCodeOf, restoreEmbeddedDatabase } from '@onshi/kit';
import { DataDirInUseError, liveDataDirOwner, loadConfigOrExit, serviceConfigSchema, serviceDataDir } from '@onshi/platform';
import { BACKUP_MANIFEST, type BackupManifest } from './backup';
import { SUBGRAPH_NAMES } from './processes';

async function main(): Promise<void> {
  const config = loadConfigOrExit('restore', serviceConfigSchema.pick({ DATABASE_URL: true, DATA_DIR: true }));
  if (config.DATABASE_URL) throw new Error('DATABASE_URL is set: restore PostgreSQL with pg_restore / psql (docs/operations.md "Backup and restore")');
  const source = process.argv[2];
  if (!source) throw new Error('usage: pnpm restore <backup-dir>   (a directory written by pnpm backup)');
  const manifestPath = path.join(source, BACKUP_MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`${source} is not a backup: no ${BACKUP_MANIFEST}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  for (const service of SUBGRAPH_NAMES) {
    const owner = liveDataDirOwner(config.DATA_DIR, service);
    if (owner) throw new DataDirInUseError(owner);
  }
  const tarballs = new Map<string, Uint8Array>();
  for (const [service, entry] of Object.entries(manifest.services)) {
    if (!(SUBGRAPH_NAMES as readonly string[]).includes(service)) throw new Error(`the manifest names an unknown subgraph ${service}`);
    const tarball = new Uint8Array(readFileSync(path.join(source, entry.file)));
    if (createHash('sha256').update(tarball).digest('hex') !== entry.sha256) throw new Error(`${entry.file} does not match the manifest's SHA-256: the backup is damaged, nothing was changed`);
    tarballs.set(service, tarball);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const [service, tarball] of tarballs) {
    const serviceDir = serviceDataDir(config.DATA_DIR, service);
    const aside = path.join(serviceDir, `before-restore-${stamp}`);
    await restoreEmbeddedDatabase(config.DATA_DIR, service, tarball, aside);
    for (const name of manifest.services[service]?.keyFiles ?? []) {
      const current = path.join(serviceDir, name);
      if (existsSync(current)) {
        mkdirSync(aside, { recursive: true, mode: 0o700 });
        renameSync(current, path.join(aside, name));
      }
      copyFileSync(path.join(source, service, name), current);
    }
    process.stdout.write(`restore: ${service}: restored from ${manifest.createdAt}${existsSync(aside) ? `; the replaced files are in ${aside}` : ''}\n`);
  }
  process.stdout.write('restore: done; start the system (npx -y pnpm@10 start) and run npx -y pnpm@10 -s audit:verify\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`restore: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodeOf(error));
});
