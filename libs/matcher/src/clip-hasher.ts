import { GreyFrame, Rect, RegionHasher } from '@dramaguard/fingerprint';

/**
 * Hashes clip frames under arbitrary regions during verification. Summed-area
 * tables of the frames being refined are kept; others are built, used, dropped.
 */
export class ClipHasher {
  private readonly cache = new Map<number, RegionHasher>();
  private readonly words = new Uint32Array(2);

  constructor(private readonly frames: readonly GreyFrame[]) {}

  get length(): number {
    return this.frames.length;
  }

  /** Hash words and quality of frame f over `rect`, mirrored or not. */
  hash(f: number, rect: Rect, mirror: boolean, keep = false): { lo: number; hi: number; quality: number } {
    let hasher = this.cache.get(f);
    if (!hasher) {
      hasher = new RegionHasher(this.frames[f]);
      if (keep) this.cache.set(f, hasher);
    }
    const quality = hasher.hashOne(rect, mirror, this.words, 0);
    return { lo: this.words[0], hi: this.words[1], quality };
  }

  release(): void {
    this.cache.clear();
  }
}
