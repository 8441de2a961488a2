import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { JobQueue } from './job-queue.service';
import { QUEUE_NAMES } from './jobs';
import { queueConnection } from './queue-connection';

/** Redis connection and queues, shared by the api (producer) and the worker (consumer). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => queueConnection(config),
    }),
    ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobQueue],
  exports: [JobQueue, BullModule],
})
export class QueueModule {}
