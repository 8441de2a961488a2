/** What a job handler knows about the run it is in, without depending on BullMQ. */
export interface JobRun {
  /** 1 for the first try. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Percent done, 0-100, shown to whoever watches the queue. */
  reportProgress(percent: number): Promise<void>;
}

export function isLastAttempt(run: JobRun): boolean {
  return run.attempt >= run.maxAttempts;
}
