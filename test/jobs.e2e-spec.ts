import { getQueueToken } from '@nestjs/bullmq';
import { EPISODES_QUEUE, JobQueue, jobId, JobRun, MERGES_QUEUE } from '@dramaguard/queue';
import { EpisodeIndex, FingerprintService } from '@dramaguard/matching';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createWork, settledRegistration, uploadEpisode } from './support/api-calls';
import { fixtures } from './support/fixtures';
import { TestStack } from './support/test-stack';
import { waitFor } from './support/wait-for';

const run: JobRun = { attempt: 1, maxAttempts: 1, reportProgress: async () => undefined };

describe('fingerprint jobs: idempotent, retried with backoff, seen by every worker', () => {
  let stack: TestStack;
  let workId: string;

  beforeAll(async () => {
    stack = await TestStack.start({}, {});
    workId = (await createWork(stack)).id;
  });

  afterAll(() => stack?.stop());

  async function seqOf(registrationId: string): Promise<string> {
    const rows = await stack.api.get(DataSource).query('SELECT seq::text AS seq FROM fingerprints WHERE registration_id = $1', [registrationId]);
    return rows[0]?.seq;
  }

  it('queues one job per registration however often it is enqueued', async () => {
    const upload = await uploadEpisode(stack, workId, await fixtures.episode1(), 1);
    expect(upload.code).toBe(201);
    await stack.api.get(JobQueue).enqueue('fingerprint-episode', { registrationId: upload.body.id });
    const jobs = await stack.api.get<Queue>(getQueueToken(EPISODES_QUEUE)).getJobs(['waiting', 'active', 'delayed', 'completed']);
    expect(jobs.map((j) => j.id)).toEqual([`fingerprint-episode.${upload.body.id}`]);
  });

  it('removes a delayed job that has nothing left to do, and answers whether it did', async () => {
    const queue = stack.api.get(JobQueue);
    const payload = { clipId: randomUUID(), trigger: 'deadline' as const, round: 1 };
    await queue.enqueue('merge-clip', payload, { delayMs: 600_000 });
    const merges = queue.all().find((q) => q.name === MERGES_QUEUE)!;
    expect(await (await merges.getJob(jobId('merge-clip', payload)))?.isDelayed()).toBe(true);

    expect(await queue.cancelDelayed('merge-clip', payload)).toBe(true);
    expect(await merges.getJob(jobId('merge-clip', payload))).toBeUndefined();
    expect(await queue.cancelDelayed('merge-clip', payload)).toBe(false);
  });

  it('registers with several workers running, and every worker can match the episode', async () => {
    const [a, b] = [await stack.addWorker(), await stack.addWorker()];
    const registrations = (await stack.http().get(`/works/${workId}`)).body.episodes.map((e: any) => e.registration.id);
    const settled = await settledRegistration(stack, registrations[0]);
    expect(settled.status).toBe('registered');
    for (const w of [a, b]) expect(await w.get(EpisodeIndex).has(settled.id)).toBe(true);
  });

  it('leaves one fingerprint row when the job runs again', async () => {
    const [registrationId] = (await stack.http().get(`/works/${workId}`)).body.episodes.map((e: any) => e.registration.id);
    const worker = stack.worker(0);
    const before = await seqOf(registrationId);
    await worker.get(FingerprintService).fingerprint(registrationId, run);
    expect(await seqOf(registrationId)).toBe(before);

    await stack.api.get(DataSource).query(`UPDATE registrations SET status = 'queued' WHERE id = $1`, [registrationId]);
    await worker.get(FingerprintService).fingerprint(registrationId, run);
    const rows = await stack.api.get(DataSource).query('SELECT count(*)::int AS n FROM fingerprints WHERE registration_id = $1', [registrationId]);
    expect(rows).toEqual([{ n: 1 }]);
    const after = await seqOf(registrationId);
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));
    expect((await settledRegistration(stack, registrationId)).status).toBe('registered');
    await waitFor(() => stack.worker(1).get(EpisodeIndex).has(registrationId), (found) => found);
  });

  /** An ffmpeg that is killed (as by the OOM killer) on its first `failures` runs, then works. */
  function flakyFfmpeg(failures: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'dg-flaky-'));
    const script = join(dir, 'ffmpeg');
    const count = join(dir, 'runs');
    writeFileSync(
      script,
      `#!/bin/sh\nn=$(cat ${count} 2>/dev/null || echo 0)\necho $((n + 1)) > ${count}\n[ "$n" -lt ${failures} ] && kill -9 $$\nexec ffmpeg "$@"\n`,
    );
    chmodSync(script, 0o755);
    return script;
  }

  /** The job once BullMQ has recorded its end: the registration settles inside the job, a moment before. */
  function finishedJob(registrationId: string) {
    const queue = stack.api.get<Queue>(getQueueToken(EPISODES_QUEUE));
    return waitFor(
      () => queue.getJob(`fingerprint-episode.${registrationId}`),
      (job) => Boolean(job?.finishedOn),
    );
  }

  async function useOnlyWorkerWith(ffmpegPath: string): Promise<void> {
    await stack.closeWorkers();
    await stack.addWorker({ ffmpeg: { ...stack.config.ffmpeg, ffmpegPath } });
  }

  it('retries a failure that another attempt can fix', async () => {
    await useOnlyWorkerWith(flakyFfmpeg(1));
    const upload = await uploadEpisode(stack, workId, await fixtures.episode2(), 2);
    const settled = await settledRegistration(stack, upload.body.id);
    expect(settled).toMatchObject({ status: 'registered', failureReason: null });
    const job = await finishedJob(upload.body.id);
    expect(job?.attemptsMade).toBe(2);
  });

  it('gives up after the configured attempts and records why', async () => {
    await useOnlyWorkerWith(flakyFfmpeg(99));
    const upload = await uploadEpisode(stack, workId, await fixtures.episode3(), 3);
    const settled = await settledRegistration(stack, upload.body.id);
    expect(settled).toMatchObject({ status: 'failed', failureReason: 'ffmpeg was interrupted (SIGKILL) while decoding' });
    const job = await finishedJob(upload.body.id);
    expect(job?.attemptsMade).toBe(stack.config.jobs.attempts);
    expect(stack.config.jobs.attempts).toBeGreaterThan(1);
  });

  it('does not retry a failure caused by the file itself', async () => {
    await useOnlyWorkerWith(stack.config.ffmpeg.ffmpegPath);
    const upload = await uploadEpisode(stack, workId, await fixtures.truncatedTail(), 4);
    const settled = await settledRegistration(stack, upload.body.id);
    expect(settled.status).toBe('failed');
    const job = await finishedJob(upload.body.id);
    expect(job?.attemptsMade).toBe(1);
  });
});
