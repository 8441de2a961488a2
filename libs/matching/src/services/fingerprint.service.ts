import { Injectable, Logger } from '@nestjs/common';
import { FINGERPRINT_FPS } from '@dramaguard/fingerprint';
import { markShared } from '@dramaguard/hash-index';
import { analyseSharing, EpisodeMatch, SharingAnalysis } from '@dramaguard/matcher';
import { audioItemCount, AudioMatch, audioSharing, AudioVariant, encodeAudioPrint, encodeAudioProbe, markAudioShared } from '@dramaguard/audio';
import { AudioPrinter, FrameReader, FrameStore, MediaStore } from '@dramaguard/media';
import { JobQueue, JobRun } from '@dramaguard/queue';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository, ConflictRepository, DomainError, FingerprintRepository, NewConflictMatch, RegistrationEntity, RegistrationRepository } from '@dramaguard/records';
import { decodeFrames } from './decode-frames';
import { MatchSession, MatchThread } from '../matching/match-thread.service';
import { EpisodeIndex } from './episode-index.service';
import { recordFailure } from './job-failure';
import { registeredEntry } from '@dramaguard/catalogue';
import { RegistrationShardCheck } from './registration-shard-check.service';
import { optionalSoundtrack } from './optional-soundtrack';
import { youngCollected } from '../matching/collect-garbage';

/** Decoding is most of the work; the conflict check and storing the fingerprint are the rest. */
const DECODE_SHARE = 90;

@Injectable()
export class FingerprintService {
  private readonly log = new Logger(FingerprintService.name);

