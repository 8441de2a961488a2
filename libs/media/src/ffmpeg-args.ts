import { FrameGeometry, FrameSampling } from './frame-geometry';

/** Quiet ffmpeg: only errors reach stderr, so the last lines of stderr are the reason for a failure. */
export function quietInputOptions(): string[] {
  return ['-hide_banner', '-nostdin', '-nostats', '-v', 'error'];
}

const DEBLOCK_SKIP_FACTOR = 4;

/**
 * Decoder options for a video of `source` size read as `s`. Where the frames
 * shrink at least DEBLOCK_SKIP_FACTOR times on both axes, the decoder skips its
 * deblocking filter: a coded block of 8 px becomes 2 px or less, averaged with
 * its neighbours by the area scaler, so the edges the filter smooths barely
 * reach the grey frames, and skipping it took 22 % off decoding a 1080x1920
 * clip (docs/FINGERPRINT.md section 1). Smaller videos keep it: their block
 * edges survive the scaling. Decoders without such a filter ignore the option.
 */
export function decodeInputOptions(source: FrameGeometry, s: FrameSampling): string[] {
  const shrink = Math.min(source.width / s.width, source.height / s.height);
  return shrink >= DEBLOCK_SKIP_FACTOR ? ['-skip_loop_filter', 'all'] : [];
}

/**
 * ffmpeg samples, scales and converts to grey itself: `fps` picks the frames
 * shown at each 1/fps instant, `area` averaging is the scaler that aliases least
 * when shrinking, and Node receives only small 8-bit frames.
 */
export function greyFrameFilter(s: FrameSampling): string {
  assertSampling(s);
  return `fps=${s.fps},scale=${s.width}:${s.height}:flags=area,format=gray`;
}

/** Output options for raw grey frames on stdout: first video stream only, no audio, subtitles or data. */
export function greyFrameOutputOptions(s: FrameSampling): string[] {
  return ['-map', '0:v:0', '-an', '-sn', '-dn', '-vf', greyFrameFilter(s), '-pix_fmt', 'gray', '-f', 'rawvideo'];
}

function assertSampling(s: FrameSampling): void {
  const ok = (v: number): boolean => Number.isInteger(v) && v > 0;
  if (!ok(s.fps) || !ok(s.width) || !ok(s.height) || s.width % 2 || s.height % 2) {
    throw new RangeError(`invalid frame sampling ${s.width}x${s.height} at ${s.fps} fps`);
  }
}

/**
 * The last lines of ffmpeg's or ffprobe's stderr, which say what went wrong,
 * trimmed to something a person can read: the server's path of the file and
 * decoder addresses are not theirs to see.
 */
export function ffmpegFailureDetail(stderr: string, file: string, fallback: string): string {
  const lines = stderr
    .split(file)
    .join('input')
    .split('\n')
    .map((l) => l.replace(/\s*@ 0x[0-9a-f]+\]/g, ']').trim())
    .filter((l) => l.length > 0 && !/^(ffprobe|ffmpeg) (exited|version)|^(lib\w+|built with|configuration:)\s/.test(l));
  const text = lines.slice(-3).join('; ');
  if (!text) return fallback;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
