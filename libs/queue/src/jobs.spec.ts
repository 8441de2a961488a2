import { allQueues, CLIPS_QUEUE, DISPUTES_QUEUE, EPISODES_QUEUE, gathers, jobId, JOBS, MERGES_QUEUE, priorityOf, QUEUE_NAMES, queueOf, RETRO_QUEUE, shardQueue } from './jobs';

describe('job declarations', () => {
  it('derives a deterministic id from the subject of the job', () => {
    expect(jobId('fingerprint-episode', { registrationId: 'r1' })).toBe('fingerprint-episode.r1');
    expect(jobId('match-clip', { clipId: 'c9' })).toBe('match-clip.c9');
    expect(jobId('retro-match-episode', { registrationId: 'r1' })).toBe('retro-match-episode.r1');
    expect(jobId('dispute-deadline', { disputeId: 'd1' })).toBe('dispute-deadline.d1');
    expect(jobId('match-shard', { shard: 2, round: 7, clipId: 'c9' })).toBe(jobId('match-shard', { clipId: 'c9', shard: 2, round: 7 }));
    expect(jobId('match-shard', { clipId: 'c9', shard: 2, round: 7 })).toBe('match-shard.c9.7.2');
    expect(jobId('merge-clip', { clipId: 'c9', trigger: 'deadline', round: 7 })).not.toBe(jobId('merge-clip', { clipId: 'c9', trigger: 'answers', round: 7 }));
  });

  it('uses ids and queue names BullMQ accepts', () => {
    expect(jobId('match-clip', { clipId: 'a-b' })).not.toContain(':');
    for (const q of allQueues(3)) expect(q).not.toContain(':');
  });

  it('runs fingerprinting, decoding, merging, retro-matching and dispute deadlines on separate queues, and each shard on its own', () => {
    expect(new Set([EPISODES_QUEUE, CLIPS_QUEUE, MERGES_QUEUE, RETRO_QUEUE, DISPUTES_QUEUE]).size).toBe(5);
    expect([...QUEUE_NAMES].sort()).toEqual([EPISODES_QUEUE, CLIPS_QUEUE, MERGES_QUEUE, RETRO_QUEUE, DISPUTES_QUEUE].sort());
    expect(queueOf('match-shard', { clipId: 'c', shard: 3, round: 1 })).toBe('shard-3');
    expect(queueOf('learn-shard', { registrationId: 'r', shard: 1, check: 'k1' })).toBe('shard-1');
    expect(jobId('learn-shard', { registrationId: 'r', shard: 1, check: 'k1' })).not.toBe(jobId('learn-shard', { registrationId: 'r', shard: 1, check: 'k2' }));
    expect(queueOf('merge-clip', { clipId: 'c', trigger: 'answers', round: 1 })).toBe(JOBS['merge-clip'].queue);
    expect(allQueues(2)).toEqual([...QUEUE_NAMES, shardQueue(0), shardQueue(1)]);
  });

  it("takes a shard's geometry and conflict-check jobs before its matches, and its verifications before its stage ones (BullMQ takes jobs without a priority first, then the lower)", () => {
    expect(queueOf('geometry-shard', { clipId: 'c', shard: 2, round: 1 })).toBe('shard-2');
    expect(queueOf('verify-shard', { clipId: 'c', shard: 2, round: 1 })).toBe('shard-2');
    expect(priorityOf('geometry-shard')).toBeUndefined();
    expect(priorityOf('learn-shard')).toBeUndefined();
    expect(priorityOf('verify-shard')).toBeLessThan(priorityOf('match-shard')!);
  });

  it('makes only the retro-match wait for others of its kind', () => {
    expect((Object.keys(JOBS) as (keyof typeof JOBS)[]).filter(gathers)).toEqual(['retro-match-episode']);
  });
});
