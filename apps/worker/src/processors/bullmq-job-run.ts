import { traceJob } from '@dramaguard/observability';
import { isPermanent } from '@dramaguard/records';
import { JobRun } from '@dramaguard/queue';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Hashing and matching run in the match thread, so this event loop renews a
 * job's lock on time and the lock can stay short: a job whose worker was
 * killed is taken by another worker once its lock has expired and a stalled
 * check has run, within lockDuration + stalledInterval (45 s).
 */
export const WORKER_LOCKS = { lockDuration: 30_000, stalledInterval: 15_000 } as const;

/** A BullMQ job seen as a JobRun. */
export function jobRun(job: Job): JobRun {
  return {
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
    reportProgress: (percent) => job.updateProgress(percent),
  };
}

/**
 * Runs a job's handler traced (log lines, metrics, the request id for the jobs
 * it enqueues); a failure no retry can fix is handed to BullMQ as
 * unrecoverable, so it is not retried.
 */
export async function runHandler(job: Job, handler: () => Promise<void>): Promise<void> {
  const data = job.data as { requestId?: unknown; shard?: unknown };
  const trace = {
    id: job.id ?? '',
    name: job.name,
    queue: job.queueName,
    ...(typeof data.requestId === 'string' ? { requestId: data.requestId } : {}),
    ...(typeof data.shard === 'number' ? { shard: data.shard } : {}),
  };
  try {
    await traceJob(trace, handler);
  } catch (e) {
    if (isPermanent(e)) throw new UnrecoverableError((e as Error).message);
    throw e;
  }
}
