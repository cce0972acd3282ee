/**
 * Ctrl-C (SIGINT) or SIGTERM during `pnpm bench` (docs/benchmarks.md "Stopping a run"). A run holds systems it
 * started, a PostgreSQL database it created for this run (46 GB at 10⁶ patients) and a work directory; killed
 * outright it left all three behind. On the first signal the run stops what it is doing — a measured load window is
 * cut short, seeding services are stopped (each seed is one transaction, so the load leaves nothing half done, and a
 * load that did not finish is dropped as a failed one) — and unwinds through its own clean-up, then exits with the
 * signal's code (130, 143) without writing a report. A second signal exits at once.
 */
export class BenchInterrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'BenchInterrupted';
  }
}

const interruption = new AbortController();
let received: NodeJS.Signals | undefined;

/** Aborted on the first signal: long waits (a load window, a seeding service) end on it. */
export const interruptSignal: AbortSignal = interruption.signal;

/** Throws BenchInterrupted once a signal came: called between the steps of a run, so it unwinds through their clean-up. */
export function throwIfInterrupted(): void {
  if (received) throw new BenchInterrupted(received);
}

export const exitCodeOf = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

/** Installs the handlers (the command only: a test that imports the harness keeps Node's own). */
export function handleInterrupts(log: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (received) {
        log(`${signal} again: exiting without clean-up (systems, a fresh database and the work directory may be left)`);
        process.exit(exitCodeOf(signal));
      }
      received = signal;
      log(`${signal}: stopping; the systems started are stopped, a database created for this run is dropped, no report is written (again to exit at once)`);
      interruption.abort(new BenchInterrupted(signal));
    });
  }
}
