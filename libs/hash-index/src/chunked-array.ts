const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * An append-only array of 32-bit numbers in fixed chunks of 64 Ki. Growing
 * never copies what is stored and never reserves more than one chunk ahead,
 * so a large index neither pauses to reallocate nor holds a doubling's slack.
 */
abstract class Chunked<T extends Uint32Array | Int32Array> {
  private readonly chunks: T[] = [];
  private size = 0;

  protected abstract chunk(): T;

  get length(): number {
    return this.size;
  }

  get byteLength(): number {
    return this.chunks.length * CHUNK * 4;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }

  /** Writes element i, which must exist or be the next one. */
  set(i: number, value: number): void {
    if (i === this.size) return this.push(value);
    this.chunks[i >>> CHUNK_BITS][i & MASK] = value;
  }

  push(value: number): void {
    if ((this.size & MASK) === 0 && this.size >>> CHUNK_BITS === this.chunks.length) this.chunks.push(this.chunk());
    this.chunks[this.size >>> CHUNK_BITS][this.size & MASK] = value;
    this.size++;
  }
}

export class ChunkedUint32 extends Chunked<Uint32Array> {
  protected chunk(): Uint32Array {
    return new Uint32Array(CHUNK);
  }
}
