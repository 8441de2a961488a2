import { GreyFrame, Rect, RegionHasher } from '@dramaguard/fingerprint';
import type { QueryProbe } from './query-probe';

/** Clip frames first..last hashed over one region: words 2f, 2f + 1 and quality[f] (arrays of the whole clip's length). */
export interface ClipHashes {
  readonly hashes: Uint32Array;
  readonly quality: Uint8Array;
  readonly first: number;
  readonly last: number;
}

/** A region of the clip frame, mirrored or not. */
export interface ClipRegion {
  readonly rect: Rect;
  readonly mirror: boolean;
}

/** A region and the clip frames (first..last) to hash over it; every frame when absent. */
export interface ClipSpan extends ClipRegion {
  readonly first?: number;
  readonly last?: number;
}

/** A region's hashes of the frames hashed over it so far (done[f]): the whole clip's once every frame is. */
interface HashedRegion extends ClipRegion {
  readonly out: ClipHashes;
  readonly done: Uint8Array;
}

/**
 * Hashes clip frames under arbitrary regions during verification. Summed-area
 * tables of the frames being refined are kept; others are built in one reused
 * table. A frame's hash over a region is kept for the clip's other
 * candidates: their searches start from the same hypotheses and often step
 * through the same rectangles over the same frames. The hashes of the spans
 * verification reads are kept per region, frame by frame: candidates of one
 * clip often settle on the same geometry, over overlapping spans.
 */
export class ClipHasher {
  private readonly cache = new Map<number, RegionHasher>();
  /** Released tables, loaded again for the next candidate's frames instead of allocated (and collected) anew. */
  private readonly free: RegionHasher[] = [];
  private readonly spans = new Map<string, HashedRegion>();
  /** Plain regions, then mirrored ones, by rectangle key. */
  private readonly regions = [new Map<string, RegionFrames>(), new Map<string, RegionFrames>()];
  /** The probe's hypothesis of each rectangle key, for the frames stage one hashed under it. */
  private readonly hypotheses = new Map<string, number>();
  private spare: RegionHasher | null = null;

  /** `probe`: stage one's hashes of these frames, whose frames and hypotheses a region search takes as they are. */
  constructor(
    private readonly frames: readonly GreyFrame[],
    private readonly probe: QueryProbe | null = null,
  ) {
    if (probe?.frames === frames.length) probe.hypotheses.forEach(({ rect }, h) => this.hypotheses.set(rectKey(rect), h));
  }

  get length(): number {
    return this.frames.length;
  }

  /** Frames' hashes over `rect`, mirrored or not, each hashed once for all of the clip's candidates; `key` is rectKey(rect). */
  region(rect: Rect, mirror: boolean, key = rectKey(rect)): RegionFrames {
    const regions = this.regions[mirror ? 1 : 0];
    let region = regions.get(key);
    if (!region) {
      const h = this.hypotheses.get(key);
      region = new RegionFrames((f, words, at) => this.hashFrame(f, rect, mirror, words, at, h));
      regions.set(key, region);
    }
    return region;
  }

  /**
   * The frames of each span over its region. A frame's summed-area table costs
   * several times the hash of one region over it (docs/BENCHMARK.md, section
   * 15), so the frames not yet hashed are hashed together, each frame's table
   * built once for all of the regions that need it; a frame hashed before over
   * a region is answered as it was. A region on a hypothesis's rectangle that
   * stage one hashed over every frame (a search that settled without moving)
   * takes the probe's words, and when every region is such a one no frame's
   * table is built at all.
   */
  hashAllOf(spans: readonly ClipSpan[]): ClipHashes[] {
    const n = this.frames.length;
    const asked = spans.map((span) => ({ held: this.hashedOf(span), first: Math.max(0, span.first ?? 0), last: Math.min(n - 1, span.last ?? n - 1) }));
    const pending = asked.filter(({ held, first, last }) => anyUndone(held.done, first, last));
    if (pending.length) {
      const lo = Math.min(...pending.map((p) => p.first));
      const hi = Math.max(...pending.map((p) => p.last));
      for (let f = lo; f <= hi; f++) {
        let table: RegionHasher | null = null;
        for (const { held, first, last } of pending) {
          if (f < first || f > last || held.done[f]) continue;
          table ??= this.cache.get(f) ?? this.spareWith(f);
          held.out.quality[f] = table.hashOne(held.rect, held.mirror, held.out.hashes, f);
          held.done[f] = 1;
        }
      }
    }
    return asked.map(({ held, first, last }) => (first === 0 && last === n - 1 ? held.out : { ...held.out, first, last }));
  }

  /** Drops the kept tables of refined frames (the regions' hashes of their spans stay). */
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

