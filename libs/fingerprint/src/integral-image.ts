import { GreyFrame, Rect } from './grey-frame';

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { floor, max, min } = Math;

/**
 * Summed-area table of a frame, (width+1) x (height+1), so that the mean of any
 * axis-aligned rectangle, with fractional edges, costs four bilinear reads. It
 * lets one frame be resampled into many candidate regions cheaply.
 */
export class IntegralImage {
  private w = 0;
  private h = 0;
  /**
   * Integers, exact in 32 bits for frames up to 8.4 M pixels (the matcher's
   * have a long side of 256 px): half the memory of doubles, and built faster
   * in integer arithmetic, which matters as verification rebuilds a table per
   * frame for every region it hashes the whole clip in.
   */
  private sums = new Int32Array(0);
  /** Scratch space reused by resample, which runs tens of times per frame. */
  private scratch: { n: number; corners: Float64Array; xs: AxisCells; ys: AxisCells } | null = null;
  private axis: { ix: Int32Array; fx: Float64Array } | null = null;

  constructor(frame: GreyFrame) {
    this.load(frame);
  }

  get width(): number {
    return this.w;
  }

  get height(): number {
    return this.h;
  }

  /**
   * Rebuilds the table for another frame, reusing its memory when the size
   * allows: a matcher hashing hundreds of frames one after the other would
   * otherwise allocate (and collect) a table per frame.
   */
  load(frame: GreyFrame): void {
    const { width: w, height: h, data } = frame;
    if (data.length < w * h) throw new RangeError(`frame data holds ${data.length} bytes, expected ${w * h}`);
    if (w * h * 255 > 0x7fffffff) throw new RangeError(`frame of ${w}x${h} is too large for 32-bit sums`);
    this.w = w;
    this.h = h;
    const stride = w + 1;
    if (this.sums.length !== stride * (h + 1)) this.sums = new Int32Array(stride * (h + 1));
    const s = this.sums;
    for (let y = 0; y < h; y++) {
      let row = 0;
      const src = y * w;
      const dst = (y + 1) * stride;
      for (let x = 0; x < w; x++) {
        row = (row + data[src + x]) | 0;
        s[dst + x + 1] = (s[dst - stride + x + 1] + row) | 0;
      }
    }
  }

  /** Sum over [0,x) x [0,y) in pixel units, x and y within the picture, bilinear between grid points. */
  private at(x: number, y: number): number {
    const w = this.width;
    const h = this.height;
    const ix = min(w - 1, floor(x));
    const iy = min(h - 1, floor(y));
    const fx = x - ix;
    const fy = y - iy;
    const stride = w + 1;
    const s = this.sums;
    const top = iy * stride + ix;
    const bottom = top + stride;
    return (s[top] * (1 - fx) + s[top + 1] * fx) * (1 - fy) + (s[bottom] * (1 - fx) + s[bottom + 1] * fx) * fy;
  }

  /**
   * Resamples `rect` (normalised coordinates) to an n x n grid of cell means.
   * Neighbouring cells share corners, so (n+1)^2 table reads serve n^2 cells.
   * Cells falling wholly outside the picture repeat the nearest cell inside it,
   * so a region hypothesis that overhangs the frame still yields a full grid.
   */
  resample(rect: Rect, n: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
    if (rect.angle) return this.resampleTurned(rect, n, out);
    if (!this.scratch || this.scratch.n !== n) this.scratch = { n, corners: new Float64Array((n + 1) * (n + 1)), xs: axisCells(n), ys: axisCells(n) };
    const { corners, xs, ys } = this.scratch;
    edges(rect.x0 * this.width, rect.x1 * this.width, this.width, xs);
    edges(rect.y0 * this.height, rect.y1 * this.height, this.height, ys);
    this.cornerSums(xs.pos, ys.pos, corners);
    const { cell: xCell, size: xSize } = xs;
    for (let i = 0; i < n; i++) xSize[i] = xs.pos[xCell[i] + 1] - xs.pos[xCell[i]];
    for (let j = 0; j < n; j++) {
      const cj = ys.cell[j];
      const ch = ys.pos[cj + 1] - ys.pos[cj];
      const top = cj * (n + 1);
      const bottom = top + n + 1;
      const row = j * n;
      for (let i = 0; i < n; i++) {
        const ci = xCell[i];
        const area = xSize[i] * ch;
        const a = top + ci;
        const b = bottom + ci;
        const sum = corners[b + 1] - corners[b] - corners[a + 1] + corners[a];
        out[row + i] = area > 1e-9 ? sum / area : 0;
      }
    }
    return out;
  }

