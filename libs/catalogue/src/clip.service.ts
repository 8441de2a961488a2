import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@dramaguard/queue';
import { Caller, normalisePlatform } from '@dramaguard/rights';
import { CaseRepository, ClipEntity, ClipMatchEntity, ClipPurpose, ClipRepository, DomainError, MatchRepository, ReviewCaseEntity, ShardAnswerRepository } from '@dramaguard/records';
import { QueueBackpressure } from './queue-backpressure.service';
import { mediaColumns, UploadIntake } from './upload-intake.service';
import { IncomingUpload } from './upload-rules';

export interface ClipWithMatches {
  readonly clip: ClipEntity;
  readonly matches: ClipMatchEntity[];
  /** The review cases the clip opened, one per unlicensed match. */
  readonly cases: ReviewCaseEntity[];
  /** The shards of the match index whose answer is in the result, once matched. */
  readonly shardsAnswered: number[];
}

/** Where and how a clip was found: the use that a licence may cover. */
export interface ClipUse {
  readonly platform?: string;
  readonly uploaderAccount?: string;
  /** ISO 3166-1 alpha-2. */
  readonly territory?: string;
  /** YYYY-MM-DD; defaults to the day the clip is received. */
  readonly usedOn?: string;
}

@Injectable()
export class ClipService {
  private readonly log = new Logger(ClipService.name);

  constructor(
    private readonly clips: ClipRepository,
    private readonly matches: MatchRepository,
    private readonly cases: CaseRepository,
    private readonly answers: ShardAnswerRepository,
    private readonly intake: UploadIntake,
    private readonly queue: JobQueue,
    private readonly backpressure: QueueBackpressure,
  ) {}

  /** Accepts a clip and queues it for matching; the same clip may be submitted again (new id). */
  async submit(caller: Caller, upload: IncomingUpload | undefined, use: ClipUse, purpose: ClipPurpose = 'infringement_check'): Promise<ClipEntity> {
    await this.backpressure.assertRoom('match-clip');
    const file = await this.intake.identify(upload);
    const info = await this.intake.inspect(file);
    const stored = await this.intake.keep(file, 'clips');
    let clip: ClipEntity;
    try {
      clip = await this.clips.insert({
        ...mediaColumns(file, info, stored),
        submittedBy: caller.id,
        purpose,
        platform: use.platform ? normalisePlatform(use.platform) : null,
        uploaderAccount: use.uploaderAccount?.trim() || null,
        territory: use.territory?.toUpperCase() ?? null,
        usedOn: use.usedOn ?? new Date().toISOString().slice(0, 10),
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

  /** A suspect clip, for reviewers and admins; an ownership query is only its licensee's to read (see OwnershipService). */
  async get(id: string, purpose: ClipPurpose = 'infringement_check', submittedBy?: string): Promise<ClipWithMatches> {
    const clip = await this.clips.findById(id);
    if (!clip || clip.purpose !== purpose || (submittedBy && clip.submittedBy !== submittedBy)) throw new DomainError('clip_not_found', `no clip with id ${id}`);
    if (clip.status !== 'done' && clip.status !== 'incomplete') return { clip, matches: [], cases: [], shardsAnswered: [] };
    const answered =
      clip.status === 'done' ? [...Array(clip.shardCount ?? 0).keys()] : (await this.answers.of('clip', id)).filter((a) => a.failure === null).map((a) => a.shard);
    return { clip, matches: await this.matches.findForClip(id), cases: await this.cases.forClip(id), shardsAnswered: answered };
  }
}
