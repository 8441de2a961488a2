import { HASH_GRID } from './dct-hash';

/**
 * Information in a hashed region, in the spirit of PDQ's gradient quality: the
 * mean absolute difference between neighbouring cells of the 32x32 grid, in grey
 * levels x 8, capped at 255. Black frames, fades, flat cards score near 0 and
 * their hashes are noise, so they are neither indexed nor allowed to vote.
 * `detail` is the sum of those differences, which the region kernel adds up.
 */
export function detailQuality(detail: number): number {
  const n = HASH_GRID;
  const mean = detail / (2 * n * (n - 1));
  return Math.min(255, Math.round(mean * 8));
}
