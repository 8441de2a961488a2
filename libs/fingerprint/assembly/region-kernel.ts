// The region hash's arithmetic in WebAssembly (AssemblyScript, compiled by
// `npm run build:wasm` into libs/fingerprint/src/region-kernel-binary.ts).
// Every value is computed by the same IEEE operations in the same order as the
// TypeScript it replaced, so the bits are those registrations were hashed
// with; SIMD lanes only run two columns (or two frequencies) side by side.
// Memory: this scratch below 65536, the module's own data from 65536 (built
// with --memoryBase 65536), the host's frame buffer and tables from 131072.

const N: i32 = 32; // HASH_GRID
const K: i32 = 8; // HASH_FREQS
const HALF: i32 = 16;

const BASIS: usize = 1024; // K x N cosines, written by the host (Math.cos)
const BASIS_PAIRS: usize = BASIS + 2048; // rows (a, a + 2) interleaved by column
const GRID: usize = BASIS_PAIRS + 2048; // N x N cell means
const SUMS: usize = GRID + 8192;
const DIFFS: usize = SUMS + 4096;
const TMP: usize = DIFFS + 4096;
const ROW_SUMS: usize = TMP + 2048;
const ROW_DIFFS: usize = ROW_SUMS + 128;
const COEF: usize = ROW_DIFFS + 128; // K x K, row = vertical frequency
const FLIPPED: usize = COEF + 512;
const SORTED: usize = FLIPPED + 512;
const CORNERS: usize = SORTED + 512; // (N + 1)^2
const X_POS: usize = CORNERS + 8720;
const Y_POS: usize = X_POS + 272;
const X_CELL: usize = Y_POS + 272;
const Y_CELL: usize = X_CELL + 128;
const X_SIZE: usize = Y_CELL + 128;
const X_INDEX: usize = X_SIZE + 256;
const X_FRACTION: usize = X_INDEX + 136;
const WORDS: usize = X_FRACTION + 272; // plain lo, hi, mirrored lo, hi

export function basisAt(): usize {
  return BASIS;
}

export function gridAt(): usize {
  return GRID;
}

export function coefficientsAt(): usize {
  return COEF;
}

export function wordsAt(): usize {
  return WORDS;
}

/** Interleaves the basis rows the second pass pairs: (0, 2), (1, 3), (4, 6), (5, 7). */
export function prepare(): void {
  for (let p = 0; p < 4; p++) {
    const a = p < 2 ? p : p + 2;
    for (let x = 0; x < HALF; x++) {
      const at = BASIS_PAIRS + (<usize>((p * HALF + x) * 2) << 3);
      store<f64>(at, load<f64>(BASIS + (<usize>(a * N + x) << 3)));
      store<f64>(at + 8, load<f64>(BASIS + (<usize>((a + 2) * N + x) << 3)));
    }
  }
}

/**
 * Summed-area table, (w + 1) x (h + 1) 32-bit sums, of the w x h bytes at
 * `src`. Four pixels at a time: their running sums within the row by two
 * shifted adds, plus the row's sum so far, plus the row above. The sums are
 * whole numbers below 2^31, so the order of the adds changes nothing.
 */
export function buildTable(src: usize, table: usize, w: i32, h: i32): void {
  const stride = <usize>(w + 1) << 2;
  memory.fill(table, 0, stride);
  const zero = i32x4.splat(0);
  const quads = w & ~3;
  for (let y = 0; y < h; y++) {
    const from = src + <usize>(y * w);
    const dst = table + <usize>(y + 1) * stride;
    const above = dst - stride;
    store<i32>(dst, 0);
    let carry = zero;
    for (let x = 0; x < quads; x += 4) {
      let v = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(from + <usize>x)));
      v = i32x4.add(v, v128.shuffle<i32>(zero, v, 0, 4, 5, 6));
      v = i32x4.add(v, v128.shuffle<i32>(zero, v, 0, 0, 4, 5));
      v = i32x4.add(v, carry);
      carry = v128.shuffle<i32>(v, v, 3, 3, 3, 3);
      const at = <usize>(x + 1) << 2;
      v128.store(dst + at, i32x4.add(v, v128.load(above + at)));
    }
    let row = i32x4.extract_lane(carry, 0);
    for (let x = quads; x < w; x++) {
      row += <i32>load<u8>(from + <usize>x);
      const at = <usize>(x + 1) << 2;
      store<i32>(dst + at, load<i32>(above + at) + row);
    }
  }
}

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
 * Each took about a third of the time off (22 µs to 13.5 with both).
 */
