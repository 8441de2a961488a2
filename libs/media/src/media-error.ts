/** Why a file could not be used as video; `detail` is worded for the person who uploaded it. */
/** `decode_interrupted`: ffmpeg was killed from outside (out of memory, operator), not stopped by the file. */
export type MediaErrorCode = 'unreadable_media' | 'no_video_stream' | 'decode_failed' | 'decode_interrupted' | 'ffmpeg_missing';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'MediaError';
  }
}
