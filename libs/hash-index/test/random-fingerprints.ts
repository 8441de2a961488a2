import { Fingerprint } from '@dramaguard/fingerprint';

// Random fingerprints and near copies of their frames, for the index's specs.

export const RULES = { fps: 8, minQuality: 20, maxPerSecond: 2, sameShotBits: 6 };

export function randomFingerprint(rnd: () => number, frames: number, views = 1): Fingerprint {
  return {
    fps: 8,
    frames,
    views: Array.from({ length: views }, () => ({
      region: { x0: 0, y0: 0, x1: 1, y1: 1 },
      hashes: Uint32Array.from({ length: 2 * frames }, () => Math.floor(rnd() * 2 ** 32)),
      quality: Uint8Array.from({ length: frames }, () => 10 + Math.floor(rnd() * 100)),
    })),
  };
}

/** A hash at exactly `bits` random bit flips from frame f of a view. */
export function near(rnd: () => number, hashes: Uint32Array, f: number, bits: number): [number, number] {
  let lo = hashes[2 * f];
  let hi = hashes[2 * f + 1];
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(Math.floor(rnd() * 64));
  for (const b of flipped) {
    if (b < 32) lo = (lo ^ (1 << b)) >>> 0;
    else hi = (hi ^ (1 << (b - 32))) >>> 0;
  }
  return [lo, hi];
}
