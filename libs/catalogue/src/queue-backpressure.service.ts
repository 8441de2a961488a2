import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { JobQueue } from '@dramaguard/queue';
import { DomainError } from '@dramaguard/records';

/** Seconds a refused uploader is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 60;

/**
 * An upload accepted behind a queue of hours is worse than one refused: the
 * client learns nothing and the disk fills. Past MAX_QUEUE_DEPTH waiting jobs
 * an upload is refused with 503 and Retry-After, before anything is stored.
 */
@Injectable()
export class QueueBackpressure {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
  ) {}

  async assertRoom(job: 'fingerprint-episode' | 'match-clip'): Promise<void> {
    const depth = await this.queue.depth(job, job === 'match-clip' ? { clipId: '' } : { registrationId: '' });
    if (depth < this.config.abuse.maxQueueDepth) return;
    const what = job === 'match-clip' ? 'clips' : 'episodes';
    throw new DomainError('queue_full', `the queue of ${what} to process is full (${depth} waiting); nothing was stored, please retry later`, {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
}
