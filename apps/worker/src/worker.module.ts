import { Module } from '@nestjs/common';
import { ConfigModule } from '@dramaguard/config';
import { LoggingModule, OpsServer } from '@dramaguard/observability';
import { QueueModule } from '@dramaguard/queue';
import { RegistryWorkerModule } from './registry-worker.module';
import { IndexGauges } from './index-gauges';
import { DisputeDeadlineProcessor } from './processors/dispute-deadline.processor';
import { FingerprintEpisodeProcessor } from './processors/fingerprint-episode.processor';
import { MatchClipProcessor } from './processors/match-clip.processor';
import { MergeClipProcessor } from './processors/merge-clip.processor';
import { RetroMatchEpisodeProcessor } from './processors/retro-match-episode.processor';
import { ShardWorkers } from './processors/shard-workers';

@Module({
  imports: [ConfigModule, LoggingModule.forService('worker'), QueueModule, RegistryWorkerModule],
  providers: [OpsServer, IndexGauges, FingerprintEpisodeProcessor, MatchClipProcessor, MergeClipProcessor, RetroMatchEpisodeProcessor, DisputeDeadlineProcessor, ShardWorkers],
})
export class WorkerModule {}
