/**
 * Cuts a raw byte stream into fixed-size frames. Pipe chunks do not respect
 * frame boundaries, so a frame is filled across pushes. Each byte is copied
 * once, straight into its frame: joining a chunk to the bytes carried over
 * first made a second copy of the whole stream, and every copy of a clip's
 * frames is garbage that the worker's malloc heap grows to hold until V8
 * collects it (docs/BENCHMARK.md, section 37).
 */
export class FrameChunker {
  private frame: Uint8Array | null = null;
  private filled = 0;

  constructor(private readonly frameBytes: number) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) throw new RangeError(`invalid frame size ${frameBytes}`);
  }

  /** Complete frames, each the caller's own: no later chunk writes to it. */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    for (let at = 0; at < chunk.length; ) {
      const frame = (this.frame ??= new Uint8Array(this.frameBytes));
      const n = Math.min(this.frameBytes - this.filled, chunk.length - at);
      frame.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === this.frameBytes) {
        frames.push(frame);
        this.frame = null;
        this.filled = 0;
      }
    }
    return frames;
  }

  /** Bytes of an incomplete last frame (a stream that ends mid-frame was cut off). */
  get leftover(): number {
    return this.filled;
  }
}
