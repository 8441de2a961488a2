import { FingerprintView, popcount32, Rect } from '@dramaguard/fingerprint';
import { frameWeight } from '@dramaguard/hash-index';
import { robustLine } from './alignment';
import { Candidate, hitSpan } from './candidates';
import { ClipHashes } from './clip-hasher';
import { copyGeometry, CopyGeometry } from './copy-geometry';
import { MatcherOptions, matcherOptions } from './matcher-options';
import { AlignedFrames, matchedRuns, SegmentRun } from './segments';
import type { SettledRegion } from './region-search';

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
  /** Every clip frame against the registered frame the line puts it on; beyond the frames hashed (verifySpan), as beyond the line's end. */
  readonly aligned: AlignedFrames;
}

/**
 * Stage two, second half (region-search has the first): refits the candidate's alignment line on the
 * frames' best local matches, given the clip frames hashed over the settled
 * region, then compares each with the registered frame the line puts it on.
 * Given the span of frames around the candidate's hits (verifySpan), a line
 * whose run may go on past an edge of the span is settled again on the span
 * `widen` grows on that side, until no run can: along a line, its runs are
 * then those every frame gives. The line's refit reads the span's frames
 * only; on the dev, harsh and swap sets the predictions were the same
 * (docs/BENCHMARK.md, section 61).
 */
export function verifyOnRegion(
  hashes: ClipHashes,
  ref: FingerprintView,
  shares: Uint8Array,
  candidate: Candidate,
  region: SettledRegion,
  options: MatcherOptions,
  widen?: (first: number, last: number) => ClipHashes,
): VerifiedCopy | null {
  const o = lineOptions(candidate, options);
  const evidence = ({ hashes: q, quality, first, last }: ClipHashes): LineEvidence => ({ q, quality, first, last, ref, shares, o, contraQuality: options.minQuality });
  let line = settleLine(candidate, evidence(hashes));
  while (line && widen) {
    const edges = reachedEdges(line.aligned, hashes, o);
    if (edges === NO_EDGE) break;
    const grow = hashes.last - hashes.first + 1;
    hashes = widen(edges & BEFORE ? max(0, hashes.first - grow) : hashes.first, edges & AFTER ? min(hashes.quality.length - 1, hashes.last + grow) : hashes.last);
    line = settleLine(candidate, evidence(hashes));
  }
  if (!line) return null;
  const geometry = copyGeometry(region.rect, region.mirror, ref.region, region.root);
  return { episode: candidate.episode, mirrored: region.mirror, region: region.rect, geometry, ...line };
}

/** A weakly supported line is judged on informative frames only (MatcherOptions.weakSupport). */
export function lineOptions(candidate: Candidate, options: MatcherOptions): MatcherOptions {
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
  /** The clip frames hashed (first..last); every frame when absent. */
  readonly first?: number;
  readonly last?: number;
}

/**
 * Frames either side of a candidate's hits that verification hashes the clip
 * over: twice the gap that ends a run, so that a copy's run ends inside them
 * when the footage beyond its hits differs.
 */
export function verifySpan(candidate: Candidate, frames: number, o: MatcherOptions): { first: number; last: number } {
  const { first, last } = hitSpan(candidate);
  const margin = 2 * round(o.maxGap * o.fps);
  return { first: max(0, first - margin), last: min(frames - 1, last + margin) };
}

const NO_EDGE = 0;
const BEFORE = 1;
const AFTER = 2;

/**
 * The edges of the hashed span (BEFORE, AFTER) a run along the line could go
 * on past: from that edge of the span inwards, short of the clip's own edge, a
 * frame matches before maxGap frames contradict. Otherwise a run that
 * crossed the edge would have ended before it, and a run's neutral frames
 * stop at a contradicting one, so the runs within the span are those of the
 * whole clip along the same line.
 */
function reachedEdges(a: AlignedFrames, { first, last, quality }: ClipHashes, o: MatcherOptions): number {
  const gap = round(o.maxGap * o.fps);
  const before = first > 0 && matchBeforeGap(a, first, last, 1, gap, o);
  const after = last < quality.length - 1 && matchBeforeGap(a, last, first, -1, gap, o);
  return (before ? BEFORE : NO_EDGE) | (after ? AFTER : NO_EDGE);
}

function matchBeforeGap({ distance }: AlignedFrames, from: number, to: number, step: number, gap: number, o: MatcherOptions): boolean {
  let contra = 0;
  for (let f = from; step > 0 ? f <= to : f >= to; f += step) {
    const d = distance[f];
    if (d === -2) return false;
    if (d >= 0 && d <= o.matchDistance) return true;
    if (d > o.mismatchDistance && ++contra >= gap) return false;
  }
  return false;
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
function lineRuns({ q, quality, ref, shares, o, contraQuality, first = 0, last = quality.length - 1 }: LineEvidence, intercept: number, slope: number): SettledLine | null {
  const line = refitLine(q, quality, ref, intercept, slope, o, first, last);
  if (line) {
    intercept = line.a;
    slope = line.b;
  }
  const aligned = alignFrames(q, quality, ref, shares, intercept, slope, o, contraQuality, first, last);
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

/** Refits the line on each informative clip frame's (first..last) best registered frame within a second of it. */
function refitLine(q: Uint32Array, quality: Uint8Array, ref: FingerprintView, intercept: number, slope: number, o: MatcherOptions, first: number, last: number) {
  const window = round(o.fps);
  const points: Array<{ q: number; r: number }> = [];
  const n = ref.quality.length;
  for (let f = first; f <= last; f++) {
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
 * Every clip frame of first..last against the registered frames (±1) the line
 * puts it on; the others are outside the line, as where it leaves the episode.
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
  first: number,
  last: number,
): AlignedFrames {
  const n = ref.quality.length;
  const distance = new Int16Array(qQuality.length);
  const quality = new Uint8Array(qQuality.length);
  const weight = new Float32Array(qQuality.length);
  for (let f = 0; f < qQuality.length; f++) {
    const j = round(intercept + slope * f);
    if (j < 0 || j >= n || f < first || f > last) {
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
