/**
 * Each Jest worker chooses loopback ports from a slice of its own (system/src/processes.ts `portSlice`): two workers
 * start systems at the same time, and a port one of them has chosen but not yet listened on looks free to the other.
 * Workers are numbered 1..WORKERS (jest.config.js); a run with more workers than that (`--maxWorkers`) shares slices.
 */
const workers = Number(process.env.ONSHI_TEST_WORKERS) || 1;
const worker = Number(process.env.JEST_WORKER_ID) || 1;
process.env.ONSHI_PORT_SLICE = `${((worker - 1) % workers) + 1}/${workers}`;
