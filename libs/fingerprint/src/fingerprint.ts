import { ActiveRegionDetector, REFERENCE_PADDING_RATIO } from './active-region';
import { FULL_FRAME, GreyFrame, nestRect, Rect } from './grey-frame';
import { RegionHasher } from './region-hasher';

/** Frames hashed per second of video, on both sides of a match. */
export const FINGERPRINT_FPS = 8;

/**
 * Share of the active picture trimmed on each side before hashing. Hashing the
 * centre keeps corner logos, banners and part of the subtitles out of the hash,
 * and lets a cropped copy be hashed over exactly the same picture content
 * (docs/FINGERPRINT.md).
 */
export const CENTRE_INSET = 0.15;

/** Hashes of one region of every sampled frame: two words and a quality byte per frame. */
export interface FingerprintView {
  /** Picture region whose centre was hashed (normalised). */
  readonly region: Rect;
  readonly hashes: Uint32Array;
  readonly quality: Uint8Array;
}

/**
 * The registered form of a video. View 0 hashes the whole frame; an episode
 * delivered with flat bars (letterbox, pillarbox) gets a second view of the
 * picture inside them, because a copy may keep the bars or lose them.
 */
export interface Fingerprint {
  readonly fps: number;
  readonly frames: number;
  readonly views: readonly FingerprintView[];
}

export function centreOf(region: Rect, inset = CENTRE_INSET): Rect {
  return nestRect(region, { x0: inset, y0: inset, x1: 1 - inset, y1: 1 - inset });
}

/**
 * Builds a reference fingerprint from frames streamed in presentation order at
 * FINGERPRINT_FPS. The active region is known only once every frame has been
 * seen, so frames are kept (they are small: ffmpeg already scaled them) and
 * hashed at the end.
 */
export class FingerprintBuilder {
  private readonly frames: GreyFrame[] = [];
  private detector: ActiveRegionDetector | null = null;

  constructor(private readonly fps = FINGERPRINT_FPS) {}

  get count(): number {
    return this.frames.length;
  }

  push(frame: GreyFrame): void {
    this.detector ??= new ActiveRegionDetector(frame.width, frame.height, REFERENCE_PADDING_RATIO);
    this.detector.push(frame);
    this.frames.push(frame);
  }

  finish(): Fingerprint {
    const active = this.detector ? this.detector.detect() : FULL_FRAME;
    const regions = [FULL_FRAME];
    if (active.x1 - active.x0 < 0.98 || active.y1 - active.y0 < 0.98) regions.push(active);
    const centres = regions.map((r) => centreOf(r));
    const n = this.frames.length;
    const views = regions.map((region) => ({ region, hashes: new Uint32Array(2 * n), quality: new Uint8Array(n) }));
    this.frames.forEach((f, i) => {
      const h = new RegionHasher(f).hash(centres, false);
      views.forEach((v, k) => {
        v.hashes[2 * i] = h.hashes[2 * k];
        v.hashes[2 * i + 1] = h.hashes[2 * k + 1];
        v.quality[i] = h.quality[k];
      });
    });
    this.frames.length = 0;
    return { fps: this.fps, frames: n, views };
  }
}
