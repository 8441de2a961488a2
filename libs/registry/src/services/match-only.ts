import { GreyFrame } from '@dramaguard/fingerprint';
import { DEFAULT_MATCHER_OPTIONS, EpisodeMatch, HashIndex, IndexedEpisode, matchClip } from '@dramaguard/matcher';

/**
 * Matches frames against the given episodes alone, in an index built for the
 * purpose. Pass each episode with the share bytes and work the main index
 * holds (`HashIndex.shares`, `HashIndex.group`), so content shared with other
 * episodes and ranges excluded by their holder weigh here as they do there.
 */
export function matchOnly(episodes: readonly IndexedEpisode[], frames: readonly GreyFrame[]): EpisodeMatch[] {
  if (!episodes.length) return [];
  const index = new HashIndex({ minQuality: DEFAULT_MATCHER_OPTIONS.minQuality });
  index.add(episodes);
  return matchClip(index, frames);
}

/** An episode of `index` as `matchOnly` takes it: fingerprint, share bytes (exclusions applied) and work; null when not indexed. */
export function indexedEpisode(index: HashIndex, episode: string): IndexedEpisode | null {
  const fingerprint = index.fingerprint(episode);
  if (!fingerprint) return null;
  return { episode, fingerprint, shares: index.shares(episode), group: index.group(episode) };
}
