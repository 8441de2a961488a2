import { DEFAULT_MATCHER_OPTIONS, ProposedLine, sharedGeometries } from '@dramaguard/matcher';
import { ShardAnswerEntity } from '@dramaguard/records';

// What a shard's jobs read of a clip's round from the shards' answers (ShardMatchService).

/** Every shard's answer for a clip, window by window, gathered by window (its first frame), in the shards' order. */
function byWindow<W extends { readonly first: number }>(answers: readonly (readonly W[])[]): Map<number, W[]> {
  const out = new Map<number, W[]>();
  for (const windows of answers) {
    for (const w of windows) {
      const gathered = out.get(w.first);
      if (gathered) gathered.push(w);
      else out.set(w.first, [w]);
    }
  }
  return out;
}

/** True when this shard's answer for the clip is among `answers`. */
export function answered(answers: readonly ShardAnswerEntity[], shard: number): boolean {
  return answers.some((a) => a.subjectType === 'clip' && a.shard === shard);
}

/** Per window (by its first frame), the geometries every shard tries: the best supported over the shards that told theirs, from their `geometry` answers. */
export function sharedByWindow(answers: readonly ShardAnswerEntity[]): Map<number, number[]> {
  const told = byWindow(answers.filter((a) => a.subjectType === 'geometry').map((a) => a.geometry ?? []));
  const count = DEFAULT_MATCHER_OPTIONS.sharedGeometryCount;
  return new Map([...told].map(([first, windows]) => [first, sharedGeometries(windows.map((w) => w.votes), count)]));
}

/** Per window (by its first frame), the lines every shard that proposed proposed, from their `plan` answers. */
export function proposalsByWindow(answers: readonly ShardAnswerEntity[]): Map<number, ProposedLine[]> {
  const proposed = byWindow(answers.filter((a) => a.subjectType === 'plan').map((a) => a.plan ?? []));
  return new Map([...proposed].map(([first, windows]) => [first, windows.flatMap((w) => w.lines)]));
}

/** The seq of the index this shard proposed from, from its `plan` answer; null without one (or one of an earlier release). */
export function proposedAt(answers: readonly ShardAnswerEntity[], shard: number): string | null {
  return answers.find((a) => a.subjectType === 'plan' && a.shard === shard)?.indexSeq ?? null;
}
