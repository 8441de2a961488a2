import { popcount32 } from '@dramaguard/fingerprint';

/** Layout of a 64-bit hash split into `m` contiguous substrings for multi-index hashing. */
export interface SubstringLayout {
  readonly count: number;
  readonly starts: readonly number[];
  readonly widths: readonly number[];
}

export function substringLayout(count: number): SubstringLayout {
  if (!Number.isInteger(count) || count < 3 || count > 8) throw new RangeError(`substring count must be 3..8, got ${count}`);
  const starts: number[] = [];
  const widths: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const w = Math.floor(64 / count) + (i < 64 % count ? 1 : 0);
    starts.push(at);
    widths.push(w);
    at += w;
  }
  return { count, starts, widths };
}

/** Bits [start, start+width) of the hash held as (lo = bits 0..31, hi = bits 32..63); width <= 24. */
export function extractBits(lo: number, hi: number, start: number, width: number): number {
  const mask = width >= 32 ? 0xffffffff : (1 << width) - 1;
  if (start >= 32) return (hi >>> (start - 32)) & mask;
  if (start + width <= 32) return (lo >>> start) & mask;
  const low = lo >>> start;
  const high = hi << (32 - start);
  return ((low | high) & mask) >>> 0;
}

const masksCache = new Map<string, Uint32Array>();

/** Every XOR mask of `width` bits with at most `radius` bits set, the zero mask first. */
export function flipMasks(width: number, radius: number): Uint32Array {
  const key = `${width}:${radius}`;
  const hit = masksCache.get(key);
  if (hit) return hit;
  const out: number[] = [0];
  const grow = (mask: number, from: number, left: number): void => {
    for (let b = from; b < width; b++) {
      const m = (mask | (1 << b)) >>> 0;
      out.push(m);
      if (left > 1) grow(m, b + 1, left - 1);
    }
  };
  if (radius > 0) grow(0, 0, radius);
  const masks = Uint32Array.from(out);
  masksCache.set(key, masks);
  return masks;
}

/** True when an earlier table's probes already reached this entry, so it is reported once. */
export function foundEarlier(lo: number, hi: number, keys: number[], t: number, sub: number, starts: readonly number[], widths: readonly number[]): boolean {
  for (let u = 0; u < t; u++) {
    if (popcount32(extractBits(lo, hi, starts[u], widths[u]) ^ keys[u]) <= sub) return true;
  }
  return false;
}