  constructor(
    private readonly db: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly conflicts: ConflictRepository,
    private readonly audit: AuditRepository,
    private readonly store: MediaStore,
    private readonly frames: FrameReader,
    private readonly frameStore: FrameStore,
    private readonly printer: AudioPrinter,
    private readonly index: EpisodeIndex,
    private readonly shardCheck: RegistrationShardCheck,
    private readonly thread: MatchThread,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Fingerprints an episode and, unless it copies an episode another rights
   * holder registered before, makes it matchable and queues the retro-match
   * of recent clips. A copy is held as `conflict` with its evidence for an
   * admin to decide. Running it again for a settled registration only makes
   * sure the retro-match was queued; a failure is recorded on the
   * registration and rethrown for the queue to retry or give up.
   */
  async fingerprint(registrationId: string, run: JobRun): Promise<void> {
    const registration = await this.registrations.findById(registrationId);
    if (!registration) throw new DomainError('registration_not_found', `no registration with id ${registrationId}`);
    if (['registered', 'conflict', 'rejected'].includes(registration.status) && (await this.fingerprints.exists(registrationId))) {
      if (registration.status === 'registered') await this.queue.enqueue('retro-match-episode', { registrationId });
      return;
    }
    let held = false;
    const session = await this.thread.open('build');
    try {
      await this.registrations.markFingerprinting(registrationId);
      const [{ frames, encoded }, sound] = await Promise.all([this.compute(registration, run, session), this.soundtrack(registration, run)]);
      const { analysis, evidence, sounds } = await this.sharing(registration, frames);
      const audio = sound ? encodeAudioPrint(sound.print) : null;
      const shared = audioSharing(sounds);
      const audioShares = sound && shared.own.length ? Buffer.from(markAudioShared(sound.print.items.length, null, shared.own)) : null;
      held = evidence.length > 0;
      await this.db.transaction(async (em) => {
        const shares = analysis.shares.some((b) => b !== 0) ? Buffer.from(analysis.shares) : null;
        await this.fingerprints.upsert(em, { registrationId, fps: FINGERPRINT_FPS, frameCount: frames, data: encoded, shares, audio, audioShares });
        if (!held) {
          await this.recordSharing(em, analysis);
          await this.recordSoundSharing(em, shared.updates);
          await this.registrations.markRegistered(em, registrationId);
          return this.audit.append(em, registeredEntry(registration, encoded, null));
        }
        await this.registrations.markConflict(em, registrationId);
        const conflict = await this.conflicts.insert(em, registrationId, evidence);
        await this.audit.append(em, {
          actorId: null,
          action: 'conflict.opened',
          subjectType: 'conflict',
          subjectId: conflict.id,
          before: null,
          after: { registrationId, status: 'open', matches: evidence.map((e) => ({ registrationId: e.registrationId, ownerId: e.ownerId, score: e.score })) },
        });
      });
      await run.reportProgress(100);
    } catch (e) {
      await recordFailure(e, run, {
        markFailed: (reason) => this.registrations.markFailed(registrationId, reason),
        markQueued: () => this.registrations.markQueued(registrationId),
      });
      throw e;
    } finally {
      await session.close();
      await this.frameStore.remove(registrationId);
    }
    if (held) return;
    await this.index.sync();
    await this.queue.enqueue('retro-match-episode', { registrationId });
  }

  /**
   * What the new episode shares with the registry (docs/FINGERPRINT.md, section
   * 7): its frames are matched with share weights ignored, so content already
   * known to be common is found again. Content shared within the holder's own
   * works (recaps, a series' intro) and short content shared with another
   * holder (a platform sting) is common; a long copy of another holder's
   * episode is a conflict.
   */
  private async sharing(registration: RegistrationEntity, frames: number): Promise<{ analysis: SharingAnalysis; evidence: NewConflictMatch[]; sounds: AudioMatch[] }> {
    const holder = registration.episode?.work?.ownerId;
    const work = registration.episode?.workId;
    const answers = await this.shardCheck.matches(registration.id);
    const found = answers.pictures.filter((m) => m.episode !== registration.id);
    const sounds = answers.sounds.filter((m) => m.episode !== registration.id);
    const matched = await this.registrations.findByIds(found.map((m) => m.episode));
    const owners = new Map(matched.map((r) => [r.id, { holder: r.episode?.work?.ownerId ?? '', group: r.episode?.workId ?? '' }]));
    const analysis = analyseSharing(frames, { holder: holder ?? '', group: work ?? '' }, found, (e) => owners.get(e));
    const evidence = analysis.conflicts.map((m) => toEvidence(m, owners.get(m.episode)?.holder as string));
    if (evidence.length) this.log.warn(`registration ${registration.id} copies ${evidence.length} episode(s) of other rights holders: held as conflict`);
    return { analysis, evidence, sounds };
  }

  /** Adds what the new episode shares to the share bytes of the episodes it shares it with. */
  private async recordSharing(em: EntityManager, analysis: SharingAnalysis): Promise<void> {
    const current = await this.fingerprints.sharesForUpdate(em, analysis.updates.map((u) => u.episode));
    for (const u of analysis.updates) {
      const row = current.get(u.episode);
      if (!row) continue;
      const shares = row.shares ? Uint8Array.from(row.shares) : new Uint8Array(row.frameCount);
      for (const r of u.ranges) markShared(shares, r.first, r.last, r.acrossHolders);
      await this.fingerprints.updateShares(em, u.episode, Buffer.from(shares));
    }
  }

  /** Marks what the new episode's sound shares in the audio share bytes of the episodes it shares it with (locked, as the picture's are). */
  private async recordSoundSharing(em: EntityManager, updates: ReturnType<typeof audioSharing>['updates']): Promise<void> {
    const current = await this.fingerprints.audioSharesForUpdate(em, updates.map((u) => u.episode));
    for (const u of updates) {
      const row = current.get(u.episode);
      if (row) await this.fingerprints.updateAudioShares(em, u.episode, Buffer.from(markAudioShared(audioItemCount(row.audioHeader), row.shares, u.ranges)));
    }
  }

  /**
   * The episode's soundtrack as heard (no speed correction: clips are
   * corrected instead), written beside its frames for the shards to compare
   * with theirs; null without an audio stream, or when it stays unreadable
   * (optionalSoundtrack): the episode is then registered by its picture
   * rather than refused for its sound.
   */
  private async soundtrack(r: RegistrationEntity, run: JobRun): Promise<AudioVariant | null> {
    const variants = await optionalSoundtrack(
      () => this.printer.print(this.store.pathOf(r.mediaKey), [{ speed: 1, pitchChanged: false }], r.hasAudio),
      run,
      (reason) => this.log.warn(`registration ${r.id}: its soundtrack is unreadable, registered by the picture alone (${reason})`),
    );
    if (!variants) return null;
    await this.frameStore.writeSound(r.id, encodeAudioProbe(variants));
    return variants[0];
  }

  /**
   * Decodes the episode into the match thread, which hashes it, and into a
   * frame file for the shards' conflict check; answers its frame count and
   * encoded fingerprint.
   */
  private async compute(r: RegistrationEntity, run: JobRun, session: MatchSession): Promise<{ frames: number; encoded: Buffer }> {
    const target = { path: this.store.pathOf(r.mediaKey), width: r.width, height: r.height, durationSeconds: r.durationSeconds };
    const progress = (p: number) => Promise.all([this.registrations.setProgress(r.id, p), run.reportProgress(p)]);
    await this.frameStore.record(r.id, (write) =>
      decodeFrames(this.frames, target, DECODE_SHARE, progress, (f) => {
        session.push(f);
        write(f);
      }),
    );
    // An episode with flat bars gets a second view, hashed on a second pass over the frame file.
    if (await session.secondView()) for await (const frame of youngCollected(this.frameStore.read(r.id))) session.push(frame);
    const { frames, encoded } = await session.fingerprint();
    return { frames, encoded: Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength) };
  }
}

function toEvidence(m: EpisodeMatch, ownerId: string): NewConflictMatch {
  return {
    registrationId: m.episode,
    ownerId,
    score: m.score,
    mirrored: m.mirrored,
    segments: m.segments.map((s) => ({ newStart: s.clipStart, newEnd: s.clipEnd, registeredStart: s.refStart, registeredEnd: s.refEnd, speed: s.speed, score: s.score })),
  };
}
