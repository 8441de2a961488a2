import { CORNERS, GRID, N, X_CELL, X_FRACTION, X_INDEX, X_POS, X_SIZE, Y_CELL, Y_POS } from './layout';

// A region of a frame averaged down to the N x N grid the DCT reads.

/** Cell edges along one axis clamped to [0, size], and each cell's source cell (as the TypeScript hasher's `edges` did). */
function edges(from: f64, to: f64, size: f64, pos: usize, cell: usize): void {
  const step = (to - from) / <f64>N;
  for (let i = 0; i <= N; i++) store<f64>(pos + (<usize>i << 3), min(size, max(0.0, from + <f64>i * step)));
  let first = -1;
  let last = -1;
  for (let i = 0; i < N; i++) {
    if (load<f64>(pos + (<usize>(i + 1) << 3)) - load<f64>(pos + (<usize>i << 3)) > 1e-6) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    const edge = from >= size ? size - 1 : 0.0;
    for (let i = 0; i <= N; i++) store<f64>(pos + (<usize>i << 3), edge + <f64>i / <f64>N);
    for (let i = 0; i < N; i++) store<i32>(cell + (<usize>i << 2), i);
    return;
  }
  for (let i = 0; i < N; i++) store<i32>(cell + (<usize>i << 2), i < first ? first : i > last ? last : i);
}

/**
 * The N x N cell means of an axis-aligned rectangle (normalised coordinates)
 * into GRID. Neighbouring cells share corners, so (N + 1)^2 bilinear reads of
 * the table serve N^2 cells; both loops run two lanes at a time, each lane
 * computing what the TypeScript hasher's scalar code did.
 */
export function resample(table: usize, w: i32, h: i32, x0: f64, y0: f64, x1: f64, y1: f64): void {
  const width = <f64>w;
  const height = <f64>h;
  edges(x0 * width, x1 * width, width, X_POS, X_CELL);
  edges(y0 * height, y1 * height, height, Y_POS, Y_CELL);
  const stride = w + 1;
  const m = N + 1;
  for (let i = 0; i < m; i++) {
    const x = load<f64>(X_POS + (<usize>i << 3));
    const ix = <i32>min(<f64>(w - 1), Math.floor(x));
    store<i32>(X_INDEX + (<usize>i << 2), ix << 2);
    store<f64>(X_FRACTION + (<usize>i << 3), x - <f64>ix);
  }
  const one = f64x2.splat(1);
  for (let j = 0; j < m; j++) {
    const y = load<f64>(Y_POS + (<usize>j << 3));
    const iy = <i32>min(<f64>(h - 1), Math.floor(y));
    const fy = f64x2.splat(y - <f64>iy);
    const gy = f64x2.sub(one, fy);
    const top = table + (<usize>(iy * stride) << 2);
    const bottom = top + (<usize>stride << 2);
    const out = CORNERS + (<usize>(j * m) << 3);
    for (let i = 0; i < N; i += 2) {
      const c0 = <usize>load<i32>(X_INDEX + (<usize>i << 2));
      const c1 = <usize>load<i32>(X_INDEX + (<usize>(i + 1) << 2));
      const f = v128.load(X_FRACTION + (<usize>i << 3));
      const t = v128.load64_lane(top + c1, v128.load64_zero(top + c0), 1);
      const b = v128.load64_lane(bottom + c1, v128.load64_zero(bottom + c0), 1);
      const t0 = f64x2.convert_low_i32x4_s(v128.shuffle<i32>(t, t, 0, 2, 0, 2));
      const b0 = f64x2.convert_low_i32x4_s(v128.shuffle<i32>(b, b, 0, 2, 0, 2));
      const upper = f64x2.add(t0, f64x2.mul(f64x2.sub(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(t, t, 1, 3, 1, 3)), t0), f));
      const lower = f64x2.add(b0, f64x2.mul(f64x2.sub(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(b, b, 1, 3, 1, 3)), b0), f));
      v128.store(out + (<usize>i << 3), f64x2.add(f64x2.mul(upper, gy), f64x2.mul(lower, fy)));
    }
    const ix = <usize>load<i32>(X_INDEX + (<usize>N << 2));
    const f = load<f64>(X_FRACTION + (<usize>N << 3));
    const a = <f64>load<i32>(top + ix);
    const b = <f64>load<i32>(bottom + ix);
    const upper = a + (<f64>load<i32>(top + ix + 4) - a) * f;
    const lower = b + (<f64>load<i32>(bottom + ix + 4) - b) * f;
    store<f64>(out + (<usize>N << 3), upper * f64x2.extract_lane(gy, 0) + lower * f64x2.extract_lane(fy, 0));
  }
  for (let i = 0; i < N; i++) {
    const c = <usize>load<i32>(X_CELL + (<usize>i << 2));
    store<f64>(X_SIZE + (<usize>i << 3), load<f64>(X_POS + ((c + 1) << 3)) - load<f64>(X_POS + (c << 3)));
  }
  const tiny = f64x2.splat(1e-9);
  const zero = f64x2.splat(0);
  for (let j = 0; j < N; j++) {
    const cj = <usize>load<i32>(Y_CELL + (<usize>j << 2));
    const ch = f64x2.splat(load<f64>(Y_POS + ((cj + 1) << 3)) - load<f64>(Y_POS + (cj << 3)));
    const top = CORNERS + ((cj * <usize>m) << 3);
    const bottom = top + (<usize>m << 3);
    const row = GRID + (<usize>(j * N) << 3);
    for (let i = 0; i < N; i += 2) {
      const c0 = <usize>load<i32>(X_CELL + (<usize>i << 2)) << 3;
      const c1 = <usize>load<i32>(X_CELL + (<usize>(i + 1) << 2)) << 3;
      const b0 = v128.load(bottom + c0);
      const b1 = v128.load(bottom + c1);
      const t0 = v128.load(top + c0);
      const t1 = v128.load(top + c1);
      const sum = f64x2.add(
        f64x2.sub(f64x2.sub(v128.shuffle<f64>(b0, b1, 1, 3), v128.shuffle<f64>(b0, b1, 0, 2)), v128.shuffle<f64>(t0, t1, 1, 3)),
        v128.shuffle<f64>(t0, t1, 0, 2),
      );
      const area = f64x2.mul(v128.load(X_SIZE + (<usize>i << 3)), ch);
      v128.store(row + (<usize>i << 3), v128.bitselect(f64x2.div(sum, area), zero, f64x2.gt(area, tiny)));
    }
  }
}

