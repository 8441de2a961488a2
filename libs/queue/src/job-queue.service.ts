import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { Queue } from 'bullmq';
import { CLIPS_QUEUE, EPISODES_QUEUE, jobId, JobName, JobPayload, JOBS, RETRO_QUEUE } from './jobs';

/** Typed producer: the payload must be the one declared for the job name. */
@Injectable()
export class JobQueue {
  private readonly queues: Record<string, Queue>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(EPISODES_QUEUE) episodes: Queue,
    @InjectQueue(CLIPS_QUEUE) clips: Queue,
    @InjectQueue(RETRO_QUEUE) retro: Queue,
  ) {
    this.queues = { [EPISODES_QUEUE]: episodes, [CLIPS_QUEUE]: clips, [RETRO_QUEUE]: retro };
    // A lost Redis connection is an 'error' event; unheard, it would end the process.
    const log = new Logger(JobQueue.name);
    for (const q of Object.values(this.queues)) q.on('error', (e) => log.warn(`queue ${q.name}: ${e.message}`));
  }

  /** Failed attempts are retried with exponential backoff; finished jobs are trimmed so Redis does not grow. */
  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<void> {
    const { attempts, backoffMs } = this.config.jobs;
    await this.queues[JOBS[name].queue].add(name, payload, {
      jobId: jobId(name, payload),
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    });
  }
}
