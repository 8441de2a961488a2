import { FULL_FRAME, GreyFrame, Rect } from './grey-frame';

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { abs, ceil, floor, max, min } = Math;

/**
 * Below this share of the picture's central detail a border column/row counts as
 * padding. Clips may hide a copy over a blurred background, so their bar may
 * hold some detail; a registered episode is only trimmed of flat bars, because
 * a quiet but real picture edge (a wall, the sky) must stay in its fingerprint.
 */
export const CLIP_PADDING_RATIO = 0.35;
export const REFERENCE_PADDING_RATIO = 0.05;
/** A padding band narrower than this share of the side is ignored (edge noise, not a bar). */
const MIN_BAND = 0.03;

/**
 * Finds the active picture inside padding: black bars, flat colour, or the
 * blurred, enlarged copy of the video that re-uploaders put behind a vertical
 * drama in a 16:9 frame. Padding has little fine detail however its brightness
 * moves, so the detector accumulates, per column and per row, the mean absolute
 * difference between neighbouring pixels over all frames, and trims bands at
 * the borders whose detail stays far below that of the picture's centre and of
 * the picture just inside them.
 * Frames are pushed one at a time so it can run while ffmpeg streams.
 */
export class ActiveRegionDetector {
  private readonly colDetail: Float64Array;
  private readonly rowDetail: Float64Array;
  private frames = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly paddingRatio = CLIP_PADDING_RATIO,
  ) {
    this.colDetail = new Float64Array(width);
    this.rowDetail = new Float64Array(height);
  }

  push(frame: GreyFrame): void {
    const { width: w, height: h, data } = frame;
    if (w !== this.width || h !== this.height) throw new RangeError(`frame is ${w}x${h}, detector expects ${this.width}x${this.height}`);
    const cols = this.colDetail;
    const rows = this.rowDetail;
    for (let y = 0; y < h - 1; y++) {
      const row = y * w;
      let rowSum = 0;
      for (let x = 0; x < w - 1; x++) {
        const v = data[row + x];
        const d = abs(data[row + x + 1] - v) + abs(data[row + w + x] - v);
        cols[x] += d;
        rowSum += d;
      }
      rows[y] += rowSum;
    }
    this.frames++;
  }

  detect(): Rect {
    if (this.frames === 0 || this.width < 16 || this.height < 16) return FULL_FRAME;
    const [x0, x1] = activeSpan(this.colDetail, this.width - 1, this.paddingRatio);
    const [y0, y1] = activeSpan(this.rowDetail, this.height - 1, this.paddingRatio);
    return { x0: x0 / this.width, y0: y0 / this.height, x1: x1 / this.width, y1: y1 / this.height };
  }
}

export function detectActiveRegion(frames: readonly GreyFrame[], paddingRatio = CLIP_PADDING_RATIO): Rect {
  if (!frames.length) return FULL_FRAME;
  const d = new ActiveRegionDetector(frames[0].width, frames[0].height, paddingRatio);
  for (const f of frames) d.push(f);
  return d.detect();
}

/** [start, end) of the active span of a detail profile with `n` meaningful entries. */
function activeSpan(profile: Float64Array, n: number, ratio: number): [number, number] {
  const level = median(profile.slice(floor(n * 0.35), ceil(n * 0.65)));
  if (level <= 0) return [0, n + 1];
  const start = paddingBand(profile, n, level, ratio, 1);
  const end = n - paddingBand(profile, n, level, ratio, -1);
  if (end - start < n * 0.3) return [0, n + 1];
  return [start, end + 1];
}

/**
 * Width of the padding band at one border (dir 1: left/top, -1: right/bottom),
 * 0 if there is none. The band is the border stretch whose mean detail is below
 * `ratio` of both the picture's central level and the detail just inside it;
 * it ends at the largest local step in detail, snapped to the sharp edge
 * between padding and picture.
 */
function paddingBand(profile: Float64Array, n: number, level: number, ratio: number, dir: 1 | -1): number {
  const at = (i: number): number => profile[dir === 1 ? i : n - 1 - i];
  const mean = (from: number, to: number): number => {
    let s = 0;
    for (let k = max(0, from); k < to; k++) s += at(k);
    return s / max(1, to - max(0, from));
  };
  let bandSum = 0;
  let best = 0;
  let bestStep = 0;
  for (let i = 0; i < floor(n * 0.45); i++) {
    bandSum += at(i);
    const width = i + 1;
    if (width < n * MIN_BAND) continue;
    const band = bandSum / width;
    const inner = mean(width + 3, width + 11);
    if (band > ratio * level || band > ratio * inner) continue;
    const step = inner - mean(width - 8, width);
    if (step > bestStep) {
      bestStep = step;
      best = width;
    }
  }
  if (!best) return 0;
  let edge = best;
  for (let k = max(0, best - 3); k < min(n, best + 4); k++) if (at(k) > at(edge)) edge = k;
  return edge + 1;
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  return s.length ? s[s.length >> 1] : 0;
}
