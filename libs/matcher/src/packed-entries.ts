import { extractBits, SubstringLayout } from './substrings';

/** Words of an entry: hash lo, hash hi, meta (see HashIndex). */
export const PACKED_WORDS = 3;
/** Entries from which an entry number takes 4 bytes rather than 3. */
const WIDE_FROM = 1 << 24;

/** The i-th entry number of a table's `ids`, of `idBytes` bytes each. */
export function entryAt(ids: Uint8Array, i: number, idBytes: number): number {
  const k = i * idBytes;
  return (ids[k] | (ids[k + 1] << 8) | (ids[k + 2] << 16) | (idBytes === 4 ? ids[k + 3] << 24 : 0)) >>> 0;
}

/**
 * A HashIndex's entries laid out by bucket, for searching a large index that
 * no longer grows much: each substring table is the entries' numbers sorted
 * by bucket, with where each bucket starts (a bucket's entries lie side by
 * side, newest first), and the entries' hashes and meta in one array. A
 * lookup then reads a bucket's numbers in one run and each entry's hash
 * independently of the others, where a chained table makes every step wait
 * for the one before: about 4x fewer milliseconds per lookup in a 15 M-entry
 * shard (docs/BENCHMARK.md, section 39). Built whole, in time and memory in
 * proportion to the entries (HashIndex.pack). An entry number takes 3 bytes
 * up to 2^24 entries (a shard of 2,500 hours holds about 15 M), 4 beyond: 9
 * bytes of table per entry against a chained table's 12 bytes of links.
 */
export class PackedEntries {
  private constructor(
    /** lo, hi and meta of entries [0, count), in entry order. */
    readonly words: Uint32Array,
    readonly count: number,
    readonly bucketBits: number,
    /** Per table: bucket b's entries are the entry numbers starts[t][b] .. starts[t][b + 1] - 1 of ids[t]. */
    readonly starts: readonly Int32Array[],
    /** Per table: entry numbers, by bucket, of idBytes bytes each, least significant first. */
    readonly ids: readonly Uint8Array[],
    readonly idBytes: number,
  ) {}

  static empty(): PackedEntries {
    return new PackedEntries(new Uint32Array(0), 0, 0, [], [], 3);
  }

  /** Tables over the first `count` entries of `words` (PACKED_WORDS each), buckets addressed by each substring's low `bucketBits` bits; `wideFrom` is lower in specs. */
  static build(words: Uint32Array, count: number, layout: SubstringLayout, bucketBits: number, wideFrom = WIDE_FROM): PackedEntries {
    const size = 1 << bucketBits;
    const mask = size - 1;
    const starts: Int32Array[] = [];
    const ids: Uint8Array[] = [];
    const idBytes = count > wideFrom ? 4 : 3;
    for (let t = 0; t < layout.count; t++) {
      const from = layout.starts[t];
      const width = layout.widths[t];
      const start = new Int32Array(size + 1);
      for (let e = 0, at = 0; e < count; e++, at += PACKED_WORDS) start[(extractBits(words[at], words[at + 1], from, width) & mask) + 1]++;
      for (let b = 0; b < size; b++) start[b + 1] += start[b];
      const next = start.slice(0, size);
      const id = new Uint8Array(count * idBytes);
      // Newest first within a bucket, as a chained table's walk reports them.
      for (let e = count - 1, at = e * PACKED_WORDS; e >= 0; e--, at -= PACKED_WORDS) {
        const to = next[extractBits(words[at], words[at + 1], from, width) & mask]++ * idBytes;
        id[to] = e;
        id[to + 1] = e >>> 8;
        id[to + 2] = e >>> 16;
        if (idBytes === 4) id[to + 3] = e >>> 24;
      }
      starts.push(start);
      ids.push(id);
    }
    return new PackedEntries(words, count, bucketBits, starts, ids, idBytes);
  }

  get byteLength(): number {
    let n = this.words.byteLength;
    for (const s of this.starts) n += s.byteLength;
    for (const i of this.ids) n += i.byteLength;
    return n;
  }
}
