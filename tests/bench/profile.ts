/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of the gateway under load: where self time goes by
 * layer (Node internals, GC, Apollo, graphql-js, our code…) and the hottest functions, so the analysis in
 * docs/benchmarks.md rests on measured shares rather than guesses.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of busy (non-idle) time per layer, percent. */
  layers: Array<{ layer: string; percent: number }>;
  hottest: Array<{ name: string; where: string; percent: number }>;
  idlePercent: number;
}

const LAYERS: Array<[string, (url: string, fn: string) => boolean]> = [
  ['garbage collection', (url, fn) => fn === '(garbage collector)'],
  ['native / (program)', (url, fn) => fn === '(program)' || (url === '' && fn !== '(idle)' && fn !== '(root)')],
  // Our calls between services go through the undici package (platform/src/serviceClient.ts), Node's own fetch through
  // its bundled copy; both parse HTTP responses with llhttp compiled to WebAssembly.
  ['service calls (undici)', (url) => url.includes('internal/deps/undici') || /node_modules\/(\.pnpm\/undici@[^/]+\/node_modules\/)?undici\//.test(url) || url.startsWith('wasm://')],
  ['Node internals (http, net, streams)', (url) => url.startsWith('node:')],
  ['@apollo/gateway + query planner', (url) => /@apollo\/(gateway|query-planner|federation-internals)/.test(url)],
  ['@apollo/server', (url) => /@apollo\/server|@apollo\/utils/.test(url)],
  ['graphql-js', (url) => /node_modules\/\.pnpm\/graphql@|\/node_modules\/graphql\//.test(url)],
  ['jose (JWT)', (url) => url.includes('/jose')],
  ['type-graphql', (url) => url.includes('/type-graphql')],
  ['drizzle-orm', (url) => url.includes('/drizzle-orm')],
  ['postgres driver (postgres-js)', (url) => /node_modules\/(\.pnpm\/postgres@[^/]+\/node_modules\/)?postgres\//.test(url)],
  ['PGlite', (url) => url.includes('@electric-sql/pglite')],
  ['zod', (url) => url.includes('/zod/')],
  ['pino (logging)', (url) => url.includes('/pino')],
  ['tsx loader', (url) => url.includes('/tsx')],
  ['other dependencies', (url) => url.includes('node_modules')],
  ['Onshi gateway + platform + kit', (url) => url.includes('/gateway/src/') || url.includes('/platform/src/') || url.includes('/subgraphs/kit/src/')],
  ['Onshi subgraph code', (url) => url.includes('/subgraphs/')],
];

function layerOf(url: string, functionName: string): string {
  for (const [layer, test] of LAYERS) if (test(url, functionName)) return layer;
  return 'other';
}

/**
 * `lastSeconds`: only the samples of the profile's final seconds (the load window; start-up, module
 * loading and warm-up come before it and would otherwise dominate a short profile).
 */
export function summariseProfile(file: string, options: { top?: number; lastSeconds?: number } = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const top = options.top ?? 12;
  const windowStart = options.lastSeconds ? profile.endTime - options.lastSeconds * 1e6 : -Infinity;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= windowStart) selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  let total = 0;
  let idle = 0;
  const layers = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; micros: number }>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    total += micros;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const layer = layerOf(url, functionName);
    layers.set(layer, (layers.get(layer) ?? 0) + micros);
    const where = url ? `${url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^file:\/\/.*?\/work\/main\//, '')}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, micros: 0 };
    entry.micros += micros;
    functions.set(key, entry);
  }
  const busy = Math.max(1, total - idle);
  const percent = (micros: number) => Math.round((1000 * micros) / busy) / 10;
  return {
    totalMs: Math.round(total / 1000),
    idlePercent: Math.round((1000 * idle) / Math.max(1, total)) / 10,
    layers: [...layers].map(([layer, micros]) => ({ layer, percent: percent(micros) })).sort((a, b) => b.percent - a.percent),
    hottest: [...functions.values()].sort((a, b) => b.micros - a.micros).slice(0, top).map((f) => ({ name: f.name, where: f.where, percent: percent(f.micros) })),
  };
}
