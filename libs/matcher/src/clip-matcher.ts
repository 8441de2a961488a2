import { FingerprintView, GreyFrame, Rect } from '@dramaguard/fingerprint';
import { HashIndex, Reference } from '@dramaguard/hash-index';
import { Candidate } from './candidates';
import { ClipHasher } from './clip-hasher';
import { CopyGeometry } from './copy-geometry';
import { densify } from './densify';
import { searchCandidates, SparseRound } from './geometry-search';
import { MatcherOptions, matcherOptions } from './matcher-options';
import { probeClip, ProbeSource, QueryProbe } from './query-probe';
import { SettledRegion, settleRegion } from './region-search';
import { VerifiedCopy, verifyOnRegion, verifySpan } from './verify';

/** One matched stretch: the time range in the clip and the corresponding range in the episode (seconds). */
export interface MatchSegment {
  readonly clipStart: number;
  readonly clipEnd: number;
  readonly refStart: number;
  readonly refEnd: number;
  /** Registered seconds per clip second (1.2 = the clip plays 1.2x fast). */
  readonly speed: number;
  readonly matchedFrames: number;
  readonly score: number;
  /**
   * Region of the clip frame this segment was verified under; its match's
   * `region` is that of its best copy only. Absent from the soundtrack's
   * segments and from shard answers stored by an earlier release.
   */
  readonly region?: Rect;
}

export interface EpisodeMatch {
  readonly episode: string;
  readonly score: number;
  readonly mirrored: boolean;
  readonly region: Rect;
  /**
   * Which part of the episode's frame the clip shows, and where. Optional: a
   * shard answer stored by a worker of an earlier release has none, and a match
   * on the soundtrack alone has no picture to place.
   */
  readonly geometry?: CopyGeometry;
  readonly segments: MatchSegment[];
}

/** Stage one's outcome: the clip's probe hashes and the (episode, line) candidates, with each candidate episode's work. */
export interface MatchPlan {
  readonly probe: QueryProbe;
  readonly candidates: readonly Candidate[];
  readonly groups: ReadonlyMap<string, string | undefined>;
}

/** Looks up a candidate episode's full fingerprint for verification. */
export type ReferenceLookup = (episode: string) => Reference | undefined;

/**
 * Stage one: looks the clip up in the index and proposes (episode, alignment)
 * candidates. The clip is its frames at `options.fps`, frame f shown at
 * f / fps seconds, or its full probe (fullProbe; then no frame is needed until
 * stage two). Needs nothing but the index: the full fingerprints of the
 * candidates (`candidateEpisodes`) are fetched for stage two. `shared`:
 * geometries other shards found support for; `kept`: this clip's sparse round
 * against this index, when it was run already (searchCandidates).
 */
export function planMatch(
  index: HashIndex,
  clip: readonly GreyFrame[] | QueryProbe,
  options: Partial<MatcherOptions> = {},
  shared: readonly number[] = [],
  kept?: SparseRound,
): MatchPlan {
  const o = matcherOptions(options);
  const source: ProbeSource = Array.isArray(clip) ? { frames: clip } : { full: clip as QueryProbe };
  const frames = 'frames' in source ? source.frames.length : source.full.frames;
  if (!frames || index.episodeCount === 0) return { probe: probeClip([], o.plainGeometry), candidates: [], groups: new Map() };
  const { probe, candidates } = searchCandidates(index, source, o, shared, kept);
  return { probe, candidates, groups: new Map(candidates.map((c) => [c.episode, index.group(c.episode)])) };
}

export function candidateEpisodes(plan: MatchPlan): string[] {
  return [...plan.groups.keys()];
}

/** A candidate (its index in the plan), densified, with its episode's view and the region verification settled for it. */
interface SettledCandidate {
  readonly index: number;
  readonly dense: Candidate;
  readonly view: FingerprintView;
  readonly shares: Uint8Array;
  readonly region: SettledRegion;
}

/** Which of a plan's candidates to verify next (its index in plan.candidates), or -1 when none is left. */
export type NextCandidate = () => number;

