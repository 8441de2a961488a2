import { currentRequestId } from '@dramaguard/observability';
import { DomainError } from '@dramaguard/records';
import { Job, UnrecoverableError } from 'bullmq';
import { jobRun, runHandler } from './bullmq-job-run';

describe('jobRun', () => {
  it('numbers attempts from 1 and reports progress to the job', async () => {
    const updateProgress = jest.fn().mockResolvedValue(undefined);
    const run = jobRun({ attemptsMade: 2, opts: { attempts: 5 }, updateProgress } as unknown as Job);
    expect(run).toMatchObject({ attempt: 3, maxAttempts: 5 });
    await run.reportProgress(40);
    expect(updateProgress).toHaveBeenCalledWith(40);
  });
});

describe('runHandler', () => {
  const job = { id: 'fingerprint-episode.r1', name: 'fingerprint-episode', queueName: 'episodes', data: { registrationId: 'r1', requestId: 'req-7' } } as unknown as Job;

  it('runs the handler with the request id of the job, for the jobs it enqueues and its log lines', async () => {
    let seen: string | undefined;
    await runHandler(job, async () => {
      seen = currentRequestId();
    });
    expect(seen).toBe('req-7');
    expect(currentRequestId()).toBeUndefined();
  });

  it('hands failures caused by the input to BullMQ as unrecoverable', async () => {
    const failing = runHandler(job, () => Promise.reject(new DomainError('undecodable_video', 'the file is truncated')));
    await expect(failing).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(failing).rejects.toThrow('the file is truncated');
  });

  it('passes other failures on, to be retried', async () => {
    const error = new Error('connection reset');
    await expect(runHandler(job, () => Promise.reject(error))).rejects.toBe(error);
    await expect(runHandler(job, () => Promise.reject(new DomainError('decode_interrupted', 'x')))).rejects.not.toBeInstanceOf(UnrecoverableError);
  });
});
