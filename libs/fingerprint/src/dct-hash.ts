/**
 * A 64-bit perceptual hash in the pHash/PDQ family: the picture region is
 * averaged down to 32x32, its 2-D DCT is taken, the 8x8 lowest non-DC
 * frequencies are kept and each bit says whether a coefficient lies above the
 * median of the 64. Low frequencies survive re-encoding, scaling, blur, noise
 * and colour changes; a small shift or zoom moves them less than higher ones
 * (measured in docs/FINGERPRINT.md), which is why PDQ's 16x16 block is not used.
 * The arithmetic runs in the region kernel (region-kernel.ts).
 */
export const HASH_GRID = 32;
export const HASH_FREQS = 8;
export const HASH_BITS = HASH_FREQS * HASH_FREQS;

/** The DCT-II basis rows of frequencies 1..k over n samples, row f at f x n. */
export function dctBasis(k: number, n: number): Float64Array {
  const m = new Float64Array(k * n);
  const scale = Math.sqrt(2 / n);
  for (let f = 0; f < k; f++) {
    for (let x = 0; x < n; x++) m[f * n + x] = scale * Math.cos((Math.PI / (2 * n)) * (f + 1) * (2 * x + 1));
  }
  return m;
}
