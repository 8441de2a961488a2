import { MediaError } from './media-error';

/** What ffprobe tells about an upload, with width and height as the picture is displayed. */
export interface VideoInfo {
  readonly durationSeconds: number;
  readonly width: number;
  readonly height: number;
  readonly codec: string;
  readonly hasAudio: boolean;
}

/** The parts of ffprobe's JSON this module reads. */
export interface ProbeData {
  readonly format?: { readonly duration?: number | string; readonly format_name?: string };
  readonly streams?: readonly ProbeStream[];
}

export interface ProbeStream {
  readonly codec_type?: string;
  readonly codec_name?: string;
  readonly width?: number;
  readonly height?: number;
  readonly duration?: number | string;
  readonly sample_aspect_ratio?: string;
  readonly disposition?: { readonly attached_pic?: number };
  readonly tags?: { readonly rotate?: string | number };
  readonly side_data_list?: readonly { readonly rotation?: number | string }[];
}

/**
 * Pure: reads duration and display size from ffprobe output. Cover art (an
 * attached picture in an audio file) is not video. A 90° rotation swaps the
 * displayed sides, and non-square pixels stretch the width, as ffmpeg does when
 * it decodes.
 */
export function videoInfoFromProbe(data: ProbeData): VideoInfo {
  const streams = data.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) throw new MediaError('no_video_stream', 'the file has no video stream (audio only or an image container)');
  const w = video.width ?? 0;
  const h = video.height ?? 0;
  if (!(w > 0 && h > 0)) throw new MediaError('unreadable_media', 'the video stream does not state its picture size');
  const stretched = Math.round(w * pixelAspect(video.sample_aspect_ratio));
  const turned = Math.abs(rotationOf(video)) % 180 === 90;
  const duration = positive(data.format?.duration) ?? positive(video.duration);
  if (duration === undefined) throw new MediaError('unreadable_media', 'the file does not state a duration');
  return {
    durationSeconds: duration,
    width: turned ? h : stretched,
    height: turned ? stretched : h,
    codec: video.codec_name ?? 'unknown',
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
  };
}

function positive(v: number | string | undefined): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

function pixelAspect(sar: string | undefined): number {
  const m = /^(\d+):(\d+)$/.exec(sar ?? '');
  if (!m) return 1;
  const [num, den] = [Number(m[1]), Number(m[2])];
  return num > 0 && den > 0 ? num / den : 1;
}

function rotationOf(s: ProbeStream): number {
  const side = s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const r = Number(side ?? s.tags?.rotate ?? 0);
  return Number.isFinite(r) ? r : 0;
}
