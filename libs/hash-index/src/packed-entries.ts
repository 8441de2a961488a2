import { popcount32 } from '@dramaguard/fingerprint';
import { extractBits, SubstringLayout } from './substrings';

/** Words of an entry: hash lo, hash hi, meta (see HashIndex). */
export const PACKED_WORDS = 3;
/** Entries from which an entry number takes 4 bytes rather than 3. */
const WIDE_FROM = 1 << 24;
/**
 * Entries per chunk of words: 6 MB, above the workers' MALLOC_MMAP_THRESHOLD_
 * (4 MB), so each is mapped on its own and given back whole when freed.
 */
export const WORD_CHUNK_BITS = 19;
export const WORD_CHUNK_MASK = (1 << WORD_CHUNK_BITS) - 1;
const WORD_CHUNK_LENGTH = (1 << WORD_CHUNK_BITS) * PACKED_WORDS;
export const WORD_CHUNK_BYTES = WORD_CHUNK_LENGTH * 4;

/**
 * The packed tables and their words live on SharedArrayBuffers: a thread
 * beside the index's own then searches them without a copy (BesideSearcher).
 */
function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * length));
}

function sharedBytes(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

/**
 * Chunks of words for `count` entries: `kept` first, then new zeroed ones.
 * A pack keeps the chunks of the entries packed before, whose words do not
 * change, and writes the later entries after them: past the old count, in its
 * last chunk too, where no search of the old tables reads.
 */
export function wordChunks(count: number, kept: readonly Uint32Array[] = []): Uint32Array[] {
  const chunks = kept.slice(0, Math.ceil(count / (1 << WORD_CHUNK_BITS)));
  while (chunks.length << WORD_CHUNK_BITS < count) chunks.push(new Uint32Array(new SharedArrayBuffer(WORD_CHUNK_BYTES)));
  return chunks;
}

/**
 * Bits of an entry's hash outside table t's substring, stored beside its
 * number in the table, so that a lookup skips most entries of its bucket
 * without reading their words: the first CHECK_BITS of the next substring.
 */
const CHECK_BITS = 8;
/**
 * Differing check bits beyond which an approximate search of the large
 * layout does not read an entry (HashIndex.search). A chance entry of the
 * bucket agrees on at most 3 of 8 bits a third of the time; a hit within 3
 * bits is never skipped, one at 10 bits (the matcher's search radius) about
 * 7 % of the time in one table, and may still be found through another.
 */
export const CHECK_SLACK = 3;
/** A slack no check exceeds: every entry is read. */
export const NO_CHECK = 8;
const BYTE_BITS = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v; v >>= 1) n += v & 1;
  return n;
});

/** Where table t's check bits start: the next substring's first bit. */
function checkStart(layout: SubstringLayout, t: number): number {
  return layout.starts[(t + 1) % layout.count];
}

/** Table t's check of the hash (lo, hi) (CHECK_BITS). */
export function checkOf(lo: number, hi: number, layout: SubstringLayout, t: number): number {
  return extractBits(lo, hi, checkStart(layout, t), CHECK_BITS);
}

/** True when an entry's check differs from the probe's in at most `slack` bits. */
export function checkPasses(check: number, probe: number, slack: number): boolean {
  return BYTE_BITS[check ^ probe] <= slack;
}

/**
 * foundEarlier for a packed table's entry: an earlier table reached it only
 * if its check there passed too (PackedEntries), else it is reported now.
 */
export function foundEarlierPacked(lo: number, hi: number, keys: number[], probeChecks: number[], slack: number, t: number, sub: number, layout: SubstringLayout): boolean {
  const { starts, widths } = layout;
  for (let u = 0; u < t; u++) {
    if (popcount32(extractBits(lo, hi, starts[u], widths[u]) ^ keys[u]) <= sub && checkPasses(checkOf(lo, hi, layout, u), probeChecks[u], slack)) return true;
  }
  return false;
}

