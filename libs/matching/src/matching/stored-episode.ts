import { decodeFingerprint } from '@dramaguard/fingerprint';
import { IndexedEpisode, markExcluded } from '@dramaguard/hash-index';
import type { StoredFingerprint } from '@dramaguard/records';

/**
 * A stored fingerprint as the matcher sees it: decoded, with its learned share
 * bytes, its holder's exclusions applied, and its work. Throws on a row an
 * older format wrote.
 */
export function indexedEpisode(r: StoredFingerprint): IndexedEpisode {
  const fingerprint = decodeFingerprint(r.data);
  const shares = r.shares ? Uint8Array.from(r.shares) : new Uint8Array(fingerprint.frames);
  for (const x of r.exclusions) markExcluded(shares, x.startSeconds, x.endSeconds, fingerprint.fps);
  return { episode: r.registrationId, fingerprint, shares, group: r.workId };
}
