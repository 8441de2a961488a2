import { FINGERPRINT_FPS, GreyFrame } from '@dramaguard/fingerprint';
import { Logger } from '@nestjs/common';
import { stat } from 'node:fs/promises';
import { FrameReader, MediaError, scaledGeometry } from '@dramaguard/media';
import { noteDecodeTime } from '@dramaguard/observability';
import { DomainError } from '@dramaguard/records';
import { ProgressMeter } from './progress-meter';
import { decodedEnough, fromMediaError } from '@dramaguard/catalogue';
import { youngCollected } from '../matching/collect-garbage';

export interface DecodeTarget {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly durationSeconds: number;
}

/**
 * Feeds every frame of a stored video, as the fingerprint library wants them
 * (FINGERPRINT_FPS, grey, long side 256), to `onFrame`, reporting progress over
 * `span` percent. A file that decodes to much less than its stated length is
 * refused as truncated.
 */
export async function decodeFrames(
  reader: FrameReader,
  target: DecodeTarget,
  span: number,
  progress: (percent: number) => Promise<unknown>,
  onFrame: (frame: GreyFrame) => void,
): Promise<number> {
  if (!(await isFile(target.path))) {
    // Not the video's fault: another attempt, perhaps on a worker that shares the media directory, may find it.
    const message = `the stored video ${target.path} is missing on this worker: is MEDIA_DIR the directory the api stores uploads in?`;
    new Logger('decodeFrames').error(message);
    throw new DomainError('media_missing', message);
  }
  const sampling = { fps: FINGERPRINT_FPS, ...scaledGeometry(target.width, target.height) };
  const meter = new ProgressMeter(Math.floor(target.durationSeconds * FINGERPRINT_FPS), span);
  let count = 0;
  const started = Date.now();
  try {
    for await (const frame of youngCollected(reader.frames(target.path, sampling, target))) {
      onFrame(frame);
      const percent = meter.next(++count);
      if (percent !== null) await progress(percent);
    }
  } catch (e) {
    throw e instanceof MediaError ? fromMediaError(e) : e;
  } finally {
    noteDecodeTime(Date.now() - started);
  }
  if (!decodedEnough(count, target.durationSeconds, FINGERPRINT_FPS)) {
    throw new DomainError(
      'undecodable_video',
      `only ${(count / FINGERPRINT_FPS).toFixed(1)} s of the stated ${target.durationSeconds.toFixed(1)} s could be decoded: the file is truncated or damaged`,
    );
  }
  return count;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
