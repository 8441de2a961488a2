import { Injectable, Logger } from '@nestjs/common';
import { EpisodeMatch } from '@dramaguard/matcher';
import { FrameReader, MediaStore } from '@dramaguard/media';
import { JobRun } from '@dramaguard/queue';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../domain-error';
import { ClipEntity } from '../entities';
import { ClipRepository, FingerprintRepository, MatchRepository, NewMatch } from '../repositories';
import { CaseService } from './case.service';
import { decodeFrames } from './decode-frames';
import { MatchSession, MatchThread } from '../matching/match-thread.service';
import { IndexMatcher } from './index-matcher.service';
import { recordFailure } from './job-failure';
import { UseVerdicts, Verdict } from './use-verdicts.service';

const DECODE_SHARE = 80;

@Injectable()
export class MatchService {
  private readonly log = new Logger(MatchService.name);

  constructor(
    private readonly db: DataSource,
    private readonly clips: ClipRepository,
    private readonly matches: MatchRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly store: MediaStore,
    private readonly frames: FrameReader,
    private readonly thread: MatchThread,
    private readonly matcher: IndexMatcher,
    private readonly verdicts: UseVerdicts,
    private readonly cases: CaseService,
  ) {}

  /**
   * Matches a clip against every episode registered so far and stores what was
   * found, replacing any earlier result for the clip; a suspect clip's
   * unlicensed matches open review cases.
   *
   * An episode registered while the clip was being matched is caught here:
   * the clip's row is locked (status done) before looking for registrations
   * newer than the index used, so a retro-match that starts later waits for
   * this commit and sees the clip as done, and one that started earlier was
   * for an episode this check finds.
   */
  async match(clipId: string, run: JobRun): Promise<void> {
    const clip = await this.clips.findById(clipId);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${clipId}`);
    if (clip.status === 'done') return;
    const session = await this.thread.open(false);
    try {
      const started = Date.now();
      await this.clips.markMatching(clipId);
      await this.decode(clip, run, session);
      const decoded = Date.now();
      const { matches: found, seq: seen } = await this.matcher.match(session);
      const matched = Date.now();
      await this.db.transaction(async (em) => {
        await this.clips.markDone(em, clipId);
        const late = await this.lateMatches(em, seen, session, found);
        await this.keep(em, clip, [...found, ...late]);
      });
      await run.reportProgress(100);
      this.log.log(`clip ${clipId}: decoded in ${decoded - started} ms, matched in ${matched - decoded} ms, stored in ${Date.now() - matched} ms, ${found.length} episode(s) found`);
    } catch (e) {
      await recordFailure(e, run, {
        markFailed: (reason) => this.clips.markFailed(clipId, reason),
        markQueued: () => this.clips.markQueued(clipId),
      });
      throw e;
    } finally {
      await session.close();
    }
  }

  /** Stores matches with their verdicts and opens a case for each unlicensed one. */
  private async keep(em: EntityManager, clip: ClipEntity, found: readonly EpisodeMatch[]): Promise<void> {
    const verdicts = await this.verdicts.decide(clip, found);
    const kept = found.filter((m) => verdicts.has(m.episode));
    const saved = await this.matches.replaceForClip(em, clip.id, kept.map((m) => toNewMatch(m, verdicts.get(m.episode)!)));
    for (const m of saved) {
      if (m.verdict === 'case_opened') await this.cases.open(em, m, verdicts.get(m.registrationId)!.registration.episode!.workId);
    }
  }

  private async lateMatches(em: EntityManager, seen: string, session: MatchSession, found: readonly EpisodeMatch[]): Promise<EpisodeMatch[]> {
    const late = (await this.fingerprints.registeredAfter(em, seen)).filter((id) => !found.some((m) => m.episode === id));
    if (!late.length) return [];
    return session.family(await this.fingerprints.familyOf(late), late);
  }

  private async decode(clip: ClipEntity, run: JobRun, session: MatchSession): Promise<void> {
    const target = { path: this.store.pathOf(clip.mediaKey), width: clip.width, height: clip.height, durationSeconds: clip.durationSeconds };
    const progress = (p: number) => Promise.all([this.clips.setProgress(clip.id, p), run.reportProgress(p)]);
    await decodeFrames(this.frames, target, DECODE_SHARE, progress, session.push);
  }
}

/**
 * The matcher keys episodes by registration id; its reference times are episode
 * times. Its matched-frame counts are weighted by how widely each frame is
 * shared (docs/FINGERPRINT.md, section 7), so fractional; they are stored rounded.
 */
export function toNewMatch(m: EpisodeMatch, v: Pick<Verdict, 'verdict' | 'licenceId'>): NewMatch {
  return {
    registrationId: m.episode,
    verdict: v.verdict,
    licenceId: v.licenceId,
    score: m.score,
    mirrored: m.mirrored,
    region: { x0: m.region.x0, y0: m.region.y0, x1: m.region.x1, y1: m.region.y1 },
    segments: m.segments.map((s) => ({
      clipStart: s.clipStart,
      clipEnd: s.clipEnd,
      episodeStart: s.refStart,
      episodeEnd: s.refEnd,
      speed: s.speed,
      matchedFrames: Math.round(s.matchedFrames),
      score: s.score,
    })),
  };
}
