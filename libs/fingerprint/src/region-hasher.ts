import { HASH_BITS, HASH_GRID, lowFrequencyDct, mirrorCoefficients, thresholdBits } from './dct-hash';
import { gridQuality } from './frame-quality';
import { GreyFrame, Rect } from './grey-frame';
import { IntegralImage } from './integral-image';

/** Hashes of one frame over several regions: region r's hash is words 2r..2r+1. */
export interface RegionHashes {
  readonly hashes: Uint32Array;
  /** Hash of the horizontally mirrored region, same layout (empty when not asked for). */
  readonly mirrored: Uint32Array;
  readonly quality: Uint8Array;
}

/**
 * Hashes many regions of one frame. The summed-area table is built once per
 * frame, so each extra candidate region costs a 32x32 resample and a small DCT.
 */
export class RegionHasher {
  private readonly integral: IntegralImage;
  private readonly grid = new Float64Array(HASH_GRID * HASH_GRID);
  private readonly coef = new Float64Array(HASH_BITS);
  private readonly flipped = new Float64Array(HASH_BITS);

  constructor(frame: GreyFrame) {
    this.integral = new IntegralImage(frame);
  }

  /** Switches to another frame of the same size without allocating a new table. */
  load(frame: GreyFrame): this {
    this.integral.load(frame);
    return this;
  }

  hash(regions: readonly Rect[], withMirror = true): RegionHashes {
    const hashes = new Uint32Array(2 * regions.length);
    const mirrored = new Uint32Array(withMirror ? 2 * regions.length : 0);
    const quality = new Uint8Array(regions.length);
    for (let i = 0; i < regions.length; i++) {
      quality[i] = this.hashOne(regions[i], false, hashes, i);
      if (withMirror) thresholdBits(mirrorCoefficients(this.coef, this.flipped), mirrored, i);
    }
    return { hashes, mirrored, quality };
  }

  /** Hashes one region, plain into `plain` and mirrored into `mirrored`, at words 2 at, 2 at + 1; returns its quality. */
  hashBoth(region: Rect, plain: Uint32Array, mirrored: Uint32Array, at: number): number {
    this.integral.resample(region, HASH_GRID, this.grid);
    lowFrequencyDct(this.grid, this.coef);
    thresholdBits(this.coef, plain, at);
    thresholdBits(mirrorCoefficients(this.coef, this.flipped), mirrored, at);
    return gridQuality(this.grid);
  }

  /** Hashes one region into words 2 at, 2 at + 1 of `out`, mirrored or not; returns its quality. */
  hashOne(region: Rect, mirror: boolean, out: Uint32Array, at: number): number {
    this.integral.resample(region, HASH_GRID, this.grid);
    lowFrequencyDct(this.grid, this.coef);
    thresholdBits(mirror ? mirrorCoefficients(this.coef, this.flipped) : this.coef, out, at);
    return gridQuality(this.grid);
  }
}
