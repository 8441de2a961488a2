import { dctBasis, HASH_BITS, HASH_FREQS, HASH_GRID } from './dct-hash';
import { detailQuality } from './frame-quality';
import { GreyFrame, Rect } from './grey-frame';
import { REGION_KERNEL_WASM } from './region-kernel-binary';

/**
 * The little of Node's WebAssembly API the kernel uses, typed here: the
 * ES2022 library the apps build against declares none of it.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The kernel's exports (libs/fingerprint/assembly/region-kernel.ts). */
interface KernelExports {
  readonly memory: WasmMemory;
  basisAt(): number;
  gridAt(): number;
  coefficientsAt(): number;
  wordsAt(): number;
  prepare(): void;
  buildTable(src: number, table: number, w: number, h: number): void;
  resample(table: number, w: number, h: number, x0: number, y0: number, x1: number, y1: number): void;
  resampleTurned(table: number, w: number, h: number, x0: number, y0: number, x1: number, y1: number, cos: number, sin: number): void;
  dct(): void;
  bits(mode: number): void;
  hashRect(table: number, w: number, h: number, x0: number, y0: number, x1: number, y1: number, mode: number): number;
  hashTurned(table: number, w: number, h: number, x0: number, y0: number, x1: number, y1: number, cos: number, sin: number, mode: number): number;
}

/** Which words a hash writes: plain (words 0-1), mirrored (words 2-3), or both. */
export const PLAIN = 1;
export const MIRRORED = 2;
export const BOTH = 3;

/** The kernel's memory from here is the host's: the frame being tabled, then the tables. */
const HOST_START = 131072;
const PAGE = 65536;
/**
 * Summed-area tables kept at once. Verification keeps one for each of its 16
 * sampled frames and one spare; the probe one more. A holder whose table was
 * taken has it built again (about 11 µs), so this bounds memory, never results.
 */
const MAX_TABLES = 24;

/** Whoever hashes regions of one frame at a time (RegionHasher): its table's slot, and whether its frame changed since. */
export interface TableHolder {
  readonly id: number;
  slot: number;
  stale: boolean;
}

/**
 * The region hash in WebAssembly, one instance per thread: a frame's
 * summed-area table is built once into one of the kernel's slots, and each
 * region hashed over it costs a resample, a DCT and a threshold (an upright
 * region about 5 µs against 21 in TypeScript, a turned one 18 against 35;
 * docs/BENCHMARK.md, section 21). Slots are lent to holders by id, least
 * recently used first, so no frame is kept alive by the kernel.
 */
export class RegionKernel {
  private readonly k: KernelExports;
  private frameBytes = 0;
  private tableBytes = 0;
  private owners: number[] = [];
  private used: number[] = [];
  private clock = 0;
  private heap = new Uint8Array(0);
  private words = new Uint32Array(0);

  constructor() {
    // The module imports nothing: it allocates no memory of its own and asserts nothing (build-wasm.mjs).
    this.k = new wasm.Instance(new wasm.Module(Buffer.from(REGION_KERNEL_WASM, 'base64')), {}).exports as KernelExports;
    this.views();
    new Float64Array(this.k.memory.buffer, this.k.basisAt(), HASH_FREQS * HASH_GRID).set(dctBasis(HASH_FREQS, HASH_GRID));
    this.k.prepare();
  }

  /** Where `holder`'s table of `frame` lies, built there unless it is already. */
  table(holder: TableHolder, frame: GreyFrame): number {
    const { width: w, height: h } = frame;
    const tableBytes = align((w + 1) * (h + 1) * 4);
    if (tableBytes > this.tableBytes || w * h > this.frameBytes) this.layout(align(w * h), tableBytes);
    let slot = holder.slot;
    const owned = slot >= 0 && slot < this.owners.length && this.owners[slot] === holder.id;
    if (owned && !holder.stale) {
      this.used[slot] = ++this.clock;
      return this.slotAt(slot);
    }
    if (!owned) slot = this.claim();
    this.heap.set(frame.data.subarray(0, w * h), HOST_START);
    this.k.buildTable(HOST_START, this.slotAt(slot), w, h);
    this.owners[slot] = holder.id;
    this.used[slot] = ++this.clock;
    holder.slot = slot;
    holder.stale = false;
    return this.slotAt(slot);
  }

