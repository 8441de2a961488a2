import { GreyFrame, Rect, RegionHasher } from '@dramaguard/fingerprint';

/** Every clip frame hashed over one region: words 2f, 2f + 1 and quality[f]. */
export interface ClipHashes {
  readonly hashes: Uint32Array;
  readonly quality: Uint8Array;
}

/**
 * Hashes clip frames under arbitrary regions during verification. Summed-area
 * tables of the frames being refined are kept; others are built in one reused
 * table. Whole-clip hashes are kept per region: candidates of one clip often
 * settle on the same geometry.
 */
export class ClipHasher {
  private readonly cache = new Map<number, RegionHasher>();
  /** Released tables, loaded again for the next candidate's frames instead of allocated (and collected) anew. */
  private readonly free: RegionHasher[] = [];
  private readonly wholeClip = new Map<string, ClipHashes>();
  private spare: RegionHasher | null = null;
  private readonly words = new Uint32Array(2);

  constructor(private readonly frames: readonly GreyFrame[]) {}

  get length(): number {
    return this.frames.length;
  }

  /** Hash words and quality of frame f over `rect`, mirrored or not. */
  hash(f: number, rect: Rect, mirror: boolean, keep = false): { lo: number; hi: number; quality: number } {
    let hasher = this.cache.get(f);
    if (!hasher) {
      if (keep) {
        const reused = this.free.pop();
        this.cache.set(f, (hasher = reused ? reused.load(this.frames[f]) : new RegionHasher(this.frames[f])));
      }
      else hasher = this.spare ? this.spare.load(this.frames[f]) : (this.spare = new RegionHasher(this.frames[f]));
    }
    const quality = hasher.hashOne(rect, mirror, this.words, 0);
    return { lo: this.words[0], hi: this.words[1], quality };
  }

  /** Every frame over `rect`, mirrored or not. */
  hashAll(rect: Rect, mirror: boolean): ClipHashes {
    const key = `${mirror ? 1 : 0}:${rect.x0}:${rect.y0}:${rect.x1}:${rect.y1}:${rect.angle ?? 0}`;
    const known = this.wholeClip.get(key);
    if (known) return known;
    const n = this.frames.length;
    const hashes = new Uint32Array(2 * n);
    const quality = new Uint8Array(n);
    for (let f = 0; f < n; f++) {
      const h = this.hash(f, rect, mirror);
      hashes[2 * f] = h.lo;
      hashes[2 * f + 1] = h.hi;
      quality[f] = h.quality;
    }
    const out = { hashes, quality };
    this.wholeClip.set(key, out);
    return out;
  }

  /** Drops the kept tables of refined frames (whole-clip hashes stay). */
  release(): void {
    this.free.push(...this.cache.values());
    this.cache.clear();
  }
}
