import { Inject, Injectable, Logger } from '@nestjs/common';
import { GreyFrame } from '@dramaguard/fingerprint';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { encodeAudioProbe, speedCorrections } from '@dramaguard/audio';
import { encodeProbes, QueryProbe } from '@dramaguard/matcher';
import { AudioPrinter, FrameReader, FrameStore, MediaStore } from '@dramaguard/media';
import { JobQueue, JobRun } from '@dramaguard/queue';
import { CLIP_SUBJECTS, ClipEntity, ClipRepository, DomainError, ShardAnswerRepository } from '@dramaguard/records';
import { MatchThread } from '../matching/match-thread.service';
import { FrameWindows } from '../matching/windowed-match';
import { decodeFrames } from './decode-frames';
import { recordFailure } from './job-failure';
import { optionalSoundtrack } from './optional-soundtrack';
import { answersEveryShard } from './shard-cover';

/** Decoding is most of a clip's work; the shards' answers make up the rest of its progress. */
export const DECODE_SHARE = 80;

/** Share of the shards' answer deadline their match jobs wait for every shard's geometries: the rest is left for matching. */
const GEOMETRY_WAIT = 0.25;
/** Share of the deadline their verify jobs wait for every shard's candidates: the rest is left for verifying. */
const VERIFY_WAIT = 0.5;

/**
 * Starts a clip's match: decodes it once into a frame file in the shared
 * media directory, with more than one shard also hashes it under every
 * geometry hypothesis once (its full probe, beside the frames, so no shard
 * hashes it again), then sends it to every shard of the match index (one job
 * per shard queue; with several, each first tells the others its geometries)
 * with a deadline for their answers. ShardMatchService
 * answers for a shard, ClipMergeService merges the answers into the result.
 */
@Injectable()
export class MatchService {
  private readonly log = new Logger(MatchService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clips: ClipRepository,
    private readonly answers: ShardAnswerRepository,
    private readonly store: MediaStore,
    private readonly frames: FrameReader,
    private readonly frameStore: FrameStore,
    private readonly printer: AudioPrinter,
    private readonly thread: MatchThread,
    private readonly queue: JobQueue,
  ) {}

  /** Safe to run again: a clip already sent to its shards is only sent again (the shard jobs' ids make that a no-op). */
  async match(clipId: string, run: JobRun): Promise<void> {
    const clip = await this.clips.findById(clipId);
    if (!clip) throw new DomainError('clip_not_found', `no clip with id ${clipId}`);
    if (clip.status === 'done') return;
    // Sent out before: send again (a no-op for every shard job the queue still holds). Incomplete without its frames is final.
    const sent = clip.shardCount !== null && clip.fannedOutAt !== null && (await this.frameStore.exists(clipId));
    if (sent && (clip.status === 'matching' || clip.status === 'incomplete')) return this.fanOut(clipId, clip.shardCount!, clip.fannedOutAt!);
    if (clip.status === 'incomplete') return;
    try {
      const started = Date.now();
      await this.clips.markMatching(clipId);
      await this.answers.clear(CLIP_SUBJECTS, clipId);
      const frames = await this.decode(clip, run);
      const shards = this.config.shards.count;
      const round = new Date();
      await this.clips.markFannedOut(clipId, shards, round);
      await this.fanOut(clipId, shards, round);
      this.log.log(`clip ${clipId}: ${frames} frames decoded in ${Date.now() - started} ms, sent to ${shards} shard(s)`);
    } catch (e) {
      await recordFailure(e, run, {
        markFailed: (reason) => this.clips.markFailed(clipId, reason),
        markQueued: () => this.clips.markQueued(clipId),
      });
      throw e;
    }
  }

