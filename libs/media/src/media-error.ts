/** Why a file could not be used as video; `detail` is worded for the person who uploaded it. */
export type MediaErrorCode = 'unreadable_media' | 'no_video_stream' | 'decode_failed' | 'ffmpeg_missing';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'MediaError';
  }
}
