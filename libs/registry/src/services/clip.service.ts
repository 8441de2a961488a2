import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@dramaguard/queue';
import { DomainError } from '../domain-error';
import { ClipEntity, ClipMatchEntity } from '../entities';
import { ClipRepository, MatchRepository } from '../repositories';
import { UploadIntake } from './upload-intake.service';
import { IncomingUpload } from './upload-rules';

export interface ClipWithMatches {
  readonly clip: ClipEntity;
  readonly matches: ClipMatchEntity[];
}

@Injectable()
export class ClipService {
  private readonly log = new Logger(ClipService.name);

  constructor(
    private readonly clips: ClipRepository,
    private readonly matches: MatchRepository,
    private readonly intake: UploadIntake,
    private readonly queue: JobQueue,
  ) {}

  /** Accepts a suspect clip and queues it for matching; the same clip may be submitted again (new id). */
  async submit(upload: IncomingUpload | undefined): Promise<ClipEntity> {
    const file = await this.intake.identify(upload);
    const info = await this.intake.inspect(file);
    const stored = await this.intake.keep(file, 'clips');
    let clip: ClipEntity;
    try {
      clip = await this.clips.insert({
        sha256: file.sha256,
        mediaKey: stored.key,
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        durationSeconds: info.durationSeconds,
        width: info.width,
        height: info.height,
      });
    } catch (e) {
      await this.intake.release(stored);
      throw e;
    }
    try {
      await this.queue.enqueue('match-clip', { clipId: clip.id });
    } catch (e) {
      this.log.error(`could not queue clip ${clip.id}: ${(e as Error).message}`);
      await this.clips.delete(clip.id);
      await this.intake.release(stored);
      throw new DomainError('queue_unavailable', 'the job queue is unavailable; the clip was not accepted, please retry shortly');
    }
    return clip;
  }

  async get(id: string): Promise<ClipWithMatches> {
    const clip = await this.clips.findById(id);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${id}`);
    return { clip, matches: clip.status === 'done' ? await this.matches.findForClip(id) : [] };
  }
}