/** The i-th entry number of a table's `ids`, of `idBytes` bytes each. */
export function entryAt(ids: Uint8Array, i: number, idBytes: number): number {
  const k = i * idBytes;
  return (ids[k] | (ids[k + 1] << 8) | (ids[k + 2] << 16) | (idBytes === 4 ? ids[k + 3] << 24 : 0)) >>> 0;
}

/** What a search reads of packed entries: their fields, as a thread beside the index's own receives them (structured-cloned, the arrays shared). */
export type PackedTables = Pick<PackedEntries, 'words' | 'count' | 'bucketBits' | 'starts' | 'ids' | 'idBytes' | 'checks'>;

/**
 * A HashIndex's entries laid out by bucket, for searching a large index that
 * no longer grows much: each substring table is the entries' numbers sorted
 * by bucket, with where each bucket starts (a bucket's entries lie side by
 * side, newest first) and each one's check byte beside it (checkOf), and the
 * entries' hashes and meta in chunks. A lookup then reads a bucket's numbers
 * in one run and each entry's hash independently of the others, where a
 * chained table makes every step wait for the one before: about 4x fewer
 * milliseconds per lookup in a 15 M-entry shard (docs/BENCHMARK.md, section
 * 39). Built whole, in time and memory in proportion to the entries
 * (HashIndex.pack). An entry number takes 3 bytes up to 2^24 entries (a shard
 * of 2,500 hours holds about 15 M), 4 beyond: with the checks, 12 bytes of
 * table per entry in the large layout, as many as a chained table's links.
 */
export class PackedEntries {
  private constructor(
    /** lo, hi and meta of entries [0, count), in entry order, 2^WORD_CHUNK_BITS entries a chunk. */
    readonly words: readonly Uint32Array[],
    readonly count: number,
    readonly bucketBits: number,
    /** Per table: bucket b's entries are the entry numbers starts[t][b] .. starts[t][b + 1] - 1 of ids[t]. */
    readonly starts: readonly Int32Array[],
    /** Per table: entry numbers, by bucket, of idBytes bytes each, least significant first. */
    readonly ids: readonly Uint8Array[],
    readonly idBytes: number,
    /** Per table: each entry's check (checkOf), at its place in ids. */
    readonly checks: readonly Uint8Array[],
  ) {}

  static empty(): PackedEntries {
    return new PackedEntries([], 0, 0, [], [], 3, []);
  }

  /** Tables over the first `count` entries of `words` (PACKED_WORDS each), buckets addressed by each substring's low `bucketBits` bits; `wideFrom` is lower in specs. */
  static build(words: readonly Uint32Array[], count: number, layout: SubstringLayout, bucketBits: number, wideFrom = WIDE_FROM): PackedEntries {
    const builder = new PackBuilder(words, count, layout, bucketBits, wideFrom);
    for (;;) {
      const packed = builder.step(Infinity);
      if (packed) return packed;
    }
  }

  /** Made by PackBuilder only. */
  static of(
    words: readonly Uint32Array[],
    count: number,
    bucketBits: number,
    starts: readonly Int32Array[],
    ids: readonly Uint8Array[],
    idBytes: number,
    checks: readonly Uint8Array[],
  ): PackedEntries {
    return new PackedEntries(words, count, bucketBits, starts, ids, idBytes, checks);
  }

  get byteLength(): number {
    let n = this.words.length * WORD_CHUNK_BYTES;
    for (const s of this.starts) n += s.byteLength;
    for (const i of this.ids) n += i.byteLength;
    for (const c of this.checks) n += c.byteLength;
    return n;
  }
}

/**
 * PackedEntries.build in steps of a bounded number of entries, so that a
 * thread which also answers searches can build a large index's tables
 * between them (HashIndex.startPack): a whole build of 15 M entries blocks
 * for 4-14 s. Per table, one pass counts each bucket's entries, a second puts
 * the entry numbers in place, newest first within a bucket, as a chained
 * table's walk reports them.
 */
export class PackBuilder {
  private readonly size: number;
  private readonly idBytes: number;
  private readonly starts: Int32Array[] = [];
  private readonly ids: Uint8Array[] = [];
  private readonly checks: Uint8Array[] = [];
  private table = 0;
  private counting = true;
  /** The next entry of the current pass: counting goes up from 0, placing down from count - 1. */
  private cursor = 0;
  private start: Int32Array;
  private next: Int32Array | null = null;
  private id: Uint8Array | null = null;
  private check: Uint8Array | null = null;