  /** Table values at every (xs[i], ys[j]), bilinear between grid points; the per-axis split is done once. */
  private cornerSums(xs: Float64Array, ys: Float64Array, out: Float64Array): void {
    const w = this.width;
    const h = this.height;
    const stride = w + 1;
    const s = this.sums;
    const m = xs.length;
    const { ix, fx } = this.axisScratch(m);
    for (let i = 0; i < m; i++) {
      ix[i] = min(w - 1, floor(xs[i]));
      fx[i] = xs[i] - ix[i];
    }
    for (let j = 0; j < ys.length; j++) {
      const iy = min(h - 1, floor(ys[j]));
      const fy = ys[j] - iy;
      const top = iy * stride;
      const bottom = top + stride;
      for (let i = 0; i < m; i++) {
        const a = top + ix[i];
        const b = bottom + ix[i];
        const f = fx[i];
        out[j * m + i] = (s[a] + (s[a + 1] - s[a]) * f) * (1 - fy) + (s[b] + (s[b + 1] - s[b]) * f) * fy;
      }
    }
  }

  private axisScratch(m: number): { ix: Int32Array; fx: Float64Array } {
    if (!this.axis || this.axis.ix.length !== m) this.axis = { ix: new Int32Array(m), fx: new Float64Array(m) };
    return this.axis;
  }

  /**
   * Resamples a turned rectangle: each cell takes the mean of an axis-aligned
   * box of the cell's size around its turned centre, which for the few degrees
   * a re-upload is rotated by is close to the mean over the turned cell.
   */
  private resampleTurned(rect: Rect, n: number, out: Float64Array): Float64Array {
    const w = this.width;
    const h = this.height;
    const rad = ((rect.angle ?? 0) * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const cx = ((rect.x0 + rect.x1) / 2) * w;
    const cy = ((rect.y0 + rect.y1) / 2) * h;
    const cw = ((rect.x1 - rect.x0) * w) / n;
    const ch = ((rect.y1 - rect.y0) * h) / n;
    for (let j = 0; j < n; j++) {
      const dy = (j + 0.5 - n / 2) * ch;
      for (let i = 0; i < n; i++) {
        const dx = (i + 0.5 - n / 2) * cw;
        const px = cx + dx * cos - dy * sin;
        const py = cy + dx * sin + dy * cos;
        const xa = min(w - 1, max(0, px - cw / 2));
        const xb = min(w, max(xa + 1e-3, px + cw / 2));
        const ya = min(h - 1, max(0, py - ch / 2));
        const yb = min(h, max(ya + 1e-3, py + ch / 2));
        const sum = this.at(xb, yb) - this.at(xa, yb) - this.at(xb, ya) + this.at(xa, ya);
        out[j * n + i] = sum / ((xb - xa) * (yb - ya));
      }
    }
    return out;
  }
}

interface AxisCells {
  readonly pos: Float64Array;
  readonly cell: Int32Array;
  /** Width of each cell's source, filled by resample once per call for its inner loop. */
  readonly size: Float64Array;
}

function axisCells(n: number): AxisCells {
  return { pos: new Float64Array(n + 1), cell: new Int32Array(n), size: new Float64Array(n) };
}

/**
 * Cell edges along one axis clamped to [0, size], and for each cell the cell
 * whose pixels it takes: itself, or the nearest cell with a non-empty part
 * inside the picture.
 */
function edges(from: number, to: number, size: number, out: AxisCells): void {
  const { pos, cell } = out;
  const n = cell.length;
  const step = (to - from) / n;
  for (let i = 0; i <= n; i++) pos[i] = min(size, max(0, from + i * step));
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (pos[i + 1] - pos[i] > 1e-6) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    // The region misses the picture on this axis: use the nearest edge pixel.
    const edge = from >= size ? size - 1 : 0;
    for (let i = 0; i <= n; i++) pos[i] = edge + i / n;
    for (let i = 0; i < n; i++) cell[i] = i;
    return;
  }
  for (let i = 0; i < n; i++) cell[i] = i < first ? first : i > last ? last : i;
}
