import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { Periodic } from '@dramaguard/queue';
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
  private readonly periodic = new Periodic(() => this.pass(), this.log, 'reconciling dispute deadlines');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly disputes: DisputeRepository,
    private readonly deadlines: DisputeDeadlineService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.periodic.start(this.config.reconcileIntervalMs);
  }

  onModuleDestroy(): void {
    this.periodic.stop();
  }

  /** Answers how many deadline jobs it enqueued again; one pass at a time. */
  reconcile(): Promise<number> {
    return this.periodic.run();
  }

  private async pass(): Promise<number> {
    let requeued = 0;
    for (const d of await this.disputes.awaitingAnswer()) if (await this.deadlines.schedule(d)) requeued++;
    if (requeued) this.log.warn(`re-enqueued ${requeued} dispute deadline job(s) the queue had lost or failed, from PostgreSQL`);
    return requeued;
  }
}
