import { FingerprintView, Hypothesis, popcount32, Rect } from '@dramaguard/fingerprint';
import { Candidate, hitSpan } from './candidates';
import { ClipHasher, ClipRegion, rectKey, RegionFrames } from './clip-hasher';
import { MatcherOptions } from './matcher-options';
import { lineOptions } from './verify';

// Verification's first half: which region of the clip frame shows the
// candidate's registered picture, searched on a sample of the clip's frames.

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { max, min, round } = Math;

/**
 * Clip frames the region search scores a rectangle on. The search is most of
 * a candidate's verification. 16 instead of 24 found the same episodes in the
 * dev, harsh and swap sets and in the 30 scale clips, and took a shard 12 %
 * less time per clip at 1,000 h; 12 cut a third of the verification's CPU
 * but settled a letterboxed copy on a region 5 % too small, which reads as a
 * crop (docs/BENCHMARK.md, section 18).
 */
const SAMPLE_FRAMES = 16;
const REFINE_STEPS = [0.04, 0.02, 0.01];

/** Where verification found a candidate's registered picture in the clip frame, and the picture area its starting hypothesis assumed. */
export interface SettledRegion extends ClipRegion {
  /** Picture area the starting hypothesis assumed (copyGeometry's bounds). */
  readonly root: Rect;
}

/**
 * Stage two, first half, against one candidate episode only: settles the
 * geometry (which region of the clip shows the registered picture, mirrored
 * or not) by local search from the hypotheses that voted for the candidate,
 * on a sample of the clip's frames. Null when no frame can be sampled.
 */
export function settleRegion(clip: ClipHasher, ref: FingerprintView, candidate: Candidate, hypotheses: readonly Hypothesis[], options: MatcherOptions): SettledRegion | null {
  const o = lineOptions(candidate, options);
  const intercept = candidate.peak.offset * o.fps;
  const slope = candidate.peak.speed;
  const sample = sampleFrames(candidate, clip.length, o);
  if (!sample.length) return null;

  const seed = (tag: number, bound: number) => {
    const distances = new Int8Array(sample.length);
    const { rect, root } = hypotheses[tag >> 1];
    const mirror = (tag & 1) === 1;
    return { rect, mirror, root, distances, cost: regionCost(clip.region(rect, mirror), ref, sample, intercept, slope, o, bound, distances) };
  };
  // A seed is scored only as far as it could still beat the best one so far
  // (regionCost's bound): the other seeds' costs are never read.
  const [first, ...others] = seedTags(candidate);
  let start = seed(first, Infinity);
  for (const tag of others) {
    const next = seed(tag, start.cost);
    if (next.cost < start.cost) start = next;
  }
  const rect = refineRegion(clip, ref, worstFirst(sample, start.distances), start.rect, start.mirror, start.cost, intercept, slope, o);
  clip.release();
  return { rect, mirror: start.mirror, root: start.root };
}

/** The (hypothesis, mirror) tags that voted most for the candidate, best first. */
function seedTags(c: Candidate): number[] {
  const votes = new Map<number, number>();
  for (const h of c.hits) votes.set(h.tag, (votes.get(h.tag) ?? 0) + h.weight);
  return [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([tag]) => tag);
}

/** Up to SAMPLE_FRAMES clip frames spread over the span the candidate's hits cover. */
function sampleFrames(c: Candidate, frames: number, o: MatcherOptions): number[] {
  const { first, last } = hitSpan(c);
  const pad = round(o.fps);
  const lo = max(0, first - pad);
  const hi = min(frames - 1, last + pad);
  const step = max(1, (hi - lo + 1) / SAMPLE_FRAMES);
  const out: number[] = [];
  for (let x = lo; x <= hi && out.length < SAMPLE_FRAMES; x += step) out.push(round(x));
  return out;
}

/**
 * Mean distance of the sampled clip frames, hashed over `r`, to the registered
 * frames near the line. Gives up (Infinity) once the mean cannot come below
 * `bound` even if every remaining frame matched exactly: the local search only
 * needs to know whether a move improves.
 */
function regionCost(
  region: RegionFrames,
  ref: FingerprintView,
  sample: number[],
  intercept: number,
  slope: number,
  o: MatcherOptions,
  bound = Infinity,
  distances?: Int8Array,
): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    if (distances) distances[i] = -1;
    const f = sample[i];
    const j = round(intercept + slope * f);
    if (region.hash(f) < o.minQuality) continue;
    const { lo, hi } = region;
    let d = 64;
    for (let k = max(0, j - 2); k <= min(ref.quality.length - 1, j + 2); k++) {
      d = min(d, popcount32(lo ^ ref.hashes[2 * k]) + popcount32(hi ^ ref.hashes[2 * k + 1]));
    }
    if (distances) distances[i] = d;
    sum += d;
    n++;
    if (sum >= bound * (n + sample.length - 1 - i)) return Infinity;
  }
  return n >= 3 ? sum / n : Infinity;
}

