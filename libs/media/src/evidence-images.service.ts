import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import ffmpeg from 'fluent-ffmpeg';
import type SharpModule from 'sharp';
import { PassThrough } from 'node:stream';
import { EVIDENCE_FRAME_HEIGHT, evidenceLayout, FrameOutlines, overlaySvg } from './evidence-layout';
import { ffmpegFailureDetail, quietInputOptions } from './ffmpeg-args';
import { frameGrabInputOptions, frameGrabOutputOptions } from './frame-grab-args';
import { MediaError } from './media-error';

/** Loaded on first use: only the api composes evidence, so libvips stays out of the worker processes (one per shard). */
async function loadSharp(): Promise<typeof SharpModule> {
  return (await import('sharp')).default;
}

export interface FrameTimes {
  readonly clipSeconds: number;
  readonly episodeSeconds: number;
}

/** Side-by-side pictures of a clip and the episode it copies, for reviewers and takedown notices. */
@Injectable()
export class EvidenceImages {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * One PNG: a row per pair of times, the clip's frame left and the episode's
   * right, each with its timecode, and with `outlines` the part of each frame
   * that shows the same picture.
   */
  async compose(clipFile: string, episodeFile: string, times: readonly FrameTimes[], title: string, outlines: FrameOutlines | null): Promise<Buffer> {
    const frames = [];
    for (const t of times) {
      const [clip, episode] = await Promise.all([this.grab(clipFile, t.clipSeconds), this.grab(episodeFile, t.episodeSeconds)]);
      frames.push({ clip, episode, ...t });
    }
    const sharp = await loadSharp();
    const sized = await Promise.all(
      frames.map(async (f) => ({ ...f, clipSize: await sharp(f.clip).metadata(), episodeSize: await sharp(f.episode).metadata() })),
    );
    const layout = evidenceLayout(
      sized.map((f) => ({
        clip: { width: f.clipSize.width ?? 0, height: f.clipSize.height ?? 0 },
        episode: { width: f.episodeSize.width ?? 0, height: f.episodeSize.height ?? 0 },
        clipSeconds: f.clipSeconds,
        episodeSeconds: f.episodeSeconds,
      })),
      title,
      outlines,
    );
    return sharp({ create: { width: layout.width, height: layout.height, channels: 3, background: '#1b1d22' } })
      .composite([
        ...frames.flatMap((f, i) => [
          { input: f.clip, ...layout.clips[i] },
          { input: f.episode, ...layout.episodes[i] },
        ]),
        { input: Buffer.from(overlaySvg(layout)), left: 0, top: 0 },
      ])
      .png()
      .toBuffer();
  }

  /** The frame shown at `seconds`, as a PNG EVIDENCE_FRAME_HEIGHT pixels high. */
  grab(file: string, seconds: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      // Not destroyed at its end: fluent-ffmpeg fails with "Output stream closed"
      // when its output closes before ffmpeg has exited, which a busy machine makes
      // likely (as in FrameReader.frames).
      const out = new PassThrough({ autoDestroy: false });
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      ffmpeg(file)
        .setFfmpegPath(this.config.ffmpeg.ffmpegPath)
        .inputOptions([...quietInputOptions(), ...frameGrabInputOptions(seconds)])
        .outputOptions(frameGrabOutputOptions(EVIDENCE_FRAME_HEIGHT))
        .on('error', (err: Error, _stdout: string | null, stderr: string | null) =>
          reject(new MediaError('decode_failed', `ffmpeg could not take a frame at ${seconds.toFixed(3)} s (${ffmpegFailureDetail(stderr ?? '', file, err.message)})`)),
        )
        .on('end', () => {
          const png = Buffer.concat(chunks);
          if (png.length) resolve(png);
          else reject(new MediaError('decode_failed', `the video has no frame at ${seconds.toFixed(3)} s`));
        })
        .pipe(out, { end: true });
    });
  }
}
