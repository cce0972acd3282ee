/**
 * Process-wide totals served on /metrics: requests and SQL statements. Tests and the benchmark read the
 * difference around a request to prove that batching keeps statement counts flat. (A per-request scope in
 * AsyncLocalStorage used to count them too; nothing read it, and its promise hooks cost every request.)
 */
export const processCounters = { requests: 0, statements: 0 };

export function countStatement(): void {
  processCounters.statements += 1;
}
