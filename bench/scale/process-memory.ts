import { readFileSync } from 'node:fs';

/** A process's resident memory by kind of mapping, in MB, from /proc/PID/smaps. */
export interface MemoryParts {
  readonly total: number;
  /** The main thread's malloc heap (`[heap]`): glibc returns only its top to the system. */
  readonly heap: number;
  /** Anonymous mappings: other threads' malloc arenas, large blocks, the V8 heaps. */
  readonly anonymous: number;
  /** Mapped from files: the node binary and libraries. */
  readonly files: number;
  /**
   * Of the total, what transparent huge pages back. Shards whose heaps had
   * been trimmed after loading kept few of them (one shard loaded alone: 16-18
   * MB instead of 82 MB), and their geometry jobs took about twice as long
   * (docs/BENCHMARK.md, section 28).
   */
  readonly huge: number;
}

export function memoryParts(pid: number): MemoryParts {
  let total = 0;
  let heap = 0;
  let anonymous = 0;
  let files = 0;
  let huge = 0;
  let name = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      name = head[1];
      continue;
    }
    const hugePages = /^AnonHugePages:\s+(\d+) kB/.exec(line);
    if (hugePages) huge += Number(hugePages[1]);
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const kb = Number(rss[1]);
    total += kb;
    if (name === '[heap]') heap += kb;
    else if (name.startsWith('/')) files += kb;
    else if (!name.startsWith('[')) anonymous += kb;
  }
  const mb = (kb: number): number => Math.round((kb * 1024) / 1e6);
  return { total: mb(total), heap: mb(heap), anonymous: mb(anonymous), files: mb(files), huge: mb(huge) };
}

/** The most a process has had resident since it started (VmHWM), in MB: a shard's peak is while it loads and packs. */
export function peakResident(pid: number): number {
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Math.round((Number(kb[1]) * 1024) / 1e6) : NaN;
}
