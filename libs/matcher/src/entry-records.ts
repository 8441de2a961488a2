const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * Fixed-size records of 32-bit words in chunks of 16 Ki records, appended and
 * never moved (see chunked-array). The index keeps all it reads of an entry
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

/** Appends the first `words` words (hash and meta) of records [first, end) of `from` to `into` (a fresh store of `stride` words a record by default), the rest unset. */
export function copyRecords(from: EntryRecords, words: number, stride: number, first: number, end: number, into = new EntryRecords(stride)): EntryRecords {
  for (let e = first; e < end; e++) {
    const r = into.append();
    for (let w = 0; w < words; w++) into.set(r, w, from.get(e, w));
  }
  return into;
}
