import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import type { AudioMatch } from '@dramaguard/audio';
import { LEARNING_OPTIONS, ProposedLine, WindowProbe } from '@dramaguard/matcher';
import { FrameStore } from '@dramaguard/media';
import { isLastAttempt, JobPayload, JobQueue, JobRun } from '@dramaguard/queue';
import { DomainError, isPermanent } from '@dramaguard/records';
import { ClipRepository, ShardAnswer, ShardAnswerRepository, ShardSubject, WindowGeometry, WindowPlan } from '@dramaguard/records';
import { MatchThread } from '../matching/match-thread.service';
import { AudioMatcher } from './audio-matcher.service';
import { carriedEpisodes } from './carried-episodes';
import { ClipProbes } from './clip-probes';
import { EpisodeIndex } from './episode-index.service';
import { MatchStages } from './index-matcher.service';
import { failureReason } from './job-failure';
import { answered, proposalsByWindow, proposedAt, sharedByWindow } from './round-answers';
import { ReferenceStore } from './reference-store.service';
import { answersEveryShard, coverText, coveredAnswers, coveredRows, shardsAnsweredBy } from './shard-cover';
import { ClipMergeService } from './clip-merge.service';
import { DECODE_SHARE } from './match.service';
import { ShardWindows, windowKey } from './shard-windows.service';

/**
 * One shard's answer for a clip or a new registration: the decoded frames are
 * read from the frame file and matched against this worker's index, which
 * holds that shard. The answer goes to PostgreSQL. For a clip, the shard that
 * completes the set queues the merge, and a worker answering for every shard
 * (one shard alone, or all served together) merges at once, recording
 * nothing; a new registration's fingerprinting job
 * waits for its answers (RegistrationShardCheck). A shard that cannot answer
 * (its last attempt failed) records why, so nobody waits for its deadline.
 * With several shards, each first tells the others which geometries the
 * clip's sparse round found support for in its registrations (`tell`), and
 * every shard then tries the best supported of all (sharedGeometries): a
 * compilation's excerpts share the upload's edit, and the shard holding the
 * most damaged excerpt's episode often finds no line of its own. Each then
 * proposes its candidate lines (`answer`), and verifies only those that
 * fewer than AREA_BUDGET stronger lines of any shard overlap over AREA_COVER
 * of their span (`verify`).
 * Each of the three reads the clip's probes through one ClipProbes, and a
 * shard that proposes lines fills their windows' sessions with the clip's
 * frames while the others still propose (ShardWindows.prepare).
 * A worker serving several shards answers for all of them in the jobs of the
 * lowest (shardsAnsweredBy); the others' jobs do nothing. One serving every
 * shard of the clip matches it whole in its geometry job (answerAlone).
 */
