/** Tunables of the matcher; the defaults are the values docs/FINGERPRINT.md explains. */
export interface MatcherOptions {
  /** Frames per second of both the clip and the registered fingerprints. */
  readonly fps: number;
  /** Hash quality below which a frame neither is indexed nor votes. */
  readonly minQuality: number;
  /** Stage one: Hamming radius of index lookups (of 64 bits). */
  readonly searchRadius: number;
  /**
   * Stage one: bits of difference probed per substring. 1 guarantees every hit
   * up to 7 bits (4 substrings) and finds most up to searchRadius, for an
   * eighth of the probes of the exact search.
   */
  readonly substringRadius: number;
  /**
   * Stage one's substring radius on clips of geometryMinFrames or more once
   * the index uses its large layout (LARGE_INDEX). Beyond it a table's buckets
   * hold entries/2^21 on average (2.8 at 1,000 h, 7.6 in a 16 M-entry shard),
   * and a probe at radius 1 walks 22 buckets per table where radius 0 walks
   * one. Radius 0 still finds every hit within 2 bits and most of a copy's
   * (0-6 bits under its geometry); it misses lone hits at 8-10 bits, and a
   * line made of a few of those (dev q029: 5 hits, support 0.54, found at
   * 20 h) is outvoted by chance lines in a large index at either radius (not
   * found at 100 h or 1,000 h, even with every geometry on every frame).
   * Measured at 200 h (docs/BENCHMARK.md, section 7): the dev queries find
   * the same 87 of 88 pairs with fewer near-miss false pairs, and a 60 s clip
   * walks 57 k entries instead of 2.2 M (with geometryMaxSparseFrames).
   */
  readonly largeSubstringRadius: number;
  /** Stage one: look up every n-th clip frame. */
  readonly probeStride: number;
  /**
   * Stage one: every hypothesis is tried on every n-th looked-up frame only;
   * the other frames are looked up under the geometries that voted most for
   * the lines found on those (geometryTags per line). Clips shorter than
   * geometryMinFrames try every hypothesis on every frame.
   * Every 4th frame against the key-frame index still named the true
   * geometry of every dev copy in clips of 16 s or more; 3 geometries per line
   * keep it when neighbouring crop hypotheses score alike. Shorter clips keep
   * the full search: there a quarter of a copy of a few seconds is too few
   * lookups to choose a geometry from, and the full search costs little.
   */
  readonly geometryStride: number;
  /**
   * At most this many frames in the sparse round (the stride grows beyond
   * geometryStride on clips longer than 32 s): its cost, hashing and looking
   * up every geometry, then stays that of a 32 s clip. 64 frames spread over
   * a 60 s clip still named the geometry of every copy in bench:scale-match
   * (recall 1 from 200 h to 2,500 h) and of the dev queries against 200 h.
   */
  readonly geometryMaxSparseFrames: number;
  readonly geometryTags: number;
  readonly geometryMinFrames: number;
  /** Geometries every shard also tries on a clip's other frames, the best supported over all shards' sparse rounds (sharedGeometries). */
  readonly sharedGeometryCount: number;
  readonly minSpeed: number;
  readonly maxSpeed: number;
  readonly speedStep: number;
  readonly offsetBin: number;
  readonly lineTolerance: number;
  readonly peaksPerEpisode: number;
  /** Stage one: support (sum of hit weights) a line needs to be verified as usual. */
  readonly minSupport: number;
  /**
   * Stage one: lines with less support, down to this, are verified too (in the
   * places the well-supported ones leave), but on frames of quality at least
   * weakMinQuality only: a short copy of flat pictures under an off-grid crop
   * leaves only a few weak hits, and low-texture hashes are the ones that agree
   * with unrelated pictures by chance (docs/FINGERPRINT.md, section 5).
   */
  readonly weakSupport: number;
  readonly weakMinQuality: number;
  readonly maxCandidates: number;
  /** Stage two: a clip frame matches when its hash is within this distance of the aligned registered frame. */
  readonly matchDistance: number;
  /** Stage two: a clip frame contradicts the alignment beyond this distance (between the two it is neutral). */
  readonly mismatchDistance: number;
  /** Stage two: a segment ends after this many seconds of contradicting frames. */
  readonly maxGap: number;
  /** Stage two: a segment needs this many matched frames. */
  readonly minMatchedFrames: number;
  /** Matches scoring below this are not reported. */
  readonly decisionThreshold: number;
  /**
   * Count every registered frame fully, however widely it is shared (exclusions
   * still hold), and report every episode of a work that shows a stretch, not
   * only the one explaining most of it: used when a new episode is compared
   * with the registry to learn what it shares (LEARNING_OPTIONS).
   */
  readonly ignoreShares: boolean;
  /**
   * Try only the unedited geometry, unmirrored: the cheap baseline that the
   * robustness benchmark (`npm run bench:match`) compares against.
   */
  readonly plainGeometry: boolean;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  fps: 8,
  minQuality: 8,
  searchRadius: 10,
  substringRadius: 1,
  probeStride: 1,
  geometryStride: 4,
  geometryMaxSparseFrames: 64,
  largeSubstringRadius: 0,
  geometryTags: 3,
  geometryMinFrames: 128,
  sharedGeometryCount: 6,
  minSpeed: 0.75,
  maxSpeed: 1.45,
  speedStep: 0.01,
  offsetBin: 0.25,
  lineTolerance: 0.5,
  peaksPerEpisode: 3,
  minSupport: 2,
  weakSupport: 0.5,
  weakMinQuality: 30,
  maxCandidates: 12,
  matchDistance: 12,
  mismatchDistance: 20,
  maxGap: 1.5,
  minMatchedFrames: 6,
  decisionThreshold: 0.5,
  ignoreShares: false,
  plainGeometry: false,
};

