/**
 * Runs `GATEWAY_WORKERS` copies of a service's unchanged entry (default our gateway, gateway/src/index.ts;
 * `BENCH_SERVICE` names another) as node:cluster workers sharing one port, so the benchmark can compare
 * one and two gateway processes on a 2-core machine (the worker count is configurable) and run one
 * worker with Node flags such as --cpu-prof. Workers listening on port 0 share the first ephemeral port
 * the primary binds (node:cluster semantics). The primary announces the URL once every worker is ready,
 * using the same IPC message as every other service (kit `announceReady`).
 */
import cluster from 'node:cluster';
import { announceReady, exitWithReason } from '@onshi/kit';
import { SERVICE_ENTRIES, SERVICE_NODE_FLAGS, type ServiceName } from '@onshi/system';

const service = process.env.BENCH_SERVICE ?? 'gateway';
if (!(service in SERVICE_ENTRIES)) exitWithReason(`serviceCluster: unknown BENCH_SERVICE ${service}`, 78);
const workers = Number(process.env.GATEWAY_WORKERS ?? '2');
if (!Number.isInteger(workers) || workers < 1 || workers > 16) exitWithReason(`serviceCluster: GATEWAY_WORKERS must be 1–16, got ${process.env.GATEWAY_WORKERS}`, 78);

// Extra Node flags for the workers only (e.g. --cpu-prof, which NODE_OPTIONS does not accept).
const workerFlags = (process.env.GATEWAY_WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
cluster.setupPrimary({ exec: SERVICE_ENTRIES[service as ServiceName], execArgv: [...SERVICE_NODE_FLAGS, ...workerFlags], silent: false });
const ready = new Set<number>();
let url: string | undefined;
for (let i = 0; i < workers; i += 1) {
  const worker = cluster.fork();
  worker.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'ready' && 'url' in message && typeof message.url === 'string') {
      ready.add(worker.id);
      url = message.url;
      if (ready.size === workers) announceReady(`${service}-cluster`, url);
    }
  });
  worker.on('exit', (code) => {
    if (!stopping) exitWithReason(`serviceCluster: worker ${worker.id} exited with code ${code}`);
  });
}

let stopping = false;
const stop = () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  const deadline = setTimeout(() => process.exit(0), 10_000);
  const check = setInterval(() => {
    if (Object.keys(cluster.workers ?? {}).length === 0) {
      clearInterval(check);
      clearTimeout(deadline);
      process.exit(0);
    }
  }, 50);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);
