import type { ChildProcess } from 'node:child_process';

export interface StopOptions {
  /** The first signal: SIGTERM (the child closes its servers and database) unless a crash is wanted (SIGKILL). */
  signal?: NodeJS.Signals;
  /** How long a child may take to exit on SIGTERM before it is killed (ms). */
  graceMs?: number;
}

/**
 * Stops a child process and resolves once it has exited: SIGTERM, then SIGKILL if it is still there after the grace
 * period. One home for every child the launcher, the tests and the bench start (services, the portal, HAProxy), so
 * they all stop a process the same way and none waits forever on one that ignores SIGTERM.
 */
export function stopChild(child: ChildProcess, options: StopOptions = {}): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const signal = options.signal ?? 'SIGTERM';
    const kill = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), options.graceMs ?? 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}
