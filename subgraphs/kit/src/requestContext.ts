import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request bookkeeping that lower layers (the db logger) need without threading arguments:
 * the request id (propagated from the gateway, written into access-log entries) and a count of SQL
 * statements, which tests and the benchmark read to prove that batching keeps statement counts flat.
 */
export interface RequestScope {
  requestId: string;
  statements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Process-wide totals, served on /metrics. */
export const processCounters = { requests: 0, statements: 0 };

export function countStatement(): void {
  processCounters.statements += 1;
  const scope = storage.getStore();
  if (scope) scope.statements += 1;
}