  /**
   * A single shard's match job starts at once. Several shards first tell each
   * other the geometries their sparse rounds found (geometry-shard): their
   * match jobs wait, delayed, until the last of them promotes them, or for
   * GEOMETRY_WAIT of the deadline when a shard does not answer. Those propose
   * each shard's candidates, and the verify jobs wait in turn for all of them
   * (or VERIFY_WAIT of the deadline). A worker serving every shard sends the
   * clip to its lowest only, as one job (docs/BENCHMARK.md, section 69).
   */
  private async fanOut(clipId: string, shards: number, sentAt: Date): Promise<void> {
    const round = sentAt.getTime();
    const { timeoutMs, serves } = this.config.shards;
    // Every worker serving a shard this one serves must serve the same list (ShardWorkers), so when this one serves
    // every shard, whoever takes the lowest shard's geometry job matches the clip whole there (answerAlone): the other
    // shards' geometry jobs would do nothing, and the rounds' waiting jobs would be queued only to be removed.
    if (shards > 1 && answersEveryShard(serves, shards)) {
      await Promise.all([
        this.queue.enqueue('merge-clip', { clipId, trigger: 'deadline', round }, { delayMs: timeoutMs }),
        this.queue.enqueue('geometry-shard', { clipId, shard: serves[0], round }),
      ]);
      return;
    }
    const delayMs = shards > 1 ? Math.round(timeoutMs * GEOMETRY_WAIT) : 0;
    const each = (enqueue: (shard: number) => Promise<unknown>) => Array.from({ length: shards }, (_, shard) => enqueue(shard));
    // Side by side, not one round trip after another: the clip's time runs from here. The waiting jobs are in the
    // queues before the geometry jobs start, so the last of those always finds the match jobs there to promote.
    await Promise.all([
      ...each((shard) => this.queue.enqueue('match-shard', { clipId, shard, round }, { delayMs })),
      ...(shards > 1 ? each((shard) => this.queue.enqueue('verify-shard', { clipId, shard, round }, { delayMs: Math.round(timeoutMs * VERIFY_WAIT) })) : []),
      this.queue.enqueue('merge-clip', { clipId, trigger: 'deadline', round }, { delayMs: timeoutMs }),
    ]);
    if (shards > 1) await Promise.all(each((shard) => this.queue.enqueue('geometry-shard', { clipId, shard, round })));
  }

  /**
   * The frames into the frame file and, window by window as they come, into
   * the match thread for the full probe; beside them (a second ffmpeg) the
   * soundtrack at every speed correction into the clip's row. One shard
   * hashes only what its search asks for, which costs less than the full
   * probe (docs/BENCHMARK.md, section 12): the probe is made for two or more.
   */
  private async decode(clip: ClipEntity, run: JobRun): Promise<number> {
    const target = { path: this.store.pathOf(clip.mediaKey), width: clip.width, height: clip.height, durationSeconds: clip.durationSeconds };
    const progress = (p: number) => Promise.all([this.clips.setProgress(clip.id, p), run.reportProgress(p)]);
    const probes = this.config.shards.count > 1 ? new FrameWindows<QueryProbe>(() => this.thread.open('probe'), (session) => session.probe()) : null;
    const record = (write: (frame: GreyFrame) => void) =>
      decodeFrames(this.frames, target, DECODE_SHARE, progress, (frame) => {
        write(frame);
        void probes?.push(frame);
      });
    try {
      const [frames, audio] = await Promise.all([this.frameStore.record(clip.id, record), this.soundtrack(clip, target.path, run)]);
      await this.clips.setAudio(clip.id, audio);
      if (probes) await this.frameStore.writeProbe(clip.id, encodeProbes((await probes.finish()).map((w) => ({ first: w.first, probe: w.value }))));
      return frames;
    } catch (e) {
      await probes?.abort();
      throw e;
    }
  }

  /** The clip's soundtrack at every speed correction (encodeAudioProbe); null without one, or when it stays unreadable (optionalSoundtrack). */
  private soundtrack({ id: clipId, hasAudio }: ClipEntity, path: string, run: JobRun): Promise<Buffer | null> {
    return optionalSoundtrack(
      async () => {
        const variants = await this.printer.print(path, speedCorrections(), hasAudio);
        return variants ? encodeAudioProbe(variants) : null;
      },
      run,
      (reason) => this.log.warn(`clip ${clipId}: its soundtrack is unreadable, matched by the picture alone (${reason})`),
    );
  }
}
