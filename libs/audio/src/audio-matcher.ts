import { AudioCandidate, AudioIndex } from './audio-index';
import { AudioPrint, AudioVariant } from './audio-print';
import { AudioSegment, verifyAudio } from './audio-verify';

/** An episode whose soundtrack the clip plays: the speed correction that lines up, and the stretches. */
export interface AudioMatch {
  readonly episode: string;
  readonly score: number;
  /** Episode seconds per clip second, as the best segment's line runs. */
  readonly speed: number;
  /** The correction that lined up undid a resampling (speed and pitch changed together). */
  readonly pitchChanged: boolean;
  readonly segments: AudioSegment[];
}

/** A registered soundtrack as stage two needs it. */
export interface AudioReference {
  readonly print: AudioPrint;
  readonly shares: Uint8Array | null;
}

/** Votes a line needs to be verified; chance gives a few per line, a 5 s copy under a music bed about ten. */
const MIN_VOTES = 6;
/** Lines verified per clip (per shard): each is a few hundred item comparisons. */
const MAX_CANDIDATES = 24;

/** Stage one: the lines worth verifying, from the index alone. */
export function planAudio(index: AudioIndex, variants: readonly AudioVariant[], exclude?: string): AudioCandidate[] {
  return index.candidates(variants, MIN_VOTES, MAX_CANDIDATES, exclude);
}

/**
 * Stage two: each candidate line verified against the episode's full print;
 * per episode, the speed correction whose segments hold the most evidence
 * (neighbouring corrections often line up too, a little shorter or noisier).
 * The match's score and speed are its best segment's.
 */
export function finishAudio(variants: readonly AudioVariant[], candidates: readonly AudioCandidate[], lookup: (episode: string) => AudioReference | undefined): AudioMatch[] {
  const best = new Map<string, AudioMatch>();
  for (const c of candidates) {
    const ref = lookup(c.episode);
    const variant = variants[c.variant];
    if (!ref || !variant) continue;
    const segments = verifyAudio(variant, ref.print, ref.shares, c.offset);
    if (!segments.length) continue;
    const strongest = segments.reduce((a, b) => (b.score > a.score ? b : a));
    const seen = best.get(c.episode);
    if (!seen || evidence(seen.segments) < evidence(segments)) {
      best.set(c.episode, { episode: c.episode, score: strongest.score, speed: strongest.speed, pitchChanged: variant.pitchChanged, segments });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** Seconds of agreement, each weighed by how far below chance its bits differ. */
function evidence(segments: readonly AudioSegment[]): number {
  return segments.reduce((n, s) => n + (s.clipEnd - s.clipStart) * Math.max(0, 0.5 - s.ber), 0);
}
