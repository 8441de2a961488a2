/**
 * The buffers a shard reads a clip's frames into for verification, shared
 * with the match thread (no copy, no transfer) and kept for the next clip.
 * Allocated per clip and freed after it, these blocks (17 MB for a 60 s clip)
 * made a shard's resident memory grow with every clip it matched:
 * docs/BENCHMARK.md, section 14.
 */
export class FrameBuffers {
  /** Smallest first. */
  private readonly spare: SharedArrayBuffer[] = [];

  /** Buffers are allocated in multiples of `grain` bytes, so clips of similar length reuse them. */
  constructor(private readonly grain = 4 << 20) {}

  /** A buffer of at least `bytes`, the smallest spare one that holds them; give it back when the thread is done with it. */
  take(bytes: number): SharedArrayBuffer {
    const fits = this.spare.findIndex((b) => b.byteLength >= bytes);
    if (fits >= 0) return this.spare.splice(fits, 1)[0];
    // None is large enough: the largest spare is dropped, so that no more buffers are kept than sessions read frames at once.
    this.spare.pop();
    return new SharedArrayBuffer(Math.max(this.grain, Math.ceil(bytes / this.grain) * this.grain));
  }

  give(buffer: SharedArrayBuffer): void {
    const larger = this.spare.findIndex((b) => b.byteLength > buffer.byteLength);
    this.spare.splice(larger < 0 ? this.spare.length : larger, 0, buffer);
  }

  /** Drops every spare buffer, for the next clip to allocate anew. */
  clear(): void {
    this.spare.length = 0;
  }

  /** Bytes kept spare. */
  get spareBytes(): number {
    return this.spare.reduce((n, b) => n + b.byteLength, 0);
  }
}
