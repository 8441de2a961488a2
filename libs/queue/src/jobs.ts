/**
 * Every background job, declared once: its name, the queue it runs on and its
 * payload. Fingerprinting and matching have their own queues so a long
 * registration never delays a reviewer's clip; re-matching recent clips
 * against a newly registered episode has its own for the same reason. A
 * clip is decoded on `clips`, matched on one queue per shard of the match
 * index (`shard-0`, `shard-1`, ...: only the workers holding that shard
 * consume it; with several shards each first tells the others which
 * geometries it found support for, then proposes its candidates, and
 * verifies those within the budget every shard's proposals leave), and the
 * shards' answers are merged on `merges`. A dispute's answer deadline waits
 * on `disputes` as a delayed job.
 */
export const JOBS = {
  'fingerprint-episode': { queue: 'episodes' },
  'match-clip': { queue: 'clips' },
  'geometry-shard': { queue: 'shard' },
  'match-shard': { queue: 'shard', priority: 2 },
  'verify-shard': { queue: 'shard', priority: 1 },
  'learn-shard': { queue: 'shard' },
  'merge-clip': { queue: 'merges' },
  'retro-match-episode': { queue: 'retro', gathers: true },
  'dispute-deadline': { queue: 'disputes' },
} as const;

export type JobName = keyof typeof JOBS;

/**
 * BullMQ takes jobs without a priority before prioritized ones, and lower
 * priorities before higher. A shard's match jobs come after the geometry
 * jobs queued behind them: a clip's geometry round trip then does not wait
 * through the shard's backlog twice (30 clips at once at 1,000 h,
 * docs/BENCHMARK.md section 19). Verification comes before the stage ones of
 * later clips, so that a clip in flight is finished first and its kept stage
 * one is still there.
 */
export function priorityOf(name: JobName): number | undefined {
  const job = JOBS[name];
  return 'priority' in job ? job.priority : undefined;
}

/**
 * A job that takes others of its kind into one batch (a retro-match takes
 * the episodes registered with it) waits RETRO_MATCH_DELAY_MS unless told
 * otherwise, so that the others are there to take.
 */
export function gathers(name: JobName): boolean {
  const job = JOBS[name];
  return 'gathers' in job && job.gathers;
}

export interface JobPayloads {
  'fingerprint-episode': { readonly registrationId: string };
  'match-clip': { readonly clipId: string };
  /**
   * The geometries the clip's sparse round finds support for in one shard,
   * for every shard to try (searchCandidates). The shard that completes the
   * set promotes the clip's delayed `match-shard` jobs; without it they start
   * when their delay is over.
   */
  'geometry-shard': { readonly clipId: string; readonly shard: number; readonly round: number };
  /**
   * Match the decoded clip against one shard's registrations. `round` is when
   * the clip was sent out (ms since the epoch): the same for a retried send,
   * new if the clip is ever decoded and sent again. With several shards this
   * is stage one only: the shard proposes its candidates, and the one that
   * completes the set promotes the clip's delayed `verify-shard` jobs.
   */
  'match-shard': { readonly clipId: string; readonly shard: number; readonly round: number };
  /** With several shards: verify this shard's candidates within the budget every shard's proposals leave (withinBudget), then answer. */
  'verify-shard': { readonly clipId: string; readonly shard: number; readonly round: number };
  /**
   * Match a new episode's frames against one shard, ignoring share weights:
   * what it shares, whom it copies. `check` is new for every conflict check, so
   * a fingerprint job run again (retried, or taken over from a dead worker)
   * asks again rather than finding its earlier jobs' ids taken.
   */
  'learn-shard': { readonly registrationId: string; readonly shard: number; readonly check: string };
  /** Merge the shards' answers: once all have answered, or (`deadline`) when the wait is over. */
  'merge-clip': { readonly clipId: string; readonly trigger: 'answers' | 'deadline'; readonly round: number };
  /** Match the clips received in the last RETRO_MATCH_DAYS against this newly registered episode. */
  'retro-match-episode': { readonly registrationId: string };
  /** Delayed until the dispute's answer deadline: release the case unless the rights holder answered. */
  'dispute-deadline': { readonly disputeId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/**
 * What a queued job holds: its payload, and the id of the request that led to
 * it (carried from job to job), which its log lines repeat. The request id is
 * not part of the job id: the same work asked for twice is still one job.
 */
export type JobData<N extends JobName> = JobPayload<N> & { readonly requestId?: string };

export const EPISODES_QUEUE = JOBS['fingerprint-episode'].queue;
export const CLIPS_QUEUE = JOBS['match-clip'].queue;
export const MERGES_QUEUE = JOBS['merge-clip'].queue;
export const RETRO_QUEUE = JOBS['retro-match-episode'].queue;
export const DISPUTES_QUEUE = JOBS['dispute-deadline'].queue;
/** The queues every process knows by name; the shard queues depend on the configured shard count. */
export const QUEUE_NAMES = [...new Set(Object.values(JOBS).map((j) => j.queue))].filter((q) => q !== JOBS['match-shard'].queue);

export function shardQueue(shard: number): string {
  return `${JOBS['match-shard'].queue}-${shard}`;
}

/** Every queue of a deployment with `shards` shards. */
export function allQueues(shards: number): string[] {
  return [...QUEUE_NAMES, ...Array.from({ length: shards }, (_, k) => shardQueue(k))];
}

export function queueOf<N extends JobName>(name: N, payload: JobPayload<N>): string {
  return JOBS[name].queue === JOBS['match-shard'].queue ? shardQueue((payload as JobPayload<'match-shard'>).shard) : JOBS[name].queue;
}

/**
 * Deterministic job id from the payload's values in key order: enqueueing the
 * same work twice while a job exists is a no-op. BullMQ reserves ':' in ids,
 * hence the dots.
 */
export function jobId<N extends JobName>(name: N, payload: JobPayload<N>): string {
  const values = Object.keys(payload)
    .sort()
    .map((k) => String((payload as unknown as Record<string, unknown>)[k]));
  return [name, ...values].join('.');
}
