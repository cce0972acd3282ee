import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './stop';

/** A real node child that prints "ready" once its handlers are in place; `script` runs after. */
function child(script: string): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['-e', `${script}; process.stdout.write('ready'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    started.once('error', reject);
    started.stdout?.once('data', () => resolve(started));
  });
}

test('a child that ends on SIGTERM is stopped by SIGTERM, and the promise waits for its exit', async () => {
  const running = await child('');
  await stopChild(running, { graceMs: 30_000 });
  expect(running.signalCode).toBe('SIGTERM');
});

test('a child that ignores SIGTERM is killed with SIGKILL after the grace period', async () => {
  const stubborn = await child("process.on('SIGTERM', () => {})");
  const since = Date.now();
  await stopChild(stubborn, { graceMs: 300 });
  expect(stubborn.signalCode).toBe('SIGKILL');
  expect(Date.now() - since).toBeGreaterThanOrEqual(300);
});

test('a crash on request: SIGKILL at once, whatever the child does with SIGTERM', async () => {
  const stubborn = await child("process.on('SIGTERM', () => {})");
  await stopChild(stubborn, { signal: 'SIGKILL' });
  expect(stubborn.signalCode).toBe('SIGKILL');
});

test('a child that has already exited resolves at once and is not signalled again', async () => {
  const quick = spawn(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'ignore' });
  await new Promise((resolve) => quick.once('exit', resolve));
  await stopChild(quick);
  expect(quick.exitCode).toBe(3);
  expect(quick.signalCode).toBeNull();
});
