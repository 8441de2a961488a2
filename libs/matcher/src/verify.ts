import { FingerprintView, Hypothesis, popcount32 as indexedPopcount, Rect } from '@dramaguard/fingerprint';
import { robustLine } from './alignment';
import { Candidate } from './candidates';
import { ClipHasher, ClipHashes, ClipRegion, rectKey } from './clip-hasher';
import { copyGeometry, CopyGeometry } from './copy-geometry';
import { MatcherOptions, matcherOptions } from './matcher-options';
import { AlignedFrames, matchedRuns, SegmentRun } from './segments';
import { frameWeight } from './shared-content';

// The package index re-exports it through a getter, which a hot loop would call on every use (docs/BENCHMARK.md, section 45).
const popcount32 = indexedPopcount;

// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { abs, max, min, round } = Math;

/** A verified copy of one registered episode in the clip, along one alignment line. */
export interface VerifiedCopy {
  readonly episode: string;
  readonly mirrored: boolean;
  /** Region of the clip frame found to show the registered centre. */
  readonly region: Rect;
  /** What that region says of the whole picture: which part of the episode's frame the clip shows, and where. */
  readonly geometry: CopyGeometry;
  /** Registered frame = intercept + slope x clip frame. */
  readonly intercept: number;
  readonly slope: number;
  readonly runs: readonly SegmentRun[];
  /** Every clip frame against the registered frame the line puts it on. */
  readonly aligned: AlignedFrames;
}

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

/** Where verification found a candidate's registered picture in the clip frame, and the hypothesis its search started from. */
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

  const seeds = seedTags(candidate).map((tag) => {
    const rect = hypotheses[tag >> 1].rect;
    const mirror = (tag & 1) === 1;
    const distances = new Int8Array(sample.length);
    return { rect, mirror, root: hypotheses[tag >> 1].root, distances, cost: regionCost(clip, ref, sample, rect, mirror, intercept, slope, o, Infinity, distances) };
  });
  seeds.sort((a, b) => a.cost - b.cost);
  const start = seeds[0];
  const rect = refineRegion(clip, ref, worstFirst(sample, start.distances), start.rect, start.mirror, start.cost, intercept, slope, o);
  clip.release();
  return { rect, mirror: start.mirror, root: start.root };
}

/**
 * Stage two, second half: refits the candidate's alignment line on the
 * frames' best local matches, given every clip frame hashed over the settled
 * region, then compares every clip frame with the registered frame the line
 * puts it on.
 */
export function verifyOnRegion(
  { hashes: q, quality }: ClipHashes,
  ref: FingerprintView,
  shares: Uint8Array,
  candidate: Candidate,
  region: SettledRegion,
  options: MatcherOptions,
): VerifiedCopy | null {
  const line = settleLine(candidate, { q, quality, ref, shares, o: lineOptions(candidate, options), contraQuality: options.minQuality });
  if (!line) return null;
  const geometry = copyGeometry(region.rect, region.mirror, ref.region, region.root);
  return { episode: candidate.episode, mirrored: region.mirror, region: region.rect, geometry, ...line };
}

/** A weakly supported line is judged on informative frames only (MatcherOptions.weakSupport). */
function lineOptions(candidate: Candidate, options: MatcherOptions): MatcherOptions {
  return candidate.peak.support < options.minSupport ? matcherOptions({ ...options, minQuality: options.weakMinQuality }) : options;
}

interface SettledLine {
  readonly intercept: number;
  readonly slope: number;
  readonly aligned: AlignedFrames;
  readonly runs: SegmentRun[];
}

/** What a line is judged on: every clip frame hashed over the settled region, the registered episode, and the options. */
export interface LineEvidence {
  readonly q: Uint32Array;
  readonly quality: Uint8Array;
  readonly ref: FingerprintView;
  readonly shares: Uint8Array;
  readonly o: MatcherOptions;
  /** Quality down to which a frame can contradict the line (alignFrames). */
  readonly contraQuality: number;
}

