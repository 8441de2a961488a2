import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { READINESS } from '@dramaguard/observability';
import { DisputeDeadlines, DisputeDeadlineService } from '@dramaguard/disputes';
import { MediaModule } from '@dramaguard/media';
import { QueueModule } from '@dramaguard/queue';
import { DatabaseModule, REPOSITORIES } from '@dramaguard/records';
import { CaseService, UseVerdicts } from '@dramaguard/rights';
import {
  AudioMatcher,
  ClipMergeService,
  EpisodeIndex,
  FingerprintService,
  IndexMatcher,
  MatchService,
  MatchThread,
  ReadinessService,
  Reconciler,
  ReferenceStore,
  RegistrationShardCheck,
  RetroMatchService,
  ShardMatchService,
  ShardWindows,
} from '@dramaguard/matching';
import { RetentionService } from '@dramaguard/catalogue';

const JOB_SERVICES = [FingerprintService, MatchService, ShardMatchService, ClipMergeService, RetroMatchService, DisputeDeadlineService];

/**
 * What a worker needs: fingerprinting with the conflict check, the match
 * index of the shards it serves and the full fingerprints behind it, decoding
 * clips and sending them to the shards, a shard's answers, merging them with
 * verdicts and cases, retro-matching, and re-enqueueing what PostgreSQL says
 * is unfinished when the queue has lost its job, releasing the cases of
 * disputes unanswered at their deadline, and deleting what the retention
 * rules no longer keep.
 */
@Module({
  imports: [DatabaseModule, MediaModule, QueueModule, TerminusModule.forRoot({ logger: false })],
  providers: [
    ...REPOSITORIES,
    // A worker that serves no shard verifies nothing: no verification thread to hold a heap for.
    { provide: MatchThread, useFactory: ({ shards }: AppConfig) => new MatchThread(shards.serves.length ? shards.verifyThreads : 1), inject: [APP_CONFIG] },
    EpisodeIndex,
    ReferenceStore,
    IndexMatcher,
    ShardWindows,
    AudioMatcher,
    RegistrationShardCheck,
    UseVerdicts,
    CaseService,
    Reconciler,
    DisputeDeadlines,
    RetentionService,
    ...JOB_SERVICES,
    ReadinessService,
    { provide: READINESS, useExisting: ReadinessService },
  ],
  exports: [EpisodeIndex, ...JOB_SERVICES, READINESS],
})
export class RegistryWorkerModule {}
