/**
 * The benchmark report's tables, rendered from a recorded run (docs/benchmarks/run-2026-12-03-07-33-42bcdca.json,
 * measured with ours, Hive Gateway and a baseline commit in a rotated order). The runs are stored in the order they
 * were measured, so a table that lists worker counts "×1 · ×2" has to order them itself; every expectation below is
 * computed from the recorded figures, not written out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@onshi/kit';
import type { BenchReport, ScenarioResult } from '../bench/bench';
import { cpuPerRequest, renderGenerated } from '../bench/report';
import { mergeWindows, type LoadWindow } from '../bench/load';
import { parseBenchArgs } from '../bench/run';

/** The value, or a failed test naming what the recording lacked. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the recorded run has no ${what}`);
  return value;
}

const recorded: BenchReport = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs/benchmarks/run-2026-12-03-07-33-42bcdca.json'), 'utf8'));
const scenarios = must(recorded.scales[0], 'scale').scenarios;
const rendered = renderGenerated(recorded, 'run.json');
const rps = (scenario: ScenarioResult, kind: string, workers: number) => must(scenario.runs.find((r) => r.kind === kind && r.workers === workers), `${kind} ×${workers} run`).figures.rps;
const rowOf = (heading: string, name: string) => {
  const table = rendered.slice(rendered.indexOf(heading));
  return must(table.split('\n').find((line) => line.startsWith(`| ${name} |`)), `${name} row under ${heading}`).split('|').map((cell) => cell.trim());
};

describe('benchmark report', () => {
  it('lists ours ÷ Hive at 1 worker, then at 2, whatever order the runs were measured in', () => {
    const doctorVisit = must(scenarios.find((s) => s.name === 'doctorVisit'), 'doctorVisit');
    // The recording measured doctorVisit's ×2 before its ×1: the case that printed the ratios the wrong way round.
    expect(doctorVisit.runs.findIndex((r) => r.kind === 'ours' && r.workers === 2)).toBeLessThan(doctorVisit.runs.findIndex((r) => r.kind === 'ours' && r.workers === 1));
    for (const scenario of scenarios) {
      const cells = rowOf('ours/Hive req/s (×1 · ×2)', scenario.name);
      const expected = [1, 2].map((w) => `${(rps(scenario, 'ours', w) / rps(scenario, 'hive', w)).toFixed(2)}×`).join(' · ');
      expect(cells[cells.length - 2]).toBe(expected);
    }
  });

  it('gives CPU per answered request for each serving process and in all, and judges reception against 4 ms', () => {
    const reception = must(scenarios.find((s) => s.name === 'reception'), 'reception');
    const oursOne = must(reception.runs.find((r) => r.kind === 'ours' && r.workers === 1), 'ours ×1 reception run');
    const cpu = must(cpuPerRequest(oursOne), 'CPU figures');
    const serving = ['gateway under test', 'consent', 'qualifications', 'drugs', 'checkups', 'postgres'];
    const expectedTotal = serving.reduce((sum, group) => sum + (oursOne.cores?.[group] ?? 0), 0) / oursOne.figures.rps * 1000;
    expect(cpu.total).toBeCloseTo(expectedTotal, 6);
    // The load generator shares the machine but does not serve: it is not counted.
    expect(Object.keys(cpu.byGroup)).not.toContain('load generator');
    const row = rowOf('CPU per answered request, ms', 'reception');
    expect(row[2]).toBe('ours ×1');
    expect(row[3]).toBe(cpu.total.toFixed(2));
    const goal = must(rendered.split('\n').find((line) => line.startsWith('| CPU per reception confirmation ≤ 4 ms')), 'CPU goal row');
    expect(goal).toContain(`${cpu.total.toFixed(2)} ms`);
    expect(goal.endsWith(cpu.total <= 4 ? '| **met** |' : '| not met |')).toBe(true);
  });

  it('limits the baseline to the scales named by --baseline-patients, and refuses the flag without a baseline', () => {
    const { options } = parseBenchArgs(['--patients', '10000,1000000', '--baseline', '95c56fa', '--baseline-patients', '10000']);
    expect(options.baselinePatients).toEqual([10000]);
    expect(parseBenchArgs(['--baseline', '95c56fa']).options.baselinePatients).toBeUndefined();
    expect(() => parseBenchArgs(['--baseline-patients', '10000'])).toThrow('--baseline-patients: only with --baseline');
  });

  it('--rounds: windows merge into one measurement (requests over their summed seconds, percentiles over all latencies) and the ratio is also shown round by round', () => {
    expect(parseBenchArgs([]).options.rounds).toBe(1);
    expect(parseBenchArgs(['--rounds', '4']).options.rounds).toBe(4);
    expect(() => parseBenchArgs(['--rounds', '0'])).toThrow(/--rounds: expected positive integers/);
    const window = (latencies: number[], seconds: number, failures: { non2xx?: number; firstError?: string } = {}): LoadWindow => ({
      latencies,
      seconds,
      figures: { requests: latencies.length, rps: latencies.length / seconds, p50: 0, p95: 0, p99: 0, max: Math.max(...latencies), non2xx: failures.non2xx ?? 0, graphqlErrors: 0, connectionErrors: 0, timeouts: 0, firstError: failures.firstError },
    });
    // A fast window and a slow one: the slow one's latencies reach the merged tail, its few requests the rate.
    const fast = Array.from({ length: 90 }, (_, i) => 10 + (i % 10));
    const slow = Array.from({ length: 10 }, (_, i) => 200 + i);
    const merged = mergeWindows([window(fast, 2), window(slow, 2, { non2xx: 3, firstError: '500 slow' })]);
    expect(merged.requests).toBe(100);
    expect(merged.rps).toBe(25);
    expect(merged.p50).toBe([...fast, ...slow].sort((a, b) => a - b)[49]);
    expect(merged.p95).toBeGreaterThanOrEqual(200);
    expect(merged.max).toBe(209);
    expect(merged.non2xx).toBe(3);
    expect(merged.firstError).toBe('500 slow');
    // The report lists each round's ratio under the before/after table.
    const withRounds: BenchReport = JSON.parse(JSON.stringify(recorded));
    const dashboard = must(withRounds.scales[0]?.scenarios.find((s) => s.name === 'dashboard' && s.baseline?.oursOverBaseline), 'dashboard baseline comparison');
    const comparison = must(dashboard.baseline?.oursOverBaseline, 'dashboard ratio');
    comparison.roundRps = [1.08, 0.97, 1.12];
    expect(renderGenerated(withRounds, 'run.json')).toContain('dashboard 1.08× · 0.97× · 1.12×');
    expect(rendered).not.toContain('round by round');
  });
});
