/**
 * Process-wide totals served on /metrics: GraphQL requests, SQL statements, and calls per internal route (`POST
 * /internal/coverage` …). Tests and the benchmark read the difference around a request to prove that batching keeps
 * statement counts flat, and that a batch makes one call between subgraphs (docs/drugs.md: one coverage call per
 * ingest batch). (A per-request scope in AsyncLocalStorage used to count them too; nothing read it, and its promise
 * hooks cost every request.)
 */
export const processCounters = { requests: 0, statements: 0, routes: {} as Record<string, number> };

export function countStatement(): void {
  processCounters.statements += 1;
}

const gauges = new Map<string, () => number>();

/**
 * A value read when /metrics is asked (under `gauges`), registered by the module that owns it: the depth of a queue,
 * say, which an operator watches and a test waits on rather than guessing with a sleep.
 */
export function registerGauge(name: string, read: () => number): void {
  gauges.set(name, read);
}

export function gaugeValues(): Record<string, number> {
  return Object.fromEntries([...gauges].map(([name, read]) => [name, read()]));
}
