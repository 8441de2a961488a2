import { Fingerprint, popcount32 } from '@dramaguard/fingerprint';
import { EXCLUDED } from './shared-content';
import { extractBits, flipMasks, substringLayout, SubstringLayout } from './substrings';

/** An episode as the index holds it: its fingerprint and how widely each frame is shared (see shared-content). */
export interface IndexedEpisode {
  readonly episode: string;
  readonly fingerprint: Fingerprint;
  /** One byte per frame; absent means nothing is shared. */
  readonly shares?: Uint8Array;
  /** The work (series) it belongs to: a stretch of clip explained by one episode of a work is not also given to its siblings. */
  readonly group?: string;
}

export interface HashIndexOptions {
  /** Frames whose quality byte is below this, or excluded by their holder, are kept for verification but never indexed. */
  readonly minQuality: number;
  /**
   * Multi-index hashing substrings per segment. By default a segment of fewer
   * than LARGE_SEGMENT frames uses 4 x 16 bits and a larger one 3 x 21-22
   * bits: substrings about log2(frames) long keep buckets small (Norouzi et al.).
   */
  readonly substrings?: number;
}

/**
 * Frames from which a segment switches to three longer substrings. Their
 * tables address 2^21-2^22 buckets each, about 50 MB of offsets whatever the
 * segment holds, while 4 x 16-bit buckets fill up (9 entries each at 2^19
 * frames) and every probe reads them all. Measured with bench:match on a 20 h
 * registry (576k frames): switching here, 688 bytes per registered second and
 * 4.2 s to match a 60 s clip; switching at 4M frames, 267 bytes and 8.8 s. A
 * match's CPU time is the service's cost; the fixed offsets amortise as the
 * registry grows.
 */
export const LARGE_SEGMENT = 1 << 19;

/** One view of one episode: the unit the index stores. */
interface Track {
  readonly episode: string;
  readonly view: number;
}

interface Segment {
  readonly tracks: Track[];
  readonly layout: SubstringLayout;
  /** Entry number of each track's first frame; entries are every frame of every track, in order. */
  readonly firstEntry: Uint32Array;
  readonly hashes: Uint32Array;
  /** Per substring table: CSR offsets (2^width + 1) and entry numbers. */
  readonly offsets: Uint32Array[];
  readonly entries: Uint32Array[];
  /** 1 while the track's episode is indexed; dropped episodes stay in the arrays until a merge. */
  readonly alive: Uint8Array;
  live: number;
}

/**
 * Multi-index hashing (Norouzi, Punjani, Fleet) over 64-bit frame hashes. A hash
 * within Hamming distance r of a query agrees with it to within floor(r/m) bits
 * on at least one of m substrings, so probing each substring table with every
 * value at that distance yields all neighbours; candidates are then verified on
 * the full 64 bits. Tables are compressed-sparse-row arrays addressed directly
 * by the substring value, so a probe is two array reads.
 *
 * Episodes arrive in batches: each `add` builds an immutable segment, and
 * small segments are merged, as in a log-structured index. An episode can later
 * be dropped (tombstone) and the index is shardable by episode: a shard is just
 * an index built from a subset of episodes.
 */
export class HashIndex {
  private readonly segments: Segment[] = [];
  private readonly fingerprints = new Map<string, Fingerprint>();
  private readonly sharing = new Map<string, Uint8Array>();
  private readonly groups = new Map<string, string>();
  private readonly maxSegments = 2;
  /** Per segment, the search call that last saw each entry: dedupes candidates without allocating. */
  private seen = new WeakMap<Segment, Uint32Array>();
  private searchStamp = 0;

  constructor(private readonly options: HashIndexOptions) {
  }

  get episodeCount(): number {
    return this.fingerprints.size;
  }

  has(episode: string): boolean {
    return this.fingerprints.has(episode);
  }

  fingerprint(episode: string): Fingerprint | undefined {
    return this.fingerprints.get(episode);
  }

  episodes(): IterableIterator<string> {
    return this.fingerprints.keys();
  }

  group(episode: string): string | undefined {
    return this.groups.get(episode);
  }

  /** The episode's per-frame share bytes (all zero when nothing is shared). */
  shares(episode: string): Uint8Array | undefined {
    return this.sharing.get(episode);
  }

  /** Adds episodes (replacing any already indexed under the same key). */
  add(batch: readonly IndexedEpisode[]): void {
    const fresh = batch.filter((b) => b.fingerprint.frames > 0);
    for (const b of batch) this.remove(b.episode);
    if (!fresh.length) return;
    for (const b of fresh) {
      if (b.shares && b.shares.length !== b.fingerprint.frames) throw new RangeError(`episode ${b.episode}: ${b.shares.length} share bytes for ${b.fingerprint.frames} frames`);
      this.fingerprints.set(b.episode, b.fingerprint);
      this.sharing.set(b.episode, b.shares ?? new Uint8Array(b.fingerprint.frames));
      if (b.group) this.groups.set(b.episode, b.group);
    }
    this.segments.push(this.build(fresh.map((b) => b.episode)));
    if (this.segments.length > this.maxSegments) this.compact();
  }

  remove(episode: string): void {
    if (!this.fingerprints.delete(episode)) return;
    this.sharing.delete(episode);
    this.groups.delete(episode);
    for (const s of this.segments) {
      s.tracks.forEach((t, slot) => {
        if (t.episode !== episode || !s.alive[slot]) return;
        s.alive[slot] = 0;
        s.live--;
      });
    }
    for (let i = this.segments.length - 1; i >= 0; i--) if (this.segments[i].live === 0) this.segments.splice(i, 1);
  }

