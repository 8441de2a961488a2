/** Size, in pixels, of the small grey frames ffmpeg delivers for hashing. */
export interface FrameGeometry {
  readonly width: number;
  readonly height: number;
}

export interface FrameSampling extends FrameGeometry {
  readonly fps: number;
}

/** Long side of the frames handed to the fingerprinter (docs: issue 2). */
export const FINGERPRINT_LONG_SIDE = 256;

/**
 * Scales a display size so its long side is `longSide`, keeping the aspect ratio
 * and rounding both sides to even numbers (ffmpeg's scalers and most pixel
 * formats want even dimensions).
 */
export function scaledGeometry(width: number, height: number, longSide = FINGERPRINT_LONG_SIDE): FrameGeometry {
  if (!(width > 0 && height > 0)) throw new RangeError(`cannot scale a ${width}x${height} picture`);
  const factor = longSide / Math.max(width, height);
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * factor) / 2));
  return { width: even(width), height: even(height) };
}
