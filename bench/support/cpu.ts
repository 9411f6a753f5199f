/**
 * CPU seconds of processes on this machine, from /proc: what a benchmark's server, database
 * cluster and load generator spent, whatever else runs on the machine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds of a process (own, and of its reaped children when `children`), from /proc. */
export function cpuSeconds(pid: number, children = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based, man 5 proc)
    const at = (n: number) => Number(fields[n - 3]);
    return (at(14) + at(15) + (children ? at(16) + at(17) : 0)) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds of a whole PostgreSQL cluster: the postmaster, its live children and the exited ones. */
function clusterCpuSeconds(postmaster: number): number {
  let total = cpuSeconds(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === postmaster) total += cpuSeconds(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

function parentOf(pid: number): number {
  return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

/**
 * The CPU seconds spent so far by the PostgreSQL cluster that serves the backend `backendPid`
 * (`SELECT pg_backend_pid()`), as a function to call again; undefined when the server runs on
 * another machine (its processes are not in /proc).
 */
export function clusterCpuMeter(backendPid: number): (() => number) | undefined {
  if (!existsSync(`/proc/${backendPid}`)) return undefined;
  const postmaster = parentOf(backendPid);
  return () => clusterCpuSeconds(postmaster);
}

/** CPU seconds this process has spent so far (user and system), to subtract one reading from another. */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
