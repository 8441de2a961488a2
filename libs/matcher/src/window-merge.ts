import { EpisodeMatch, MatchSegment } from './clip-matcher';

/** A long video is matched in overlapping windows; each window's matches have times from the window's start. */
export interface WindowMatches {
  /** Where the window starts in the video, in seconds. */
  readonly offsetSeconds: number;
  readonly matches: readonly EpisodeMatch[];
}

/** Two segments found in neighbouring windows are one copy when they overlap in the video and lie on one line (within this many seconds). */
const SAME_LINE_SECONDS = 1;

/**
 * The matches of a whole video from its windows' matches: times moved to the
 * video's axis, and a copy seen by two overlapping windows (or running across
 * a window's end) joined into one segment, so memory stays bounded by the
 * window while the result reads as if the video had been matched at once.
 */
export function mergeWindowMatches(windows: readonly WindowMatches[]): EpisodeMatch[] {
  const byEpisode = new Map<string, { best: EpisodeMatch; segments: MatchSegment[] }>();
  for (const w of windows) {
    for (const m of w.matches) {
      const shifted = m.segments.map((s) => ({ ...s, clipStart: s.clipStart + w.offsetSeconds, clipEnd: s.clipEnd + w.offsetSeconds }));
      const entry = byEpisode.get(m.episode);
      if (!entry) byEpisode.set(m.episode, { best: m, segments: shifted });
      else {
        if (m.score > entry.best.score) entry.best = m;
        entry.segments.push(...shifted);
      }
    }
  }
  const out: EpisodeMatch[] = [];
  for (const [episode, { best, segments }] of byEpisode) {
    const joined = joinSegments(segments);
    out.push({ episode, score: Math.max(...joined.map((s) => s.score)), mirrored: best.mirrored, region: best.region, geometry: best.geometry, segments: joined });
  }
  return out.sort((a, b) => b.score - a.score);
}

function joinSegments(segments: readonly MatchSegment[]): MatchSegment[] {
  const out: MatchSegment[] = [];
  for (const s of [...segments].sort((a, b) => a.clipStart - b.clipStart)) {
    const at = out.findIndex((t) => touches(t, s) && sameLine(t, s));
    if (at < 0) {
      out.push(s);
      continue;
    }
    const t = out[at];
    out[at] = {
      clipStart: Math.min(t.clipStart, s.clipStart),
      clipEnd: Math.max(t.clipEnd, s.clipEnd),
      refStart: Math.min(t.refStart, s.refStart),
      refEnd: Math.max(t.refEnd, s.refEnd),
      speed: t.matchedFrames >= s.matchedFrames ? t.speed : s.speed,
      region: t.matchedFrames >= s.matchedFrames ? t.region : s.region,
      // The overlap's frames were counted by both windows; the larger count is a floor, never an overcount.
      matchedFrames: Math.max(t.matchedFrames, s.matchedFrames),
      score: Math.max(t.score, s.score),
    };
  }
  return out;
}

function touches(a: MatchSegment, b: MatchSegment): boolean {
  return a.clipStart <= b.clipEnd + 0.5 && b.clipStart <= a.clipEnd + 0.5;
}

/** The episode time each segment's line gives at the clip time where the later one starts. */
function sameLine(a: MatchSegment, b: MatchSegment): boolean {
  const at = Math.max(a.clipStart, b.clipStart);
  const refA = a.refStart + (at - a.clipStart) * a.speed;
  const refB = b.refStart + (at - b.clipStart) * b.speed;
  return Math.abs(refA - refB) <= SAME_LINE_SECONDS;
}
