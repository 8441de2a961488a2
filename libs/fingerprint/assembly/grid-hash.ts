import { BASIS, BASIS_PAIRS, COEF, DIFFS, FLIPPED, GRID, HALF, K, N, ROW_DIFFS, ROW_SUMS, SORTED, SUMS, TMP, WORDS } from './layout';

// From the grid to the hash: its low-frequency DCT, the median-threshold bits, and the detail behind quality.

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
