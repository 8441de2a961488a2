import { Injectable, Logger } from '@nestjs/common';
import { LEARNING_OPTIONS } from '@dramaguard/matcher';
import { FrameStore } from '@dramaguard/media';
import { isLastAttempt, JobQueue, JobRun } from '@dramaguard/queue';
import { DomainError, isPermanent } from '../domain-error';
import { ClipRepository, ShardAnswer, ShardAnswerRepository } from '../repositories';
import { MatchSession, MatchThread } from '../matching/match-thread.service';
import { IndexMatcher } from './index-matcher.service';
import { failureReason } from './job-failure';
import { DECODE_SHARE } from './match.service';

/**
 * One shard's answer for a clip or a new registration: the decoded frames are
 * read from the frame file and matched against this worker's index, which
 * holds that shard. The answer goes to PostgreSQL. For a clip, the shard that
 * completes the set queues the merge; a new registration's fingerprinting job
 * waits for its answers (RegistrationShardCheck). A shard that cannot answer
 * (its last attempt failed) records why, so nobody waits for its deadline.
 */
@Injectable()
export class ShardMatchService {
  private readonly log = new Logger(ShardMatchService.name);

  constructor(
    private readonly clips: ClipRepository,
    private readonly answers: ShardAnswerRepository,
    private readonly frameStore: FrameStore,
    private readonly thread: MatchThread,
    private readonly matcher: IndexMatcher,
    private readonly queue: JobQueue,
  ) {}

  async answer(clipId: string, shard: number, run: JobRun): Promise<void> {
    const clip = await this.clips.findById(clipId);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${clipId}`);
    if (clip.status === 'done' || clip.shardCount === null || clip.fannedOutAt === null) return;
    const round = clip.fannedOutAt.getTime();
    const session = await this.thread.open(false);
    try {
      const started = Date.now();
      await this.load(clipId, session);
      const loaded = Date.now();
      const { matches, seq } = await this.matcher.match(session);
      await this.settle(clipId, shard, clip.shardCount, round, { indexSeq: seq, matches });
      this.log.log(`clip ${clipId}, shard ${shard}: frames read in ${loaded - started} ms, matched in ${Date.now() - loaded} ms, ${matches.length} episode(s) found`);
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.settle(clipId, shard, clip.shardCount, round, { failure: failureReason(e) });
      throw e;
    } finally {
      await session.close();
    }
  }

  /** Matches a new episode against this shard as LEARNING_OPTIONS says: what it shares with registered episodes, whom it copies. */
  async learn(registrationId: string, shard: number, run: JobRun): Promise<void> {
    const session = await this.thread.open(false);
    try {
      await this.load(registrationId, session);
      const { matches, seq } = await this.matcher.match(session, LEARNING_OPTIONS);
      await this.answers.record('registration', registrationId, shard, { indexSeq: seq, matches });
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.answers.record('registration', registrationId, shard, { failure: failureReason(e) });
      throw e;
    } finally {
      await session.close();
    }
  }

  private async settle(clipId: string, shard: number, shards: number, round: number, answer: ShardAnswer): Promise<void> {
    const answered = await this.answers.record('clip', clipId, shard, answer);
    await this.clips.setProgress(clipId, DECODE_SHARE + Math.floor(((100 - DECODE_SHARE) * Math.min(answered, shards)) / (shards + 1)));
    if (answered >= shards) await this.queue.enqueue('merge-clip', { clipId, trigger: 'answers', round });
  }

  private async load(id: string, session: MatchSession): Promise<void> {
    try {
      for await (const frame of this.frameStore.read(id)) session.push(frame);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const path = this.frameStore.pathOf(id);
      this.log.error(`${id}: its decoded frames (${path}) are missing; is the media directory shared with the worker that decoded them?`);
      throw new DomainError('frames_missing', `the decoded frames (${path}) are missing on this worker`);
    }
  }
}
