import { decodeFingerprint, encodeFingerprint, Fingerprint, FingerprintView, sliceFingerprint } from '@dramaguard/fingerprint';
import { EpisodeMatch, RegisteredEpisode, registeredStretch } from '@dramaguard/matcher';
import type { CarriedEpisode, ShardAnswerEntity } from '@dramaguard/records';

/**
 * What a shard's answer carries of each matched episode it holds: the stretch
 * of its fingerprint the merge's near-duplicate rule can read (at most the
 * episode, 9 bytes per frame and view), and its work. An episode the shard
 * cannot give (not held) is left to the merge to read.
 */
export function carriedEpisodes(matches: readonly EpisodeMatch[], held: ReadonlyMap<string, { fingerprint: Fingerprint; group: string }>): CarriedEpisode[] {
  return matches.flatMap((m) => {
    const registered = held.get(m.episode);
    if (!registered) return [];
    const { first, end } = registeredStretch(m, registered.fingerprint.fps, registered.fingerprint.frames);
    const data = encodeFingerprint(sliceFingerprint(registered.fingerprint, first, end)).toString('base64');
    return [{ episode: m.episode, group: registered.group, first, data }];
  });
}

/**
 * The `wanted` episodes that the shards' answers carry, as the near-duplicate
 * rule reads them (only those are decoded); one that does not decode is left
 * out, to be read.
 */
export function carriedRegistered(answers: readonly ShardAnswerEntity[], wanted: readonly string[]): Map<string, RegisteredEpisode> {
  const out = new Map<string, RegisteredEpisode>();
  for (const c of answers.flatMap((a) => a.registered ?? [])) {
    if (!wanted.includes(c.episode)) continue;
    const views = decodedViews(c.data);
    if (views) out.set(c.episode, { views, group: c.group, first: c.first });
  }
  return out;
}

function decodedViews(data: string): readonly FingerprintView[] | null {
  try {
    return decodeFingerprint(Buffer.from(data, 'base64')).views;
  } catch {
    return null;
  }
}