  /**
   * Frame f over `rect` into words 2 at and 2 at + 1 of `words`, and its
   * quality: from stage one's probe when `h`, the probe's hypothesis of that
   * rectangle, was hashed there, else from the frame's table, kept until
   * release. RegionFrames keeps what this gives.
   */
  private hashFrame(f: number, rect: Rect, mirror: boolean, words: Uint32Array, at: number, h?: number): number {
    const probe = this.probe;
    if (probe && h !== undefined) {
      const cell = f * probe.hypotheses.length + h;
      if (probe.hashed[cell]) return probedInto(probe, cell, mirror, words, at);
    }
    return this.keptTable(f).hashOne(rect, mirror, words, at);
  }

  /** The region's entry, made on first use: from the probe when stage one hashed it over every frame, else with no frame hashed. */
  private hashedOf({ rect, mirror }: ClipRegion): HashedRegion {
    const key = regionKey({ rect, mirror });
    let held = this.spans.get(key);
    if (!held) {
      const n = this.frames.length;
      const probed = this.probed({ rect, mirror });
      const out = probed ?? { hashes: new Uint32Array(2 * n), quality: new Uint8Array(n), first: 0, last: n - 1 };
      held = { rect, mirror, out, done: new Uint8Array(n).fill(probed ? 1 : 0) };
      this.spans.set(key, held);
    }
    return held;
  }

  /**
   * Every frame over a region whose rectangle is one of the probe's
   * hypotheses, as stage one hashed them into the probe; null unless it
   * hashed that hypothesis over every frame. RegionHasher hashes a region
   * plain and mirrored in one kernel, so these are the words and qualities
   * hashing the frames would give.
   */
  private probed({ rect, mirror }: ClipRegion): ClipHashes | null {
    const h = this.hypotheses.get(rectKey(rect));
    const probe = this.probe;
    if (h === undefined || !probe) return null;
    const H = probe.hypotheses.length;
    const n = this.frames.length;
    for (let f = 0; f < n; f++) if (!probe.hashed[f * H + h]) return null;
    const hashes = new Uint32Array(2 * n);
    const quality = new Uint8Array(n);
    for (let f = 0; f < n; f++) quality[f] = probedInto(probe, f * H + h, mirror, hashes, f);
    return { hashes, quality, first: 0, last: n - 1 };
  }

  /** The one unkept table, loaded with frame f. */
  private spareWith(f: number): RegionHasher {
    return this.spare ? this.spare.load(this.frames[f]) : (this.spare = new RegionHasher(this.frames[f]));
  }
}

/** The probe's words of one (frame, hypothesis) cell, plain or mirrored, into words 2 at and 2 at + 1 of `words`; answers its quality. */
function probedInto(probe: QueryProbe, cell: number, mirror: boolean, words: Uint32Array, at: number): number {
  const from = mirror ? probe.mirrored : probe.hashes;
  words[2 * at] = from[2 * cell];
  words[2 * at + 1] = from[2 * cell + 1];
  return probe.quality[cell];
}

/**
 * One region's hashes of the clip frames asked for so far, in slots found by
 * a linear scan. A region search samples 16 frames, and most rectangles it
 * tries are scored on all of them before its bound gives up (on the dev set
 * 45 % of regions held all 16, 5 % four or fewer): 16 slots from the start,
 * grown only for a region several candidates' searches share.
 */
export class RegionFrames {
  private frames = new Int32Array(16);
  private words = new Uint32Array(32);
  private quality = new Uint8Array(16);
  private count = 0;
  /** The last hash asked for: words lo and hi. */
  lo = 0;
  hi = 0;

  /** `compute` hashes frame f into words 2 at and 2 at + 1, and gives its quality. */
  constructor(private readonly compute: (f: number, words: Uint32Array, at: number) => number) {}

  /** Frame f's quality over the region; its words in lo and hi. */
  hash(f: number): number {
    let slot = 0;
    while (slot < this.count && this.frames[slot] !== f) slot++;
    if (slot === this.count) slot = this.add(f);
    this.lo = this.words[2 * slot];
    this.hi = this.words[2 * slot + 1];
    return this.quality[slot];
  }

  private add(f: number): number {
    if (this.count === this.frames.length) this.grow();
    const slot = this.count++;
    this.frames[slot] = f;
    this.quality[slot] = this.compute(f, this.words, slot);
    return slot;
  }

  private grow(): void {
    const frames = new Int32Array(2 * this.frames.length);
    const words = new Uint32Array(2 * this.words.length);
    const quality = new Uint8Array(2 * this.quality.length);
    frames.set(this.frames);
    words.set(this.words);
    quality.set(this.quality);
    this.frames = frames;
    this.words = words;
    this.quality = quality;
  }
}

function anyUndone(done: Uint8Array, first: number, last: number): boolean {
  for (let f = first; f <= last; f++) if (!done[f]) return true;
  return false;
}

function regionKey({ rect, mirror }: ClipRegion): string {
  return `${mirror ? 1 : 0}:${rectKey(rect)}`;
}

/** A rectangle's exact coordinates as a key: one reached again by moves whose sums round differently is another key. */
export function rectKey(r: Rect): string {
  return `${r.x0}:${r.y0}:${r.x1}:${r.y1}:${r.angle ?? 0}`;
}
