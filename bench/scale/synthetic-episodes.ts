// The synthetic registry of the scale benchmarks, as pure data: episodes
// made from the real fingerprints of the set's refs. bench:scale writes them
// to PostgreSQL (synthetic-registry.ts), bench:scale-match indexes them
// in-process.
import { Fingerprint, FingerprintView } from '@dramaguard/fingerprint';

/** Share of synthetic episodes that are near misses of a registered ref rather than other footage. */
const NEAR_MISS_SHARE = 0.01;

/** One generated episode; `nearMiss` when it is made of the same scenes as a ref with a small change. */
export interface SyntheticEpisode {
  readonly fingerprint: Fingerprint;
  readonly nearMiss: boolean;
}

/** Deterministic random numbers, so two runs build the same registry. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function mask(next: () => number, bits: number): [number, number] {
  let lo = 0;
  let hi = 0;
  const set = new Set<number>();
  while (set.size < bits) set.add(Math.floor(next() * 64));
  for (const b of set) {
    if (b < 32) lo |= 1 << b;
    else hi |= 1 << (b - 32);
  }
  return [lo >>> 0, hi >>> 0];
}

/**
 * One synthetic episode of 60-120 s: stretches (2-10 s, played at 0.9-1.1x)
 * of the refs' frames, each stretch XORed with one mask of its own plus a
 * bit or two of per-frame noise. The mask keeps a stretch's real motion,
 * held shots and texture (so key-frame selection sees real footage) while
 * moving its hashes away from the original: 18-24 bits for other footage,
 * 10-14 bits for a near miss (the same scene shot again, another grade).
 */
function synthetic(refs: readonly Fingerprint[], next: () => number, nearMiss: boolean): Fingerprint {
  const frames = Math.round((60 + next() * 60) * 8);
  const hashes = new Uint32Array(2 * frames);
  const quality = new Uint8Array(frames);
  for (let f = 0; f < frames; ) {
    const ref = refs[Math.floor(next() * refs.length)].views[0];
    const length = Math.min(frames - f, Math.round((nearMiss ? 2 + next() * 4 : 2 + next() * 8) * 8));
    const speed = 0.9 + next() * 0.2;
    const start = Math.floor(next() * Math.max(1, ref.quality.length - length * speed));
    const [mlo, mhi] = mask(next, nearMiss ? 10 + Math.floor(next() * 5) : 18 + Math.floor(next() * 7));
    for (let k = 0; k < length; k++, f++) {
      const j = Math.min(ref.quality.length - 1, start + Math.floor(k * speed));
      const [nlo, nhi] = next() < 0.5 ? [0, 0] : mask(next, 1 + Math.floor(next() * 2));
      hashes[2 * f] = (ref.hashes[2 * j] ^ mlo ^ nlo) >>> 0;
      hashes[2 * f + 1] = (ref.hashes[2 * j + 1] ^ mhi ^ nhi) >>> 0;
      quality[f] = ref.quality[j];
    }
  }
  const view: FingerprintView = { region: refs[0].views[0].region, hashes, quality };
  return { fps: 8, frames, views: [view] };
}

/** Synthetic episodes made from `refs`, until they hold `seconds` of video. */
export function* syntheticEpisodes(refs: readonly Fingerprint[], seconds: number, seed = 1): Generator<SyntheticEpisode> {
  const next = rng(seed);
  for (let made = 0; made < seconds; ) {
    const nearMiss = next() < NEAR_MISS_SHARE;
    const fingerprint = synthetic(refs, next, nearMiss);
    made += fingerprint.frames / 8;
    yield { fingerprint, nearMiss };
  }
}
