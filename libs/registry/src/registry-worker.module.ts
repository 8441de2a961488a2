import { Module } from '@nestjs/common';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule } from './database.module';
import { REPOSITORIES } from './repositories';
import { CaseService } from './services/case.service';
import { EpisodeIndex } from './services/episode-index.service';
import { MatchThread } from './matching/match-thread.service';
import { FingerprintService } from './services/fingerprint.service';
import { IndexMatcher } from './services/index-matcher.service';
import { MatchService } from './services/match.service';
import { ReferenceStore } from './services/reference-store.service';
import { RetroMatchService } from './services/retro-match.service';
import { UseVerdicts } from './services/use-verdicts.service';

/** What a worker needs: fingerprinting with the conflict check, the match index and the full fingerprints behind it, matching with verdicts and cases, retro-matching. */
@Module({
  imports: [DatabaseModule, MediaModule, QueueModule],
  providers: [...REPOSITORIES, MatchThread, EpisodeIndex, ReferenceStore, IndexMatcher, UseVerdicts, CaseService, FingerprintService, MatchService, RetroMatchService],
  exports: [EpisodeIndex, FingerprintService, MatchService, RetroMatchService],
})
export class RegistryWorkerModule {}
