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

/**
 * Frames [first, end) of a fingerprint, every view kept: a stretch of a
 * registered episode carried where reading the whole for a few seconds of it
 * would cost a database read.
 */
export function sliceFingerprint(fp: Fingerprint, first: number, end: number): Fingerprint {
  if (!(0 <= first && first <= end && end <= fp.frames)) throw new RangeError(`frames [${first}, ${end}) are not within the fingerprint's ${fp.frames}`);
  const views = fp.views.map((v) => ({ region: v.region, hashes: v.hashes.slice(2 * first, 2 * end), quality: v.quality.slice(first, end) }));
  return { fps: fp.fps, frames: end - first, views };
}

export function centreOf(region: Rect, inset = CENTRE_INSET): Rect {
  return nestRect(region, { x0: inset, y0: inset, x1: 1 - inset, y1: 1 - inset });
}

/** One view's hashes, appended frame by frame into arrays that double when full. */
class ViewHashes {
  private hashes = new Uint32Array(2 * 1024);
  private quality = new Uint8Array(1024);
  private n = 0;

  constructor(
    readonly region: Rect,
    private readonly centre = centreOf(region),
  ) {}

  get count(): number {
    return this.n;
  }

  push(frame: GreyFrame): void {
    if (this.n === this.quality.length) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const quality = new Uint8Array(this.quality.length * 2);
      quality.set(this.quality);
      this.quality = quality;
    }
    const h = new RegionHasher(frame).hash([this.centre], false);
    this.hashes[2 * this.n] = h.hashes[0];
    this.hashes[2 * this.n + 1] = h.hashes[1];
    this.quality[this.n] = h.quality[0];
    this.n++;
  }

  view(): FingerprintView {
    return { region: this.region, hashes: this.hashes.slice(0, 2 * this.n), quality: this.quality.slice(0, this.n) };
  }
}

/**
 * Builds a reference fingerprint from frames streamed in presentation order at
 * FINGERPRINT_FPS, keeping no frame: the whole-frame view is hashed as frames
 * arrive. The picture inside flat bars (the second view) is known only once
 * every frame has been seen, so when `secondRegion` finds one, the same
 * frames are streamed again (`pushSecond`) to hash it; a worker reads them
 * back from the frame file it wrote while decoding. Memory stays a few bytes
 * per frame however long the episode.
 */
export class FingerprintBuilder {
  private detector: ActiveRegionDetector | null = null;
  private readonly whole = new ViewHashes(FULL_FRAME);
  private second: ViewHashes | null = null;

  constructor(private readonly fps = FINGERPRINT_FPS) {}

  get count(): number {
    return this.whole.count;
  }

  push(frame: GreyFrame): void {
    this.detector ??= new ActiveRegionDetector(frame.width, frame.height, REFERENCE_PADDING_RATIO);
    this.detector.push(frame);
    this.whole.push(frame);
  }

  /** After every frame: the region of the second view, or null when the picture fills the frame. */
  secondRegion(): Rect | null {
    const active = this.detector ? this.detector.detect() : FULL_FRAME;
    if (active.x1 - active.x0 >= 0.98 && active.y1 - active.y0 >= 0.98) return null;
    this.second ??= new ViewHashes(active);
    return active;
  }

  /** The frames again, in order, for the second view. */
  pushSecond(frame: GreyFrame): void {
    if (!this.second) throw new Error('no second view: call secondRegion first');
    this.second.push(frame);
  }

  finish(): Fingerprint {
    const views = [this.whole.view()];
    if (this.second) {
      if (this.second.count !== this.whole.count) throw new Error(`the second pass saw ${this.second.count} of ${this.whole.count} frames`);
      views.push(this.second.view());
    }
    return { fps: this.fps, frames: this.whole.count, views };
  }
}

/** The fingerprint of frames held in memory (tests, benchmarks): both passes over the same list. */
export function fingerprintFrames(frames: readonly GreyFrame[], fps = FINGERPRINT_FPS): Fingerprint {
  const b = new FingerprintBuilder(fps);
  for (const f of frames) b.push(f);
  if (b.secondRegion()) for (const f of frames) b.pushSecond(f);
  return b.finish();
}
