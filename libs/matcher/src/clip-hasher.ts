import { GreyFrame, Rect, RegionHasher } from '@dramaguard/fingerprint';
import type { QueryProbe } from './query-probe';

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

  /** Hash words and quality of frame f over `rect`, mirrored or not; the frame's table is kept until release. */
  hash(f: number, rect: Rect, mirror: boolean): { lo: number; hi: number; quality: number } {
    const quality = this.keptTable(f).hashOne(rect, mirror, this.words, 0);
    return { lo: this.words[0], hi: this.words[1], quality };
  }

  /**
   * Every frame over each region. A frame's summed-area table costs several
   * times the hash of one region over it (docs/BENCHMARK.md, section 15), so
   * the regions not yet hashed are hashed together, each frame's table built
   * once for all of them; a region hashed before is answered as it was.
   */
  hashAllOf(regions: readonly ClipRegion[]): ClipHashes[] {
    const keys = regions.map(regionKey);
    const n = this.frames.length;
    const pending = new Map<string, { region: ClipRegion; out: ClipHashes }>();
    regions.forEach((region, i) => {
      if (!this.wholeClip.has(keys[i]) && !pending.has(keys[i])) pending.set(keys[i], { region, out: { hashes: new Uint32Array(2 * n), quality: new Uint8Array(n) } });
    });
    if (pending.size) {
      for (let f = 0; f < n; f++) {
        const table = this.cache.get(f) ?? this.spareWith(f);
        for (const { region, out } of pending.values()) out.quality[f] = table.hashOne(region.rect, region.mirror, out.hashes, f);
      }
      for (const [key, { out }] of pending) this.wholeClip.set(key, out);
    }
    return keys.map((key) => this.wholeClip.get(key) as ClipHashes);
  }

  /** Drops the kept tables of refined frames (whole-clip hashes stay). */
  release(): void {
    this.free.push(...this.cache.values());
    this.cache.clear();
  }

  /** Frame f's table, kept until release: one kept already, a released one loaded again, or a new one. */
  private keptTable(f: number): RegionHasher {
    let table = this.cache.get(f);
    if (!table) {
      const reused = this.free.pop();
      table = reused ? reused.load(this.frames[f]) : new RegionHasher(this.frames[f]);
      this.cache.set(f, table);
    }
    return table;
  }

  /** The one unkept table, loaded with frame f. */
  private spareWith(f: number): RegionHasher {
    return this.spare ? this.spare.load(this.frames[f]) : (this.spare = new RegionHasher(this.frames[f]));
  }
}

/**
 * Every one of `frames` clip frames over a hypothesis's rectangle (tag:
 * hypothesis x 2 + mirrored), as stage one hashed them into the probe; null
 * unless the probe is of those frames and it hashed every one. RegionHasher hashes a region plain and mirrored
 * in one kernel, so these are the words and qualities hashAllOf would give.
 */
export function probedHashes(probe: QueryProbe, tag: number, frames: number): ClipHashes | null {
  const H = probe.hypotheses.length;
  const h = tag >> 1;
  if (probe.frames !== frames) return null;
  for (let f = 0; f < frames; f++) if (!probe.hashed[f * H + h]) return null;
  const from = tag & 1 ? probe.mirrored : probe.hashes;
  const hashes = new Uint32Array(2 * frames);
  const quality = new Uint8Array(frames);
  for (let f = 0; f < frames; f++) {
    const at = f * H + h;
    hashes[2 * f] = from[2 * at];
    hashes[2 * f + 1] = from[2 * at + 1];
    quality[f] = probe.quality[at];
  }
  return { hashes, quality };
}

function regionKey({ rect, mirror }: ClipRegion): string {
  return `${mirror ? 1 : 0}:${rectKey(rect)}`;
}

/** A rectangle's exact coordinates as a key: one reached again by moves whose sums round differently is another key. */
export function rectKey(r: Rect): string {
  return `${r.x0}:${r.y0}:${r.x1}:${r.y1}:${r.angle ?? 0}`;
}
