/**
 * Cuts a raw byte stream into fixed-size frames. Pipe chunks do not respect
 * frame boundaries, so bytes are carried over between pushes.
 */
export class FrameChunker {
  private pending: Buffer | null = null;

  constructor(private readonly frameBytes: number) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) throw new RangeError(`invalid frame size ${frameBytes}`);
  }

  /** Complete frames, each a copy the caller may keep. */
  push(chunk: Buffer): Uint8Array[] {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Uint8Array[] = [];
    let at = 0;
    for (; at + this.frameBytes <= data.length; at += this.frameBytes) {
      frames.push(new Uint8Array(data.subarray(at, at + this.frameBytes)));
    }
    this.pending = at < data.length ? Buffer.from(data.subarray(at)) : null;
    return frames;
  }

  /** Bytes of an incomplete last frame (a stream that ends mid-frame was cut off). */
  get leftover(): number {
    return this.pending?.length ?? 0;
  }
}