/**
 * The candidate's voted line refitted on the clip's frames, and its matched runs. A line voted
 * at the slowest speed allowed is also tried from 1.0x, through its own point
 * at the median hit's clip frame, and the one refitted with more matched
 * frames kept: a still shot fits every speed
 * equally, its vote's tie goes to the slowest, and a copy of it lined up at
 * 0.75x drifts off the registered episode within seconds (docs/BENCHMARK.md,
 * section 14).
 */
export function settleLine(candidate: Candidate, e: LineEvidence): SettledLine | null {
  const intercept = candidate.peak.offset * e.o.fps;
  const slope = candidate.peak.speed;
  const kept = lineRuns(e, intercept, slope);
  if (slope > e.o.minSpeed + e.o.speedStep / 2) return kept;
  const qs = candidate.hits.map((h) => h.q).sort((x, y) => x - y);
  if (!qs.length) return kept;
  const middle = qs[qs.length >> 1];
  const usual = lineRuns(e, intercept + (slope - 1) * middle, 1);
  return usual && matchedFrames(usual) > (kept ? matchedFrames(kept) : 0) ? usual : kept;
}

function matchedFrames(line: SettledLine): number {
  return line.runs.reduce((n, r) => n + r.matched, 0);
}

/** The line refitted from (intercept, slope), every clip frame aligned along it, and its matched runs; null when none. */
function lineRuns({ q, quality, ref, shares, o, contraQuality }: LineEvidence, intercept: number, slope: number): SettledLine | null {
  const line = refitLine(q, quality, ref, intercept, slope, o);
  if (line) {
    intercept = line.a;
    slope = line.b;
  }
  const aligned = alignFrames(q, quality, ref, shares, intercept, slope, o, contraQuality);
  const runs = matchedRuns(aligned, {
    matchDistance: o.matchDistance,
    mismatchDistance: o.mismatchDistance,
    maxGap: round(o.maxGap * o.fps),
    minMatched: o.minMatchedFrames,
  })
    .map((r) => ({ ...r, matched: r.matched * motionAgreement(q, ref, intercept, slope, r.first, r.last, o.fps) }))
    .filter((r) => r.matched >= o.minMatchedFrames);
  return runs.length ? { intercept, slope, aligned, runs } : null;
}

/**
 * A copy moves with its original. Over a run, compares how much the clip's
 * hashes change in one second with how much the registered ones do: a still
 * picture (or a still corner of one) lined up against a moving stretch of an
 * episode resembles it frame by frame but does not change with it. Returns
 * the share of the run's matches to keep: 1 while the clip changes at least
 * half as much as the episode, down to ~0 for a still clip against motion.
 */
export function motionAgreement(q: Uint32Array, ref: FingerprintView, intercept: number, slope: number, first: number, last: number, fps: number): number {
  const n = ref.quality.length;
  const step = round(fps);
  let clip = 0;
  let registered = 0;
  let pairs = 0;
  for (let f = first; f + step <= last; f++) {
    const j1 = round(intercept + slope * f);
    const j2 = round(intercept + slope * (f + step));
    if (j1 < 0 || j2 >= n) continue;
    clip += popcount32(q[2 * f] ^ q[2 * (f + step)]) + popcount32(q[2 * f + 1] ^ q[2 * (f + step) + 1]);
    registered += popcount32(ref.hashes[2 * j1] ^ ref.hashes[2 * j2]) + popcount32(ref.hashes[2 * j1 + 1] ^ ref.hashes[2 * j2 + 1]);
    pairs++;
  }
  if (!pairs) return 1;
  return min(1, (2 * (clip / pairs + 1)) / (registered / pairs + 1));
}

/** The (hypothesis, mirror) tags that voted most for the candidate, best first. */
function seedTags(c: Candidate): number[] {
  const votes = new Map<number, number>();
  for (const h of c.hits) votes.set(h.tag, (votes.get(h.tag) ?? 0) + h.weight);
  return [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([tag]) => tag);
}

