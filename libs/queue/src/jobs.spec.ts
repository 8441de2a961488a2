import { CLIPS_QUEUE, EPISODES_QUEUE, jobId, JOBS, QUEUE_NAMES, RETRO_QUEUE } from './jobs';

describe('job declarations', () => {
  it('derives a deterministic id from the subject of the job', () => {
    expect(jobId('fingerprint-episode', { registrationId: 'r1' })).toBe('fingerprint-episode.r1');
    expect(jobId('match-clip', { clipId: 'c9' })).toBe('match-clip.c9');
    expect(jobId('retro-match-episode', { registrationId: 'r1' })).toBe('retro-match-episode.r1');
  });

  it('uses ids and queue names BullMQ accepts', () => {
    expect(jobId('match-clip', { clipId: 'a-b' })).not.toContain(':');
    for (const q of QUEUE_NAMES) expect(q).not.toContain(':');
  });

  it('runs fingerprinting, matching and retro-matching on separate queues', () => {
    expect(new Set([EPISODES_QUEUE, CLIPS_QUEUE, RETRO_QUEUE]).size).toBe(3);
    expect([...QUEUE_NAMES].sort()).toEqual(Object.values(JOBS).map((j) => j.queue).sort());
  });
});
