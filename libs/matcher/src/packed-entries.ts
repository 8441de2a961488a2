import { extractBits, SubstringLayout } from './substrings';

/** Words of an entry: hash lo, hash hi, meta (see HashIndex). */
export const PACKED_WORDS = 3;

/**
 * A HashIndex's entries laid out by bucket, for searching a large index that
 * no longer grows much: each substring table is the entries' numbers sorted
 * by bucket, with where each bucket starts (a bucket's entries lie side by
 * side, newest first), and the entries' hashes and meta in one array. A
 * lookup then reads a bucket's numbers in one run and each entry's hash
 * independently of the others, where a chained table makes every step wait
 * for the one before: about 4x fewer milliseconds per lookup in a 15 M-entry
 * shard (docs/BENCHMARK.md, section 39). Built whole, in time and memory in
 * proportion to the entries (HashIndex.pack); the same 12 bytes of table per
 * entry as a chained table's links, and no slack.
 */
export class PackedEntries {
  private constructor(
    /** lo, hi and meta of entries [0, count), in entry order. */
    readonly words: Uint32Array,
    readonly count: number,
    readonly bucketBits: number,
    /** Per table: bucket b's entries are ids[t][starts[t][b] .. starts[t][b + 1]). */
    readonly starts: readonly Int32Array[],
    /** Per table: entry numbers, by bucket. */
    readonly ids: readonly Int32Array[],
  ) {}

  static empty(): PackedEntries {
    return new PackedEntries(new Uint32Array(0), 0, 0, [], []);
  }

  /** Tables over the first `count` entries of `words` (PACKED_WORDS each), buckets addressed by each substring's low `bucketBits` bits. */
  static build(words: Uint32Array, count: number, layout: SubstringLayout, bucketBits: number): PackedEntries {
    const size = 1 << bucketBits;
    const mask = size - 1;
    const starts: Int32Array[] = [];
    const ids: Int32Array[] = [];
    for (let t = 0; t < layout.count; t++) {
      const from = layout.starts[t];
      const width = layout.widths[t];
      const start = new Int32Array(size + 1);
      for (let e = 0, at = 0; e < count; e++, at += PACKED_WORDS) start[(extractBits(words[at], words[at + 1], from, width) & mask) + 1]++;
      for (let b = 0; b < size; b++) start[b + 1] += start[b];
      const next = start.slice(0, size);
      const id = new Int32Array(count);
      // Newest first within a bucket, as a chained table's walk reports them.
      for (let e = count - 1, at = e * PACKED_WORDS; e >= 0; e--, at -= PACKED_WORDS) id[next[extractBits(words[at], words[at + 1], from, width) & mask]++] = e;
      starts.push(start);
      ids.push(id);
    }
    return new PackedEntries(words, count, bucketBits, starts, ids);
  }

  get byteLength(): number {
    let n = this.words.byteLength;
    for (const s of this.starts) n += s.byteLength;
    for (const i of this.ids) n += i.byteLength;
    return n;
  }
}
