import { Fingerprint, GreyFrame } from '@dramaguard/fingerprint';
import { DEFAULT_MATCHER_OPTIONS, EpisodeMatch, HashIndex, matchClip } from '@dramaguard/matcher';

/** Matches frames against the given episodes alone, in an index built for the purpose. */
export function matchOnly(episodes: ReadonlyArray<{ episode: string; fingerprint: Fingerprint }>, frames: readonly GreyFrame[]): EpisodeMatch[] {
  if (!episodes.length) return [];
  const index = new HashIndex({ minQuality: DEFAULT_MATCHER_OPTIONS.minQuality });
  index.add(episodes);
  return matchClip(index, frames);
}
