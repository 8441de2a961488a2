import { isLastAttempt, JobRun } from '@dramaguard/queue';
import { DomainError, isPermanent } from '@dramaguard/records';

/** What a person reads in `failureReason`: our own messages as they are, anything else labelled as ours. */
export function failureReason(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error, please retry or contact support (${message.slice(0, 300)})`;
}

/**
 * Records a failed attempt: the subject is marked failed when no retry can
 * help, otherwise put back in the queue for the next attempt. The caller then
 * rethrows so the queue sees the failure.
 */
export async function recordFailure(
  error: unknown,
  run: JobRun,
  subject: { markFailed(reason: string): Promise<void>; markQueued(): Promise<void> },
): Promise<void> {
  if (isPermanent(error) || isLastAttempt(run)) await subject.markFailed(failureReason(error));
  else await subject.markQueued();
}