/**
 * The defaults with `partial` over them, always built as one literal of every
 * field in one order, so that every options object the matcher reads has one
 * hidden class. Objects made by spreading (`{ ...DEFAULT_MATCHER_OPTIONS,
 * ...options }`, `{ ...o, minQuality }`) get hidden classes that depend on how
 * often the spread has run and on what it overwrote: V8 threw away the
 * verification code the warm-up had compiled at a shard's first weak line and
 * again a few clips later (docs/BENCHMARK.md, section 40).
 */
export function matcherOptions(partial: Partial<MatcherOptions> = {}): MatcherOptions {
  const o = { ...DEFAULT_MATCHER_OPTIONS, ...partial };
  return {
    fps: o.fps,
    minQuality: o.minQuality,
    searchRadius: o.searchRadius,
    substringRadius: o.substringRadius,
    probeStride: o.probeStride,
    geometryStride: o.geometryStride,
    geometryMaxSparseFrames: o.geometryMaxSparseFrames,
    largeSubstringRadius: o.largeSubstringRadius,
    geometryTags: o.geometryTags,
    geometryMinFrames: o.geometryMinFrames,
    sharedGeometryCount: o.sharedGeometryCount,
    minSpeed: o.minSpeed,
    maxSpeed: o.maxSpeed,
    speedStep: o.speedStep,
    offsetBin: o.offsetBin,
    lineTolerance: o.lineTolerance,
    peaksPerEpisode: o.peaksPerEpisode,
    minSupport: o.minSupport,
    weakSupport: o.weakSupport,
    weakMinQuality: o.weakMinQuality,
    maxCandidates: o.maxCandidates,
    matchDistance: o.matchDistance,
    mismatchDistance: o.mismatchDistance,
    maxGap: o.maxGap,
    minMatchedFrames: o.minMatchedFrames,
    decisionThreshold: o.decisionThreshold,
    ignoreShares: o.ignoreShares,
    plainGeometry: o.plainGeometry,
  };
}

/**
 * Comparing a newly registered episode with the registry: every episode
 * sharing a stretch must be found to be counted, and a series intro is shared
 * by every episode of the series, so many more candidates are verified than
 * for a clip (which needs only the episodes it copies). Weak lines are not
 * tried: content shared between registered episodes is an unedited copy, which
 * leaves strong hits.
 */
export const LEARNING_OPTIONS: Partial<MatcherOptions> = { ignoreShares: true, maxCandidates: 96, weakSupport: DEFAULT_MATCHER_OPTIONS.minSupport };
