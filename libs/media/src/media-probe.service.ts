import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import ffmpeg from 'fluent-ffmpeg';
import { ffmpegFailureDetail } from './ffmpeg-args';
import { MediaError } from './media-error';
import { ProbeData, VideoInfo, videoInfoFromProbe } from './video-info';

@Injectable()
export class MediaProbe {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Reads the container with ffprobe; a file ffprobe cannot parse is not a video we can register. */
  async probe(file: string): Promise<VideoInfo> {
    const data = await new Promise<ProbeData>((resolve, reject) => {
      ffmpeg(file)
        .setFfprobePath(this.config.ffmpeg.ffprobePath)
        .ffprobe(['-hide_banner'], (err: Error | null, out: ProbeData) => (err ? reject(toMediaError(err, file)) : resolve(out)));
    });
    return videoInfoFromProbe(data);
  }
}

function toMediaError(err: Error, file: string): MediaError {
  if (/ENOENT|Cannot find ffprobe/i.test(err.message)) return new MediaError('ffmpeg_missing', 'ffprobe is not installed on the server');
  const detail = ffmpegFailureDetail(err.message, file, 'unknown format');
  return new MediaError('unreadable_media', `the file is not a readable video (${detail})`);
}
