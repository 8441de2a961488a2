import { frameWeight, HashIndex } from '@dramaguard/hash-index';
import { AlignmentOptions, AlignmentPeak, FrameHit, voteAlignment } from './alignment';
import { MatcherOptions } from './matcher-options';
import { QueryProbe } from './query-probe';

/** A hit with the geometry that produced it (hypothesis index x 2 + mirrored) and the registered frames its key frame stands for. */
export interface TaggedHit extends FrameHit {
  readonly tag: number;
  readonly hold: number;
}

/** An (episode view, alignment line) pair worth verifying. */
export interface Candidate {
  readonly episode: string;
  readonly view: number;
  readonly peak: AlignmentPeak;
  readonly hits: readonly TaggedHit[];
}

/** The first and last clip frames a candidate's hits lie on (first > last when it has none). */
export function hitSpan(c: Candidate): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const h of c.hits) {
    first = Math.min(first, h.q);
    last = Math.max(last, h.q);
  }
  return { first, last };
}

/**
 * Support a line of key-frame hits needs to be verified at all. The index
 * holds at most two frames a second, so a copy leaves a quarter of the hits a
 * full-rate index gave; whether a line is weak is decided on its hits gathered
 * again at the full rate (densify), against the usual thresholds.
 */
const KEY_FRAME_SUPPORT = 0.5;

/**
 * The support a stage-one line needs when `fraction` of the clip's frames were
 * looked up (1: all of them): a copy's support grows with the frames looked
 * up, so a vote over a fraction of them asks for that fraction.
 */
export function stageOneSupport(o: MatcherOptions, fraction = 1): number {
  return Math.min(o.weakSupport, KEY_FRAME_SUPPORT) * fraction;
}

/**
 * Stage one: clip frames are looked up in the index under geometric
 * hypotheses, plain and mirrored, and every episode view votes for alignment
 * lines. Lookups can be added in rounds (geometry-search: a sparse round over
 * all hypotheses, then the likely ones on the other frames) and the vote taken
 * after any round. Only the best-supported lines go on to verification, so the
 * cost of a match does not grow with the number of registered episodes beyond
 * the lookups.
 */
export class CandidateVote {
  /** Per episode, per view: the best hit per (clip frame, registered frame). */
  private readonly tracks = new Map<string, Map<number, TaggedHit>[]>();

  constructor(
    private readonly index: HashIndex,
    private readonly probe: QueryProbe,
    private readonly o: MatcherOptions,
  ) {}

  /** Looks up the given hashed frames under the given tags (hypothesis x 2 + mirrored), probing substrings within `substringRadius`. */
  lookUp(frames: readonly number[], tags: readonly number[], substringRadius = this.o.substringRadius): void {
    const { probe, o, index } = this;
    const H = probe.hypotheses.length;
    // Every (frame, tag) worth a lookup, in the order they were looked up one by one: searchMany reports in that order.
    const words = new Uint32Array(2 * frames.length * tags.length);
    const qs = new Int32Array(frames.length * tags.length);
    const ts = new Int32Array(frames.length * tags.length);
    let n = 0;
    for (const f of frames) {
      for (const tag of tags) {
        const at = f * H + (tag >> 1);
        if (!probe.hashed[at] || probe.quality[at] < o.minQuality) continue;
        const hashes = tag & 1 ? probe.mirrored : probe.hashes;
        words[2 * n] = hashes[2 * at];
        words[2 * n + 1] = hashes[2 * at + 1];
        qs[n] = f;
        ts[n++] = tag;
      }
    }
    index.searchMany(words, n, o.searchRadius, (k, episode, view, frame, distance, share, hold) => {
      const weight = ((o.searchRadius + 1 - distance) / (o.searchRadius + 1)) * frameWeight(share, o.ignoreShares);
      this.add(episode, view, { q: qs[k], r: frame, weight, tag: ts[k], hold });
    }, substringRadius);
  }

  /** The best-supported lines over the hits gathered so far, best first, down to `minSupport`. */
  candidates(minSupport: number): Candidate[] {
    const o = this.o;
    const out: Candidate[] = [];
    for (const [episode, views] of this.tracks) {
      views.forEach((track, view) => {
        if (supportBound(track.values()) < minSupport - 1e-9) return;
        const hits = downweightRepeats([...track.values()]);
        const peaks = voteAlignment(hits, alignmentOptions(o, o.peaksPerEpisode, minSupport));
        for (const peak of peaks) out.push({ episode, view, peak, hits: peak.hits.map((i) => hits[i]) });
      });
    }
    out.sort((a, b) => b.peak.support - a.peak.support);
    return out.slice(0, o.maxCandidates);
  }

  private add(episode: string, view: number, hit: TaggedHit): void {
    let views = this.tracks.get(episode);
    if (!views) this.tracks.set(episode, (views = []));
    const track = (views[view] ??= new Map());
    const key = hit.q * 1e6 + hit.r;
    const old = track.get(key);
    if (!old || old.weight < hit.weight) track.set(key, hit);
  }
}

/**
 * The most support any line through these hits can have: each clip frame's
 * best hit (a line counts a frame once, and downweightRepeats only lowers
 * weights). In a large index most episodes collect a few chance hits, and an
 * episode whose bound is below the bar is not voted on at all.
 */
export function supportBound(hits: Iterable<FrameHit>): number {
  const best = new Map<number, number>();
  for (const h of hits) best.set(h.q, Math.max(best.get(h.q) ?? 0, h.weight));
  let sum = 0;
  for (const w of best.values()) sum += w;
  return sum;
}

/** The matcher's alignment settings, for a vote that keeps `maxPeaks` lines of at least `minSupport`. */
export function alignmentOptions(o: MatcherOptions, maxPeaks: number, minSupport: number): AlignmentOptions {
  return { fps: o.fps, minSpeed: o.minSpeed, maxSpeed: o.maxSpeed, speedStep: o.speedStep, offsetBin: o.offsetBin, tolerance: o.lineTolerance, maxPeaks, minSupport };
}

/**
 * A clip frame that hits many frames of one episode (a static shot, a slow
 * pan) says little about where the copy sits in it; its hits share one vote,
 * split as 1/sqrt(frames hit) each, so that distinctive frames decide the
 * alignment. A key frame counts for every frame of the shot it stands for.
 */

export function downweightRepeats(hits: TaggedHit[]): TaggedHit[] {
  const perFrame = new Map<number, number>();
  for (const h of hits) perFrame.set(h.q, (perFrame.get(h.q) ?? 0) + h.hold);
  return hits.map((h) => ({ q: h.q, r: h.r, weight: h.weight / Math.sqrt(perFrame.get(h.q) as number), tag: h.tag, hold: h.hold }));
}
