import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { READINESS } from '@dramaguard/observability';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule } from './database.module';
import { ReadinessService } from './health/readiness.service';
import { REPOSITORIES } from './repositories';
import { CaseService } from './services/case.service';
import { ClipMergeService } from './services/clip-merge.service';
import { EpisodeIndex } from './services/episode-index.service';
import { MatchThread } from './matching/match-thread.service';
import { FingerprintService } from './services/fingerprint.service';
import { IndexMatcher } from './services/index-matcher.service';
import { MatchService } from './services/match.service';
import { Reconciler } from './services/reconciler.service';
import { ReferenceStore } from './services/reference-store.service';
import { RegistrationShardCheck } from './services/registration-shard-check.service';
import { RetentionService } from './services/retention.service';
import { RetroMatchService } from './services/retro-match.service';
import { ShardMatchService } from './services/shard-match.service';
import { UseVerdicts } from './services/use-verdicts.service';

const JOB_SERVICES = [FingerprintService, MatchService, ShardMatchService, ClipMergeService, RetroMatchService];

/**
 * What a worker needs: fingerprinting with the conflict check, the match
 * index of the shards it serves and the full fingerprints behind it, decoding
 * clips and sending them to the shards, a shard's answers, merging them with
 * verdicts and cases, retro-matching, and re-enqueueing what PostgreSQL says
 * is unfinished when the queue has lost its job, and deleting what the
 * retention rules no longer keep.
 */
@Module({
  imports: [DatabaseModule, MediaModule, QueueModule, TerminusModule.forRoot({ logger: false })],
  providers: [...REPOSITORIES, MatchThread, EpisodeIndex, ReferenceStore, IndexMatcher, RegistrationShardCheck, UseVerdicts, CaseService, Reconciler, RetentionService, ...JOB_SERVICES, ReadinessService, { provide: READINESS, useExisting: ReadinessService }],
  exports: [EpisodeIndex, ...JOB_SERVICES, READINESS],
})
export class RegistryWorkerModule {}
