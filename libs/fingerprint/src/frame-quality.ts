import { HASH_GRID } from './dct-hash';

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { abs, min, round } = Math;

/**
 * Information in a hashed region, in the spirit of PDQ's gradient quality: the
 * mean absolute difference between neighbouring cells of the 32x32 grid, in grey
 * levels x 8, capped at 255. Black frames, fades, flat cards score near 0 and
 * their hashes are noise, so they are neither indexed nor allowed to vote.
 */
export function gridQuality(grid: Float64Array): number {
  const n = HASH_GRID;
  let sum = 0;
  // Cells in row order, each adding its right then its lower neighbour's difference.
  for (let y = 0; y < n - 1; y++) {
    const row = y * n;
    for (let x = 0; x < n - 1; x++) {
      const v = grid[row + x];
      sum += abs(grid[row + x + 1] - v);
      sum += abs(grid[row + n + x] - v);
    }
    sum += abs(grid[row + 2 * n - 1] - grid[row + n - 1]);
  }
  const last = (n - 1) * n;
  for (let x = 0; x < n - 1; x++) sum += abs(grid[last + x + 1] - grid[last + x]);
  const mean = sum / (2 * n * (n - 1));
  return min(255, round(mean * 8));
}
