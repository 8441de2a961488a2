import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { AudioMatch, decodeAudioPrint, decodeAudioProbe, FusedMatch, fuseMatches } from '@dramaguard/audio';
import { decodeFingerprint, FINGERPRINT_FPS } from '@dramaguard/fingerprint';
import { DEFAULT_MATCHER_OPTIONS, EpisodeMatch, overlappingEpisodes, withoutRegisteredCopies } from '@dramaguard/matcher';
import { FrameStore } from '@dramaguard/media';
import { observeClipResult } from '@dramaguard/observability';
import { DataSource, EntityManager } from 'typeorm';
import { CLIP_SUBJECTS, ClipEntity, ShardAnswerEntity } from '@dramaguard/records';
import { ClipRepository, FingerprintRepository, MatchRepository, ShardAnswerRepository } from '@dramaguard/records';
import { MatchThread } from '../matching/match-thread.service';
import { matchInWindows } from '../matching/windowed-match';
import { CaseService } from '@dramaguard/rights';
import { carriedRegistered } from './carried-episodes';
import { toNewMatch } from './new-match';
import { shardOutcome } from './shard-outcome';
import { UseVerdicts } from '@dramaguard/rights';

/**
 * Merges the shards' answers for a clip into its result: the matches with
 * their verdicts, and a review case for each unlicensed one. Works never
 * span shards, so sibling attribution already happened within each answer.
 *
 * Every shard answered: the clip is done. Some shard failed, or the deadline
 * (SHARD_TIMEOUT_MS after the clip was sent out) passed without its answer:
 * the clip is `incomplete`, with the answered shards' matches and a reason
 * naming the missing shards; a missing answer that arrives later is merged
 * then, and completes the clip.
 *
 * An episode registered while the clip was being matched is caught here: the
 * clip's row is locked and marked matched before looking, per shard, for
 * registrations newer than the index that answered, so a retro-match that
 * starts later waits for this commit and sees the clip, and one that started
 * earlier was for an episode this check finds.
 */
@Injectable()
export class ClipMergeService {
  private readonly log = new Logger(ClipMergeService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly clips: ClipRepository,
    private readonly answers: ShardAnswerRepository,
    private readonly matches: MatchRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly frameStore: FrameStore,
    private readonly thread: MatchThread,
    private readonly verdicts: UseVerdicts,
    private readonly cases: CaseService,
  ) {}

  /**
   * `deadline`: the wait for answers is over, whatever this machine's clock
   * says. `given`: every shard's answer, from a worker that answered for all
   * of them (ShardMatchService.conclude), merged without being recorded.
   */
  async merge(clipId: string, trigger: 'answers' | 'deadline', given?: readonly ShardAnswerEntity[]): Promise<void> {
    const merged = await this.db.transaction(async (em) => {
      const clip = await this.clips.lockForMerge(em, clipId);
      if (!clip || clip.shardCount === null || clip.fannedOutAt === null || !['matching', 'incomplete'].includes(clip.status)) return null;
      const answers = given ?? (await this.answers.of('clip', clipId, em));
      const overdue = trigger === 'deadline' || Date.now() - clip.fannedOutAt.getTime() >= this.config.shards.timeoutMs;
      const outcome = shardOutcome(clip.shardCount, answers, overdue, this.config.shards.timeoutMs);
      if (outcome.wait) return null;
      const found = answers.flatMap((a) => a.matches ?? []).sort((a, b) => b.score - a.score);
      const late = await this.lateMatches(em, clipId, answers, found);
      const pictures = await this.withoutRegisteredCopies([...found, ...late], answers);
      const heard = answers.flatMap((a) => a.audio ?? []);
      const all = await this.fuse(em, clipId, pictures, heard);
      await this.keep(em, clip, all);
      if (outcome.missing.length) await this.clips.markIncomplete(em, clipId, outcome.reason);
      else {
        await this.clips.markDone(em, clipId);
        // A done clip's answers are all in its matches; an incomplete one keeps them to merge the late ones with.
        await this.answers.clear(CLIP_SUBJECTS, clipId, em);
      }
      return { found: all.length, copies: found.length + late.length - pictures.length, missing: outcome.missing, receivedAt: clip.receivedAt };
    });
    if (!merged) return;
    observeClipResult(merged.missing.length ? 'incomplete' : 'done', (Date.now() - merged.receivedAt.getTime()) / 1000);
    if (!merged.missing.length) await this.frameStore.remove(clipId);
    const copies = merged.copies ? ` (and ${merged.copies} registered near-duplicate(s) of them left out)` : '';
    this.log.log(`clip ${clipId}: ${merged.found} episode(s) found${copies}${merged.missing.length ? `; incomplete, no answer from shard(s) ${merged.missing.join(', ')}` : ''}`);
  }