function refineRegion(
  clip: ClipHasher,
  ref: FingerprintView,
  sample: number[],
  start: Rect,
  mirror: boolean,
  startCost: number,
  intercept: number,
  slope: number,
  o: MatcherOptions,
): Rect {
  let rect = start;
  let current = startCost;
  // A rectangle tried once never improves later, since the cost to beat only
  // falls: the move back to where the search came from, among others, was one
  // evaluation in twelve (docs/BENCHMARK.md, section 17), and is skipped.
  const tried = new Set<string>([rectKey(start)]);
  let order = sample;
  const distances = new Int8Array(sample.length);
  const cost = (r: Rect, key: string): number => regionCost(clip.region(r, mirror, key), ref, order, intercept, slope, o, current - 1e-9, distances);
  // Only a search seeded by a turned hypothesis turns. The hypotheses hold
  // turns of their own for a turned copy; from an upright seed a turn of
  // 0.5-2 degrees fitted the sampled frames' noise, lowered the copy's score
  // when the whole clip was hashed over it, and made every later move a
  // turned hash, which costs about three upright ones (docs/BENCHMARK.md,
  // section 45).
  const turns = Boolean(start.angle);
  for (const s of REFINE_STEPS) {
    for (let pass = 0; pass < 4; pass++) {
      let improved = false;
      for (const move of moves(rect, s, turns)) {
        const key = rectKey(move);
        if (tried.has(key)) continue;
        tried.add(key);
        const c = cost(move, key);
        if (c < current - 1e-9) {
          current = c;
          rect = move;
          improved = true;
          order = worstFirst(order, distances);
        }
      }
      if (!improved) break;
    }
  }
  return rect;
}

/**
 * The sampled frames, those the current region matches worst first (distances
 * at their index; -1, too little detail, last). A move's cost is given up on
 * once it cannot beat the current one, and the frames the current region
 * matches worst are the likeliest to be bad under a neighbouring region too:
 * they reach that bound sooner. Only when a cost is given up depends on the
 * order, never whether: 9.5 % fewer of the refinement's hashes on the 30 scale
 * clips at 200 h, the same regions (docs/BENCHMARK.md, section 20).
 */
export function worstFirst(sample: readonly number[], distances: Int8Array): number[] {
  return sample.map((f, i) => ({ f, d: distances[i] })).sort((a, b) => b.d - a.d).map((x) => x.f);
}

/** The rectangle moved by s: shifted, grown, shrunk, each side alone, and turned by 50 s degrees either way when `turns`. */
function moves(r: Rect, s: number, turns: boolean): Rect[] {
  const { x0, y0, x1, y1 } = r;
  const angle = r.angle ?? 0;
  return [
    rectOf(x0 - s, y0, x1 - s, y1, angle),
    rectOf(x0 + s, y0, x1 + s, y1, angle),
    rectOf(x0, y0 - s, x1, y1 - s, angle),
    rectOf(x0, y0 + s, x1, y1 + s, angle),
    // Growing and shrinking try the rectangle upright, as they always have: keeping a turned one's angle there is untried (section 40).
    rectOf(x0 - s, y0 - s, x1 + s, y1 + s, 0),
    rectOf(x0 + s, y0 + s, x1 - s, y1 - s, 0),
    rectOf(x0 - s, y0, x1, y1, angle),
    rectOf(x0 + s, y0, x1, y1, angle),
    rectOf(x0, y0, x1 - s, y1, angle),
    rectOf(x0, y0, x1 + s, y1, angle),
    rectOf(x0, y0 - s, x1, y1, angle),
    rectOf(x0, y0 + s, x1, y1, angle),
    rectOf(x0, y0, x1, y1 - s, angle),
    rectOf(x0, y0, x1, y1 + s, angle),
    ...(turns ? [rectOf(x0, y0, x1, y1, angle - 50 * s), rectOf(x0, y0, x1, y1, angle + 50 * s)] : []),
  ].filter((m) => m.x1 - m.x0 > 0.1 && m.y1 - m.y0 > 0.1);
}

/**
 * A rectangle built from literals of two shapes, upright or turned: spread
 * copies got hidden classes by how they were made (matcherOptions). An upright
 * one carries no angle, as the hypotheses' rectangles do.
 */
function rectOf(x0: number, y0: number, x1: number, y1: number, angle: number): Rect {
  return angle ? { x0, y0, x1, y1, angle } : { x0, y0, x1, y1 };
}
