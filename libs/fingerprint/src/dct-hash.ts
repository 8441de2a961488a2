/**
 * A 64-bit perceptual hash in the pHash/PDQ family: the picture region is
 * averaged down to 32x32, its 2-D DCT is taken, the 8x8 lowest non-DC
 * frequencies are kept and each bit says whether a coefficient lies above the
 * median of the 64. Low frequencies survive re-encoding, scaling, blur, noise
 * and colour changes; a small shift or zoom moves them less than higher ones
 * (measured in docs/FINGERPRINT.md), which is why PDQ's 16x16 block is not used.
 */
export const HASH_GRID = 32;
export const HASH_FREQS = 8;
export const HASH_BITS = HASH_FREQS * HASH_FREQS;

function dctBasis(k: number, n: number): Float64Array {
  const m = new Float64Array(k * n);
  const scale = Math.sqrt(2 / n);
  for (let f = 0; f < k; f++) {
    for (let x = 0; x < n; x++) m[f * n + x] = scale * Math.cos((Math.PI / (2 * n)) * (f + 1) * (2 * x + 1));
  }
  return m;
}

const BASIS = dctBasis(HASH_FREQS, HASH_GRID);

const HALF = HASH_GRID / 2;
const TMP = new Float64Array(HASH_FREQS * HASH_GRID);
const SUMS = new Float64Array(HALF * HASH_GRID);
const DIFFS = new Float64Array(HALF * HASH_GRID);
const ROW_SUMS = new Float64Array(HALF);
const ROW_DIFFS = new Float64Array(HALF);
const SORTED = new Float64Array(HASH_BITS);

/**
 * The HASH_FREQS x HASH_FREQS low-frequency DCT block (row = vertical frequency)
 * of an n x n grid. The basis is symmetric about the middle for even
 * frequencies and antisymmetric for odd ones, so each pass folds the grid in
 * half first and does half the multiplications.
 */
export function lowFrequencyDct(grid: Float64Array, out: Float64Array = new Float64Array(HASH_BITS)): Float64Array {
  const n = HASH_GRID;
  const k = HASH_FREQS;
  // Module arrays bound to locals: the loops below are the hottest of a match.
  const sums = SUMS;
  const diffs = DIFFS;
  const tmp = TMP;
  const basis = BASIS;
  for (let y = 0; y < HALF; y++) {
    const top = y * n;
    const bottom = (n - 1 - y) * n;
    for (let x = 0; x < n; x++) {
      sums[top + x] = grid[top + x] + grid[bottom + x];
      diffs[top + x] = grid[top + x] - grid[bottom + x];
    }
  }
  for (let f = 0; f < k; f++) {
    // Frequency f + 1: odd frequencies pair with the differences, even ones with the sums.
    const folded = f % 2 === 0 ? diffs : sums;
    const at = f * n;
    const first = basis[at];
    // Four columns at a time (HASH_GRID is a multiple of 4) in locals: adding
    // into the array row by row stored and reloaded every partial sum, about
    // 40 % of the DCT's time. Each coefficient still sums its rows in the same
    // order, so the bits are those of the row-by-row loop.
    for (let x = 0; x < n; x += 4) {
      let s0 = first * folded[x];
      let s1 = first * folded[x + 1];
      let s2 = first * folded[x + 2];
      let s3 = first * folded[x + 3];
      for (let y = 1; y < HALF; y++) {
        const c = basis[at + y];
        const r = y * n + x;
        s0 += c * folded[r];
        s1 += c * folded[r + 1];
        s2 += c * folded[r + 2];
        s3 += c * folded[r + 3];
      }
      tmp[at + x] = s0;
      tmp[at + x + 1] = s1;
      tmp[at + x + 2] = s2;
      tmp[at + x + 3] = s3;
    }
  }
  const rowSums = ROW_SUMS;
  const rowDiffs = ROW_DIFFS;
  for (let fy = 0; fy < k; fy++) {
    const row = fy * n;
    for (let x = 0; x < HALF; x++) {
      rowSums[x] = tmp[row + x] + tmp[row + n - 1 - x];
      rowDiffs[x] = tmp[row + x] - tmp[row + n - 1 - x];
    }
    for (let fx = 0; fx < k; fx++) {
      const folded = fx % 2 === 0 ? rowDiffs : rowSums;
      const at = fx * n;
      let s = 0;
      for (let x = 0; x < HALF; x++) s += folded[x] * basis[at + x];
      out[fy * k + fx] = s;
    }
  }
  return out;
}

/**
 * Coefficients of the horizontally mirrored picture: cos((f+1)(2(n-1-x)+1)π/2n)
 * = (-1)^(f+1) cos((f+1)(2x+1)π/2n), so odd horizontal frequencies change sign.
 * This is how PDQ derives its dihedral variants without hashing again.
 */
export function mirrorCoefficients(coef: Float64Array, out: Float64Array = new Float64Array(coef.length)): Float64Array {
  const k = HASH_FREQS;
  for (let fy = 0; fy < k; fy++) {
    for (let fx = 0; fx < k; fx++) out[fy * k + fx] = fx % 2 === 0 ? -coef[fy * k + fx] : coef[fy * k + fx];
  }
  return out;
}

/** Writes the 64 median-threshold bits of `coef` as two words (bits 0..31 in out[at], 32..63 in out[at+1]). */
export function thresholdBits(coef: Float64Array, out: Uint32Array, at: number): void {
  SORTED.set(coef);
  const median = middlePair(SORTED);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 32; i++) if (coef[i] > median) lo |= 1 << i;
  for (let i = 0; i < 32; i++) if (coef[32 + i] > median) hi |= 1 << i;
  out[2 * at] = lo >>> 0;
  out[2 * at + 1] = hi >>> 0;
}

/**
 * The mean of the two middle values of `v` (even length), which it reorders:
 * the two order statistics are selected rather than the whole array sorted
 * (0.5 µs against 1.7, docs/BENCHMARK.md, section 17). The values selected
 * are those a sort puts there, so the median is the sort's.
 */
export function middlePair(v: Float64Array): number {
  const k = v.length / 2 - 1;
  let lo = 0;
  let hi = v.length - 1;
  while (lo < hi) {
    const pivot = v[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        const t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  let next = Infinity;
  for (let x = k + 1; x < v.length; x++) if (v[x] < next) next = v[x];
  return (v[k] + next) / 2;
}
