import { Injectable } from '@nestjs/common';
import { encodeFingerprint, FINGERPRINT_FPS, FingerprintBuilder } from '@dramaguard/fingerprint';
import { FrameReader, MediaStore } from '@dramaguard/media';
import { JobRun } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { DomainError } from '../domain-error';
import { RegistrationEntity } from '../entities';
import { FingerprintRepository, RegistrationRepository } from '../repositories';
import { decodeFrames } from './decode-frames';
import { EpisodeIndex } from './episode-index.service';
import { recordFailure } from './job-failure';

/** Decoding is most of the work; storing the fingerprint is the last few percent. */
const DECODE_SHARE = 95;

@Injectable()
export class FingerprintService {
  constructor(
    private readonly db: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly store: MediaStore,
    private readonly frames: FrameReader,
    private readonly index: EpisodeIndex,
  ) {}

  /**
   * Fingerprints a registered episode and makes it matchable. Running it again
   * for a registered episode changes nothing; a failure is recorded on the
   * registration and rethrown for the queue to retry or give up.
   */
  async fingerprint(registrationId: string, run: JobRun): Promise<void> {
    const registration = await this.registrations.findById(registrationId);
    if (!registration) throw new DomainError('registration_not_found', `no registration with id ${registrationId}`);
    if (registration.status === 'registered' && (await this.fingerprints.exists(registrationId))) return;
    try {
      await this.registrations.markFingerprinting(registrationId);
      const data = await this.compute(registration, run);
      await this.db.transaction(async (em) => {
        await this.fingerprints.upsert(em, { registrationId, fps: FINGERPRINT_FPS, frameCount: data.frames, data: data.encoded });
        await this.registrations.markRegistered(em, registrationId);
      });
      await run.reportProgress(100);
    } catch (e) {
      await recordFailure(e, run, {
        markFailed: (reason) => this.registrations.markFailed(registrationId, reason),
        markQueued: () => this.registrations.markQueued(registrationId),
      });
      throw e;
    }
    await this.index.sync();
  }

  private async compute(r: RegistrationEntity, run: JobRun): Promise<{ frames: number; encoded: Buffer }> {
    const builder = new FingerprintBuilder(FINGERPRINT_FPS);
    const target = { path: this.store.pathOf(r.mediaKey), width: r.width, height: r.height, durationSeconds: r.durationSeconds };
    const progress = (p: number) => Promise.all([this.registrations.setProgress(r.id, p), run.reportProgress(p)]);
    const frames = await decodeFrames(this.frames, target, DECODE_SHARE, progress, (f) => builder.push(f));
    return { frames, encoded: encodeFingerprint(builder.finish()) };
  }
}
