/**
 * Every background job, declared once: its name, the queue it runs on and its
 * payload. Fingerprinting and matching have their own queues so a long
 * registration never delays a reviewer's clip; re-matching recent clips
 * against a newly registered episode has its own for the same reason.
 */
export const JOBS = {
  'fingerprint-episode': { queue: 'episodes' },
  'match-clip': { queue: 'clips' },
  'retro-match-episode': { queue: 'retro' },
} as const;

export type JobName = keyof typeof JOBS;

export interface JobPayloads {
  'fingerprint-episode': { readonly registrationId: string };
  'match-clip': { readonly clipId: string };
  /** Match the clips received in the last RETRO_MATCH_DAYS against this newly registered episode. */
  'retro-match-episode': { readonly registrationId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

export const EPISODES_QUEUE = JOBS['fingerprint-episode'].queue;
export const CLIPS_QUEUE = JOBS['match-clip'].queue;
export const RETRO_QUEUE = JOBS['retro-match-episode'].queue;
export const QUEUE_NAMES = [...new Set(Object.values(JOBS).map((j) => j.queue))];

/**
 * Deterministic job id: enqueueing the same work twice while a job exists is a
 * no-op. BullMQ reserves ':' in ids, hence the dot.
 */
export function jobId<N extends JobName>(name: N, payload: JobPayload<N>): string {
  const subject = 'registrationId' in payload ? payload.registrationId : payload.clipId;
  return `${name}.${subject}`;
}
