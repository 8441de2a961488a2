import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@dramaguard/queue';
import { Caller, canChangeWork, canSeeWork, visibleRegistration } from '@dramaguard/rights';
import { DomainError, RegistrationEntity, RegistrationRepository, violatedUniqueConstraint, WorkRepository } from '@dramaguard/records';
import { formatRegistrationNumber } from './registration-number';
import { IdentifiedUpload, mediaColumns, UploadIntake } from './upload-intake.service';
import { QueueBackpressure } from './queue-backpressure.service';
import { IncomingUpload } from './upload-rules';

export interface EpisodeInput {
  readonly number: number;
  readonly title: string;
}

@Injectable()
export class RegistrationService {
  private readonly log = new Logger(RegistrationService.name);

  constructor(
    private readonly works: WorkRepository,
    private readonly registrations: RegistrationRepository,
    private readonly intake: UploadIntake,
    private readonly queue: JobQueue,
    private readonly backpressure: QueueBackpressure,
  ) {}

  /**
   * Files an episode: the work must exist and have room for the episode
   * number, the file must be new and a valid video; the registration is queued
   * for fingerprinting only once its rows are committed.
   */
  async register(caller: Caller, workId: string, episode: EpisodeInput, upload: IncomingUpload | undefined): Promise<RegistrationEntity> {
    const work = await this.works.findById(workId);
    if (!work || !canSeeWork(caller, work)) throw new DomainError('work_not_found', `no work with id ${workId}`);
    if (!canChangeWork(caller, work)) throw new DomainError('forbidden', 'only the rights holder of the work and admins register its episodes');
    if (episode.number > work.episodeCount) {
      throw new DomainError('episode_out_of_range', `episode ${episode.number} is beyond the ${work.episodeCount} episodes the work declares`);
    }
    await this.backpressure.assertRoom('fingerprint-episode');
    const file = await this.intake.identify(upload);
    await this.refuseDuplicate(file.sha256);
    if (await this.registrations.episodeExists(workId, episode.number)) throw episodeExists(episode.number);
    const info = await this.intake.inspect(file);
    const stored = await this.intake.keep(file, 'episodes');
    let registration: RegistrationEntity;
    try {
      registration = await this.registrations.insertWithEpisode({
        workId,
        episodeNumber: episode.number,
        episodeTitle: episode.title,
        number: (serial) => formatRegistrationNumber(new Date().getUTCFullYear(), serial),
        ...mediaColumns(file, info, stored),
      });
    } catch (e) {
      await this.intake.release(stored);
      throw await this.explainInsertFailure(e, file, episode.number);
    }
    await this.enqueueOrWithdraw(registration, stored);
    return this.get(caller, registration.id);
  }

  /** With its exclusions; a registration of a work the caller may not see is reported as missing. */
  async get(caller: Caller, id: string): Promise<RegistrationEntity> {
    return visibleRegistration(caller, await this.registrations.findDetailed(id), id);
  }

  private async refuseDuplicate(sha256: string): Promise<void> {
    const existing = await this.registrations.findBySha256(sha256);
    if (existing) throw duplicateOf(existing);
  }

  /** A concurrent upload can pass the checks and win the insert; report what it collided with. */
  private async explainInsertFailure(e: unknown, file: IdentifiedUpload, episodeNumber: number): Promise<unknown> {
    const constraint = violatedUniqueConstraint(e);
    if (constraint === 'uq_episodes_work_number') return episodeExists(episodeNumber);
    if (constraint?.includes('sha256')) {
      const existing = await this.registrations.findBySha256(file.sha256);
      if (existing) return duplicateOf(existing);
    }
    return e;
  }

  private async enqueueOrWithdraw(registration: RegistrationEntity, stored: { key: string; created: boolean }): Promise<void> {
    try {
      await this.queue.enqueue('fingerprint-episode', { registrationId: registration.id });
    } catch (e) {
      this.log.error(`could not queue registration ${registration.id}: ${(e as Error).message}`);
      await this.registrations.deleteWithEpisode(registration);
      await this.intake.release(stored);
      throw new DomainError('queue_unavailable', 'the job queue is unavailable; nothing was registered, please retry shortly');
    }
  }
}

function duplicateOf(existing: RegistrationEntity): DomainError {
  return new DomainError('duplicate_file', `this file is already registered as ${existing.number}`, {
    registrationId: existing.id,
    registrationNumber: existing.number,
    status: existing.status,
  });
}

function episodeExists(number: number): DomainError {
  return new DomainError('episode_exists', `episode ${number} of this work is already registered`);
}
