import { GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex, IndexedEpisode } from '@dramaguard/hash-index';
import { EpisodeMatch, matchClip } from './clip-matcher';

/**
 * A small index of the given episodes and every other episode of their works
 * (the caller gathers them), with their share bytes (exclusions applied) and
 * works. Matching a clip against it judges the asked episodes as a full match
 * would: content shared within a work (a recap) goes to the episode that
 * explains more of the clip, and shared content weighs as it does everywhere.
 */
export function familyIndex(members: readonly IndexedEpisode[]): HashIndex {
  const family = new HashIndex({ retainReferences: true });
  family.add(members);
  return family;
}

/** The matches of the given episodes only, each judged among its work's episodes (see familyIndex). */
export function matchAmong(family: HashIndex, episodes: readonly string[], frames: readonly GreyFrame[]): EpisodeMatch[] {
  if (!episodes.length) return [];
  return matchClip(family, frames).filter((m) => episodes.includes(m.episode));
}
