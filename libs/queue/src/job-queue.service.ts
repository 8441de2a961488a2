import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { currentRequestId, QueueCounts } from '@dramaguard/observability';
import { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CLIPS_QUEUE, DISPUTES_QUEUE, EPISODES_QUEUE, gathers, JobData, jobId, JobName, JobPayload, MERGES_QUEUE, priorityOf, queueOf, RETRO_QUEUE, shardQueue } from './jobs';
import { queueConnection } from './queue-connection';

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  readonly delayMs?: number;
}

/** Typed producer: the payload must be the one declared for the job name. */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly queues: Record<string, Queue>;
  private readonly shardQueues: Queue[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(EPISODES_QUEUE) episodes: Queue,
    @InjectQueue(CLIPS_QUEUE) clips: Queue,
    @InjectQueue(MERGES_QUEUE) merges: Queue,
    @InjectQueue(RETRO_QUEUE) retro: Queue,
    @InjectQueue(DISPUTES_QUEUE) disputes: Queue,
  ) {
    // The shard count is configuration, so these queues cannot be registered by decorator like the others.
    this.shardQueues = Array.from({ length: config.shards.count }, (_, k) => new Queue(shardQueue(k), queueConnection(config)));
    this.queues = { [EPISODES_QUEUE]: episodes, [CLIPS_QUEUE]: clips, [MERGES_QUEUE]: merges, [RETRO_QUEUE]: retro, [DISPUTES_QUEUE]: disputes };
    for (const q of this.shardQueues) this.queues[q.name] = q;
    // A lost Redis connection is an 'error' event; unheard, it would end the process.
    const log = new Logger(JobQueue.name);
    for (const q of Object.values(this.queues)) q.on('error', (e) => log.warn(`queue ${q.name}: ${e.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.shardQueues.map((q) => q.close()));
  }

  /** Failed attempts are retried with exponential backoff; finished jobs are trimmed so Redis does not grow. */
  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<void> {
    const { attempts, backoffMs } = this.config.jobs;
    const requestId = currentRequestId();
    const data: JobData<N> = requestId ? { ...payload, requestId } : payload;
    const delay = options.delayMs ?? (gathers(name) ? this.config.retroMatchDelayMs : 0);
    await this.queueFor(name, payload).add(name, data, {
      jobId: jobId(name, payload),
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
      ...(delay ? { delay } : {}),
      ...(priorityOf(name) ? { priority: priorityOf(name) } : {}),
    });
  }

  /** Enqueues the job unless the queue holds one with its id, in any state; answers whether it did. */
  async enqueueIfAbsent<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<boolean> {
    if (await this.queueFor(name, payload).getJob(jobId(name, payload))) return false;
    await this.enqueue(name, payload, options);
    return true;
  }

  /**
   * For work that must happen in the end, such as a deadline: enqueues the job
   * unless the queue holds one with its id waiting, delayed or running; one
   * that has finished (failed for good, say while PostgreSQL was down) is
   * replaced. Answers whether it enqueued.
   */
  async ensure<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<boolean> {
    const job = await this.queueFor(name, payload).getJob(jobId(name, payload));
    if (job && !(await job.isFailed()) && !(await job.isCompleted())) return false;
    await job?.remove();
    await this.enqueue(name, payload, options);
    return true;
  }

  /**
   * Removes a delayed job that has nothing left to do. Answers whether it did:
   * false when the queue holds no such job or it is no longer delayed.
   */
  cancelDelayed<N extends JobName>(name: N, payload: JobPayload<N>): Promise<boolean> {
    return this.whileDelayed(name, payload, (job) => job.remove());
  }

  /**
   * Starts a delayed job now. Answers whether it did: false when the queue
   * holds no such job or it is no longer delayed (its delay ran out first).
   */
  promote<N extends JobName>(name: N, payload: JobPayload<N>): Promise<boolean> {
    return this.whileDelayed(name, payload, (job) => job.promote());
  }

  /** Acts on the job while it is delayed; false when there is none, or its delay ran out and a worker took it first. */
  private async whileDelayed<N extends JobName>(name: N, payload: JobPayload<N>, act: (job: Job) => Promise<void>): Promise<boolean> {
    const job = await this.queueFor(name, payload).getJob(jobId(name, payload));
    if (!job || !(await job.isDelayed())) return false;
    try {
      await act(job);
      return true;
    } catch (e) {
      if (await job.isDelayed()) throw e;
      return false;
    }
  }

  /** Jobs of this name's queue not yet started: waiting, delayed or paused. */
  async depth<N extends JobName>(name: N, payload: JobPayload<N>): Promise<number> {
    const counts = await this.queueFor(name, payload).getJobCounts('wait', 'delayed', 'paused', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Every queue of the deployment, for the admins' dashboard. */
  all(): Queue[] {
    return Object.values(this.queues);
  }

  /** Jobs of every queue by state, for the metrics. */
  async counts(): Promise<Record<string, QueueCounts>> {
    const entries = await Promise.all(
      Object.values(this.queues).map(async (q) => {
        // A prioritized job (a shard's match, JOBS) waits as any other does.
        const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
        return [q.name, { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** Throws unless Redis answers now (producers do not queue commands while it is away). */
  async ping(): Promise<void> {
    // The connection options are ioredis's (queueConnection), so the client is an ioredis client.
    const client = (await this.queues[EPISODES_QUEUE].client) as unknown as Redis;
    await client.ping();
  }

  private queueFor<N extends JobName>(name: N, payload: JobPayload<N>): Queue {
    const queue = this.queues[queueOf(name, payload)];
    if (!queue) throw new Error(`no queue ${queueOf(name, payload)}: SHARDS is ${this.config.shards.count}`);
    return queue;
  }
}
