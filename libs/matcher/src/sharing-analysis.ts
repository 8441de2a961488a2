import { markShared } from '@dramaguard/hash-index';
import { EpisodeMatch } from './clip-matcher';

/** What the registry knows of an episode when deciding what it shares. */
export interface EpisodeOwner {
  readonly holder: string;
  readonly group: string;
}

export interface SharingRules {
  readonly fps: number;
  /**
   * Content another rights holder also registered is common (a platform sting,
   * stock footage) while it stays this short, in seconds and as a share of the
   * new episode; beyond both it is a conflict for an administrator to settle.
   */
  readonly commonMaxSeconds: number;
  readonly commonMaxShare: number;
}

export const DEFAULT_SHARING_RULES: SharingRules = { fps: 8, commonMaxSeconds: 8, commonMaxShare: 0.5 };

export interface SharingUpdate {
  readonly episode: string;
  /** Frame ranges of that (already registered) episode now shared with the new one. */
  readonly ranges: ReadonlyArray<{ first: number; last: number; acrossHolders: boolean }>;
}

export interface SharingAnalysis {
  /** Share bytes of the new episode. */
  readonly shares: Uint8Array;
  readonly updates: SharingUpdate[];
  /** Matches with another holder's episodes too long to be common content. */
  readonly conflicts: EpisodeMatch[];
}

/**
 * Learns common content when an episode is registered, from the matches of
 * its own frames against the registry (made with `ignoreShares`, so content
 * already known to be common is found again). Content shared within one
 * holder's work (an intro, a recap) counts one more sharing episode on both
 * sides; short content shared with another holder is marked as common across
 * holders on both sides; long content shared with another holder is a
 * conflict and marks nothing until it is settled.
 */
export function analyseSharing(frames: number, owner: EpisodeOwner, matches: readonly EpisodeMatch[], ownerOf: (episode: string) => EpisodeOwner | undefined, rules: SharingRules = DEFAULT_SHARING_RULES): SharingAnalysis {
  const shares = new Uint8Array(frames);
  const updates: SharingUpdate[] = [];
  const conflicts: EpisodeMatch[] = [];
  const seconds = frames / rules.fps;
  for (const m of matches) {
    const other = ownerOf(m.episode);
    if (!other) continue;
    const acrossHolders = other.holder !== owner.holder;
    if (acrossHolders) {
      const shared = m.segments.reduce((sum, s) => sum + (s.clipEnd - s.clipStart), 0);
      if (shared > rules.commonMaxSeconds || shared > rules.commonMaxShare * seconds) {
        conflicts.push(m);
        continue;
      }
    }
    const ranges = m.segments.map((s) => {
      markShared(shares, Math.floor(s.clipStart * rules.fps), Math.ceil(s.clipEnd * rules.fps) - 1, acrossHolders);
      return { first: Math.floor(s.refStart * rules.fps), last: Math.ceil(s.refEnd * rules.fps) - 1, acrossHolders };
    });
    updates.push({ episode: m.episode, ranges });
  }
  return { shares, updates, conflicts };
}
