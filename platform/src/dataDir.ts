// The embedded data directory (.data/): who owns a subgraph's PGlite directory, and who may read it.
//
// PGlite is PostgreSQL in one process: there is no postmaster that would stop a second process from
// opening the same files, and a second opener runs its own crash recovery and checkpoints over the live
// owner's files — a whole consent database was once lost that way (`audit:verify` beside `pnpm start`).
// So each subgraph's directory has exactly one owner, recorded in a lock file created with O_EXCL
// (docs/operations.md "One owner per data directory"). proper-lockfile was considered: it judges staleness
// by mtime and needs a refresh timer, so a crashed owner blocks the next start until the timeout and a
// busy owner could be declared stale; an owner's pid says exactly whether it is still there.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Exit code of a command refused because the data directory is owned by a running process (EX_TEMPFAIL). */
export const DATA_DIR_IN_USE_EXIT_CODE = 75;

const LOCK_FILE = 'owner.lock';

export interface DataDirOwner {
  pid: number;
  service: string;
  /** Linux boot id: a lock written before a reboot is stale whatever its pid is now. */
  bootId?: string;
  startedAt: string;
  /** Where the owner serves, once it listens: commands go through it (docs/operations.md). */
  url?: string;
}

export class DataDirInUseError extends Error {
  readonly exitCode = DATA_DIR_IN_USE_EXIT_CODE;
  constructor(readonly owner: DataDirOwner) {
    super(`the ${owner.service} database is in use by ${owner.pid > 0 ? `pid ${owner.pid}` : 'a process opening it right now'}: run this through the running system, or stop it first`);
    this.name = 'DataDirInUseError';
  }
}

/** The directory a subgraph owns under DATA_DIR: its PGlite files (pg/), its keys, its lock. */
export function serviceDataDir(dataDir: string, service: string): string {
  return path.join(dataDir, service);
}

function lockPath(dataDir: string, service: string): string {
  return path.join(serviceDataDir(dataDir, service), LOCK_FILE);
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** True while `pid` is a running process (a zombie — killed, not yet reaped by its parent — is not). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else; only ESRCH says it is gone.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): kill(0) is all we know
  }
}

function readOwner(file: string): DataDirOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DataDirOwner>;
    return typeof parsed.pid === 'number' && typeof parsed.service === 'string' ? (parsed as DataDirOwner) : undefined;
  } catch {
    return undefined; // unreadable or half-written: treated as stale below only when old enough
  }
}

function ownerIsLive(owner: DataDirOwner): boolean {
  const currentBoot = bootId();
  if (owner.bootId && currentBoot && owner.bootId !== currentBoot) return false;
  return processIsAlive(owner.pid);
}

/** The live owner of a subgraph's embedded directory, or undefined when nobody (alive) holds it. */
export function liveDataDirOwner(dataDir: string, service: string): DataDirOwner | undefined {
  const owner = readOwner(lockPath(dataDir, service));
  return owner && ownerIsLive(owner) ? owner : undefined;
}

export interface DataDirLock {
  owner: DataDirOwner;
  /** Records where the owner serves, so that commands find it (written atomically: write, then rename). */
  announce(url: string): void;
  /** Removes the lock if it is still ours. */
  release(): void;
}

const heldLocks = new Set<string>();
let exitHookInstalled = false;

function releaseOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A process that exits without closing (an uncaught error) leaves no lock behind; a SIGKILL does, and
  // the next opener finds its pid dead.
  process.once('exit', () => {
    for (const file of heldLocks) {
      if (readOwner(file)?.pid === process.pid) {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      }
    }
  });
}

/**
 * Takes the exclusive ownership of `DATA_DIR/<service>`: creates the lock file with O_EXCL; when it
 * exists and its pid is dead (or from before a reboot), removes it and tries once more. Throws
 * DataDirInUseError when a live process owns the directory, having touched nothing.
 */
export function acquireDataDirLock(dataDir: string, service: string): DataDirLock {
  const file = lockPath(dataDir, service);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const owner: DataDirOwner = { pid: process.pid, service, bootId: bootId(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = readOwner(file);
      if (existing && ownerIsLive(existing)) throw new DataDirInUseError(existing);
      if (!existing && Date.now() - lstatSync(file).mtimeMs < 5_000) {
        // Created a moment ago and not yet written: its creator is alive and about to write its pid.
        throw new DataDirInUseError({ pid: 0, service, startedAt: new Date().toISOString() });
      }
      unlinkSync(file); // stale: its owner died (SIGKILL, power loss) without removing it
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    heldLocks.add(file);
    releaseOnExit();
    return {
      owner,
      announce(url) {
        owner.url = url;
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(owner), { mode: 0o600 });
        renameSync(temporary, file);
      },
      release() {
        heldLocks.delete(file);
        if (readOwner(file)?.pid !== process.pid) return;
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      },
    };
  }
  throw new Error(`cannot take the lock ${file}`);
}

/**
 * `.data/` holds every identity, consent and access-log entry of an installation and its keys: owner-only
 * (0700 directories, 0600 files). The umask covers what the process creates from now on;
 * the walk fixes what exists (PGlite's initdb copies its files in with mode 0666 whatever the umask).
 */
export function restrictToOwner(root: string): void {
  process.umask(0o077);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const walk = (target: string) => {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(target, 0o700);
      for (const entry of readdirSync(target)) walk(path.join(target, entry));
    } else if ((stat.mode & 0o077) !== 0) {
      chmodSync(target, stat.mode & 0o700);
    }
  };
  walk(root);
}