  /** Bytes held by hashes, quality bytes and posting tables. */
  memoryBytes(): number {
    let n = 0;
    for (const fp of this.fingerprints.values()) for (const v of fp.views) n += v.hashes.byteLength + v.quality.byteLength;
    for (const s of this.sharing.values()) n += s.byteLength;
    for (const s of this.segments) {
      n += s.firstEntry.byteLength;
      for (let t = 0; t < s.offsets.length; t++) n += s.offsets[t].byteLength + s.entries[t].byteLength;
    }
    return n;
  }

  /**
   * Calls `visit` for every indexed frame within `radius` of the hash (lo, hi),
   * with the episode, the view of it that matched and the frame number.
   * A frame is reported once per call. With the default `substringRadius` the
   * result is exact; a smaller one probes far fewer buckets and still finds
   * every frame within `substringRadius` x m + m - 1 bits, and most beyond.
   */
  search(
    lo: number,
    hi: number,
    radius: number,
    visit: (episode: string, view: number, frame: number, distance: number) => void,
    substringRadius = radius,
  ): void {
    const stamp = this.nextStamp();
    for (const seg of this.segments) {
      const { count, starts, widths } = seg.layout;
      const sub = Math.min(substringRadius, Math.floor(radius / count));
      let seen = this.seen.get(seg);
      if (!seen) this.seen.set(seg, (seen = new Uint32Array(seg.firstEntry[seg.tracks.length])));
      for (let t = 0; t < count; t++) {
        const key = extractBits(lo, hi, starts[t], widths[t]);
        const masks = flipMasks(widths[t], sub);
        const offsets = seg.offsets[t];
        const entries = seg.entries[t];
        for (let mi = 0; mi < masks.length; mi++) {
          const probe = (key ^ masks[mi]) >>> 0;
          for (let p = offsets[probe]; p < offsets[probe + 1]; p++) {
            const e = entries[p];
            if (seen[e] === stamp) continue;
            seen[e] = stamp;
            const d = popcount32(seg.hashes[2 * e] ^ lo) + popcount32(seg.hashes[2 * e + 1] ^ hi);
            if (d > radius) continue;
            const slot = trackOf(seg.firstEntry, e);
            if (!seg.alive[slot]) continue;
            const t = seg.tracks[slot];
            visit(t.episode, t.view, e - seg.firstEntry[slot], d);
          }
        }
      }
    }
  }

  private nextStamp(): number {
    this.searchStamp = (this.searchStamp + 1) >>> 0;
    if (this.searchStamp === 0) {
      this.seen = new WeakMap();
      this.searchStamp = 1;
    }
    return this.searchStamp;
  }

  private build(episodes: string[]): Segment {
    const tracks: Track[] = [];
    const shares: Uint8Array[] = [];
    const views = episodes.flatMap((episode) => {
      const fp = this.fingerprints.get(episode) as Fingerprint;
      return fp.views.map((v, view) => {
        tracks.push({ episode, view });
        shares.push(this.sharing.get(episode) as Uint8Array);
        return v;
      });
    });
    const firstEntry = new Uint32Array(tracks.length + 1);
    views.forEach((v, i) => (firstEntry[i + 1] = firstEntry[i] + v.quality.length));
    const hashes = new Uint32Array(2 * firstEntry[tracks.length]);
    const indexed: number[] = [];
    views.forEach((v, i) => {
      hashes.set(v.hashes, 2 * firstEntry[i]);
      for (let f = 0; f < v.quality.length; f++) {
        if (v.quality[f] >= this.options.minQuality && shares[i][f] !== EXCLUDED) indexed.push(firstEntry[i] + f);
      }
    });
    const layout = substringLayout(this.options.substrings ?? (firstEntry[tracks.length] < LARGE_SEGMENT ? 4 : 3));
    const { count, starts, widths } = layout;
    const offsets: Uint32Array[] = [];
    const entries: Uint32Array[] = [];
    for (let t = 0; t < count; t++) {
      const off = new Uint32Array((1 << widths[t]) + 1);
      const keys = indexed.map((e) => extractBits(hashes[2 * e], hashes[2 * e + 1], starts[t], widths[t]));
      for (const k of keys) off[k + 1]++;
      for (let k = 1; k < off.length; k++) off[k] += off[k - 1];
      const fill = off.slice(0, off.length - 1);
      const ent = new Uint32Array(indexed.length);
      indexed.forEach((e, i) => (ent[fill[keys[i]]++] = e));
      offsets.push(off);
      entries.push(ent);
    }
    return { tracks, layout, firstEntry, hashes, offsets, entries, alive: new Uint8Array(tracks.length).fill(1), live: tracks.length };
  }

  /**
   * Keeps at most two segments, as a log-structured index does: new episodes
   * are merged into the smaller one, which is folded into the larger once it
   * reaches half its size, so each frame is rebuilt O(log n) times and the
   * fixed cost of a segment's tables is paid twice, not once per batch.
   */
  private compact(): void {
    const size = (s: Segment): number => s.firstEntry[s.tracks.length];
    const live = (s: Segment): string[] => [...new Set(s.tracks.filter((_, i) => s.alive[i]).map((t) => t.episode))];
    const largest = this.segments.reduce((a, b) => (size(b) > size(a) ? b : a));
    const rest = this.segments.filter((s) => s !== largest);
    const restSize = rest.reduce((n, s) => n + size(s), 0);
    this.segments.length = 0;
    if (restSize * 2 >= size(largest)) {
      this.segments.push(this.build([...live(largest), ...rest.flatMap(live)]));
    } else {
      this.segments.push(largest, this.build(rest.flatMap(live)));
    }
  }
}

function trackOf(firstEntry: Uint32Array, entry: number): number {
  let lo = 0;
  let hi = firstEntry.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstEntry[mid] <= entry) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
