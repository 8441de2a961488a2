import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EpisodeIndex } from '@dramaguard/registry';
import { configureWorker } from './worker-app';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = configureWorker(await NestFactory.createApplicationContext(WorkerModule));
  await app.init();
  Logger.log(`worker ready, ${app.get(EpisodeIndex).episodeCount} episodes in the match index`, 'Bootstrap');
}

bootstrap().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
