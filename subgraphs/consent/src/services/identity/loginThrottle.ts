/**
 * Throttling of failed staff logins instead of a hard lock (NIST SP 800-63B §5.2.2
 * "Rate Limiting (Throttling)": limit failed attempts, slow them down, and do not let this become a way to
 * deny the real subscriber service). A hard lock after five failures let anyone who knows a staff ID lock
 * out a clinic's doctors or the operators; here failures slow down *where they come from*:
 *
 * - per account and source (the pair an online guesser uses): 3 free failures, then an exponential
 *   back-off (1 s, 2 s, 4 s, … up to 15 minutes) before that source may try that account again;
 * - per source, over all accounts (credential stuffing across many staff IDs): 20 free failures, then the
 *   same back-off — looser, because a clinic's staff share one address behind its router;
 * - per account, over all sources (a guesser spreading over many addresses): 20 free failures, then a
 *   back-off capped at one minute, and only for sources that have not logged in to that account lately.
 *   A stranger can therefore never stop the real user logging in from their usual place, and at worst
 *   slows new places to one try a minute.
 *
 * A throttled attempt is refused before the password is checked and does not count as a failure (so
 * waiting is all it takes). The counters are rate-limiter-flexible limiters in the shared state (kit
 * sharedState.ts): in Redis when REDIS_URL is set, so the rules hold across every consent replica; in this
 * process otherwise.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SharedState } from '@onshi/kit';

const HOUR_SECONDS = 60 * 60;
/** How long a successful login keeps a source "known" for its account (exempt from the account-wide back-off). */
// Below 24.8 days: the memory store expires keys with setTimeout (a 32-bit millisecond delay).
const KNOWN_SOURCE_SECONDS = 14 * 24 * HOUR_SECONDS;

export interface BackoffRule {
  name: string;
  /** Failures within the window that cost nothing (typos). */
  freeFailures: number;
  /** Longest back-off after one failure, seconds. */
  maxDelaySeconds: number;
  /** Failures are forgotten this long after the first one of a run. */
  windowSeconds: number;
}

export const LOGIN_BACKOFF_RULES = {
  accountAndSource: { name: 'login-account-source', freeFailures: 3, maxDelaySeconds: 15 * 60, windowSeconds: HOUR_SECONDS },
  source: { name: 'login-source', freeFailures: 20, maxDelaySeconds: 15 * 60, windowSeconds: HOUR_SECONDS },
  account: { name: 'login-account', freeFailures: 20, maxDelaySeconds: 60, windowSeconds: HOUR_SECONDS },
} as const satisfies Record<string, BackoffRule>;

/** The delay after the n-th failure of a run: nothing for the free ones, then 1 s doubling to the cap. */
export function backoffSeconds(rule: BackoffRule, failures: number): number {
  const over = failures - rule.freeFailures;
  return over <= 0 ? 0 : Math.min(2 ** (over - 1), rule.maxDelaySeconds);
}

/** One back-off rule over a key: counts failures and holds a "not before" per key. */
class Backoff {
  private readonly failures: RateLimiterAbstract;
  private readonly waits: RateLimiterAbstract;

  constructor(shared: SharedState, private readonly rule: BackoffRule) {
    this.failures = shared.limiter({ keyPrefix: `${rule.name}:failures`, points: Number.MAX_SAFE_INTEGER, duration: rule.windowSeconds });
    // block() marks a key as over its (single) point for the given time; get() reads how long is left.
    this.waits = shared.limiter({ keyPrefix: `${rule.name}:wait`, points: 1, duration: 1 });
  }

  async waitMs(key: string): Promise<number> {
    const wait = await this.waits.get(key);
    return wait && wait.consumedPoints > 1 ? Math.max(wait.msBeforeNext, 0) : 0;
  }

  /** Counts a failure; returns the back-off it starts (ms, 0 while failures are free). */
  async fail(key: string): Promise<number> {
    const counted = await this.failures.consume(key);
    const seconds = backoffSeconds(this.rule, counted.consumedPoints);
    if (seconds > 0) await this.waits.block(key, seconds);
    return seconds * 1000;
  }

  async reset(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.waits.delete(key)]);
  }
}

export interface LoginAttemptKey {
  /** What the caller typed (facility code + staff ID), so unknown accounts are throttled like real ones. */
  account: string;
  /** The client's address as the gateway saw it (kit clientAddressOf). */
  source: string;
}

export class LoginThrottle {
  private readonly accountAndSource: Backoff;
  private readonly source: Backoff;
  private readonly account: Backoff;
  private readonly knownSources: RateLimiterAbstract;

  constructor(shared: SharedState) {
    this.accountAndSource = new Backoff(shared, LOGIN_BACKOFF_RULES.accountAndSource);
    this.source = new Backoff(shared, LOGIN_BACKOFF_RULES.source);
    this.account = new Backoff(shared, LOGIN_BACKOFF_RULES.account);
    this.knownSources = shared.limiter({ keyPrefix: 'login-known-source', points: 1, duration: KNOWN_SOURCE_SECONDS });
  }

  private static pair(key: LoginAttemptKey): string {
    return JSON.stringify([key.account, key.source]);
  }

  private async isKnownSource(key: LoginAttemptKey): Promise<boolean> {
    return (await this.knownSources.get(LoginThrottle.pair(key))) !== null;
  }

  /** How long this attempt must wait (ms); 0 when it may be checked now. */
  async waitMs(key: LoginAttemptKey): Promise<number> {
    const waits = await Promise.all([
      this.accountAndSource.waitMs(LoginThrottle.pair(key)),
      this.source.waitMs(key.source),
      this.isKnownSource(key).then((known) => (known ? 0 : this.account.waitMs(key.account))),
    ]);
    return Math.max(...waits);
  }

  /** A wrong password or code: counts against the pair, the source and the account; returns the wait it starts. */
  async failed(key: LoginAttemptKey): Promise<number> {
    const waits = await Promise.all([this.accountAndSource.fail(LoginThrottle.pair(key)), this.source.fail(key.source), this.account.fail(key.account)]);
    return Math.max(...waits);
  }

  /** A successful login clears the pair's failures and makes the source known for the account. */
  async succeeded(key: LoginAttemptKey): Promise<void> {
    await Promise.all([this.accountAndSource.reset(LoginThrottle.pair(key)), this.knownSources.set(LoginThrottle.pair(key), 1, KNOWN_SOURCE_SECONDS)]);
  }
}
