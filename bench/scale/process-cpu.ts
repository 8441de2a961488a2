import { readFileSync } from 'node:fs';

/** Linux counts a process's CPU time in these ticks (USER_HZ: 100 on x86 and arm64, `getconf CLK_TCK` here). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds a process has used so far, every thread together (user and
 * system time from /proc/PID/stat; not its children's, such as ffmpeg). The
 * shards share two cores, so a job's wall time moves with what the others do
 * at the time; the CPU they use over a set of clips does not.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields are counted from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
