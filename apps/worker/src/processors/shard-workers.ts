import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { JobPayload, queueConnection, shardQueue } from '@dramaguard/queue';
import { ShardMatchService } from '@dramaguard/matching';
import { Job, Worker } from 'bullmq';
import { jobRun, runHandler, WORKER_LOCKS } from './bullmq-job-run';

/**
 * The consumers of the shard queues this worker serves (WORKER_SHARDS). The
 * queue names depend on configuration, so these are BullMQ workers made at
 * boot rather than decorated processors; each job is one service call.
 */
@Injectable()
export class ShardWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ShardWorkers.name);
  private workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly shards: ShardMatchService,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency } = this.config.jobs;
    this.workers = this.config.shards.serves.map((shard) => {
      const worker = new Worker(
        shardQueue(shard),
        (job: Job) => runHandler(job, () => this.handle(job)),
        { ...queueConnection(this.config), concurrency, ...WORKER_LOCKS },
      );
      worker.on('error', (e) => this.log.warn(`queue ${worker.name}: ${e.message}`));
      return worker;
    });
    const serves = this.config.shards.serves;
    if (serves.length === 1) this.log.log(`answering for shard ${serves[0]} of ${this.config.shards.count}`);
    // Said at boot: a worker serving only some of these would take their jobs while this one records nothing in them (shardsAnsweredBy).
    if (serves.length > 1) this.log.log(`answering for shards ${serves.join(', ')} of ${this.config.shards.count} from one index, in shard ${serves[0]}'s jobs; every worker serving any of them must serve the same list`);
  }

  private handle(job: Job): Promise<void> {
    if (job.name === 'learn-shard') {
      const { registrationId, shard } = job.data as JobPayload<'learn-shard'>;
      return this.shards.learn(registrationId, shard, jobRun(job));
    }
    const payload = job.data as JobPayload<'match-shard'>;
    if (job.name === 'geometry-shard') return this.shards.tell(payload, jobRun(job));
    if (job.name === 'verify-shard') return this.shards.verify(payload, jobRun(job));
    return this.shards.answer(payload, jobRun(job));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
