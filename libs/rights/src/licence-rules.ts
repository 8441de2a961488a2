import { ANY } from '@dramaguard/records';

/** What a licence grants, as far as coverage and overlap are concerned. */
export interface LicenceScope {
  /** Both null: the whole work. */
  readonly firstEpisode: number | null;
  readonly lastEpisode: number | null;
  /** ISO 3166-1 alpha-2 codes, or ['*']. */
  readonly territories: readonly string[];
  /** Lower-case platform names, or ['*']. */
  readonly platforms: readonly string[];
  /** YYYY-MM-DD, inclusive. */
  readonly startsOn: string;
  readonly endsOn: string;
}

/** One use of an episode: where, on which platform and on which day. */
export interface EpisodeUse {
  readonly episodeNumber: number;
  readonly platform: string;
  /** Unknown territory: the territory does not restrict the answer. */
  readonly territory: string | null;
  readonly on: string;
}

/** Where two licences overlap, in words a rights holder can act on. */
export interface Overlap {
  readonly episodes: string;
  readonly territories: string;
  readonly platforms: string;
  readonly from: string;
  readonly to: string;
}

/** Does the licence cover this use? Dates are inclusive at both ends. */
export function covers(l: LicenceScope, use: EpisodeUse): boolean {
  const inRange = l.firstEpisode === null || (use.episodeNumber >= l.firstEpisode && use.episodeNumber <= (l.lastEpisode ?? l.firstEpisode));
  return (
    inRange &&
    listHas(l.platforms, use.platform.toLowerCase()) &&
    (use.territory === null || listHas(l.territories, use.territory.toUpperCase())) &&
    use.on >= l.startsOn &&
    use.on <= l.endsOn
  );
}

/** The scope two licences of one work share, or null when they are disjoint in any dimension. */
export function overlapOf(a: LicenceScope, b: LicenceScope): Overlap | null {
  const from = a.startsOn > b.startsOn ? a.startsOn : b.startsOn;
  const to = a.endsOn < b.endsOn ? a.endsOn : b.endsOn;
  if (from > to) return null;
  const episodes = episodeOverlap(a, b);
  const territories = listOverlap(a.territories, b.territories);
  const platforms = listOverlap(a.platforms, b.platforms);
  if (episodes === null || territories === null || platforms === null) return null;
  return {
    episodes,
    territories: territories.includes(ANY) ? 'all territories' : territories.join(', '),
    platforms: platforms.includes(ANY) ? 'all platforms' : platforms.join(', '),
    from,
    to,
  };
}

/** An exclusive licence may share no scope with any other licence of the work, exclusive or not. */
export function exclusivityClash<L extends LicenceScope & { readonly exclusive: boolean }>(
  candidate: LicenceScope & { readonly exclusive: boolean },
  existing: readonly L[],
): { licence: L; overlap: Overlap } | null {
  for (const licence of existing) {
    if (!candidate.exclusive && !licence.exclusive) continue;
    const overlap = overlapOf(candidate, licence);
    if (overlap) return { licence, overlap };
  }
  return null;
}

export function describeOverlap(o: Overlap): string {
  return `${o.episodes}, ${o.territories}, ${o.platforms}, from ${o.from} to ${o.to}`;
}

function listHas(list: readonly string[], value: string): boolean {
  return list.includes(ANY) || list.includes(value);
}

function listOverlap(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.includes(ANY)) return [...b];
  if (b.includes(ANY)) return [...a];
  const shared = a.filter((v) => b.includes(v));
  return shared.length ? shared : null;
}

function episodeOverlap(a: LicenceScope, b: LicenceScope): string | null {
  const [a0, a1] = a.firstEpisode === null ? [1, Infinity] : [a.firstEpisode, a.lastEpisode ?? a.firstEpisode];
  const [b0, b1] = b.firstEpisode === null ? [1, Infinity] : [b.firstEpisode, b.lastEpisode ?? b.firstEpisode];
  const lo = Math.max(a0, b0);
  const hi = Math.min(a1, b1);
  if (lo > hi) return null;
  if (hi === Infinity) return lo === 1 ? 'all episodes' : `episodes ${lo} onwards`;
  return lo === hi ? `episode ${lo}` : `episodes ${lo}-${hi}`;
}
