/** An 8-bit greyscale picture, row-major, as ffmpeg's `gray` pixel format delivers it. */
export interface GreyFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Consecutive frames of one size in one buffer, `frames` x width x height bytes: posted to a thread in one message (shared, not copied, when the buffer is a SharedArrayBuffer). */
export interface GreyFrameBlock {
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly data: Uint8Array;
}

/** The block's frames, as views into its buffer. */
export function framesOf(block: GreyFrameBlock): GreyFrame[] {
  const size = block.width * block.height;
  if (block.data.length < block.frames * size) throw new RangeError(`a block of ${block.frames} ${block.width}x${block.height} frames holds only ${block.data.length} bytes`);
  return Array.from({ length: block.frames }, (_, f) => ({ width: block.width, height: block.height, data: block.data.subarray(f * size, (f + 1) * size) }));
}

/**
 * A rectangle in normalised picture coordinates: 0..1 on both axes (may extend
 * past the edges), optionally turned by `angle` degrees (clockwise on screen)
 * about its centre, for copies that were slightly rotated.
 */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly angle?: number;
}

export const FULL_FRAME: Rect = { x0: 0, y0: 0, x1: 1, y1: 1 };

export function rectWidth(r: Rect): number {
  return r.x1 - r.x0;
}

export function rectHeight(r: Rect): number {
  return r.y1 - r.y0;
}

/** `inner` is given relative to `outer`; the result is in the coordinates `outer` is given in. */
export function nestRect(outer: Rect, inner: Rect): Rect {
  const w = rectWidth(outer);
  const h = rectHeight(outer);
  return { x0: outer.x0 + inner.x0 * w, y0: outer.y0 + inner.y0 * h, x1: outer.x0 + inner.x1 * w, y1: outer.y0 + inner.y1 * h };
}
