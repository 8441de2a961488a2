import { AudioPrint } from '../src/audio-print';

/**
 * A soundtrack of n pseudo-random items, distinct per seed. A hash of (seed,
 * i), not an LCG: an LCG's streams from two seeds are one stream shifted,
 * which would make two "episodes" copies of each other.
 */
export function syntheticPrint(n: number, seed: number, voiced = 1): AudioPrint {
  const items = Uint32Array.from({ length: n }, (_, i) => {
    let h = Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    return (h ^ (h >>> 16)) >>> 0;
  });
  return { items, voiced: new Uint8Array(n).fill(voiced) };
}

/** Flips `bits` pseudo-random bits of every item, as a re-encode or a music bed does. */
export function noisy(p: AudioPrint, bits: number, seed: number): AudioPrint {
  let x = seed;
  const items = p.items.map((v) => {
    let out = v;
    for (let b = 0; b < bits; b++) {
      x = (Math.imul(x, 22695477) + 1) >>> 0;
      out ^= 1 << (x >>> 27);
    }
    return out >>> 0;
  });
  return { items, voiced: p.voiced };
}

/** Items `from` to `to` of a print. */
export function slice(p: AudioPrint, from: number, to: number): AudioPrint {
  return { items: p.items.slice(from, to), voiced: p.voiced.slice(from, to) };
}
