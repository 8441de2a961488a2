import { readdirSync, readFileSync } from 'node:fs';

/** Linux counts a process's CPU time in these ticks (USER_HZ: 100 on x86 and arm64, `getconf CLK_TCK` here). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds a process has used so far, every thread together (user and
 * system time from /proc/PID/stat; not its children's, such as ffmpeg). The
 * shards share two cores, so a job's wall time moves with what the others do
 * at the time; the CPU they use over a set of clips does not. Given a thread
 * id, that thread's alone.
 */
export function cpuSeconds(pid: number, tid?: number): number {
  const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields are counted from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * CPU seconds each thread of a process has used so far, by thread id. Node
 * names none of its threads, so a shard's main thread is told by its id (the
 * process id) and its match thread by the CPU it uses.
 */
export function threadCpuSeconds(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(Number(tid), cpuSeconds(pid, Number(tid)));
    } catch {
      // A thread that ended between the listing and the read has nothing more to count.
    }
  }
  return out;
}
