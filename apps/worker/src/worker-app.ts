import { INestApplicationContext, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { FingerprintEpisodeProcessor } from './processors/fingerprint-episode.processor';
import { MatchClipProcessor } from './processors/match-clip.processor';
import { MergeClipProcessor } from './processors/merge-clip.processor';
import { RetroMatchEpisodeProcessor } from './processors/retro-match-episode.processor';

/**
 * Concurrency comes from configuration, which decorators cannot read. BullMQ
 * reports lost Redis connections as 'error' events, which would kill the
 * process if nobody listened; it reconnects by itself. Shared by main and the e2e tests.
 */
export function configureWorker(app: INestApplicationContext): INestApplicationContext {
  const { concurrency } = app.get<AppConfig>(APP_CONFIG).jobs;
  const log = new Logger('Worker');
  for (const processor of [FingerprintEpisodeProcessor, MatchClipProcessor, MergeClipProcessor, RetroMatchEpisodeProcessor]) {
    const worker = app.get(processor).worker;
    worker.concurrency = concurrency;
    worker.on('error', (e) => log.warn(`queue ${worker.name}: ${e.message}`));
  }
  app.enableShutdownHooks();
  return app;
}
