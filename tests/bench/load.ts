/**
 * Closed-loop load with autocannon (as the first baseline of the bare gateway was measured): a fixed number of
 * keep-alive connections for a fixed duration, after a warm-up run whose figures are discarded.
 * Every response body is checked for GraphQL errors: a 200 carrying `errors` is a failure too.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { interruptSignal, throwIfInterrupted } from './interrupt';

export interface LoadOptions {
  url: string;
  token: string;
  /** Request bodies, cycled: request i uses bodies[i % length]. */
  bodies: readonly string[];
  /** One token per body (request i: tokens[i % length]) when each request is another person's; else `token` for all. */
  tokens?: readonly string[];
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** The token request i is sent with: its own person's when `tokens` is given (one per body), else the one `token`. */
export function tokenFor(request: { token: string; tokens?: readonly string[] }, i: number): string {
  const tokens = request.tokens ?? [];
  return tokens.length > 0 ? (tokens[i % tokens.length] ?? request.token) : request.token;
}

export interface LoadFigures {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  graphqlErrors: number;
  connectionErrors: number;
  timeouts: number;
  /** One failing response, cut short, to say what went wrong. */
  firstError?: string;
}

/** Nearest-rank percentile of sorted latencies (ms). autocannon reports p97.5 but not p95. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** One measured window: its figures, and what `mergeWindows` needs to combine several into one. */
export interface LoadWindow {
  figures: LoadFigures;
  /** The answered requests' latencies, ms, sorted. */
  latencies: number[];
  seconds: number;
}

async function drive(options: LoadOptions, durationSeconds: number): Promise<LoadWindow> {
  throwIfInterrupted();
  let next = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${options.token}` },
        // A unique x-request-id per request, as an EHR or portal sends one. Both gateways forward it; it also
        // keeps identical concurrent requests distinct: Hive Gateway otherwise shares one subgraph answer among
        // identical in-flight requests (measured: ~7× the throughput on a one-patient scenario), which in Onshi
        // would skip decisions and access-log entries that every read must get.
        setupRequest: (request) => {
          const i = next;
          next += 1;
          const body = options.bodies[i % options.bodies.length];
          return { ...request, body, headers: { ...request.headers, 'authorization': `Bearer ${tokenFor(options, i)}`, 'x-request-id': `bench-${randomUUID()}` } };
        },
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          if (status === 200) graphqlErrors += 1;
          firstError ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  }, (error, result) => (error ? fail(error instanceof Error ? error : new Error(String(error))) : finish(result)));
  // A signal to `pnpm bench` ends the window now (interrupt.ts); the run then unwinds without reporting it.
  const stopNow = () => instance.stop();
  interruptSignal.addEventListener('abort', stopNow, { once: true });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(Math.round(responseTime * 10) / 10);
  });
  const result = await done.finally(() => interruptSignal.removeEventListener('abort', stopNow));
  // A window ended by a signal measured less than it was asked to: it is not reported.
  throwIfInterrupted();
  latencies.sort((a, b) => a - b);
  const seconds = Math.max(result.duration, 0.001);
  return { latencies, seconds, figures: figuresOf(latencies, seconds, { non2xx: result.non2xx, graphqlErrors, connectionErrors: result.errors, timeouts: result.timeouts, firstError }) };
}

function figuresOf(sortedLatencies: readonly number[], seconds: number, failures: Pick<LoadFigures, 'non2xx' | 'graphqlErrors' | 'connectionErrors' | 'timeouts' | 'firstError'>): LoadFigures {
  return {
    requests: sortedLatencies.length,
    rps: sortedLatencies.length / seconds,
    p50: percentile(sortedLatencies, 50),
    p95: percentile(sortedLatencies, 95),
    p99: percentile(sortedLatencies, 99),
    max: sortedLatencies[sortedLatencies.length - 1] ?? 0,
    ...failures,
  };
}

/**
 * Several windows of one target as one measurement: requests over the windows' summed seconds, percentiles over all
 * their latencies, failures summed (the first window's first error said).
 */
export function mergeWindows(windows: readonly LoadWindow[]): LoadFigures {
  const latencies = windows.flatMap((w) => w.latencies).sort((a, b) => a - b);
  const seconds = Math.max(windows.reduce((sum, w) => sum + w.seconds, 0), 0.001);
  const sum = (pick: (f: LoadFigures) => number) => windows.reduce((total, w) => total + pick(w.figures), 0);
  return figuresOf(latencies, seconds, {
    non2xx: sum((f) => f.non2xx),
    graphqlErrors: sum((f) => f.graphqlErrors),
    connectionErrors: sum((f) => f.connectionErrors),
    timeouts: sum((f) => f.timeouts),
    firstError: windows.find((w) => w.figures.firstError !== undefined)?.figures.firstError,
  });
}

/** One measured window after the warm-up, with its latencies (for `mergeWindows`). */
export async function runLoadWindow(options: LoadOptions): Promise<LoadWindow> {
  if (options.bodies.length === 0) throw new Error('runLoad needs at least one request body');
  if (options.warmupSeconds > 0) await drive(options, options.warmupSeconds);
  return drive(options, options.durationSeconds);
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  return (await runLoadWindow(options)).figures;
}
