import { Injectable, Logger } from '@nestjs/common';
import { GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch, LEARNING_OPTIONS, MatcherOptions } from '@dramaguard/matcher';
import { FrameStore } from '@dramaguard/media';
import { isLastAttempt, JobQueue, JobRun } from '@dramaguard/queue';
import { DomainError, isPermanent } from '@dramaguard/records';
import { ClipRepository, ShardAnswer, ShardAnswerRepository } from '@dramaguard/records';
import { MatchThread } from '../matching/match-thread.service';
import { matchInWindows } from '../matching/windowed-match';
import { AudioMatcher } from './audio-matcher.service';
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
    private readonly audio: AudioMatcher,
    private readonly queue: JobQueue,
  ) {}

  async answer(clipId: string, shard: number, run: JobRun): Promise<void> {
    const clip = await this.clips.findById(clipId);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${clipId}`);
    if (clip.status === 'done' || clip.shardCount === null || clip.fannedOutAt === null) return;
    const round = clip.fannedOutAt.getTime();
    try {
      const started = Date.now();
      const { matches, seq, matchMs } = await this.matchFrames(clipId, {});
      const heardAt = Date.now();
      const probe = await this.clips.audioOf(clipId);
      const audio = probe ? await this.audio.match(probe) : null;
      await this.settle(clipId, shard, clip.shardCount, round, { indexSeq: seq, matches, audio });
      const sound = audio ? `, soundtrack matched in ${Date.now() - heardAt} ms, ${audio.length} heard` : '';
      this.log.log(`clip ${clipId}, shard ${shard}: frames read in ${heardAt - started - matchMs} ms, matched in ${matchMs} ms, ${matches.length} episode(s) found${sound}`);
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.settle(clipId, shard, clip.shardCount, round, { failure: failureReason(e) });
      throw e;
    }
  }

  /** Matches a new episode against this shard as LEARNING_OPTIONS says: what it shares with registered episodes, whom it copies. */
  async learn(registrationId: string, shard: number, run: JobRun): Promise<void> {
    try {
      const { matches, seq } = await this.matchFrames(registrationId, LEARNING_OPTIONS);
      await this.answers.record('registration', registrationId, shard, { indexSeq: seq, matches });
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.answers.record('registration', registrationId, shard, { failure: failureReason(e) });
      throw e;
    }
  }

  /**
   * The decoded video's matches against this worker's index, window by window;
   * the seq is the oldest index any window was matched against, so the merge's
   * late-episode check covers every window.
   */
  private async matchFrames(id: string, options: Partial<MatcherOptions>): Promise<{ matches: EpisodeMatch[]; seq: string; matchMs: number }> {
    const seqs: string[] = [];
    let matchMs = 0;
    const matches = await matchInWindows(this.thread, this.frames(id), async (session) => {
      const started = Date.now();
      const found = await this.matcher.match(session, options);
      matchMs += Date.now() - started;
      seqs.push(found.seq);
      return found.matches;
    });
    const seq = seqs.reduce((a, b) => (BigInt(b) < BigInt(a) ? b : a));
    return { matches, seq, matchMs };
  }

  private async settle(clipId: string, shard: number, shards: number, round: number, answer: ShardAnswer): Promise<void> {
    const answered = await this.answers.record('clip', clipId, shard, answer);
    await this.clips.setProgress(clipId, DECODE_SHARE + Math.floor(((100 - DECODE_SHARE) * Math.min(answered, shards)) / (shards + 1)));
    if (answered >= shards) await this.queue.enqueue('merge-clip', { clipId, trigger: 'answers', round });
  }

  private async *frames(id: string): AsyncGenerator<GreyFrame> {
    try {
      yield* this.frameStore.read(id);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const path = this.frameStore.pathOf(id);
      this.log.error(`${id}: its decoded frames (${path}) are missing; is the media directory shared with the worker that decoded them?`);
      throw new DomainError('frames_missing', `the decoded frames (${path}) are missing on this worker`);
    }
  }
}