/**
 * Cell means of a turned rectangle into GRID: each cell the mean of an
 * axis-aligned box of the cell's size around its turned centre, its four
 * corners bilinear reads of the table. No two cells share a corner once the
 * grid is turned, so this reads four times what the upright resample does.
 * Two cells of a row go side by side in SIMD lanes, each lane computing what
 * the TypeScript hasher's scalar code did (up to d006bd1). Two shortcuts keep
 * every value:
 * - pmin and pmax (one instruction each) differ from min and max only for NaN
 *   and for equal zeros of opposite signs, which these finite coordinates,
 *   clamped to [0, size], never feed a result;
 * - a whole number below 2^31 plus 2^52 holds the number in its low 32 bits,
 *   so a cell index is read from a lane without a saturating conversion.
 * They took it from 22.4 µs to 16.2, then to 13.5 (docs/BENCHMARK.md, section 21).
 * The rectangle comes normalised; cos and sin come from the host's Math, as
 * WebAssembly has no cosine and AssemblyScript's could differ in a last bit.
 */
export function resampleTurned(table: usize, w: i32, h: i32, x0: f64, y0: f64, x1: f64, y1: f64, cos: f64, sin: f64): void {
  const cx = ((x0 + x1) / 2) * <f64>w;
  const cy = ((y0 + y1) / 2) * <f64>h;
  const cw = ((x1 - x0) * <f64>w) / <f64>N;
  const ch = ((y1 - y0) * <f64>h) / <f64>N;
  const half = <f64>N / 2;
  const stride = <usize>(w + 1) << 2;
  const lastX = f64x2.splat(<f64>w - 1);
  const lastY = f64x2.splat(<f64>h - 1);
  const width = f64x2.splat(<f64>w);
  const height = f64x2.splat(<f64>h);
  const zero = f64x2.splat(0);
  const gap = f64x2.splat(1e-3);
  const halfW = f64x2.splat(cw / 2);
  const halfH = f64x2.splat(ch / 2);
  const centreX = f64x2.splat(cx);
  const centreY = f64x2.splat(cy);
  const vCos = f64x2.splat(cos);
  const vSin = f64x2.splat(sin);
  const twoTo52 = f64x2.splat(4503599627370496.0);
  for (let j = 0; j < N; j++) {
    const dy = (<f64>j + 0.5 - half) * ch;
    const dySin = f64x2.splat(dy * sin);
    const dyCos = f64x2.splat(dy * cos);
    for (let i = 0; i < N; i += 2) {
      const dx = f64x2((<f64>i + 0.5 - half) * cw, (<f64>(i + 1) + 0.5 - half) * cw);
      const px = f64x2.sub(f64x2.add(centreX, f64x2.mul(dx, vCos)), dySin);
      const py = f64x2.add(f64x2.add(centreY, f64x2.mul(dx, vSin)), dyCos);
      const xa = f64x2.pmin(lastX, f64x2.pmax(zero, f64x2.sub(px, halfW)));
      const xb = f64x2.pmin(width, f64x2.pmax(f64x2.add(xa, gap), f64x2.add(px, halfW)));
      const ya = f64x2.pmin(lastY, f64x2.pmax(zero, f64x2.sub(py, halfH)));
      const yb = f64x2.pmin(height, f64x2.pmax(f64x2.add(ya, gap), f64x2.add(py, halfH)));
      const ia = f64x2.pmin(lastX, f64x2.floor(xa));
      const ib = f64x2.pmin(lastX, f64x2.floor(xb));
      const ja = f64x2.pmin(lastY, f64x2.floor(ya));
      const jb = f64x2.pmin(lastY, f64x2.floor(yb));
      const fa = f64x2.sub(xa, ia);
      const fb = f64x2.sub(xb, ib);
      const ga = f64x2.sub(ya, ja);
      const gb = f64x2.sub(yb, jb);
      const colA = f64x2.add(ia, twoTo52);
      const colB = f64x2.add(ib, twoTo52);
      const rowA = f64x2.add(ja, twoTo52);
      const rowB = f64x2.add(jb, twoTo52);
      const bb = corners(table, stride, rowB, colB, fb, gb);
      const ab = corners(table, stride, rowB, colA, fa, gb);
      const ba = corners(table, stride, rowA, colB, fb, ga);
      const aa = corners(table, stride, rowA, colA, fa, ga);
      const sum = f64x2.add(f64x2.sub(f64x2.sub(bb, ab), ba), aa);
      v128.store(GRID + (<usize>(j * N + i) << 3), f64x2.div(sum, f64x2.mul(f64x2.sub(xb, xa), f64x2.sub(yb, ya))));
    }
  }
}