  /**
   * Stores matches with their verdicts and opens a case for each unlicensed
   * one. A clip merged before (incomplete) keeps what it had, cases included,
   * and gains the matches of the shards that answered since.
   */
  private async keep(em: EntityManager, clip: ClipEntity, found: readonly FusedMatch[]): Promise<void> {
    const verdicts = await this.verdicts.decide(clip, found);
    const kept = found.filter((m) => verdicts.has(m.episode)).map((m) => toNewMatch(m, verdicts.get(m.episode)!));
    const saved =
      clip.status === 'incomplete'
        ? (await Promise.all(kept.map((m) => this.matches.addIfAbsent(em, clip.id, m)))).filter((m) => m !== null)
        : await this.matches.replaceForClip(em, clip.id, kept);
    await this.cases.open(
      em,
      saved.filter((m) => m.verdict === 'case_opened').map((match) => ({ match, workId: verdicts.get(match.registrationId)!.registration.episode!.workId })),
    );
  }

  /**
   * The picture's and the soundtrack's matches as one result (libs/audio
   * fuseMatches): the clip's soundtrack is compared along the lines of the
   * episodes only the picture found. A few hundred item comparisons each.
   */
  private async fuse(em: EntityManager, clipId: string, pictures: EpisodeMatch[], heard: AudioMatch[]): Promise<FusedMatch[]> {
    const probe = await this.clips.audioOf(clipId, em);
    const unheard = pictures.filter((p) => !heard.some((a) => a.episode === p.episode)).map((p) => p.episode);
    const rows = probe && unheard.length ? await this.fingerprints.soundtracksOf(unheard) : [];
    const prints = new Map(rows.map((r) => [r.registrationId, { print: decodeAudioPrint(r.audio), shares: r.audioShares }]));
    return fuseMatches(pictures, heard, { clip: () => (probe ? decodeAudioProbe(probe) : null), episode: (e) => prints.get(e) });
  }

  /**
   * Shards verify their own best candidates, so an episode registered as a
   * near-duplicate of another (in another shard) is reported beside it; the
   * rule of withoutRegisteredCopies keeps the one the clip copies. The shards'
   * answers carry the stretches of their matched episodes the rule reads:
   * reading the whole fingerprints here waited on PostgreSQL pages the shards'
   * own caches keep cold, 2-73 ms at 10,000 h (docs/BENCHMARK.md, sections 49
   * and 50). Only a late match, or an answer of an earlier release, is read.
   */
  private async withoutRegisteredCopies(found: EpisodeMatch[], answers: readonly ShardAnswerEntity[]): Promise<EpisodeMatch[]> {
    const ids = overlappingEpisodes(found);
    if (!ids.length) return found;
    const registered = carriedRegistered(answers, ids);
    const unread = ids.filter((id) => !registered.has(id));
    for (const r of await this.fingerprints.ofRegistrations(unread)) registered.set(r.registrationId, { views: decodeFingerprint(r.data).views, group: r.workId });
    return withoutRegisteredCopies(found, registered, FINGERPRINT_FPS, DEFAULT_MATCHER_OPTIONS.minQuality);
  }

  private async lateMatches(em: EntityManager, clipId: string, answers: readonly ShardAnswerEntity[], found: readonly EpisodeMatch[]): Promise<EpisodeMatch[]> {
    const since = answers.flatMap((a) => (a.indexSeq === null ? [] : [{ shard: a.shard, seq: a.indexSeq }]));
    const late = (await this.fingerprints.registeredAfter(em, since)).filter((id) => !found.some((m) => m.episode === id));
    if (!late.length) return [];
    const members = await this.fingerprints.familyOf(late);
    return matchInWindows(this.thread, this.frameStore.read(clipId), (session) => session.family(members, late));
  }
}
