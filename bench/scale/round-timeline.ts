/** The rounds of a clip's window, in order: each shard's jobs of one name, then the merge. */
export const ROUNDS = ['geometry-shard', 'match-shard', 'verify-shard', 'merge-clip'] as const;
export type Round = (typeof ROUNDS)[number];

/** When each round of a clip ended, in ms after its fan-out, and the CPU its jobs' completion lines give, summed over the shards. */
export interface ClipRounds {
  readonly ends: ReadonlyMap<Round, number>;
  readonly cpu: ReadonlyMap<Round, number>;
}

const FANNED_OUT = /^clip ([0-9a-f-]{36}): \d+ frames decoded in \d+ ms, sent to \d+ shard/;
const COMPLETED = /^[\w-]+ completed in [\d.]+ s, (\d+) ms of CPU/;

/**
 * A clip's window read as a timeline from the processes' JSON log lines: the
 * time of its fan-out line, and for each round the time its last job logged
 * its completion (docs/BENCHMARK.md, sections 62 and 63). A round's wall time
 * against its CPU over the cores says how much of it the cores' sharing and
 * the hand-offs take; the time at which stage one ends says what is left for
 * verification.
 */
export class RoundTimeline {
  private readonly fannedOut = new Map<string, number>();
  private readonly ends = new Map<string, Map<Round, number>>();
  private readonly cpu = new Map<string, Map<Round, number>>();

  /** Reads a process's output (JSON lines; other lines are skipped). */
  add(output: string): void {
    for (const line of output.split('\n')) {
      if (!line.startsWith('{') || (!line.includes(' completed in ') && !line.includes(' sent to '))) continue;
      let entry: { time?: string; msg?: string; jobId?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      const at = entry.time ? Date.parse(entry.time) : NaN;
      if (Number.isNaN(at) || !entry.msg) continue;
      const fanOut = FANNED_OUT.exec(entry.msg);
      if (fanOut) this.fannedOut.set(fanOut[1], at);
      const done = COMPLETED.exec(entry.msg);
      const [name, clipId] = (entry.jobId ?? '').split('.');
      if (!done || !clipId || !(ROUNDS as readonly string[]).includes(name)) continue;
      const round = name as Round;
      const ends = this.ends.get(clipId) ?? new Map<Round, number>();
      const cpu = this.cpu.get(clipId) ?? new Map<Round, number>();
      ends.set(round, Math.max(ends.get(round) ?? at, at));
      cpu.set(round, (cpu.get(round) ?? 0) + Number(done[1]));
      this.ends.set(clipId, ends);
      this.cpu.set(clipId, cpu);
    }
  }

  /**
   * The CPU its window's jobs used, each job's as its completion line gives
   * it (traceJob), whether or not its fan-out was read: the shards' CPU per
   * clip says what the window cannot go below on the machine's cores, however
   * the shards share them (docs/BENCHMARK.md, section 58). Undefined when no
   * completion line of the clip was read.
   */
  cpuOf(clipId: string): number | undefined {
    const cpu = this.cpu.get(clipId);
    return cpu ? [...cpu.values()].reduce((a, b) => a + b, 0) : undefined;
  }

  /** The clip's rounds, those it had (one shard alone has no geometry or verify round); null before its fan-out was read. */
  of(clipId: string): ClipRounds | null {
    const start = this.fannedOut.get(clipId);
    if (start === undefined) return null;
    const ends = new Map<Round, number>();
    for (const [round, at] of this.ends.get(clipId) ?? []) ends.set(round, at - start);
    return { ends, cpu: this.cpu.get(clipId) ?? new Map() };
  }
}

/**
 * One line over the clips: when each round ended after the fan-out, and the
 * verify round's wall time against its CPU over the cores (median / 95th
 * percentile of the clips that had each).
 */
export function timelineSummary(clips: readonly ClipRounds[], cores: number, percentile: (values: number[], p: number) => number): string {
  const spread = (values: number[]): string => (values.length ? `${percentile(values, 0.5)} / ${percentile(values, 0.95)}` : '?');
  const endsOf = (round: Round): number[] => clips.flatMap((c) => (c.ends.has(round) ? [c.ends.get(round)!] : []));
  // With several shards the match round ends stage one; one shard alone does both stages in it.
  const named: Record<Round, string> = { 'geometry-shard': 'geometry round', 'match-shard': 'match round', 'verify-shard': 'verify round', 'merge-clip': 'merged' };
  // A clip whose lines fell out of a worker's kept output (Child.drain) lacks rounds: each round says how many clips it covers when not all.
  const covered = (n: number): string => (n < clips.length ? ` (${n} clips)` : '');
  const rounds = ROUNDS.map((r) => [r, endsOf(r)] as const)
    .filter(([, ends]) => ends.length)
    .map(([r, ends]) => `${named[r]} ${spread(ends)}${covered(ends.length)}`);
  const verifying = clips.filter((c) => c.ends.has('verify-shard') && c.ends.has('match-shard'));
  const wall = verifying.map((c) => c.ends.get('verify-shard')! - c.ends.get('match-shard')!);
  const cpu = verifying.map((c) => Math.round((c.cpu.get('verify-shard') ?? 0) / cores));
  return (
    `rounds of the ${clips.length} clips, ms after the fan-out (median / 95th percentile): ${rounds.join(', ')}` +
    (verifying.length ? `; the verify round's wall ${spread(wall)} against its CPU over the ${cores} cores ${spread(cpu)}` : '')
  );
}
