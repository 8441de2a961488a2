/** Per clip frame, the outcome of comparing it with the registered frame the alignment puts it on. */
export interface AlignedFrames {
  /**
   * Hamming distance to the aligned registered frame; -1 where either frame is
   * uninformative (both may be black), -2 where the line leaves the episode.
   */
  readonly distance: Int16Array;
  /** Quality of the poorer of the two frames compared (0 where distance < 0). */
  readonly quality: Uint8Array;
  /** Evidence weight of the registered frame: below 1 for content shared with other episodes. */
  readonly weight: Float32Array;
}

export interface SegmentRun {
  readonly first: number;
  readonly last: number;
  /** Matched frames, each counted by its evidence weight (shared content counts less). */
  readonly matched: number;
  /** Mean similarity (0..1) of the matched frames: how closely their hashes agree. */
  readonly agreement: number;
}

export interface RunOptions {
  /** A frame matches at this distance or closer. */
  readonly matchDistance: number;
  /** A frame contradicts the alignment beyond this distance; between the two it is neutral. */
  readonly mismatchDistance: number;
  /** A run ends after this many consecutive contradicting frames. */
  readonly maxGap: number;
  /** A run is kept with at least this many (weighted) matched frames. */
  readonly minMatched: number;
}

/** Similarity of one matched frame pair: 1 for identical hashes, 0.5 at the match distance. */
export function frameSimilarity(distance: number, matchDistance: number): number {
  return Math.max(0, Math.min(1, 1 - distance / (2 * matchDistance)));
}

/**
 * Splits the aligned frames into runs. Matched frames are evidence, weighted
 * by how unique the registered frame is; uninformative frames (fades, black,
 * content excluded or shared beyond its holder) and near misses are neutral and may sit
 * inside or at the edges of a run; `maxGap` consecutive contradicting frames,
 * or the alignment leaving the episode, end it. A run's edges extend over
 * neutral frames next to it, since a copy's dark opening frames are part of
 * the copy, and stop at the first contradicting one.
 */
export function matchedRuns(a: AlignedFrames, o: RunOptions): SegmentRun[] {
  const d = a.distance;
  const n = d.length;
  const state = (f: number): 'match' | 'neutral' | 'contra' | 'outside' =>
    d[f] === -2 ? 'outside' : d[f] === -1 || (d[f] > o.matchDistance && d[f] <= o.mismatchDistance) ? 'neutral' : d[f] <= o.matchDistance ? 'match' : 'contra';
  const runs: SegmentRun[] = [];
  let f = 0;
  while (f < n) {
    if (state(f) !== 'match') {
      f++;
      continue;
    }
    let first = f;
    let last = f;
    let matched = 0;
    let contra = 0;
    for (; f < n; f++) {
      const s = state(f);
      if (s === 'outside') break;
      if (s === 'contra' && ++contra >= o.maxGap) break;
      if (s === 'match') {
        matched += a.weight[f];
        last = f;
        contra = 0;
      }
    }
    while (first > 0 && state(first - 1) === 'neutral') first--;
    while (last < n - 1 && state(last + 1) === 'neutral') last++;
    if (matched >= o.minMatched) runs.push({ first, last, matched, agreement: agreement(a, first, last, o.matchDistance) });
    f = last + 1;
  }
  return runs;
}

function agreement(a: AlignedFrames, first: number, last: number, matchDistance: number): number {
  let sum = 0;
  let n = 0;
  for (let f = first; f <= last; f++) {
    const d = a.distance[f];
    if (d < 0 || d > matchDistance) continue;
    sum += a.weight[f] * frameSimilarity(d, matchDistance);
    n += a.weight[f];
  }
  return n > 0 ? sum / n : 0;
}