/** Every candidate of a plan of `count`, in order: one thread verifying them all. */
function allInOrder(count: number): NextCandidate {
  let next = 0;
  return () => (next < count ? next++ : -1);
}

/**
 * Stage two: verifies each candidate against that episode's full fingerprint
 * only, and turns the verified copies into matches: the registered episodes
 * the clip copies, and where.
 */
export function finishMatch(plan: MatchPlan, frames: readonly GreyFrame[], references: ReferenceLookup, options: Partial<MatcherOptions> = {}): EpisodeMatch[] {
  if (!plan.candidates.length) return [];
  return matchesOf(plan, verifyCandidates(plan, frames, references, allInOrder(plan.candidates.length), options), options);
}

/**
 * Stage two's work on the candidates `next` hands out, each verified on its
 * own: the copies verified, by candidate index. Threads sharing one `next`
 * verify a plan's candidates side by side (VerifyPool), each with the clip's
 * frames; matchesOf then reads their copies as one thread's. Every
 * candidate's region is settled first, so that the clip's frames are hashed
 * over all of the regions in one pass: each region over the frames around
 * its candidate's hits only (verifySpan), more of them for a line whose run
 * may go on past them.
 */
export function verifyCandidates(
  plan: MatchPlan,
  frames: readonly GreyFrame[],
  references: ReferenceLookup,
  next: NextCandidate,
  options: Partial<MatcherOptions> = {},
): Map<number, VerifiedCopy> {
  const o = matcherOptions(options);
  const clip = new ClipHasher(frames, plan.probe);
  const settled: SettledCandidate[] = [];
  for (let i = next(); i >= 0; i = next()) {
    const proposed = plan.candidates[i];
    const ref = references(proposed.episode);
    const view = ref?.fingerprint.views[proposed.view];
    if (!ref || !view) continue;
    const dense = densify(proposed, plan.probe, view, ref.shares, o);
    if (!dense) continue;
    const region = settleRegion(clip, view, dense, plan.probe.hypotheses, o);
    if (region) settled.push({ index: i, dense, view, shares: ref.shares, region });
  }
  const hashes = clip.hashAllOf(settled.map((s) => ({ ...s.region, ...verifySpan(s.dense, clip.length, o) })));
  const copies = new Map<number, VerifiedCopy>();
  settled.forEach(({ index, dense, view, shares, region }, k) => {
    const v = verifyOnRegion(hashes[k], view, shares, dense, region, o, (first, last) => clip.hashAllOf([{ ...region, first, last }])[0]);
    if (v) copies.set(index, v);
  });
  return copies;
}

/**
 * The matches the verified copies (by candidate index, verifyCandidates)
 * make, read in the plan's order. A candidate proposed on the line of a copy
 * of its episode kept before it adds nothing. A copy refitted onto an earlier
 * copy's line is kept: refitted from other hits, it can run on where the first
 * stopped, and toMatches keeps whichever segment holds more matched frames.
 */
export function matchesOf(plan: MatchPlan, found: ReadonlyMap<number, VerifiedCopy>, options: Partial<MatcherOptions> = {}): EpisodeMatch[] {
  const o = matcherOptions(options);
  const copies: VerifiedCopy[] = [];
  plan.candidates.forEach((c, i) => {
    const v = found.get(i);
    if (v && !copies.some((k) => k.episode === c.episode && sameLine(k, c.peak.offset * o.fps, c.peak.speed, o.fps))) copies.push(v);
  });
  return toMatches(copies, o, (episode) => plan.groups.get(episode));
}

/** Both stages against an index that retains its references (tests, benchmarks, per-work indexes). */
export function matchClip(index: HashIndex, frames: readonly GreyFrame[], options: Partial<MatcherOptions> = {}): EpisodeMatch[] {
  return finishMatch(planMatch(index, frames, options), frames, (episode) => index.reference(episode), options);
}

function sameLine(v: VerifiedCopy, intercept: number, slope: number, fps: number): boolean {
  return Math.abs(v.slope - slope) < 0.03 && Math.abs(v.intercept - intercept) < 0.75 * fps;
}

