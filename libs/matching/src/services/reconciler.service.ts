import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { JobQueue, Periodic } from '@dramaguard/queue';
import { ClipRepository, RegistrationRepository } from '@dramaguard/records';

/**
 * PostgreSQL says what work remains; Redis only carries the jobs. When a
 * worker starts, and every RECONCILE_INTERVAL_MS after, every unfinished
 * registration, clip and retro-match whose job the queue no longer holds
 * (Redis flushed, restarted without persistence, or a job lost with its
 * last second of writes) is enqueued again. Job ids are deterministic and the
 * handlers idempotent, so work that still has a job is left alone and
 * nothing runs twice to a different end.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(Reconciler.name);
  private readonly periodic = new Periodic(() => this.pass(), this.log, 'reconciling with PostgreSQL');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registrations: RegistrationRepository,
    private readonly clips: ClipRepository,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.periodic.start(this.config.reconcileIntervalMs);
  }

  onModuleDestroy(): void {
    this.periodic.stop();
  }

  /** Answers how many jobs it enqueued again; one pass at a time. */
  reconcile(): Promise<number> {
    return this.periodic.run();
  }

  private async pass(): Promise<number> {
    const { toFingerprint, toRetroMatch } = await this.registrations.unfinished();
    const clips = await this.clips.unfinished();
    let requeued = 0;
    for (const registrationId of toFingerprint) if (await this.queue.enqueueIfAbsent('fingerprint-episode', { registrationId })) requeued++;
    // A retro-match job that finished while another job's batch held its
    // episode leaves the episode to that batch; if that batch's claim ran out
    // unfinished, the finished job is replaced.
    for (const registrationId of toRetroMatch) if (await this.queue.ensure('retro-match-episode', { registrationId })) requeued++;
    for (const clipId of clips) if (await this.queue.enqueueIfAbsent('match-clip', { clipId })) requeued++;
    if (requeued) this.log.warn(`re-enqueued ${requeued} job(s) the queue had lost, from PostgreSQL's record of unfinished work`);
    return requeued;
  }
}
