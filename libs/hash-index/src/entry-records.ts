const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * Fixed-size records of 32-bit words in chunks of 256 Ki records, appended and
 * never moved (see chunked-array). A chunk (6-7 MB) is above the workers'
 * MALLOC_MMAP_THRESHOLD_ (4 MB), so it is mapped on its own and given back
 * to the system whole when freed: a shard's chains, freed once it packs after
 * loading, would otherwise leave holes in the malloc heap. The index keeps all it reads of an entry
 * while walking a chain (its hash and the chain's next link) in one record, so
 * a step along a chain costs one cache miss rather than one per array.
 */
export class EntryRecords {
  /** Exposed for the index's search loop, which reads words without a call per word. */
  readonly chunks: Uint32Array[] = [];
  private size = 0;

  constructor(readonly stride: number) {}

  get length(): number {
    return this.size;
  }

  get byteLength(): number {
    return this.chunks.length * CHUNK * this.stride * 4;
  }

  /** Appends a zeroed record; returns its number. */
  append(): number {
    if (this.size >>> CHUNK_BITS === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK * this.stride));
    return this.size++;
  }

  get(record: number, word: number): number {
    return this.chunks[record >>> CHUNK_BITS][(record & MASK) * this.stride + word];
  }

  set(record: number, word: number, value: number): void {
    this.chunks[record >>> CHUNK_BITS][(record & MASK) * this.stride + word] = value;
  }
}

export const RECORD_CHUNK_BITS = CHUNK_BITS;
export const RECORD_MASK = MASK;