/**
 * A segment's score is agreement x certainty. Agreement is how closely the
 * matched frames' hashes agree (1 = identical, 0.5 = at the match distance).
 * Certainty grows with the number of matched frames: chance alignments
 * between unrelated videos were seen to reach at most 7 matched frames
 * (docs/FINGERPRINT.md), so certainty is 0 up to 4 frames, one half at 8
 * (one second at 8 fps) and 0.9 at 18.
 */
export function segmentScore(agreement: number, matched: number): number {
  return agreement * (1 - Math.exp(-Math.max(0, matched - 4) / 6));
}

function toMatches(copies: VerifiedCopy[], o: MatcherOptions, groupOf: (episode: string) => string | undefined): EpisodeMatch[] {
  const byEpisode = new Map<string, { copy: VerifiedCopy; segment: MatchSegment }[]>();
  for (const v of copies) {
    for (const r of v.runs) {
      const segment: MatchSegment = {
        clipStart: r.first / o.fps,
        clipEnd: (r.last + 1) / o.fps,
        refStart: (v.intercept + v.slope * r.first) / o.fps,
        refEnd: (v.intercept + v.slope * (r.last + 1)) / o.fps,
        speed: v.slope,
        matchedFrames: r.matched,
        score: segmentScore(r.agreement, r.matched),
        region: v.region,
      };
      if (segment.score < o.decisionThreshold) continue;
      const list = byEpisode.get(v.episode) ?? [];
      byEpisode.set(v.episode, [...list, { copy: v, segment }]);
    }
  }
  const distinct = new Map([...byEpisode].map(([episode, found]) => [episode, distinctSegments(found)]));
  const out: EpisodeMatch[] = [];
  for (const [episode, found] of distinct) {
    const group = groupOf(episode);
    const kept = group && !o.ignoreShares ? found.filter((f) => !explainedBySibling(f.segment, episode, group, distinct, groupOf)) : found;
    if (!kept.length) continue;
    const best = kept[0];
    out.push({
      episode,
      score: Math.max(...kept.map((k) => k.segment.score)),
      mirrored: best.copy.mirrored,
      region: best.copy.region,
      geometry: best.copy.geometry,
      segments: kept.map((k) => k.segment).sort((a, b) => a.clipStart - b.clipStart),
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * True when another episode of the same work explains this stretch of the
 * clip better: one of its segments covers at least 80% of it and is longer. A
 * recap (the previous episode's ending replayed at the start of the next) in
 * an excerpt of the later episode is then not also reported as the earlier one.
 */
function explainedBySibling(
  s: MatchSegment,
  episode: string,
  group: string,
  all: Map<string, { segment: MatchSegment }[]>,
  groupOf: (episode: string) => string | undefined,
): boolean {
  const length = s.clipEnd - s.clipStart;
  for (const [other, found] of all) {
    if (other === episode || groupOf(other) !== group) continue;
    for (const { segment: t } of found) {
      const overlap = Math.max(0, Math.min(s.clipEnd, t.clipEnd) - Math.max(s.clipStart, t.clipStart));
      if (overlap >= 0.8 * length && t.clipEnd - t.clipStart > length + 0.5) return true;
    }
  }
  return false;
}

/**
 * Most matched frames first; a segment mostly covering the same clip time as
 * one with more evidence, of the same episode, is a duplicate. Ranking by
 * score instead let a short, clean stretch of a copy push out the line that
 * explains all of it.
 */
function distinctSegments<T extends { segment: MatchSegment }>(found: T[]): T[] {
  const kept: T[] = [];
  for (const f of [...found].sort((a, b) => b.segment.matchedFrames - a.segment.matchedFrames)) {
    const s = f.segment;
    const overlap = kept.reduce((sum, k) => sum + Math.max(0, Math.min(k.segment.clipEnd, s.clipEnd) - Math.max(k.segment.clipStart, s.clipStart)), 0);
    if (overlap < 0.5 * (s.clipEnd - s.clipStart)) kept.push(f);
  }
  return kept;
}
