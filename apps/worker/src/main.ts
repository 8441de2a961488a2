import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EpisodeIndex } from '@dramaguard/matching';
import { Logger as PinoLogger } from 'nestjs-pino';
import { configureWorker } from './worker-app';
import { WorkerModule } from './worker.module';

/**
 * A worker asked to stop closes its queues, letting running jobs finish; one
 * that is still up this long after the signal exits anyway: its jobs are
 * taken over by another worker after their lock expires, as after a crash.
 */
const SHUTDOWN_GRACE_MS = 30_000;

async function bootstrap(): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        Logger.warn(`still running ${SHUTDOWN_GRACE_MS / 1000} s after ${signal}; exiting`, 'Bootstrap');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
  const context = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  context.useLogger(context.get(PinoLogger));
  const app = configureWorker(context);
  await app.init();
  Logger.log(`worker ready, ${app.get(EpisodeIndex).episodeCount} episodes in the match index`, 'Bootstrap');
}

bootstrap().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
