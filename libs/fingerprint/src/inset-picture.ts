import { GreyFrame, Rect } from './grey-frame';

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { abs, max, min, round } = Math;

/** Sizes (share of the frame, each axis) and corner margins tried for an inset picture. */
const MIN_SCALE = 0.3;
const MAX_SCALE = 0.75;
const MAX_MARGIN = 0.08;
/** Pixels by which the refinement may change the best rectangle's width. */
const REFINE_SIZE = 4;
/** The best rectangle must stand out this much from the typical candidate's edge contrast. */
const MIN_PROMINENCE = 4;
/**
 * Edge contrast (grey levels a frame) below which one of the best rectangle's
 * inner sides is not taken for an edge: a pasted copy has two, one still edge
 * in the footage (a bar, a frame inside a piece) has one (docs/BENCHMARK.md,
 * section 47).
 */
const MIN_SIDE = 5;

/**
 * Finds a picture-in-picture copy: a smaller video pasted in a corner of the
 * frame over other footage. Its border is a long straight edge that stays put
 * while the pictures on both sides of it move, so the detector averages the
 * horizontal and vertical gradient magnitude of every pixel over the clip and
 * looks for the corner-anchored rectangle (same aspect ratio as the frame)
 * whose four sides are the most persistent edges: each side scores the edge
 * energy along it minus the energy two pixels to either side. It is taken for
 * an inset only if both of its sides inside the frame are edges.
 */
export class InsetPictureDetector {
  private readonly gx: Float64Array;
  private readonly gy: Float64Array;
  private frames = 0;

  constructor(readonly width: number, readonly height: number) {
    this.gx = new Float64Array(width * height);
    this.gy = new Float64Array(width * height);
  }

  push(frame: GreyFrame): void {
    const { width: w, height: h, data } = frame;
    if (w !== this.width || h !== this.height) throw new RangeError(`frame is ${w}x${h}, detector expects ${this.width}x${this.height}`);
    const gx = this.gx;
    const gy = this.gy;
    for (let y = 0; y < h - 1; y++) {
      for (let i = y * w, end = i + w - 1; i < end; i++) {
        const v = data[i];
        gx[i] += abs(data[i + 1] - v);
        gy[i] += abs(data[i + w] - v);
      }
    }
    this.frames++;
  }

  detect(): Rect | null {
    const w = this.width;
    const h = this.height;
    if (this.frames < 2 || w < 32 || h < 32) return null;
    const colSums = cumulative(this.gx, w, h, 'column');
    const rowSums = cumulative(this.gy, w, h, 'row');
    const vertical = (x: number, y0: number, y1: number): number => lineContrast(colSums, h + 1, x, y0, y1, w);
    const horizontal = (y: number, x0: number, x1: number): number => lineContrast(rowSums, w + 1, y, x0, x1, h);
    // A corner-anchored rectangle: corner (cx, cy), margins mx, my, width sw, in pixels.
    type Placed = readonly [cx: number, cy: number, mx: number, my: number, sw: number];
    const bounds = ([cx, cy, mx, my, sw]: Placed) => {
      const sh = round((sw * h) / w);
      const x0 = cx === 0 ? mx : w - mx - sw;
      const y0 = cy === 0 ? my : h - my - sh;
      return { x0, y0, x1: x0 + sw, y1: y0 + sh };
    };
    /** Contrast of the two sides inside the frame, vertical and horizontal, summed over the frames. */
    const innerSides = (at: Placed): [number, number] => {
      const [cx, cy] = at;
      const { x0, y0, x1, y1 } = bounds(at);
      return [vertical(cx === 0 ? x1 : x0, y0, y1), horizontal(cy === 0 ? y1 : y0, x0, x1)];
    };
    const score = (at: Placed): number => {
      const [cx, cy, mx, my] = at;
      const { x0, y0, x1, y1 } = bounds(at);
      const [v, hz] = innerSides(at);
      const inner = v + hz;
      const outer = (mx > 1 ? vertical(cx === 0 ? x0 : x1, y0, y1) : 0) + (my > 1 ? horizontal(cy === 0 ? y0 : y1, x0, x1) : 0);
      return (inner + max(0, outer)) / this.frames;
    };
    const scores: number[] = [];
    let best: { score: number; at: Placed } | null = null;
    for (let m = 0; m <= round(MAX_MARGIN * w); m++) {
      const my = round((m * h) / w);
      for (let sw = round(MIN_SCALE * w); sw <= round(MAX_SCALE * w); sw++) {
        for (const [cx, cy] of CORNERS) {
          const at = [cx, cy, m, my, sw] as const;
          const s = score(at);
          scores.push(s);
          if (!best || s > best.score) best = { score: s, at };
        }
      }
    }
    if (!best) return null;
    // Editors often keep the same margin in pixels on both axes, not the same
    // share of each: in a portrait frame the scan's proportional margin then
    // sits a few pixels off the inset's top or bottom edge, which the region
    // hash does not forgive (docs/BENCHMARK.md, section 47). The best
    // rectangle's two margins and its size are refined each on their own.
    const [cx, cy, , , bw] = best.at;
    for (let mx = 0; mx <= round(MAX_MARGIN * w); mx++) {
      for (let my = 0; my <= round(MAX_MARGIN * h); my++) {
        for (let sw = bw - REFINE_SIZE; sw <= bw + REFINE_SIZE; sw++) {
          const at = [cx, cy, mx, my, sw] as const;
          const s = score(at);
          if (s > best.score) best = { score: s, at };
        }
      }
    }
    const floor = MIN_PROMINENCE * max(medianOf(scores), 1e-9);
    const { x0, y0, x1, y1 } = bounds(best.at);
    const weakest = min(...innerSides(best.at)) / this.frames;
    return best.score > floor && best.score > 8 && weakest > max(floor, MIN_SIDE) ? { x0: x0 / w, y0: y0 / h, x1: x1 / w, y1: y1 / h } : null;
  }
}

const CORNERS: ReadonlyArray<readonly [number, number]> = [[0, 0], [1, 0], [0, 1], [1, 1]];

/** Prefix sums of a gradient map along columns (for vertical lines) or rows (for horizontal lines). */
function cumulative(g: Float64Array, w: number, h: number, along: 'column' | 'row'): Float64Array {
  if (along === 'column') {
    const out = new Float64Array(w * (h + 1));
    for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) out[x * (h + 1) + y + 1] = out[x * (h + 1) + y] + g[y * w + x];
    return out;
  }
  const out = new Float64Array(h * (w + 1));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * (w + 1) + x + 1] = out[y * (w + 1) + x] + g[y * w + x];
  return out;
}

/**
 * Mean gradient along the line at `at` (a column or row index) from `from` to
 * `to`, minus the mean of the lines two steps to either side; the edge of a
 * drawn border may fall on either of two neighbouring pixels, so the stronger
 * of `at - 1` and `at` counts.
 */
function lineContrast(sums: Float64Array, stride: number, at: number, from: number, to: number, limit: number): number {
  if (to - from < 4) return 0;
  const mean = (line: number): number => {
    if (line < 0 || line >= limit - 1) return 0;
    return (sums[line * stride + to] - sums[line * stride + from]) / (to - from);
  };
  const edge = max(mean(at - 1), mean(at));
  return edge - 0.5 * (mean(at - 3) + mean(at + 2));
}

function medianOf(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[s.length >> 1] : 0;
}