@Injectable()
export class ShardMatchService {
  private readonly log = new Logger(ShardMatchService.name);
  private readonly probes = new ClipProbes((clipId) => this.frameStore.readProbe(clipId));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clips: ClipRepository,
    private readonly answers: ShardAnswerRepository,
    private readonly frameStore: FrameStore,
    private readonly thread: MatchThread,
    private readonly windows: ShardWindows,
    private readonly index: EpisodeIndex,
    private readonly audio: AudioMatcher,
    private readonly references: ReferenceStore,
    private readonly queue: JobQueue,
    private readonly merges: ClipMergeService,
  ) {}

  /**
   * A `match-shard` job: one shard alone answers at once; with several, this
   * shard proposes its candidates (propose), and verifies them once every
   * shard has proposed its own (verify).
   */
  async answer({ clipId, shard, round }: ShardJob, run: JobRun): Promise<void> {
    const covers = this.answeredBy(shard);
    if (!covers.length) return;
    // The probes are read beside the clip's row: every shard's round waits on both.
    const probes = this.probes.of(clipId, round);
    const clip = await this.sentClip(clipId);
    if (!clip) return;
    if (clip.shards === 1) return this.conclude(clip, covers, run, alone(probes));
    // Its wait ran out before the geometry job answered alone: it answers as the verify job would.
    if (answersEveryShard(covers, clip.shards)) return this.verify({ clipId, shard, round }, run);
    return this.propose(clip, covers, run, probes);
  }

  /**
   * A `verify-shard` job: this shard's candidates within the budget every
   * shard's proposals leave, verified; then its answer. Nothing to do when the
   * shard answered as it proposed (it had no candidate).
   */
  async verify({ clipId, shard, round }: ShardJob, run: JobRun): Promise<void> {
    const covers = this.answeredBy(shard);
    if (!covers.length) return;
    // The answers are read before the clip: the merge that marks the clip done clears them in the same transaction,
    // so either this shard's answer is still there or the clip is seen done (not one read before, one after).
    // The told geometries come in the same read: one statement, not two, for every shard of every clip.
    const answers = await this.answers.of(['clip', 'plan', 'geometry'], clipId);
    // A shard that proposed no line answered then, and reads nothing more.
    if (answered(answers, shard)) return;
    // Read beside the clip's row.
    const probes = this.probes.of(clipId, round);
    const clip = await this.sentClip(clipId);
    if (!clip) return;
    if (answersEveryShard(covers, clip.shards)) return this.conclude(clip, covers, run, alone(probes));
    return this.conclude(clip, covers, run, { probes, shared: sharedByWindow(answers), proposals: proposalsByWindow(answers), proposedAt: proposedAt(answers, shard) });
  }

  /** The clip as it was sent to the shards; null when it is done or was never sent. */
  private async sentClip(clipId: string): Promise<SentClip | null> {
    const clip = await this.clips.roundOf(clipId);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${clipId}`);
    if (clip.status === 'done' || clip.shardCount === null || clip.fannedOutAt === null) return null;
    return { id: clip.id, shards: clip.shardCount, round: clip.fannedOutAt.getTime(), sounding: clip.sounding };
  }

  /**
   * Stage one of every window of the clip, kept in the match thread; the
   * lines it proposes go to PostgreSQL, and the shard that completes the set
   * starts every shard's verification at once (withinBudget says why). A
   * shard that proposes no line has nothing to verify whatever the others
   * propose: it answers now (answerUnproposed).
   */
  private async propose(clip: SentClip, covers: readonly number[], run: JobRun, reading: Promise<readonly WindowProbe[] | null>): Promise<void> {
    const { id: clipId, shards, round } = clip;
    const shard = covers[0];
    const started = Date.now();
    const seq = this.index.seq;
    // The told geometries and this shard's answer, in one read.
    const answers = await this.answers.of(['clip', 'geometry'], clipId);
    // Answered already: it proposed nothing and this is a retry, or its verification's wait ran out before this job came.
    if (answered(answers, shard)) return this.roundDone('plan', clipId, covers, shards, round, { plan: [], indexSeq: seq });
    try {
      const shared = sharedByWindow(answers);
      const probes = await reading;
      const plan: WindowPlan[] = [];
      for (const { first, probe } of probes ?? []) plan.push({ first, lines: await this.thread.candidates(windowKey(clipId, round, first), probe, shared.get(first) ?? []) });
      const proposed = plan.reduce((n, w) => n + w.lines.length, 0);
      const proposedMs = Date.now() - started;
      // Without probes, verification plans from the frames, so no line proposed here does not mean none found.
      if (probes && proposed === 0) return await this.answerUnproposed(clip, covers, seq, plan, proposedMs);
      this.log.log(`clip ${clipId}, shard ${shard}: ${proposed} candidate line(s) proposed in ${proposedMs} ms${coverText(covers)}`);
      // The first window to verify only: a long video's later windows are read one at a time, as they always were.
      const first = probes?.find((window) => plan.some((w) => w.first === window.first && w.lines.length));
      if (first) this.windows.prepare(clipId, round, first);
      await this.roundDone('plan', clipId, covers, shards, round, { plan, indexSeq: seq });
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.roundDone('plan', clipId, covers, shards, round, { failure: failureReason(e) });
      throw e;
    }
  }

  /**
   * The answer of a shard that proposed no line, written with its part of the
   * round in one transaction: its verification, once started, finds the
   * answer there, and the merge, which clears both once the clip is done,
   * cannot come between the two writes and leave the second behind.
   */
  private async answerUnproposed({ id: clipId, shards, round, sounding }: SentClip, covers: readonly number[], seq: string, plan: WindowPlan[], proposedMs: number): Promise<void> {
    const { audio, sound } = await this.heard(await this.soundtrackOf(clipId, sounding));
    const recorded = await this.answers.recordTogether(clipId, [
      ...coveredRows('clip', covers, { indexSeq: seq, matches: [], audio }),
      ...coveredRows('plan', covers, { plan, indexSeq: seq }),
    ]);
    const [answered, proposed] = [recorded.get('clip') ?? 0, recorded.get('plan') ?? 0];
    this.log.log(`clip ${clipId}, shard ${covers[0]}: 0 candidate line(s) proposed in ${proposedMs} ms; answered, nothing to verify${sound}${coverText(covers)}`);
    await this.roundCounted('plan', clipId, shards, round, proposed);
    await this.answerCounted(clipId, shards, round, answered);
  }

  /** This shard's matches for the clip (only its candidates within the budget every shard's `proposals` leave, given them), and its sound; then its answer. */
  private async conclude({ id: clipId, shards, round, sounding }: SentClip, covers: readonly number[], run: JobRun, reads: ConcludeReads): Promise<void> {
    try {
      const started = Date.now();
      // Its soundtrack's row is read while the shard matches the picture.
      const soundtrack = this.soundtrackOf(clipId, sounding);
      soundtrack.catch(() => undefined);
      const { proposals, shared, proposedAt } = reads;
      const probes = await reads.probes;
      const { matches, seq, matchMs, stages } = probes ? await this.windows.ofProbes(clipId, round, probes, shared, proposals, proposedAt) : await this.windows.ofFrames(clipId, {});
      const heardAt = Date.now();
      const { audio, sound } = await this.heard(await soundtrack);
      const registered = carriedEpisodes(matches, await this.references.registered(this.index.seqsOf(matches.map((m) => m.episode))));
      const answer = { indexSeq: seq, matches, audio, registered };
      // Answering for every shard, this is the clip's whole answer: merged now, with no record to write and read back
      // and no merge job to hand over to (docs/BENCHMARK.md, section 69). A failed merge fails this job, retried whole.
      if (answersEveryShard(covers, shards)) await this.merges.merge(clipId, 'answers', coveredAnswers(clipId, covers, answer, new Date()));
      else await this.settle(clipId, covers, shards, round, answer);
      this.log.log(`clip ${clipId}, shard ${covers[0]}: ${probes ? 'probe' : 'frames'} read in ${heardAt - started - matchMs} ms, matched in ${matchMs} ms (${stagesText(stages)}), ${matches.length} episode(s) found${sound}${coverText(covers)}`);
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.settle(clipId, covers, shards, round, { failure: failureReason(e) });
      throw e;
    }
  }

  /**
   * This shard's geometries for the clip, window by window; the shard that
   * completes the set starts every shard's match at once.
   */
  async tell({ clipId, shard, round: sent }: ShardJob, run: JobRun): Promise<void> {
    const covers = this.answeredBy(shard);
    if (!covers.length) return;
    const reading = this.probes.of(clipId, sent);
    const clip = await this.sentClip(clipId);
    if (!clip) return;
    if (answersEveryShard(covers, clip.shards)) return this.answerAlone(clip, covers, run, reading);
    const { shards, round } = clip;
    try {
      const probes = await reading;
      const geometry: WindowGeometry[] = [];
      for (const { first, probe } of probes ?? []) geometry.push({ first, votes: await this.thread.geometry(windowKey(clipId, round, first), probe) });
      await this.roundDone('geometry', clipId, covers, shards, round, { geometry });
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.roundDone('geometry', clipId, covers, shards, round, { failure: failureReason(e) });
      throw e;
    }
  }

  /**
   * The whole match of a clip whose every shard this worker serves: its one
   * index holds all the geometries and candidates the rounds would share, so
   * they would add only their records and hand-offs (docs/BENCHMARK.md,
   * section 67). A clip sent out by a worker serving only some shards (or
   * none) has the rounds' waiting jobs queued: they are removed while it
   * matches, off the main thread's path once the answer is in; one whose wait
   * ran out first answers unless the clip is answered. One sent out by a
   * worker serving every shard has none (MatchService.fanOut).
   */
  private async answerAlone(clip: SentClip, covers: readonly number[], run: JobRun, probes: Promise<readonly WindowProbe[] | null>): Promise<void> {
    const { id: clipId, shards, round } = clip;
    const waiting = Array.from({ length: shards }, (_, shard) => [
      this.queue.cancelDelayed('match-shard', { clipId, shard, round }),
      this.queue.cancelDelayed('verify-shard', { clipId, shard, round }),
    ]);
    const cancelled = Promise.all(waiting.flat());
    // Awaited once the clip is matched; a failure meanwhile must not go unhandled.
    cancelled.catch(() => undefined);
    try {
      await this.conclude(clip, covers, run, alone(probes));
    } finally {
      await cancelled;
    }
  }

  /** Records this shard's part of a round; the shard that completes the set starts every shard's next jobs before their wait runs out. */
  private async roundDone(subject: 'geometry' | 'plan', clipId: string, covers: readonly number[], shards: number, round: number, answer: ShardAnswer): Promise<void> {
    await this.roundCounted(subject, clipId, shards, round, await this.recordCovered(subject, clipId, covers, answer));
  }

  /** Given how many shards have now recorded their part of the round: once all have, their next jobs are started. */
  private async roundCounted(subject: 'geometry' | 'plan', clipId: string, shards: number, round: number, recorded: number): Promise<void> {
    if (recorded < shards) return;
    const next = subject === 'geometry' ? 'match-shard' : 'verify-shard';
    // Side by side: each promotion is three round trips to Redis, and every shard's next job waits for the last.
    const promoted = await Promise.all(Array.from({ length: shards }, (_, k) => this.queue.promote(next, { clipId, shard: k, round })));
    const started = promoted.filter(Boolean).length;
    const done = subject === 'geometry' ? 'told its geometries' : 'proposed its candidates';
    this.log.log(`clip ${clipId}: every shard ${done}, ${started} of ${shards} ${next} job(s) started before their wait ran out`);
  }

  /** Matches a new episode against this shard as LEARNING_OPTIONS says (what it shares with registered episodes, whom it copies), and its sound. */
  async learn(registrationId: string, shard: number, run: JobRun): Promise<void> {
    const covers = this.answeredBy(shard);
    if (!covers.length) return;
    try {
      const { matches, seq } = await this.windows.ofFrames(registrationId, LEARNING_OPTIONS);
      const sound = await this.frameStore.readSound(registrationId);
      const audio = sound ? await this.audio.match(sound, registrationId) : null;
      await this.recordCovered('registration', registrationId, covers, { indexSeq: seq, matches, audio });
    } catch (e) {
      if (isPermanent(e) || isLastAttempt(run)) await this.recordCovered('registration', registrationId, covers, { failure: failureReason(e) });
      throw e;
    }
  }

  /** The clip's soundtrack probe; for a clip without one (no audio stream, or none readable) there is no row to read. */
  private soundtrackOf(clipId: string, sounding: boolean): Promise<Buffer | null> {
    return sounding ? this.clips.audioOf(clipId) : Promise.resolve(null);
  }

  /** The clip's soundtrack matched against this shard, and what was heard, for the log. */
  private async heard(probe: Buffer | null): Promise<{ audio: AudioMatch[] | null; sound: string }> {
    const heardAt = Date.now();
    const audio = probe ? await this.audio.match(probe) : null;
    return { audio, sound: audio ? `, soundtrack matched in ${Date.now() - heardAt} ms, ${audio.length} heard` : '' };
  }

  private async settle(clipId: string, covers: readonly number[], shards: number, round: number, answer: ShardAnswer): Promise<void> {
    await this.answerCounted(clipId, shards, round, await this.recordCovered('clip', clipId, covers, answer));
  }

  /** The shards a job of `shard` answers for on this worker, itself first; none when a lower shard it serves answers for it. */
  private answeredBy(shard: number): number[] {
    return shardsAnsweredBy(shard, this.config.shards.serves);
  }

  /** Records `answer` as the first of `covers`' and, with nothing found, the others' (coveredRows), together; answers how many shards have recorded the subject. */
  private async recordCovered(subject: ShardSubject, id: string, covers: readonly number[], answer: ShardAnswer): Promise<number> {
    const recorded = await this.answers.recordTogether(id, coveredRows(subject, covers, answer));
    return recorded.get(subject) ?? 0;
  }

  /** Given how many shards have now answered for the clip: its progress, and its merge once all have. */
  private async answerCounted(clipId: string, shards: number, round: number, answered: number): Promise<void> {
    await Promise.all([
      this.clips.setProgress(clipId, DECODE_SHARE + Math.floor(((100 - DECODE_SHARE) * Math.min(answered, shards)) / (shards + 1))),
      answered >= shards ? this.queue.enqueue('merge-clip', { clipId, trigger: 'answers', round }) : null,
    ]);
  }

}

/** What a shard answering for every shard of the clip matches from: its probes, no geometry told, no proposal (it verifies all it finds). */
function alone(probes: Promise<readonly WindowProbe[] | null>): ConcludeReads {
  return { probes, shared: new Map(), proposals: null, proposedAt: null };
}

/** What a shard's job for a clip names: the clip, the shard, and the round it was sent out in. */
type ShardJob = JobPayload<'match-shard'>;

/**
 * What a shard's answer starts from: its probes, read while the job checks
 * the clip, the geometries the shards told, and every shard's proposals (null
 * for one shard alone, which verifies all it finds).
 */
interface ConcludeReads {
  readonly probes: Promise<readonly WindowProbe[] | null>;
  readonly shared: ReadonlyMap<number, readonly number[]>;
  readonly proposals: ReadonlyMap<number, readonly ProposedLine[]> | null;
  /** The seq of the index this shard proposed from (its plan answer's), null without one. */
  readonly proposedAt: string | null;
}

/** A clip as it was sent to the shards: how many, when (its round), and whether it has a soundtrack probe to match. */
interface SentClip {
  readonly id: string;
  readonly shards: number;
  readonly round: number;
  readonly sounding: boolean;
}

/** Summed over a video's windows: sync, stage one (with its candidate count), reading references, stage two. */
function stagesText(stages: readonly MatchStages[]): string {
  const sum = (key: keyof MatchStages) => stages.reduce((n, s) => n + s[key], 0);
  return `sync ${sum('syncMs')}, plan ${sum('planMs')} (${sum('candidates')} candidates), read ${sum('readMs')}, verify ${sum('finishMs')}`;
}
