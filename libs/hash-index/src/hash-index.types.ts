import { Fingerprint } from '@dramaguard/fingerprint';
import { KeyFrameRules } from './key-frames';

/** An episode as it is added to the index: its fingerprint and how widely each frame is shared (see shared-content). */
export interface IndexedEpisode {
  readonly episode: string;
  readonly fingerprint: Fingerprint;
  /** One byte per frame; absent means nothing is shared. */
  readonly shares?: Uint8Array;
  /** The work (series) it belongs to: a stretch of clip explained by one episode of a work is not also given to its siblings. */
  readonly group?: string;
}

/** What verification needs of a candidate episode: its full-rate fingerprint and share bytes. */
export interface Reference {
  readonly fingerprint: Fingerprint;
  readonly shares: Uint8Array;
}

export interface HashIndexOptions {
  /** Which frames are indexed (quality, rate, held shots). */
  readonly keyFrames?: Partial<KeyFrameRules>;
  /**
   * Keep every added fingerprint in memory, so `reference` can answer: for
   * tests, benchmarks and small per-work indexes. A service's index does not,
   * and reads the candidates' fingerprints from the database instead.
   */
  readonly retainReferences?: boolean;
  /** Entries from which the large layout is used (LARGE_INDEX); smaller in tests. */
  readonly largeFrom?: number;
}

/** What searches cost, summed over the index's life: read by the scale benchmark (bench:scale-match). */
export interface SearchCounters {
  /** search calls. */
  lookups: number;
  /** Entries gone through in buckets and chains. */
  walked: number;
  /** Entries whose words were read: every chained one, a packed one only when its check passes (PackedEntries). */
  read: number;
  /** Entries reported within the radius. */
  hits: number;
}

/** What a search reports of each frame it finds (HashIndex.search). */
export type SearchVisit = (episode: string, view: number, frame: number, distance: number, share: number, hold: number) => void;

/** What searchMany reports: the probe's number, then what search reports. */
export type BatchVisit = (probe: number, episode: string, view: number, frame: number, distance: number, share: number, hold: number) => void;
