import { isPermanent } from '@dramaguard/registry';
import { JobRun } from '@dramaguard/queue';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Hashing and matching run synchronously and can hold the event loop for tens
 * of seconds on long videos, which would miss BullMQ's default 30 s lock
 * renewal and hand a healthy job to another worker.
 */
export const JOB_LOCK_MS = 10 * 60_000;

/** A BullMQ job seen as a JobRun. */
export function jobRun(job: Job): JobRun {
  return {
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
    reportProgress: (percent) => job.updateProgress(percent),
  };
}

/** Runs a handler; a failure no retry can fix is handed to BullMQ as unrecoverable, so it is not retried. */
export async function runHandler(handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (e) {
    if (isPermanent(e)) throw new UnrecoverableError((e as Error).message);
    throw e;
  }
}
