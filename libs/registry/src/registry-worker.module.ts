import { Module } from '@nestjs/common';
import { MediaModule } from '@dramaguard/media';
import { DatabaseModule } from './database.module';
import { REPOSITORIES } from './repositories';
import { EpisodeIndex } from './services/episode-index.service';
import { FingerprintService } from './services/fingerprint.service';
import { MatchService } from './services/match.service';

/** What a worker needs: fingerprinting, the match index and matching. */
@Module({
  imports: [DatabaseModule, MediaModule],
  providers: [...REPOSITORIES, EpisodeIndex, FingerprintService, MatchService],
  exports: [EpisodeIndex, FingerprintService, MatchService],
})
export class RegistryWorkerModule {}
