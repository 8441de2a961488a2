import { AlignmentPeak, FrameHit, voteAlignment } from './alignment';
import { HashIndex } from './hash-index';
import { MatcherOptions } from './matcher-options';
import { QueryProbe } from './query-probe';
import { frameWeight } from './shared-content';

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

/**
 * Support a line of key-frame hits needs to be verified at all. The index
 * holds at most two frames a second, so a copy leaves a quarter of the hits a
 * full-rate index gave; whether a line is weak is decided on its hits gathered
 * again at the full rate (densify), against the usual thresholds.
 */
const KEY_FRAME_SUPPORT = 0.5;

/**
 * Stage one: look every clip frame up in the index under every hypothesis,
 * plain and mirrored, and vote per episode view for alignment lines. Only the
 * best-supported lines go on to verification, so the cost of a match does not
 * grow with the number of registered episodes beyond the index lookups.
 */
export function findCandidates(index: HashIndex, probe: QueryProbe, o: MatcherOptions): Candidate[] {
  const H = probe.hypotheses.length;
  const byTrack = new Map<string, Map<number, TaggedHit>>();
  for (let f = 0; f < probe.frames; f += o.probeStride) {
    for (let h = 0; h < H; h++) {
      if (probe.quality[f * H + h] < o.minQuality) continue;
      const at = 2 * (f * H + h);
      for (const [words, mirror] of o.plainGeometry ? ([[probe.hashes, 0]] as const) : ([[probe.hashes, 0], [probe.mirrored, 1]] as const)) {
        index.search(words[at], words[at + 1], o.searchRadius, (episode, view, frame, distance, share, hold) => {
          const track = `${view}:${episode}`;
          let hits = byTrack.get(track);
          if (!hits) byTrack.set(track, (hits = new Map()));
          const key = f * 1e6 + frame;
          const weight = ((o.searchRadius + 1 - distance) / (o.searchRadius + 1)) * frameWeight(share, o.ignoreShares);
          const old = hits.get(key);
          if (!old || old.weight < weight) hits.set(key, { q: f, r: frame, weight, tag: 2 * h + mirror, hold });
        }, o.substringRadius);
      }
    }
  }
  const out: Candidate[] = [];
  for (const [track, map] of byTrack) {
    const split = track.indexOf(':');
    const view = Number(track.slice(0, split));
    const episode = track.slice(split + 1);
    const hits = downweightRepeats([...map.values()]);
    const peaks = voteAlignment(hits, {
      fps: o.fps,
      minSpeed: o.minSpeed,
      maxSpeed: o.maxSpeed,
      speedStep: o.speedStep,
      offsetBin: o.offsetBin,
      tolerance: o.lineTolerance,
      maxPeaks: o.peaksPerEpisode,
      minSupport: Math.min(o.weakSupport, KEY_FRAME_SUPPORT),
    });
    for (const peak of peaks) out.push({ episode, view, peak, hits: peak.hits.map((i) => hits[i]) });
  }
  out.sort((a, b) => b.peak.support - a.peak.support);
  return out.slice(0, o.maxCandidates);
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
  return hits.map((h) => ({ ...h, weight: h.weight / Math.sqrt(perFrame.get(h.q) as number) }));
}