export function resampleTurned(table: usize, w: i32, h: i32, cx: f64, cy: f64, cw: f64, ch: f64, cos: f64, sin: f64): void {
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

/**
 * The K x K low-frequency DCT block of GRID into COEF. The basis is symmetric
 * about the middle for even frequencies and antisymmetric for odd ones, so
 * each pass folds the grid in half first and does half the multiplications.
 * Each coefficient sums its terms in the TypeScript hasher's order (a
 * row-by-row first pass), two columns or two frequencies to a SIMD register.
 */
export function dct(): void {
  for (let y = 0; y < HALF; y++) {
    const top = GRID + (<usize>(y * N) << 3);
    const bottom = GRID + (<usize>((N - 1 - y) * N) << 3);
    const out = <usize>(y * N) << 3;
    for (let x = 0; x < N; x += 2) {
      const at = <usize>x << 3;
      const t = v128.load(top + at);
      const b = v128.load(bottom + at);
      v128.store(SUMS + out + at, f64x2.add(t, b));
      v128.store(DIFFS + out + at, f64x2.sub(t, b));
    }
  }
  for (let f = 0; f < K; f++) {
    const folded = f % 2 == 0 ? DIFFS : SUMS;
    const basis = BASIS + (<usize>(f * N) << 3);
    const first = f64x2.splat(load<f64>(basis));
    for (let x = 0; x < N; x += 4) {
      const column = folded + (<usize>x << 3);
      let s0 = f64x2.mul(first, v128.load(column));
      let s1 = f64x2.mul(first, v128.load(column + 16));
      for (let y = 1; y < HALF; y++) {
        const c = f64x2.splat(load<f64>(basis + (<usize>y << 3)));
        const r = column + (<usize>(y * N) << 3);
        s0 = f64x2.add(s0, f64x2.mul(c, v128.load(r)));
        s1 = f64x2.add(s1, f64x2.mul(c, v128.load(r + 16)));
      }
      const out = TMP + (<usize>(f * N + x) << 3);
      v128.store(out, s0);
      v128.store(out + 16, s1);
    }
  }
  for (let fy = 0; fy < K; fy++) {
    const row = TMP + (<usize>(fy * N) << 3);
    for (let x = 0; x < HALF; x++) {
      const l = load<f64>(row + (<usize>x << 3));
      const r = load<f64>(row + (<usize>(N - 1 - x) << 3));
      store<f64>(ROW_SUMS + (<usize>x << 3), l + r);
      store<f64>(ROW_DIFFS + (<usize>x << 3), l - r);
    }
    for (let p = 0; p < 4; p++) {
      const a = p < 2 ? p : p + 2;
      const folded = a % 2 == 0 ? ROW_DIFFS : ROW_SUMS;
      const basis = BASIS_PAIRS + (<usize>(p * HALF * 2) << 3);
      let s = f64x2.splat(0);
      for (let x = 0; x < HALF; x++) s = f64x2.add(s, f64x2.mul(f64x2.splat(load<f64>(folded + (<usize>x << 3))), v128.load(basis + (<usize>x << 4))));
      store<f64>(COEF + (<usize>(fy * K + a) << 3), f64x2.extract_lane(s, 0));
      store<f64>(COEF + (<usize>(fy * K + a + 2) << 3), f64x2.extract_lane(s, 1));
    }
  }
}

/**
 * The mean of the 32nd and 33rd smallest of the 64 values at v, which it
 * reorders: the two order statistics are selected (a partition down to the
 * 32nd, then the least value above it) rather than the whole array sorted.
 */
function middlePair(v: usize): f64 {
  const k = 31;
  let lo = 0;
  let hi = 63;
  while (lo < hi) {
    const pivot = load<f64>(v + (<usize>((lo + hi) >> 1) << 3));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (load<f64>(v + (<usize>i << 3)) < pivot) i++;
      while (load<f64>(v + (<usize>j << 3)) > pivot) j--;
      if (i <= j) {
        const t = load<f64>(v + (<usize>i << 3));
        store<f64>(v + (<usize>i << 3), load<f64>(v + (<usize>j << 3)));
        store<f64>(v + (<usize>j << 3), t);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  let next = Infinity;
  for (let x = k + 1; x < 64; x++) {
    const e = load<f64>(v + (<usize>x << 3));
    if (e < next) next = e;
  }
  return (load<f64>(v + (<usize>k << 3)) + next) / 2;
}

function threshold(coef: usize, word: usize): void {
  memory.copy(SORTED, coef, 512);
  const median = middlePair(SORTED);
  let lo: u32 = 0;
  let hi: u32 = 0;
  for (let i = 0; i < 32; i++) if (load<f64>(coef + (<usize>i << 3)) > median) lo |= (<u32>1) << i;
  for (let i = 0; i < 32; i++) if (load<f64>(coef + (<usize>(32 + i) << 3)) > median) hi |= (<u32>1) << i;
  store<u32>(word, lo);
  store<u32>(word + 4, hi);
}

/**
 * COEF's median-threshold bits into WORDS: plain (mode bit 1) at words 0-1,
 * mirrored (mode bit 2) at words 2-3. The mirrored picture's coefficients are
 * COEF with the odd horizontal frequencies' signs changed (PDQ's dihedral rule).
 */
export function bits(mode: i32): void {
  if (mode & 1) threshold(COEF, WORDS);
  if (mode & 2) {
    for (let i = 0; i < K * K; i++) {
      const c = load<f64>(COEF + (<usize>i << 3));
      store<f64>(FLIPPED + (<usize>i << 3), (i % K) % 2 == 0 ? -c : c);
    }
    threshold(FLIPPED, WORDS + 8);
  }
}

/** Sum of absolute differences between neighbouring GRID cells, in frame-quality's order; the host takes the mean and rounds. */
export function gridDetail(): f64 {
  let sum = 0.0;
  for (let y = 0; y < N - 1; y++) {
    const row = GRID + (<usize>(y * N) << 3);
    for (let x = 0; x < N - 1; x++) {
      const v = load<f64>(row + (<usize>x << 3));
      sum += Math.abs(load<f64>(row + (<usize>(x + 1) << 3)) - v);
      sum += Math.abs(load<f64>(row + (<usize>(N + x) << 3)) - v);
    }
    sum += Math.abs(load<f64>(row + (<usize>(2 * N - 1) << 3)) - load<f64>(row + (<usize>(N - 1) << 3)));
  }
  const last = GRID + (<usize>((N - 1) * N) << 3);
  for (let x = 0; x < N - 1; x++) sum += Math.abs(load<f64>(last + (<usize>(x + 1) << 3)) - load<f64>(last + (<usize>x << 3)));
  return sum;
}

/** One axis-aligned region hashed: bits by `mode` into WORDS; returns gridDetail. */
export function hashRect(table: usize, w: i32, h: i32, x0: f64, y0: f64, x1: f64, y1: f64, mode: i32): f64 {
  resample(table, w, h, x0, y0, x1, y1);
  dct();
  bits(mode);
  return gridDetail();
}

/** One turned region hashed (resampleTurned's arguments): bits by `mode` into WORDS; returns gridDetail. */
export function hashTurned(table: usize, w: i32, h: i32, cx: f64, cy: f64, cw: f64, ch: f64, cos: f64, sin: f64, mode: i32): f64 {
  resampleTurned(table, w, h, cx, cy, cw, ch, cos, sin);
  dct();
  bits(mode);
  return gridDetail();
}
