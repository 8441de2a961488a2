import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import type { GreyFrame } from '@dramaguard/fingerprint';
import ffmpeg from 'fluent-ffmpeg';
import { PassThrough } from 'node:stream';
import { decodeInputOptions, ffmpegFailureDetail, greyFrameOutputOptions, quietInputOptions } from './ffmpeg-args';
import { FrameChunker } from './frame-chunker';
import { FrameGeometry, FrameSampling } from './frame-geometry';
import { MediaError } from './media-error';

@Injectable()
export class FrameReader {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Streams a video's frames as small grey pictures, decoded, sampled and scaled
   * by ffmpeg and piped straight into memory. Stopping the iteration early
   * kills ffmpeg; a decoding failure is thrown after the frames read so far.
   * Given the video's own size, a large video is decoded without deblocking
   * (decodeInputOptions).
   */
  async *frames(file: string, sampling: FrameSampling, source?: FrameGeometry): AsyncGenerator<GreyFrame> {
    // fluent-ffmpeg fails with "Output stream closed" when its output stream
    // closes before it has seen ffmpeg exit, which a busy machine makes likely,
    // and async iteration closes a stream as soon as it is read to the end.
    // So fluent-ffmpeg writes to `sink`, which stays open until ffmpeg is done,
    // and the frames are read from `out`.
    const sink = new PassThrough({ autoDestroy: false });
    const out = new PassThrough();
    sink.pipe(out);
    const command = ffmpeg(file)
      .setFfmpegPath(this.config.ffmpeg.ffmpegPath)
      .inputOptions([...quietInputOptions(), ...(source ? decodeInputOptions(source, sampling) : [])])
      .outputOptions(greyFrameOutputOptions(sampling));
    let finished = false;
    const done = new Promise<void>((resolve, reject) => {
      command.on('end', () => {
        finished = true;
        resolve();
      });
      command.on('error', (err: Error, _stdout: string | null, stderr: string | null) => {
        finished = true;
        const failure = toMediaError(err, stderr ?? '', file);
        out.destroy(failure);
        reject(failure);
      });
    });
    done.catch(() => undefined);
    command.pipe(sink, { end: true });

    const chunker = new FrameChunker(sampling.width * sampling.height);
    try {
      for await (const chunk of out) {
        for (const data of chunker.push(chunk as Buffer)) yield { width: sampling.width, height: sampling.height, data };
      }
      await done;
    } finally {
      if (!finished) command.kill('SIGKILL');
      sink.destroy();
      out.destroy();
    }
  }
}

function toMediaError(err: Error, stderr: string, file: string): MediaError {
  if (/ENOENT|Cannot find ffmpeg/i.test(err.message)) return new MediaError('ffmpeg_missing', 'ffmpeg is not installed on the server');
  const signal = /killed with signal (\w+)/.exec(err.message);
  if (signal) return new MediaError('decode_interrupted', `ffmpeg was interrupted (${signal[1]}) while decoding`);
  return new MediaError('decode_failed', `ffmpeg could not decode the video (${ffmpegFailureDetail(stderr, file, err.message)})`);
}
