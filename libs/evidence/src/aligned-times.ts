/** A matched segment: clip seconds and the episode seconds they show. */
export interface AlignedSegment {
  readonly clipStart: number;
  readonly clipEnd: number;
  readonly episodeStart: number;
  readonly speed: number;
}

/** Three pairs for short segments, up to five for long ones: enough to see the alignment hold. */
export function pairCount(seconds: number): number {
  if (seconds < 3) return 3;
  if (seconds < 8) return 4;
  return 5;
}

/**
 * Times of the aligned frame pairs: the centres of equal parts of the
 * segment (never its very edges, where a cut may fall), each with the episode
 * time it maps to: episode = episodeStart + (t - clipStart) x speed.
 */
export function alignedTimes(s: AlignedSegment): { clipSeconds: number; episodeSeconds: number }[] {
  const length = Math.max(0, s.clipEnd - s.clipStart);
  const n = pairCount(length);
  return Array.from({ length: n }, (_, i) => {
    const clipSeconds = s.clipStart + ((i + 0.5) * length) / n;
    return { clipSeconds, episodeSeconds: s.episodeStart + (clipSeconds - s.clipStart) * s.speed };
  });
}
