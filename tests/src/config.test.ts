import { spawnService } from '@onshi/system';

/** A subgraph started with a bad setting exits non-zero with a one-line reason naming the variable. */
describe('start-up configuration is validated once, with a one-line reason', () => {
  const base = { INTERNAL_SECRET: 'x'.repeat(40), PORT: '0', DATA_DIR: '/tmp/onshi-config-test', LOG_LEVEL: 'silent' };

  test.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://nobody@127.0.0.1/x' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ['PORT', { PORT: 'eighty' }, /invalid configuration: PORT /],
    ['INTERNAL_SECRET', { INTERNAL_SECRET: 'short' }, /INTERNAL_SECRET must be at least 32 characters/],
  ])('an invalid %s stops the process', async (_name, env, reason) => {
    const started = spawnService('qualifications', { env: { ...base, ...env }, stdio: 'pipe', timeoutMs: 60_000 });
    const error = await started.then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/exited with code [1-9]/);
    const output = (error?.message ?? '').split('\n').slice(1).join('\n').trim();
    expect(output).toMatch(reason);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test('an unreachable PostgreSQL stops the process with one line, without the password', async () => {
    const started = spawnService('qualifications', { env: { ...base, DATABASE_URL: 'postgres://onshi:secret-pw@127.0.0.1:1/onshi' }, stdio: 'pipe', timeoutMs: 60_000 });
    const error = await started.then(() => undefined, (e: unknown) => e as Error);
    const output = (error?.message ?? '').split('\n').slice(1).join('\n').trim();
    expect(output).toMatch(/^onshi-qualifications: cannot open database \(127\.0\.0\.1:1\)/);
    expect(output).not.toContain('secret-pw');
    expect(output.split('\n')).toHaveLength(1);
  });
});