  /**
   * Hashes `rect` (normalised, possibly turned) of the frame whose table is
   * at `table`: the words `mode` asks for are then at wordsOf(); returns the
   * region's quality (frame-quality).
   */
  hash(table: number, w: number, h: number, rect: Rect, mode: number): number {
    const { x0, y0, x1, y1, angle } = rect;
    if (!angle) return detailQuality(this.k.hashRect(table, w, h, x0, y0, x1, y1, mode));
    const rad = (angle * Math.PI) / 180;
    return detailQuality(this.k.hashTurned(table, w, h, x0, y0, x1, y1, Math.cos(rad), Math.sin(rad), mode));
  }

  /** The last hash's words: plain lo, hi, mirrored lo, hi. */
  wordsOf(): Uint32Array {
    return this.words;
  }

  /** The HASH_GRID x HASH_GRID cell means of `rect` of the frame at `table` (a copy). */
  resample(table: number, w: number, h: number, rect: Rect): Float64Array {
    const { x0, y0, x1, y1, angle } = rect;
    if (!angle) this.k.resample(table, w, h, x0, y0, x1, y1);
    else this.k.resampleTurned(table, w, h, x0, y0, x1, y1, Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180));
    return new Float64Array(this.k.memory.buffer, this.k.gridAt(), HASH_GRID * HASH_GRID).slice();
  }

  /** The low-frequency DCT block of a HASH_GRID x HASH_GRID grid (a copy). */
  dct(grid: Float64Array): Float64Array {
    new Float64Array(this.k.memory.buffer, this.k.gridAt(), HASH_GRID * HASH_GRID).set(grid);
    this.k.dct();
    return new Float64Array(this.k.memory.buffer, this.k.coefficientsAt(), HASH_BITS).slice();
  }

  /** The median-threshold words of HASH_BITS coefficients, plain and mirrored. */
  threshold(coefficients: Float64Array): Uint32Array {
    new Float64Array(this.k.memory.buffer, this.k.coefficientsAt(), HASH_BITS).set(coefficients);
    this.k.bits(BOTH);
    return this.words.slice();
  }

  /** A larger frame than any before: slots are laid out anew, and every holder builds its table again. */
  private layout(frameBytes: number, tableBytes: number): void {
    this.frameBytes = Math.max(this.frameBytes, frameBytes);
    this.tableBytes = Math.max(this.tableBytes, tableBytes);
    this.owners = [];
    this.used = [];
    this.reserve(HOST_START + this.frameBytes);
  }

  /** A free slot: a new one while fewer than MAX_TABLES exist, else the least recently used. */
  private claim(): number {
    if (this.owners.length < MAX_TABLES) {
      this.reserve(this.slotAt(this.owners.length + 1));
      this.owners.push(-1);
      this.used.push(0);
      return this.owners.length - 1;
    }
    let oldest = 0;
    for (let s = 1; s < this.used.length; s++) if (this.used[s] < this.used[oldest]) oldest = s;
    return oldest;
  }

  private slotAt(slot: number): number {
    return HOST_START + this.frameBytes + slot * this.tableBytes;
  }

  private reserve(end: number): void {
    const have = this.k.memory.buffer.byteLength;
    if (end > have) {
      this.k.memory.grow(Math.ceil((end - have) / PAGE));
      this.views();
    }
  }

  /** Views of the memory, made again after it grows (growing detaches the old buffer). */
  private views(): void {
    this.heap = new Uint8Array(this.k.memory.buffer);
    this.words = new Uint32Array(this.k.memory.buffer, this.k.wordsAt(), 4);
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

let kernel: RegionKernel | null = null;

/** This thread's kernel, instantiated on first use. */
export function regionKernel(): RegionKernel {
  return (kernel ??= new RegionKernel());
}
