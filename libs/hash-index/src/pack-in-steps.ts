import { EntryRecords } from './entry-records';
import { PackBuilder, PACKED_WORDS, PackedEntries, WORD_CHUNK_BITS, WORD_CHUNK_BYTES, WORD_CHUNK_MASK, wordChunks } from './packed-entries';
import { SubstringLayout } from './substrings';

/**
 * A HashIndex's pack under way (HashIndex.startPack): the words of the
 * `count` entries there were when it began (the packed ones' chunks kept, the
 * chained or staged ones copied after them), then the tables built over them, in
 * steps. The index goes on searching its old tables and chains meanwhile; the
 * first `tail` of its chained records are among what this packs.
 */
export class PackInSteps {
  private readonly words: Uint32Array[];
  private copied: number;
  private builder: PackBuilder | null = null;

  constructor(
    private readonly packed: PackedEntries,
    private readonly records: EntryRecords,
    readonly count: number,
    readonly layout: SubstringLayout,
    private readonly bucketBits: number,
    /**
     * The words of every entry when they were staged (HashIndex.stage), not
     * chained. Copied, not kept: chunks mapped one by one over a load, among
     * its other mappings, left a shard's lookups and verification 10-15 %
     * slower than chunks mapped together (docs/BENCHMARK.md, section 42).
     */
    private readonly staged: readonly Uint32Array[] | null = null,
  ) {
    this.words = wordChunks(count, packed.words);
    this.copied = packed.count;
  }

  get tail(): number {
    return this.count - this.packed.count;
  }

  /** What it holds besides the index: the chunks of words it added, and the tables built so far. */
  get byteLength(): number {
    return (this.words.length - this.packed.words.length) * WORD_CHUNK_BYTES + (this.builder?.byteLength ?? 0);
  }

  /** Copies or builds up to `budget` entries' worth; the packed entries once done, else null. */
  step(budget: number): PackedEntries | null {
    if (this.copied < this.count) {
      const end = Math.min(this.count, this.copied + budget);
      if (this.staged) copyStaged(this.staged, this.copied, end, this.words);
      else for (let e = this.copied; e < end; e++) copyEntryWords(this.packed, this.records, e, this.words, e);
      this.copied = end;
      return null;
    }
    this.builder ??= new PackBuilder(this.words, this.count, this.layout, this.bucketBits);
    return this.builder.step(budget);
  }
}

/** Copies entry e's hash and meta (packed, or the chained record e - packed.count) to entry `to` of a packed layout's words. */
export function copyEntryWords(packed: PackedEntries, records: EntryRecords, e: number, into: Uint32Array[], to: number): void {
  const base = packed.count;
  const chunk = into[to >>> WORD_CHUNK_BITS];
  const at = (to & WORD_CHUNK_MASK) * PACKED_WORDS;
  const from = packed.words[e >>> WORD_CHUNK_BITS];
  const src = (e & WORD_CHUNK_MASK) * PACKED_WORDS;
  for (let w = 0; w < PACKED_WORDS; w++) chunk[at + w] = e < base ? from[src + w] : records.get(e - base, w);
}

function copyStaged(staged: readonly Uint32Array[], from: number, end: number, into: Uint32Array[]): void {
  for (let e = from; e < end; e++) {
    const at = (e & WORD_CHUNK_MASK) * PACKED_WORDS;
    const src = staged[e >>> WORD_CHUNK_BITS];
    const to = into[e >>> WORD_CHUNK_BITS];
    for (let w = 0; w < PACKED_WORDS; w++) to[at + w] = src[at + w];
  }
}
