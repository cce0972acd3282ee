import { openSharedState } from '@onshi/kit';
import { LOGIN_BACKOFF_RULES, LoginThrottle, backoffSeconds } from './loginThrottle';

describe('login back-off (NIST SP 800-63B §5.2.2)', () => {
  test('free failures cost nothing, then 1 s doubling up to the cap', () => {
    const rule = LOGIN_BACKOFF_RULES.accountAndSource;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffSeconds(rule, n))).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(backoffSeconds(rule, 100)).toBe(15 * 60);
    expect(backoffSeconds(LOGIN_BACKOFF_RULES.account, 100)).toBe(60);
  });

  test("a guesser's source is slowed for the account, the real user's source is not", async () => {
    const throttle = new LoginThrottle(openSharedState({ REDIS_KEY_PREFIX: 'onshi:' }));
    const attacker = { account: 'doctor', source: '203.0.113.9' };
    const user = { account: 'doctor', source: '198.51.100.7' };
    for (let i = 0; i < 4; i += 1) await throttle.failed(attacker);
    expect(await throttle.waitMs(attacker)).toBeGreaterThan(0);
    expect(await throttle.waitMs(user)).toBe(0);
  });

  test('many sources slow the account only for sources that never logged in to it', async () => {
    const throttle = new LoginThrottle(openSharedState({ REDIS_KEY_PREFIX: 'onshi:' }));
    const usual = { account: 'admin', source: '198.51.100.7' };
    await throttle.succeeded(usual);
    for (let i = 0; i < 25; i += 1) await throttle.failed({ account: 'admin', source: `203.0.113.${i}` });
    expect(await throttle.waitMs({ account: 'admin', source: '192.0.2.1' })).toBeGreaterThan(0);
    expect(await throttle.waitMs({ account: 'admin', source: '192.0.2.1' })).toBeLessThanOrEqual(60_000);
    expect(await throttle.waitMs(usual)).toBe(0);
  });

  test('success clears the failures of that account and source', async () => {
    const throttle = new LoginThrottle(openSharedState({ REDIS_KEY_PREFIX: 'onshi:' }));
    const key = { account: 'nurse', source: '198.51.100.7' };
    for (let i = 0; i < 4; i += 1) await throttle.failed(key);
    await throttle.succeeded(key);
    expect(await throttle.waitMs(key)).toBe(0);
  });
});
