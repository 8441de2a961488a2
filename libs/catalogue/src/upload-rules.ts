import type { UploadLimits } from '@dramaguard/config';
import type { MediaError, VideoInfo } from '@dramaguard/media';
import { DomainError } from '@dramaguard/records';

/** A file as the api received it: already on disk in the media store's incoming directory. */
export interface IncomingUpload {
  readonly path: string;
  readonly originalName: string;
  readonly sizeBytes: number;
}

/**
 * The name is kept for the record only (files are stored by content hash), but
 * a name with directories or control characters is a client error worth
 * reporting rather than quietly rewriting.
 */
export function checkFileName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return 'upload';
  if (/[/\\]|\p{Cc}/u.test(trimmed) || trimmed === '.' || trimmed === '..') {
    throw new DomainError('invalid_file_name', `the file name "${printable(trimmed)}" must be a plain name without directories or control characters`);
  }
  if (Buffer.byteLength(trimmed) > 255) throw new DomainError('invalid_file_name', 'the file name is longer than 255 bytes');
  return trimmed;
}

function printable(s: string): string {
  const clean = s.replace(/\p{Cc}/gu, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export function checkVideoLimits(info: VideoInfo, limits: UploadLimits): void {
  const d = info.durationSeconds;
  if (d < limits.minDurationSeconds || d > limits.maxDurationSeconds) {
    throw new DomainError(
      'duration_out_of_range',
      `the video lasts ${d.toFixed(2)} s; accepted videos last between ${limits.minDurationSeconds} and ${limits.maxDurationSeconds} s`,
    );
  }
  const sides = [info.width, info.height];
  if (sides.some((s) => s < limits.minDimension || s > limits.maxDimension)) {
    throw new DomainError(
      'dimensions_out_of_range',
      `the picture is ${info.width}x${info.height}; each side must be between ${limits.minDimension} and ${limits.maxDimension} pixels`,
    );
  }
}

/**
 * A file that stops decoding well before its stated end is truncated or
 * damaged; fingerprinting the part that decodes would register less than
 * the rights holder thinks.
 */
export function decodedEnough(frames: number, durationSeconds: number, fps: number): boolean {
  const expected = Math.floor(durationSeconds * fps);
  return frames > 0 && frames >= 0.8 * expected - fps;
}

export function fromMediaError(e: MediaError): DomainError {
  switch (e.code) {
    case 'no_video_stream':
      return new DomainError('no_video_stream', e.detail);
    case 'decode_failed':
      return new DomainError('undecodable_video', e.detail);
    case 'decode_interrupted':
      return new DomainError('decode_interrupted', e.detail);
    case 'ffmpeg_missing':
      return new DomainError('media_tools_missing', e.detail);
    case 'unreadable_media':
      return new DomainError('not_a_video', e.detail);
  }
}
