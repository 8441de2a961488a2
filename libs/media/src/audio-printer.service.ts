import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { AudioVariant, itemsFromRaw, SpeedCorrection, voicedItems } from '@dramaguard/audio';
import ffmpeg from 'fluent-ffmpeg';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { audioPrintGraph, LEVEL_RATE } from './audio-args';
import { ffmpegFailureDetail, quietInputOptions } from './ffmpeg-args';
import { MediaError } from './media-error';
import { MediaProbe } from './media-probe.service';

/**
 * A video's soundtrack as Chromaprint items, at each speed correction asked
 * for, with the items that hear sound marked. A video without an audio stream
 * has no soundtrack: null. `hasAudio` is what the upload's probe found; only
 * where it is unknown (null) is the file probed again, a process start that
 * costs 110-150 ms of CPU beside the picture's decode (docs/BENCHMARK.md,
 * section 53).
 */
@Injectable()
export class AudioPrinter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly probe: MediaProbe,
  ) {}

  async print(file: string, corrections: readonly SpeedCorrection[], hasAudio: boolean | null): Promise<AudioVariant[] | null> {
    if (!(hasAudio ?? (await this.probe.probe(file)).hasAudio)) return null;
    const dir = await mkdtemp(join(tmpdir(), 'dg-audio-'));
    try {
      const { filter, outputs } = audioPrintGraph(corrections, (name) => join(dir, name));
      await new Promise<void>((resolve, reject) => {
        const command = ffmpeg(file).setFfmpegPath(this.config.ffmpeg.ffmpegPath).inputOptions(quietInputOptions()).complexFilter(filter);
        for (const o of outputs) command.output(o.file).outputOptions(o.options);
        command
          .on('end', () => resolve())
          .on('error', (err: Error, _out: string | null, stderr: string | null) =>
            reject(new MediaError('decode_failed', `ffmpeg could not read the soundtrack (${ffmpegFailureDetail(stderr ?? '', file, err.message)})`)),
          )
          .run();
      });
      const level = await output(outputs[outputs.length - 1].file);
      const pcm = new Int16Array(level.buffer, level.byteOffset, Math.floor(level.byteLength / 2));
      // Awaited here: returned bare, the reads ran on while `finally` removed their files, and their
      // rejection, unhandled until `finally` ended, ended the worker process (seen in bench:scale).
      return await Promise.all(
        corrections.map(async (c, i) => {
          const items = itemsFromRaw(await output(outputs[i].file));
          return { speed: c.speed, pitchChanged: c.pitchChanged, print: { items, voiced: voicedItems(pcm, LEVEL_RATE, items.length, 1 / c.speed) } };
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** An output ffmpeg did not write although it exited cleanly fails the print as a decode would, to be retried. */
async function output(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new MediaError('decode_failed', `ffmpeg wrote no ${basename(file)} for the soundtrack`);
  }
}