  constructor(
    private readonly words: readonly Uint32Array[],
    private readonly count: number,
    private readonly layout: SubstringLayout,
    private readonly bucketBits: number,
    wideFrom = WIDE_FROM,
  ) {
    this.size = 1 << bucketBits;
    this.idBytes = count > wideFrom ? 4 : 3;
    this.start = sharedInt32(this.size + 1);
  }

  /** Bytes of the tables built so far (not of the words they index). */
  get byteLength(): number {
    let n = this.start.byteLength + (this.next?.byteLength ?? 0) + (this.id?.byteLength ?? 0) + (this.check?.byteLength ?? 0);
    for (const s of this.starts) n += s.byteLength;
    for (const i of this.ids) n += i.byteLength;
    for (const c of this.checks) n += c.byteLength;
    return n;
  }

  /** Goes through up to `budget` entries of the current pass; the packed entries once every table is built, else null. */
  step(budget: number): PackedEntries | null {
    const { words, count, idBytes } = this;
    const mask = this.size - 1;
    const from = this.layout.starts[this.table];
    const width = this.layout.widths[this.table];
    if (this.counting) {
      const start = this.start;
      const end = Math.min(count, this.cursor + budget);
      for (let e = this.cursor; e < end; ) {
        const chunk = words[e >>> WORD_CHUNK_BITS];
        const stop = Math.min(end, ((e >>> WORD_CHUNK_BITS) + 1) << WORD_CHUNK_BITS);
        for (let at = (e & WORD_CHUNK_MASK) * PACKED_WORDS; e < stop; e++, at += PACKED_WORDS) start[(extractBits(chunk[at], chunk[at + 1], from, width) & mask) + 1]++;
      }
      this.id ??= sharedBytes(count * idBytes);
      this.check ??= sharedBytes(count);
      // Their pages are mapped as the counting goes: placing writes all over them, and the first step faulting them all in took 0.3-0.4 s at 15 M entries.
      this.id.fill(0, this.cursor * idBytes, end * idBytes);
      this.check.fill(0, this.cursor, end);
      this.cursor = end;
      if (end < count) return null;
      for (let b = 0; b < this.size; b++) start[b + 1] += start[b];
      this.next = start.slice(0, this.size);
      this.counting = false;
      this.cursor = count - 1;
      return null;
    }
    const next = this.next as Int32Array;
    const id = this.id as Uint8Array;
    const check = this.check as Uint8Array;
    const checkFrom = checkStart(this.layout, this.table);
    const end = Math.max(-1, this.cursor - budget);
    for (let e = this.cursor; e > end; ) {
      const chunk = words[e >>> WORD_CHUNK_BITS];
      const stop = Math.max(end, ((e >>> WORD_CHUNK_BITS) << WORD_CHUNK_BITS) - 1);
      for (let at = (e & WORD_CHUNK_MASK) * PACKED_WORDS; e > stop; e--, at -= PACKED_WORDS) {
        const place = next[extractBits(chunk[at], chunk[at + 1], from, width) & mask]++;
        check[place] = extractBits(chunk[at], chunk[at + 1], checkFrom, CHECK_BITS);
        const to = place * idBytes;
        id[to] = e;
        id[to + 1] = e >>> 8;
        id[to + 2] = e >>> 16;
        if (idBytes === 4) id[to + 3] = e >>> 24;
      }
    }
    this.cursor = end;
    if (end >= 0) return null;
    this.starts.push(this.start);
    this.ids.push(id);
    this.checks.push(check);
    this.next = null;
    this.id = null;
    this.check = null;
    if (++this.table < this.layout.count) {
      this.start = sharedInt32(this.size + 1);
      this.counting = true;
      this.cursor = 0;
      return null;
    }
    return PackedEntries.of(words, count, this.bucketBits, this.starts, this.ids, idBytes, this.checks);
  }
}
