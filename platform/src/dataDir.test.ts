// The owner lock of an embedded data directory (dataDir.ts), on real files with real processes' pids.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATA_DIR_IN_USE_EXIT_CODE, DataDirInUseError, acquireDataDirLock, liveDataDirOwner, restrictToOwner } from './dataDir';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const lockFile = () => path.join(dataDir, 'consent', 'owner.lock');

/** The pid of a process that has exited (and been reaped): what a SIGKILLed owner leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

test('a second opener is refused with the owner pid, the exit code and the lock untouched', () => {
  const lock = acquireDataDirLock(dataDir, 'consent');
  const before = readFileSync(lockFile(), 'utf8');
  let refusal: unknown;
  try {
    acquireDataDirLock(dataDir, 'consent');
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(DataDirInUseError);
  expect((refusal as DataDirInUseError).message).toBe(`the consent database is in use by pid ${process.pid}: run this through the running system, or stop it first`);
  expect((refusal as DataDirInUseError).exitCode).toBe(DATA_DIR_IN_USE_EXIT_CODE);
  expect(readFileSync(lockFile(), 'utf8')).toBe(before);
  expect(liveDataDirOwner(dataDir, 'consent')?.pid).toBe(process.pid);
  lock.release();
  expect(existsSync(lockFile())).toBe(false);
  expect(liveDataDirOwner(dataDir, 'consent')).toBeUndefined();
});

test('the lock of a dead process is stale: the next opener takes it over', () => {
  mkdirSync(path.dirname(lockFile()), { recursive: true });
  const pid = deadPid();
  writeFileSync(lockFile(), JSON.stringify({ pid, service: 'consent', startedAt: new Date().toISOString() }));
  expect(liveDataDirOwner(dataDir, 'consent')).toBeUndefined();
  const lock = acquireDataDirLock(dataDir, 'consent');
  expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, service: 'consent' });
  lock.release();
});

test('a lock written before a reboot is stale even when its pid is alive now', () => {
  mkdirSync(path.dirname(lockFile()), { recursive: true });
  // Our own (live) pid, but another boot: the lock cannot be ours from this boot.
  writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, service: 'consent', bootId: 'another-boot', startedAt: '2020-01-01T00:00:00Z' }));
  const lock = acquireDataDirLock(dataDir, 'consent');
  expect(lock.owner.pid).toBe(process.pid);
  lock.release();
});

test('announce records the URL for commands; release leaves another owner\'s lock alone', () => {
  const lock = acquireDataDirLock(dataDir, 'drugs');
  lock.announce('http://127.0.0.1:4002');
  expect(liveDataDirOwner(dataDir, 'drugs')).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:4002' });
  // Someone replaced the file (a new owner after ours was declared stale): not ours to remove.
  writeFileSync(path.join(dataDir, 'drugs', 'owner.lock'), JSON.stringify({ pid: 1, service: 'drugs', startedAt: '' }));
  lock.release();
  expect(existsSync(path.join(dataDir, 'drugs', 'owner.lock'))).toBe(true);
});

test('restrictToOwner leaves nothing readable or writable by group or others', () => {
  mkdirSync(path.join(dataDir, 'consent', 'pg', 'base'), { recursive: true, mode: 0o777 });
  writeFileSync(path.join(dataDir, 'consent', 'pg', 'base', '1259'), 'x', { mode: 0o666 });
  writeFileSync(path.join(dataDir, 'internal-secret'), 'x', { mode: 0o644 });
  const previous = process.umask();
  try {
    restrictToOwner(dataDir);
    for (const file of [dataDir, path.join(dataDir, 'consent'), path.join(dataDir, 'consent', 'pg', 'base')]) expect((statSync(file).mode & 0o777).toString(8)).toBe('700');
    for (const file of [path.join(dataDir, 'consent', 'pg', 'base', '1259'), path.join(dataDir, 'internal-secret')]) expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    writeFileSync(path.join(dataDir, 'later'), 'x');
    expect((statSync(path.join(dataDir, 'later')).mode & 0o777).toString(8)).toBe('600');
  } finally {
    process.umask(previous);
  }
});
