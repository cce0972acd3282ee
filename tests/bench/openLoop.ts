/**
 * Open-loop load: requests arrive at a fixed rate whatever the server does, as confirmations arrive at the
 * counters of a country (docs/benchmarks.md "Open loop"). The closed-loop load of load.ts keeps N requests in
 * flight and sends the next only when one is answered, so a slow server is sent less and its p99 at 50
 * connections is mostly queueing in front of itself; here request i is due at start + i / rate and its latency
 * runs from that due time to the answer (no coordinated omission: a request the generator sent late still
 * counts from when it was due).
 *
 * Each request gets its own keep-alive socket from a pool as large as the requests that can be in flight, so no
 * request waits for a connection in the generator. Every answer is checked for GraphQL errors, as in load.ts.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { percentile, tokenFor } from './load';

export interface OpenLoopOptions {
  url: string;
  token: string;
  /** Request bodies, cycled: request i uses bodies[i % length]. */
  bodies: readonly string[];
  /** One token per body (request i: tokens[i % length]) when each request is another person's (load.ts). */
  tokens?: readonly string[];
  /** Arrivals per second. */
  rate: number;
  durationSeconds: number;
  /** An answer later than this counts as a timeout (and its latency as this). */
  timeoutMs?: number;
}

export interface OpenLoopFigures {
  rate: number;
  sent: number;
  answered: number;
  /** Answers per second over the measured time. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  /** Requests the generator itself sent more than 5 ms after their due time (its own lag, shown so it can be judged). */
  sentLate: number;
  firstError?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How late a send may be before the generator counts itself as lagging. */
const LATE_SEND_MS = 5;

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopFigures> {
  if (options.bodies.length === 0) throw new Error('runOpenLoop needs at least one request body');
  if (!(options.rate > 0)) throw new Error(`runOpenLoop needs a positive rate, got ${options.rate}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });
  const target = new URL(options.url);
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  let sentLate = 0;
  let firstError: string | undefined;
  const inFlight: Array<Promise<void>> = [];
  const start = performance.now() + 20;

  const send = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = options.bodies[index % options.bodies.length] ?? '';
      const token = tokenFor(options, index);
      let settled = false;
      const finish = (failure?: string) => {
        if (settled) return;
        settled = true;
        const latency = Math.min(performance.now() - due, timeoutMs);
        latencies.push(Math.round(latency * 10) / 10);
        if (failure !== undefined) {
          errors += 1;
          firstError ??= failure.slice(0, 300);
        }
        resolve();
      };
      const request = http.request(
        {
          agent,
          hostname: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'authorization': `Bearer ${token}`,
            // Unique per request: Hive Gateway shares identical in-flight requests (load.ts says why that matters).
            'x-request-id': `bench-open-${randomUUID()}`,
          },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            finish(response.statusCode === 200 && !text.includes('"errors"') ? undefined : `${response.statusCode} ${text}`);
          });
          response.on('error', (error) => finish(`response: ${error.message}`));
        },
      );
      request.on('timeout', () => {
        timeouts += 1;
        request.destroy(new Error('timeout'));
      });
      request.on('error', (error) => finish(`request: ${error.message}`));
      request.end(body);
    });

  for (let index = 0; index < total; index += 1) {
    const due = start + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (performance.now() - due > LATE_SEND_MS) sentLate += 1;
    inFlight.push(send(index, due));
  }
  await Promise.all(inFlight);
  const measuredSeconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rate: options.rate,
    sent: total,
    answered: latencies.length - errors,
    rps: (latencies.length - errors) / Math.max(measuredSeconds, 0.001),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
    errors,
    timeouts,
    sentLate,
    firstError,
  };
}
