import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { JobQueue } from './job-queue.service';
import { QUEUE_NAMES } from './jobs';

/**
 * Redis connection and queues, shared by the api (producer) and the worker
 * (consumer). The producer fails fast when Redis is down instead of queueing
 * commands in memory, so an upload is refused rather than silently lost.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { ...config.redis, enableOfflineQueue: false },
        prefix: config.queuePrefix,
      }),
    }),
    ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobQueue],
  exports: [JobQueue, BullModule],
})
export class QueueModule {}
