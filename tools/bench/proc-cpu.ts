/**
 * CPU time of whole process trees from /proc (Linux), for the benchmarks: where a complaint's
 * CPU goes (Temporal server, worker, PostgreSQL, API, driver). A tree is a root process and
 * every live descendant, plus what its reaped children used (cutime/cstime): PostgreSQL runs one
 * backend per connection and forks helpers, so the postmaster alone says little.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** user + system ticks of the process itself */
  own: number;
  /** user + system ticks of its children that have exited and were waited for */
  reaped: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited between the listing and the read
  }
  // The command name is in parentheses and may contain spaces: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is state (field 3 of stat(5)); utime is field 14, so index 14 - 3 = 11.
  const n = (field: number) => Number(fields[field - 3]);
  return { pid, ppid: n(4), own: n(14) + n(15), reaped: n(16) + n(17) };
}

function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** CPU milliseconds used so far by the tree rooted at `root`. */
export function treeCpuMs(root: number, stats: ProcStat[] = allStats()): number {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = stats.find((s) => s.pid === root);
  if (!rootStat) return NaN;
  let ticks = rootStat.reaped;
  const queue = [rootStat];
  while (queue.length > 0) {
    const s = queue.pop()!;
    ticks += s.own;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Pids whose command line contains every one of `parts` (e.g. the dev server the SDK spawned). */
export function pidsByCommandLine(...parts: string[]): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (parts.every((p) => cmd.includes(p))) found.push(Number(entry));
  }
  return found;
}

/** The postmaster of a cluster listening on `port` (its pid is line 1 of postmaster.pid). */
export function postmasterPid(port: number): number | undefined {
  // Backends rename themselves ("postgres: aso aso_bench …"); only the postmaster keeps its argv.
  // Other clusters run on this machine (tests, helpers), so there is no guessing without the port.
  const candidates = pidsByCommandLine('postgres', `-p ${port}`);
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

/** What a CPU figure is read from: a process tree by root pid, or this process. */
export type CpuProbe = { name: string; pid: number } | { name: string; self: true };

export const treeProbe = (name: string, pid: number): CpuProbe => ({ name, pid });
export const selfProbe = (name = 'driver'): CpuProbe => ({ name, self: true });

/** CPU ms used so far by each probe (one /proc walk for all trees). */
export function snapshot(probes: CpuProbe[]): Map<string, number> {
  const stats = allStats();
  return new Map(
    probes.map((p) => {
      if ('pid' in p) return [p.name, treeCpuMs(p.pid, stats)] as const;
      const u = process.cpuUsage();
      return [p.name, (u.user + u.system) / 1000] as const;
    }),
  );
}

export function delta(
  before: Map<string, number>,
  after: Map<string, number>,
): Map<string, number> {
  return new Map([...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const));
}

/**
 * CPU ms per thread name of one process (/proc/<pid>/task/*): in the worker, `node` is the main
 * JS thread (activities, SDK JS), workflow threads are Node worker threads, `tokio-runtime-w` is
 * the SDK's Rust core, `V8 DefaultWorke` V8's helpers (GC, compilation), `libuv-worker` the pool.
 */
export function threadCpuMs(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of tids) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      byName.set(name, (byName.get(name) ?? 0) + (ticks * 1000) / TICKS_PER_SECOND);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return byName;
}
