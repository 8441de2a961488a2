import { GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch, matchClip } from './clip-matcher';
import { HashIndex } from './hash-index';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';

/**
 * A small index holding the given episodes of `index` and every other episode
 * of their works, with the share bytes (exclusions applied) and works the main
 * index holds. Matching a clip against it judges the given episodes as a full
 * match would: content shared within a work (a recap) goes to the episode that
 * explains more of the clip, and shared content weighs as it does everywhere.
 */
export function familyIndex(index: HashIndex, episodes: readonly string[]): HashIndex {
  const wanted = new Set(episodes.filter((e) => index.has(e)));
  const works = new Set([...wanted].map((e) => index.group(e)).filter((g): g is string => g !== undefined));
  const family = new HashIndex({ minQuality: DEFAULT_MATCHER_OPTIONS.minQuality });
  const members = [...index.episodes()].filter((e) => wanted.has(e) || works.has(index.group(e) as string));
  family.add(members.map((episode) => ({ episode, fingerprint: index.fingerprint(episode)!, shares: index.shares(episode), group: index.group(episode) })));
  return family;
}

/** The matches of the given episodes only, each judged among its work's episodes (see familyIndex). */
export function matchAmong(family: HashIndex, episodes: readonly string[], frames: readonly GreyFrame[]): EpisodeMatch[] {
  if (!episodes.length) return [];
  return matchClip(family, frames).filter((m) => episodes.includes(m.episode));
}
