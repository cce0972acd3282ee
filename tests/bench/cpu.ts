/**
 * Where the machine's CPU goes during a run: CPU seconds of each process group (the gateway under test,
 * each subgraph, this run's PostgreSQL backends, the load generator) from /proc/<pid>/stat, before and
 * after. On 2 shared cores this says which process saturates first — and how much was left for others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { SUBGRAPH_NAMES } from '@onshi/system';
import { childPids } from './targets';

/** Linux USER_HZ: utime/stime in /proc/<pid>/stat are in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ": utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export type ProcessGroups = Record<string, number[]>;

/**
 * This run's processes, grouped: subgraphs (children of `root`: this process, or a baseline's driver), PostgreSQL
 * backends of `database`, this process (the load generator).
 */
export function systemGroups(database: string | undefined, root = process.pid): ProcessGroups {
  const children = childPids(root);
  const groups: ProcessGroups = { 'load generator': [process.pid] };
  for (const name of SUBGRAPH_NAMES) groups[name] = children.filter((pid) => cmdline(pid).includes(`subgraphs/${name}/src/index.ts`));
  if (database) {
    groups.postgres = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => {
      const command = cmdline(pid);
      return command.startsWith('postgres:') && command.includes(` ${database} `);
    });
  }
  return groups;
}

/** Busy ticks of the whole machine (every process, ours and the other engineers'), from /proc/stat. */
function machineBusyTicks(): number {
  try {
    const [, ...values] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const ticks = values.map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return ticks.slice(0, 8).reduce((sum, t) => sum + t, 0) - idle;
  } catch {
    return 0;
  }
}

export const MACHINE_GROUP = 'machine (all processes)';

export function snapshot(groups: ProcessGroups): Record<string, number> {
  const ticks = Object.fromEntries(Object.entries(groups).map(([group, pids]) => [group, pids.reduce((sum, pid) => sum + cpuTicks(pid), 0)]));
  return { ...ticks, [MACHINE_GROUP]: machineBusyTicks() };
}

/** Average cores used per group between two snapshots over `seconds`. */
export function coresUsed(before: Record<string, number>, after: Record<string, number>, seconds: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((group) => [group, Math.round((100 * ((after[group] ?? 0) - (before[group] ?? 0))) / TICKS_PER_SECOND / Math.max(seconds, 0.001)) / 100]));
}
