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

/** A retro-match batch's soundtracks, decoded once for every recent clip. */
interface BatchSound {
  /** Which episodes and versions the match thread may keep its index of between clips. */
  readonly key: string;
  readonly sources: ReadonlyMap<string, AudioSource>;
  readonly prints: ReadonlyMap<string, AudioReference>;
}

function soundOf(episodes: readonly StoredFingerprint[]): BatchSound | null {
  const heard = episodes.filter((f) => f.audio);
  if (!heard.length) return null;
  return {
    key: heard.map((f) => `${f.registrationId}@${f.seq}`).join(','),
    sources: new Map(heard.map((f) => [f.registrationId, { audio: f.audio as Buffer, shares: f.audioShares }])),
    prints: new Map(heard.map((f) => [f.registrationId, { print: decodeAudioPrint(f.audio as Buffer), shares: f.audioShares }])),
  };
}

/**
 * Episodes one retro-match job takes: a series registers 60-100 at once, and
 * each recent clip is decoded once for all of them rather than once each.
 */
const RETRO_BATCH = 100;
/** How long a batch stays claimed without news from its job; renewed after every clip. */
const CLAIM_MS = 10 * 60_000;
/**
 * A clip received this long after an episode was registered was matched with
 * the episode in the index, or caught by its merge's check for registrations
 * newer than the index (ClipMergeService): the retro-match, which waits
 * RETRO_MATCH_DELAY_MS, leaves it alone. Both times are the database's; the
 * margin covers the registering transaction, from its timestamp to its commit.
 */
const REGISTERED_MARGIN_MS = 10_000;

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

  /**
   * Safe to run again: a clip already matched to an episode is skipped.
   * Claims a batch (this episode and others waiting, RETRO_BATCH) and
   * matches every recent clip against all of them; an episode another job's
   * batch holds is left to that job. Returns how many clips now match.
   */
  async retroMatch(registrationId: string, run: JobRun): Promise<number> {
    const registration = await this.registrations.findById(registrationId);
    if (registration?.status !== 'registered' || registration.retroMatchedAt) return 0;
    const batch = await this.registrations.claimRetroBatch(registrationId, RETRO_BATCH, CLAIM_MS);
    if (!batch.length) {
      this.log.log(`retro-match of ${registrationId}: left to the job whose batch holds it`);
      return 0;
    }
    const family = await this.fingerprints.familyOf(batch);
    const episodes = family.filter((f) => batch.includes(f.registrationId));
    const registeredAt = new Map((await this.registrations.findByIds(episodes.map((f) => f.registrationId))).map((r) => [r.id, r.registeredAt?.getTime() ?? Infinity]));
    const sound = soundOf(episodes);
    const since = new Date(Date.now() - this.config.retroMatchDays * DAY_MS);
    const recent = episodes.length ? await this.db.transaction((em) => this.clips.doneChecksSince(em, since)) : [];
    // Each clip with the episodes it may not have been matched against yet; a clip with none is left alone.
    const clips = recent
      .map((clip) => ({ clip, wanted: [...registeredAt].filter(([, at]) => clip.receivedAt.getTime() < at + REGISTERED_MARGIN_MS).map(([id]) => id) }))
      .filter((c) => c.wanted.length);
    let found = 0;
    for (const [i, { clip, wanted }] of clips.entries()) {
      if (await this.rematch(clip, family, wanted, sound)) found++;
      await this.registrations.renewRetroClaim(registrationId, CLAIM_MS);
      await run.reportProgress(Math.floor(((i + 1) / clips.length) * 100));
    }
    await this.registrations.markRetroMatched(batch);
    this.log.log(`retro-matched ${batch.length} episode(s) with the job of ${registrationId}: ${clips.length} recent clip(s), ${found} with new matches`);
    return found;
  }

  /** One clip: its new matches, with their verdicts and cases. */
  private async rematch(clip: ClipEntity, family: readonly StoredFingerprint[], wanted: readonly string[], sound: BatchSound | null): Promise<boolean> {
    const found = (await this.fuse(clip, await this.matchFamily(clip, family, wanted), sound)).filter((m) => wanted.includes(m.episode));
    if (!found.length) return false;
    const verdicts = await this.verdicts.decide(clip, found);
    await this.db.transaction(async (em) => {
      for (const m of found) {
        const v = verdicts.get(m.episode);
        if (!v) continue;
        const saved = await this.matches.addIfAbsent(em, clip.id, toNewMatch(m, v));
        if (saved?.verdict === 'case_opened') await this.cases.open(em, [{ match: saved, workId: v.registration.episode!.workId }]);
      }
    });
    return true;
  }

  /** The picture's matches fused with the clip's soundtrack against the episode's, as a clip's merge fuses them (libs/audio fuseMatches). */
  private async fuse(clip: ClipEntity, pictures: EpisodeMatch[], sound: BatchSound | null): Promise<FusedMatch[]> {
    const probe = sound && (await this.clips.audioOf(clip.id));
    if (!sound || !probe) return fuseMatches(pictures, [], { clip: () => null, episode: () => undefined });
    const heard: AudioMatch[] = await this.thread.request({ op: 'audio-among', key: sound.key, probe, references: sound.sources });
    return fuseMatches(pictures, heard, { clip: () => decodeAudioProbe(probe), episode: (e) => sound.prints.get(e) });
  }

  /** The clip's matches of the wanted episodes among their works; a clip whose file no longer decodes is logged and skipped rather than failing the whole job. */
  private async matchFamily(clip: ClipEntity, family: readonly StoredFingerprint[], wanted: readonly string[]): Promise<EpisodeMatch[]> {
    const session = await this.thread.open('match');
    try {
      const target = { path: this.store.pathOf(clip.mediaKey), width: clip.width, height: clip.height, durationSeconds: clip.durationSeconds };
      await decodeFrames(this.frames, target, 100, async () => undefined, session.push);
      return await session.family(family, wanted);
    } catch (e) {
      if (!isPermanent(e)) throw e;
      this.log.warn(`retro-match skips clip ${clip.id}: ${failureReason(e)}`);
      return [];
    } finally {
      await session.close();
    }
  }
}
