import { GreyFrame, Rect, RegionHasher } from '@dramaguard/fingerprint';

/** Every clip frame hashed over one region: words 2f, 2f + 1 and quality[f]. */
export interface ClipHashes {
  readonly hashes: Uint32Array;
  readonly quality: Uint8Array;
}

/** A region of the clip frame, mirrored or not. */
export interface ClipRegion {
  readonly rect: Rect;
  readonly mirror: boolean;
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

  /** Hash words and quality of frame f over `rect`, mirrored or not; `keep` keeps the frame's table until release. */
  hash(f: number, rect: Rect, mirror: boolean, keep = false): { lo: number; hi: number; quality: number } {
    const quality = this.table(f, keep).hashOne(rect, mirror, this.words, 0);
    return { lo: this.words[0], hi: this.words[1], quality };
  }

  /** Every frame over `rect`, mirrored or not. */
  hashAll(rect: Rect, mirror: boolean): ClipHashes {
    return this.hashAllOf([{ rect, mirror }])[0];
  }

  /**
   * Every frame over each region. A frame's summed-area table costs several
   * times the hash of one region over it (a 60 s clip at 144x256: about 32 of the 42 ms a
   * region's pass took), so the regions not yet hashed are hashed together,
   * each frame's table built once for all of them.
   */
  hashAllOf(regions: readonly ClipRegion[]): ClipHashes[] {
    const keys = regions.map(regionKey);
    const n = this.frames.length;
    const todo = new Map<string, ClipRegion & { out: ClipHashes }>();
    regions.forEach((r, i) => {
      if (!this.wholeClip.has(keys[i]) && !todo.has(keys[i])) todo.set(keys[i], { ...r, out: { hashes: new Uint32Array(2 * n), quality: new Uint8Array(n) } });
    });
    if (todo.size) {
      const passes = [...todo.values()];
      for (let f = 0; f < n; f++) {
        const table = this.table(f, false);
        for (const p of passes) p.out.quality[f] = table.hashOne(p.rect, p.mirror, p.out.hashes, f);
      }
      for (const [key, p] of todo) this.wholeClip.set(key, p.out);
    }
    return keys.map((key) => this.wholeClip.get(key) as ClipHashes);
  }

  /** Drops the kept tables of refined frames (whole-clip hashes stay). */
  release(): void {
    this.free.push(...this.cache.values());
    this.cache.clear();
  }

  /** Frame f's table: a kept one, a newly kept one (`keep`), or the spare loaded with it. */
  private table(f: number, keep: boolean): RegionHasher {
    const kept = this.cache.get(f);
    if (kept) return kept;
    if (keep) {
      const reused = this.free.pop();
      const hasher = reused ? reused.load(this.frames[f]) : new RegionHasher(this.frames[f]);
      this.cache.set(f, hasher);
      return hasher;
    }
    return this.spare ? this.spare.load(this.frames[f]) : (this.spare = new RegionHasher(this.frames[f]));
  }
}

function regionKey({ rect, mirror }: ClipRegion): string {
  return `${mirror ? 1 : 0}:${rect.x0}:${rect.y0}:${rect.x1}:${rect.y1}:${rect.angle ?? 0}`;
}
