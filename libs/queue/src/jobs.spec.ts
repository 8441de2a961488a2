import { CLIPS_QUEUE, EPISODES_QUEUE, jobId, JOBS, QUEUE_NAMES } from './jobs';

describe('job declarations', () => {
  it('derives a deterministic id from the subject of the job', () => {
    expect(jobId('fingerprint-episode', { registrationId: 'r1' })).toBe('fingerprint-episode.r1');
    expect(jobId('match-clip', { clipId: 'c9' })).toBe('match-clip.c9');
  });

  it('uses ids and queue names BullMQ accepts', () => {
    expect(jobId('match-clip', { clipId: 'a-b' })).not.toContain(':');
    for (const q of QUEUE_NAMES) expect(q).not.toContain(':');
  });

  it('runs fingerprinting and matching on separate queues', () => {
    expect(EPISODES_QUEUE).not.toBe(CLIPS_QUEUE);
    expect(QUEUE_NAMES.sort()).toEqual([JOBS['match-clip'].queue, JOBS['fingerprint-episode'].queue].sort());
  });
});
