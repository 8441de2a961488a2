import { answerFields, type ShardAnswer, type ShardAnswerEntity, type ShardSubject } from '@dramaguard/records';

/**
 * A worker serving several shards holds one index of all of them, so one
 * search of it answers for every one: the lowest shard it serves does the
 * work and records the same answer, with nothing found, for the others (the
 * matches found are all in its own), and the others' jobs do nothing. Done
 * once per shard instead, each search would cover every served shard again
 * (docs/BENCHMARK.md, sections 65 and 66).
 * The shards a job of `shard` answers for, the shard itself first; empty when
 * a lower shard this worker serves answers for it.
 */
export function shardsAnsweredBy(shard: number, serves: readonly number[]): number[] {
  const lowest = Math.min(...serves);
  if (!serves.includes(shard)) return [shard];
  if (shard !== lowest) return [];
  return [shard, ...serves.filter((k) => k !== shard)];
}

/** What a shard answered for another it serves: the same kind of answer, with nothing found (the matches are in its own). */
export function coveredAnswer(answer: ShardAnswer): ShardAnswer {
  if ('failure' in answer) return answer;
  if ('geometry' in answer) return { geometry: [] };
  if ('plan' in answer) return { plan: [], indexSeq: answer.indexSeq };
  return { indexSeq: answer.indexSeq, matches: [], audio: answer.audio ? [] : null };
}

/** The rows a shard records for `subject`: `answer` as the first of `covers`', the covered answer as each other's. */
export function coveredRows(subject: ShardSubject, covers: readonly number[], answer: ShardAnswer): [ShardSubject, number, ShardAnswer][] {
  return covers.map((k, i) => [subject, k, i === 0 ? answer : coveredAnswer(answer)]);
}

/**
 * A clip's answer for every shard `covers`, as the merge would read them once
 * recorded (coveredRows): what a worker answering for every shard of the clip
 * merges at once, without recording them first.
 */
export function coveredAnswers(clipId: string, covers: readonly number[], answer: ShardAnswer, at: Date): ShardAnswerEntity[] {
  return coveredRows('clip', covers, answer).map(([subjectType, shard, a]) => ({ subjectType, subjectId: clipId, shard, ...answerFields(a), answeredAt: at }));
}

/** For the log: the shards a shard answered for, when more than itself. */
export function coverText(covers: readonly number[]): string {
  return covers.length > 1 ? ` (answering for shards ${covers.join(', ')})` : '';
}

/**
 * True when the shards a job answers for are all the clip's: its worker's one
 * index holds every geometry and candidate of the clip, so it matches the clip
 * as one shard would, with no round to share them through.
 */
export function answersEveryShard(covers: readonly number[], shards: number): boolean {
  return Array.from({ length: shards }, (_, k) => k).every((k) => covers.includes(k));
}