/** Up to SAMPLE_FRAMES clip frames spread over the span the candidate's hits cover. */
function sampleFrames(c: Candidate, frames: number, o: MatcherOptions): number[] {
  const qs = c.hits.map((h) => h.q);
  const pad = round(o.fps);
  const lo = max(0, min(...qs) - pad);
  const hi = min(frames - 1, max(...qs) + pad);
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
  clip: ClipHasher,
  ref: FingerprintView,
  sample: number[],
  r: Rect,
  mirror: boolean,
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
    const q = clip.hash(f, r, mirror);
    if (q.quality < o.minQuality) continue;
    let d = 64;
    for (let k = max(0, j - 2); k <= min(ref.quality.length - 1, j + 2); k++) {
      d = min(d, popcount32(q.lo ^ ref.hashes[2 * k]) + popcount32(q.hi ^ ref.hashes[2 * k + 1]));
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
  const cost = (r: Rect): number => regionCost(clip, ref, order, r, mirror, intercept, slope, o, current - 1e-9, distances);
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
        const c = cost(move);
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

/** Refits the line on each informative clip frame's best registered frame within a second of it. */
function refitLine(q: Uint32Array, quality: Uint8Array, ref: FingerprintView, intercept: number, slope: number, o: MatcherOptions) {
  const window = round(o.fps);
  const points: Array<{ q: number; r: number }> = [];
  const n = ref.quality.length;
  for (let f = 0; f < quality.length; f++) {
    if (quality[f] < o.minQuality) continue;
    const centre = round(intercept + slope * f);
    let bestD = o.matchDistance + 1;
    let bestJ = -1;
    for (let j = max(0, centre - window); j <= min(n - 1, centre + window); j++) {
      if (ref.quality[j] < o.minQuality) continue;
      const d = popcount32(q[2 * f] ^ ref.hashes[2 * j]) + popcount32(q[2 * f + 1] ^ ref.hashes[2 * j + 1]);
      if (d < bestD || (d === bestD && abs(j - centre) < abs(bestJ - centre))) {
        bestD = d;
        bestJ = j;
      }
    }
    if (bestJ >= 0) points.push({ q: f, r: bestJ });
  }
  return robustLine(points, { a: intercept, b: slope }, o.fps * 0.4, o.minSpeed, o.maxSpeed);
}

/**
 * Every clip frame against the registered frames (±1) the line puts it on.
 * Below o.minQuality (a weak line's) a frame cannot match, but down to
 * `contraQuality` it can still contradict: a weak line's run otherwise went on
 * over seconds of the next excerpt of a compilation, its frames neutral for
 * being flat rather than for agreeing.
 */
function alignFrames(
  q: Uint32Array,
  qQuality: Uint8Array,
  ref: FingerprintView,
  shares: Uint8Array,
  intercept: number,
  slope: number,
  o: MatcherOptions,
  contraQuality: number,
): AlignedFrames {
  const n = ref.quality.length;
  const distance = new Int16Array(qQuality.length);
  const quality = new Uint8Array(qQuality.length);
  const weight = new Float32Array(qQuality.length);
  for (let f = 0; f < qQuality.length; f++) {
    const j = round(intercept + slope * f);
    if (j < 0 || j >= n) {
      distance[f] = -2;
      continue;
    }
    let d = -1;
    let flat = -1;
    for (let k = max(0, j - 1); k <= min(n - 1, j + 1); k++) {
      const w = frameWeight(shares[k], o.ignoreShares);
      if (qQuality[f] < contraQuality || ref.quality[k] < contraQuality || w === 0) continue;
      const x = popcount32(q[2 * f] ^ ref.hashes[2 * k]) + popcount32(q[2 * f + 1] ^ ref.hashes[2 * k + 1]);
      if (qQuality[f] < o.minQuality || ref.quality[k] < o.minQuality) flat = flat < 0 ? x : min(flat, x);
      else if (d < 0 || x < d) {
        d = x;
        quality[f] = min(qQuality[f], ref.quality[k]);
        weight[f] = w;
      }
    }
    distance[f] = d < 0 && flat > o.mismatchDistance ? flat : d;
  }
  return { distance, quality, weight };
}
