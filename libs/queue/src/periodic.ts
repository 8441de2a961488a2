import { Logger } from '@nestjs/common';

/**
 * Background work that is not a job: a pass over what PostgreSQL records,
 * repeated on a timer in every process that runs it (reconciling, deadlines,
 * retention, checkpoints). One pass runs at a time: a caller asking while
 * one runs gets that one. A failed pass is logged and the next tick tries
 * again; the timer does not keep the process alive.
 */
export class Periodic<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly pass: () => Promise<T>,
    private readonly log: Logger,
    /** What a failure warning says failed, e.g. "reconciling with PostgreSQL". */
    private readonly what: string,
  ) {}

  run(): Promise<T> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /** A pass every `intervalMs` from now on. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.run().catch((e: Error) => this.log.warn(`${this.what} failed, will retry: ${e.message}`));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
