// CPU time per thread of this process, from /proc (Linux): benchmarks print where the CPU went, because on a
// 2-core machine the parse threads and V8's helper threads (GC, compiler) take it from the importing thread.
import { readdirSync, readFileSync } from 'node:fs';

export function mainThreadCpuSecs(): number {
  return threadCpuSecs().get(process.pid) ?? NaN;
}

/** CPU seconds (utime + stime) of each thread of this process, by thread id; empty where /proc is missing. */
export function threadCpuSecs(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100); // clock ticks of 1/100 s
    }
  } catch {
    // not Linux: no per-thread figures
  }
  return out;
}

/** Where the CPU went between two snapshots: the importing thread, the parse threads, and V8's helpers (GC, compiler). */
export function cpuSplit(before: Map<number, number>, after: Map<number, number>, parseThreads: Set<number>): string {
  let parse = 0, other = 0;
  for (const [tid, secs] of after) {
    if (tid === process.pid) continue;
    const d = secs - (before.get(tid) ?? 0);
    if (parseThreads.has(tid)) parse += d;
    else other += d;
  }
  const main = (after.get(process.pid) ?? 0) - (before.get(process.pid) ?? 0);
  return `cpu by thread: importing ${main.toFixed(2)} s, parse threads ${parse.toFixed(2)} s, V8 helpers (GC, compiler) and others ${other.toFixed(2)} s`;
}

/** Runs `start` and returns what it returns, with the ids of the threads that appeared meanwhile (a worker pool's). */
export async function newThreads<T>(start: () => Promise<T>): Promise<{ value: T; threads: Set<number> }> {
  const before = new Set(threadCpuSecs().keys());
  const value = await start();
  return { value, threads: new Set([...threadCpuSecs().keys()].filter((tid) => !before.has(tid))) };
}
