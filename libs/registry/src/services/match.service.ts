import { Injectable } from '@nestjs/common';
import { GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch, matchClip } from '@dramaguard/matcher';
import { FrameReader, MediaStore } from '@dramaguard/media';
import { JobRun } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { DomainError } from '../domain-error';
import { ClipEntity } from '../entities';
import { ClipRepository, MatchRepository, NewMatch } from '../repositories';
import { decodeFrames } from './decode-frames';
import { EpisodeIndex } from './episode-index.service';
import { recordFailure } from './job-failure';

const DECODE_SHARE = 80;

@Injectable()
export class MatchService {
  constructor(
    private readonly db: DataSource,
    private readonly clips: ClipRepository,
    private readonly matches: MatchRepository,
    private readonly store: MediaStore,
    private readonly frames: FrameReader,
    private readonly index: EpisodeIndex,
  ) {}

  /**
   * Matches a clip against every episode registered so far and stores what was
   * found, replacing any earlier result for the clip.
   */
  async match(clipId: string, run: JobRun): Promise<void> {
    const clip = await this.clips.findById(clipId);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${clipId}`);
    if (clip.status === 'done') return;
    try {
      await this.clips.markMatching(clipId);
      const frames = await this.decode(clip, run);
      const found = matchClip(await this.index.current(), frames);
      await this.db.transaction(async (em) => {
        await this.matches.replaceForClip(em, clipId, found.map(toNewMatch));
        await this.clips.markDone(em, clipId);
      });
      await run.reportProgress(100);
    } catch (e) {
      await recordFailure(e, run, {
        markFailed: (reason) => this.clips.markFailed(clipId, reason),
        markQueued: () => this.clips.markQueued(clipId),
      });
      throw e;
    }
  }

  private async decode(clip: ClipEntity, run: JobRun): Promise<GreyFrame[]> {
    const frames: GreyFrame[] = [];
    const target = { path: this.store.pathOf(clip.mediaKey), width: clip.width, height: clip.height, durationSeconds: clip.durationSeconds };
    const progress = (p: number) => Promise.all([this.clips.setProgress(clip.id, p), run.reportProgress(p)]);
    await decodeFrames(this.frames, target, DECODE_SHARE, progress, (f) => frames.push(f));
    return frames;
  }
}

/** The matcher keys episodes by registration id; its reference times are episode times. */
function toNewMatch(m: EpisodeMatch): NewMatch {
  return {
    registrationId: m.episode,
    score: m.score,
    mirrored: m.mirrored,
    region: { x0: m.region.x0, y0: m.region.y0, x1: m.region.x1, y1: m.region.y1 },
    segments: m.segments.map((s) => ({
      clipStart: s.clipStart,
      clipEnd: s.clipEnd,
      episodeStart: s.refStart,
      episodeEnd: s.refEnd,
      speed: s.speed,
      matchedFrames: s.matchedFrames,
      score: s.score,
    })),
  };
}
