import { FingerprintView, popcount32 } from '@dramaguard/fingerprint';
import { frameWeight } from '@dramaguard/hash-index';
import { voteAlignment } from './alignment';
import { alignmentOptions, Candidate, downweightRepeats, TaggedHit } from './candidates';
import { MatcherOptions } from './matcher-options';
import { QueryProbe } from './query-probe';

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { ceil, max, min, round } = Math;

/**
 * Stage one sees the registered episode's key frames only, so a candidate
 * arrives with few hits. With its full-rate fingerprint at hand, its hits are
 * gathered again near its line, every clip frame under every geometry stage
 * one hashed it under (all of them, or on a long clip the likely ones:
 * geometry-search) against every registered frame within a second of it. The
 * line is voted again on them: a few key-frame hits fit lines of many speeds
 * equally well (and ties go to the slowest), many hits do not. Verification then seeds its geometry
 * and samples its frames from as many hits as a full index gave. Null when
 * the line's support counted as a full index counted it falls below
 * weakSupport. Whether the line is weak stays decided by its key-frame
 * support: counted at the full rate only near the line, the hits of a frozen
 * stretch are discounted less than the whole index discounted them, and such
 * stretches are what the weak lines' stricter verification keeps out.
 */
export function densify(c: Candidate, probe: QueryProbe, ref: FingerprintView, shares: Uint8Array, o: MatcherOptions): Candidate | null {
  const H = probe.hypotheses.length;
  const n = ref.quality.length;
  const band = round(o.fps);
  let first = probe.frames;
  let last = -1;
  let hold = 1;
  for (const h of c.hits) {
    first = min(first, h.q);
    last = max(last, h.q);
    hold = max(hold, h.hold);
  }
  // A hit on a key frame that holds a shot puts the copy anywhere in that
  // shot, not at its first frame, and its clip frames beyond the few on the
  // line show the same shot: the copy may sit up to the hold above the line,
  // and run on up to the rest of the hold either side of the hits.
  const pad = round(o.fps) + ceil((hold - 1) / o.minSpeed);
  const best = new Map<number, TaggedHit>();
  const variants = o.plainGeometry ? [probe.hashes] : [probe.hashes, probe.mirrored];
  for (let f = max(0, first - pad); f <= min(probe.frames - 1, last + pad); f++) {
    const centre = round(c.peak.offset * o.fps + c.peak.speed * f);
    // Away from the hits the line's speed is a guess: any allowed speed through them.
    const after = max(0, f - last);
    const before = max(0, first - f);
    const below = round((c.peak.speed - o.minSpeed) * after + (o.maxSpeed - c.peak.speed) * before);
    const above = round((o.maxSpeed - c.peak.speed) * after + (c.peak.speed - o.minSpeed) * before);
    const lo = max(0, centre - band - below);
    const hi = min(n - 1, centre + band + hold - 1 + above);
    if (lo > hi) continue;
    for (let h = 0; h < H; h++) {
      if (!probe.hashed[f * H + h] || probe.quality[f * H + h] < o.minQuality) continue;
      const at = 2 * (f * H + h);
      for (let mirror = 0; mirror < variants.length; mirror++) {
        const w0 = variants[mirror][at];
        const w1 = variants[mirror][at + 1];
        for (let j = lo; j <= hi; j++) {
          if (ref.quality[j] < o.minQuality) continue;
          // Most frames in the band are far: their first word alone already puts them beyond the radius.
          const d0 = popcount32(w0 ^ ref.hashes[2 * j]);
          if (d0 > o.searchRadius) continue;
          const d = d0 + popcount32(w1 ^ ref.hashes[2 * j + 1]);
          if (d > o.searchRadius) continue;
          const weight = ((o.searchRadius + 1 - d) / (o.searchRadius + 1)) * frameWeight(shares[j], o.ignoreShares);
          if (weight === 0) continue;
          const key = f * 1e6 + j;
          const old = best.get(key);
          if (!old || old.weight < weight) best.set(key, { q: f, r: j, weight, tag: 2 * h + mirror, hold: 1 });
        }
      }
    }
  }
  const hits = downweightRepeats([...best.values()]);
  const [peak] = voteAlignment(hits, alignmentOptions(o, 1, o.weakSupport));
  if (!peak) return null;
  // Built field by field, as stage one builds candidates: a spread copy gets a hidden class of its own (matcherOptions).
  return { episode: c.episode, view: c.view, peak: { speed: peak.speed, offset: peak.offset, support: c.peak.support, hits: peak.hits }, hits: peak.hits.map((i) => hits[i]) };
}
