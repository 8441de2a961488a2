import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { DisputeRepository } from '@dramaguard/records';
import { DisputeDeadlineService } from './dispute-deadline.service';

/**
 * PostgreSQL holds the deadlines; Redis only the delayed jobs that act on
 * them. At worker start and every RECONCILE_INTERVAL_MS, every dispute still
 * awaiting an answer whose deadline job the queue no longer holds, or holds
 * failed, gets it again (due now if its deadline has passed), so a deadline
 * holds through a restarted or flushed Redis and through a job that failed
 * while PostgreSQL was away.
 */
@Injectable()
export class DisputeDeadlines implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(DisputeDeadlines.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly disputes: DisputeRepository,
    private readonly deadlines: DisputeDeadlineService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => {
      this.reconcile().catch((e: Error) => this.log.warn(`reconciling dispute deadlines failed, will retry: ${e.message}`));
    }, this.config.reconcileIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Answers how many deadline jobs it enqueued again; one pass at a time. */
  reconcile(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    let requeued = 0;
    for (const d of await this.disputes.awaitingAnswer()) if (await this.deadlines.schedule(d)) requeued++;
    if (requeued) this.log.warn(`re-enqueued ${requeued} dispute deadline job(s) the queue had lost or failed, from PostgreSQL`);
    return requeued;
  }
}
