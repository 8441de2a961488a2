import { GreyFrame, Rect } from './grey-frame';
import { BOTH, MIRRORED, PLAIN, regionKernel, TableHolder } from './region-kernel';

/** Hashes of one frame over several regions: region r's hash is words 2r..2r+1. */
export interface RegionHashes {
  readonly hashes: Uint32Array;
  /** Hash of the horizontally mirrored region, same layout (empty when not asked for). */
  readonly mirrored: Uint32Array;
  readonly quality: Uint8Array;
}

let holders = 0;

/**
 * Hashes many regions of one frame. The frame's summed-area table is built
 * once (in the region kernel), so each extra candidate region costs a 32x32
 * resample and a small DCT.
 */
export class RegionHasher {
  private readonly kernel = regionKernel();
  private readonly holder: TableHolder = { id: holders++, slot: -1, stale: true };
  private frame: GreyFrame;

  constructor(frame: GreyFrame) {
    this.frame = checked(frame);
  }

  /** Switches to another frame; its table reuses this hasher's slot. */
  load(frame: GreyFrame): this {
    this.frame = checked(frame);
    this.holder.stale = true;
    return this;
  }

  hash(regions: readonly Rect[], withMirror = true): RegionHashes {
    const hashes = new Uint32Array(2 * regions.length);
    const mirrored = new Uint32Array(withMirror ? 2 * regions.length : 0);
    const quality = new Uint8Array(regions.length);
    for (let i = 0; i < regions.length; i++) quality[i] = withMirror ? this.hashBoth(regions[i], hashes, mirrored, i) : this.hashOne(regions[i], false, hashes, i);
    return { hashes, mirrored, quality };
  }

  /** Hashes one region, plain into `plain` and mirrored into `mirrored`, at words 2 at, 2 at + 1; returns its quality. */
  hashBoth(region: Rect, plain: Uint32Array, mirrored: Uint32Array, at: number): number {
    const quality = this.run(region, BOTH);
    const words = this.kernel.wordsOf();
    plain[2 * at] = words[0];
    plain[2 * at + 1] = words[1];
    mirrored[2 * at] = words[2];
    mirrored[2 * at + 1] = words[3];
    return quality;
  }

  /** Hashes one region into words 2 at, 2 at + 1 of `out`, mirrored or not; returns its quality. */
  hashOne(region: Rect, mirror: boolean, out: Uint32Array, at: number): number {
    const quality = this.run(region, mirror ? MIRRORED : PLAIN);
    const words = this.kernel.wordsOf();
    const from = mirror ? 2 : 0;
    out[2 * at] = words[from];
    out[2 * at + 1] = words[from + 1];
    return quality;
  }

  private run(region: Rect, mode: number): number {
    const { width, height } = this.frame;
    return this.kernel.hash(this.kernel.table(this.holder, this.frame), width, height, region, mode);
  }
}

function checked(frame: GreyFrame): GreyFrame {
  const { width: w, height: h, data } = frame;
  if (data.length < w * h) throw new RangeError(`frame data holds ${data.length} bytes, expected ${w * h}`);
  // The table's sums are 32-bit integers.
  if (w * h * 255 > 0x7fffffff) throw new RangeError(`frame of ${w}x${h} is too large for 32-bit sums`);
  return frame;
}
