import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { AudioMatch, AudioReference, decodeAudioPrint, decodeAudioProbe, FusedMatch, fuseMatches } from '@dramaguard/audio';
import { EpisodeMatch } from '@dramaguard/matcher';
import { FrameReader, MediaStore } from '@dramaguard/media';
import { JobRun } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { ClipEntity, ClipRepository, FingerprintRepository, isPermanent, MatchRepository, RegistrationRepository, StoredFingerprint } from '@dramaguard/records';
import { AudioSource } from '../matching/match-protocol';
import { MatchThread } from '../matching/match-thread.service';
import { CaseService, UseVerdicts } from '@dramaguard/rights';
import { decodeFrames } from './decode-frames';
import { failureReason } from './job-failure';
import { toNewMatch } from './new-match';

const DAY_MS = 86_400_000;

/** The new episode's soundtrack, decoded once for every recent clip of a retro-match. */
interface EpisodeSound {
  readonly episode: string;
  /** Which episode and version the match thread may keep its index of between clips. */
  readonly key: string;
  readonly sources: ReadonlyMap<string, AudioSource>;
  readonly print: AudioReference;
}

function soundOf(f: StoredFingerprint): EpisodeSound | null {
  if (!f.audio) return null;
  return {
    episode: f.registrationId,
    key: `${f.registrationId}@${f.seq}`,
    sources: new Map([[f.registrationId, { audio: f.audio, shares: f.audioShares }]]),
    print: { print: decodeAudioPrint(f.audio), shares: f.audioShares },
  };
}

/**
 * Infringing copies often surface before the original is registered: when an
 * episode is registered, the suspect clips of the last RETRO_MATCH_DAYS are
 * matched again against that episode, and new matches open cases. The
 * episode is read from the registry as every match sees it: with the
 * content it shares with other episodes weighted down, the ranges its holder
 * excluded left out, and its work's other episodes present, so that a recap
 * in a clip of the earlier episode stays with the earlier episode.
 */
@Injectable()
export class RetroMatchService {
  private readonly log = new Logger(RetroMatchService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly thread: MatchThread,
    private readonly clips: ClipRepository,
    private readonly matches: MatchRepository,
    private readonly store: MediaStore,
    private readonly frames: FrameReader,
    private readonly verdicts: UseVerdicts,
    private readonly cases: CaseService,
  ) {}

  /** Safe to run again: a clip already matched to the episode is skipped. Returns how many clips now match. */
  async retroMatch(registrationId: string, run: JobRun): Promise<number> {
    const registration = await this.registrations.findById(registrationId);
    if (registration?.status !== 'registered') return 0;
    const family = await this.fingerprints.familyOf([registrationId]);
    const episode = family.find((f) => f.registrationId === registrationId);
    if (!episode) return 0;
    const sound = soundOf(episode);
    const since = new Date(Date.now() - this.config.retroMatchDays * DAY_MS);
    const clips = await this.db.transaction((em) => this.clips.doneChecksSince(em, since));
    let found = 0;
    for (const [i, clip] of clips.entries()) {
      if (await this.rematch(clip, family, registrationId, sound)) found++;
      await run.reportProgress(Math.floor(((i + 1) / clips.length) * 100));
    }
    await this.registrations.markRetroMatched(registrationId);
    return found;
  }

  /** One clip: its new matches, with their verdicts and cases. */
  private async rematch(clip: ClipEntity, family: readonly StoredFingerprint[], registrationId: string, sound: EpisodeSound | null): Promise<boolean> {
    const found = await this.fuse(clip, await this.matchFamily(clip, family, registrationId), sound);
    if (!found.length) return false;
    const verdicts = await this.verdicts.decide(clip, found);
    await this.db.transaction(async (em) => {
      for (const m of found) {
        const v = verdicts.get(m.episode);
        if (!v) continue;
        const saved = await this.matches.addIfAbsent(em, clip.id, toNewMatch(m, v));
        if (saved?.verdict === 'case_opened') await this.cases.open(em, saved, v.registration.episode!.workId);
      }
    });
    return true;
  }

  /** The picture's matches fused with the clip's soundtrack against the episode's, as a clip's merge fuses them (libs/audio fuseMatches). */
  private async fuse(clip: ClipEntity, pictures: EpisodeMatch[], sound: EpisodeSound | null): Promise<FusedMatch[]> {
    const probe = sound && (await this.clips.audioOf(clip.id));
    if (!sound || !probe) return fuseMatches(pictures, [], { clip: () => null, episode: () => undefined });
    const heard: AudioMatch[] = await this.thread.request({ op: 'audio-among', key: sound.key, probe, references: sound.sources });
    return fuseMatches(pictures, heard, { clip: () => decodeAudioProbe(probe), episode: (e) => (e === sound.episode ? sound.print : undefined) });
  }

  /** The clip's matches of the episode among its work; a clip whose file no longer decodes is logged and skipped rather than failing the whole job. */
  private async matchFamily(clip: ClipEntity, family: readonly StoredFingerprint[], registrationId: string): Promise<EpisodeMatch[]> {
    const session = await this.thread.open('match');
    try {
      const target = { path: this.store.pathOf(clip.mediaKey), width: clip.width, height: clip.height, durationSeconds: clip.durationSeconds };
      await decodeFrames(this.frames, target, 100, async () => undefined, session.push);
      return await session.family(family, [registrationId]);
    } catch (e) {
      if (!isPermanent(e)) throw e;
      this.log.warn(`retro-match skips clip ${clip.id}: ${failureReason(e)}`);
      return [];
    } finally {
      await session.close();
    }
  }
}