/**
 * The table bilinear at two points (one a lane): rows and columns hold their
 * cells' top-left indices plus 2^52 (low words: lanes 0 and 2 as i32), fx and
 * fy their fractions. A point's two sums of one row are adjacent, read as one
 * 64-bit word.
 */
// @ts-ignore: decorator
@inline
function corners(table: usize, stride: usize, rows: v128, columns: v128, fx: v128, fy: v128): v128 {
  const at0 = table + <usize>i32x4.extract_lane(rows, 0) * stride + (<usize>i32x4.extract_lane(columns, 0) << 2);
  const at1 = table + <usize>i32x4.extract_lane(rows, 2) * stride + (<usize>i32x4.extract_lane(columns, 2) << 2);
  const top = v128.load64_lane(at1, v128.load64_zero(at0), 1);
  const bottom = v128.load64_lane(at1 + stride, v128.load64_zero(at0 + stride), 1);
  const one = f64x2.splat(1);
  const gx = f64x2.sub(one, fx);
  const upper = f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(top, top, 0, 2, 0, 2)), gx), f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(top, top, 1, 3, 1, 3)), fx));
  const lower = f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(bottom, bottom, 0, 2, 0, 2)), gx), f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(bottom, bottom, 1, 3, 1, 3)), fx));
  return f64x2.add(f64x2.mul(upper, f64x2.sub(one, fy)), f64x2.mul(lower, fy));
}
