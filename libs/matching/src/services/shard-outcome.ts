/** What the merge makes of a clip's shard answers so far. */
export interface ShardOutcome {
  /** Nothing to merge yet: some shard is still expected to answer before the deadline. */
  readonly wait: boolean;
  /** Shards without a usable answer. */
  readonly missing: number[];
  /** For a person, when some shard is missing. */
  readonly reason: string;
}

/**
 * A clip sent to `shards` shards is merged when every shard has answered or
 * given up, or once the deadline has passed; a shard without a usable answer
 * is named in the reason, with why it failed when it said so.
 */
export function shardOutcome(
  shards: number,
  answers: readonly { shard: number; failure: string | null }[],
  overdue: boolean,
  timeoutMs: number,
): ShardOutcome {
  const failed = answers.filter((a) => a.failure !== null);
  const answered = new Set(answers.filter((a) => a.failure === null).map((a) => a.shard));
  const missing = Array.from({ length: shards }, (_, k) => k).filter((k) => !answered.has(k));
  const silent = missing.filter((k) => !failed.some((f) => f.shard === k));
  const wait = silent.length > 0 && !overdue;
  const parts = [
    ...failed.map((f) => `shard ${f.shard} failed: ${f.failure}`),
    ...(silent.length ? [`shard${silent.length > 1 ? 's' : ''} ${silent.join(', ')} did not answer within ${Math.round(timeoutMs / 1000)} s`] : []),
  ];
  const reason = missing.length
    ? `${parts.join('; ')}. The matches are those of the other shards; the clip is completed if the missing answers arrive.`
    : '';
  return { wait, missing, reason };
}
