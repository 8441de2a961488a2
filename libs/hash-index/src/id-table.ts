import { ChunkedUint32 } from './chunked-array';

const EMPTY = -1;
const GONE = -2;
const MIN_CAPACITY = 64;
const UUID_LENGTH = 36;

/**
 * A numbered list of ids (registration uuids) with a lookup from id to its
 * latest number, in 24-32 bytes an id: the 16 bytes of a uuid and two to four
 * slots of an open-addressed table. A `Map` of uuid strings to numbers held
 * about 100 bytes an id (a 36-character string and the map's entry), and a
 * shard of 2,500 hours holds 100,000 episodes (docs/BENCHMARK.md, section 36).
 * An id that is not a lower-case uuid is kept as its string, so any id works.
 */
export class IdTable {
  /** Four words a number: the uuid's 128 bits (unset for an id kept as a string). */
  private readonly words = new ChunkedUint32();
  private readonly strings = new Map<number, string>();
  private count = 0;
  private table = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  /** Table slots in use, found or forgotten: the table grows before probes get long. */
  private used = 0;
  private found = 0;
  private readonly parsed = new Uint32Array(4);

  /** Numbers given so far. */
  get length(): number {
    return this.count;
  }

  /** Ids that `find` finds. */
  get size(): number {
    return this.found;
  }

  get byteLength(): number {
    return this.words.byteLength + this.table.byteLength;
  }

  /** Gives the id the next number; `find(id)` answers it from now on, no longer an earlier number of the same id. */
  add(id: string): number {
    const n = this.count++;
    const uuid = parseUuid(id, this.parsed);
    for (let w = 0; w < 4; w++) this.words.push(uuid ? this.parsed[w] : 0);
    if (!uuid) this.strings.set(n, id);
    const at = this.probe(id, uuid);
    if (this.table[at] >= 0) this.table[at] = n;
    else this.insert(n, uuid ? this.hashWords(n) : hashString(id));
    return n;
  }

  /** The id's latest number, or -1. */
  find(id: string): number {
    const at = this.probe(id, parseUuid(id, this.parsed));
    return this.table[at];
  }

  /** `find(id)` answers -1 from now on; the number keeps its id. */
  forget(id: string): void {
    const at = this.probe(id, parseUuid(id, this.parsed));
    if (this.table[at] < 0) return;
    this.table[at] = GONE;
    this.found--;
  }

  /** The id given number n. */
  idAt(n: number): string {
    const s = this.strings.get(n);
    return s ?? formatUuid(this.words, 4 * n);
  }

  /** The table slot holding the id, or the empty slot where it would go (`parsed` holds its words when it is a uuid). */
  private probe(id: string, uuid: boolean): number {
    const mask = this.table.length - 1;
    let at = (uuid ? mixWords(this.parsed[0], this.parsed[1], this.parsed[2], this.parsed[3]) : hashString(id)) & mask;
    for (;;) {
      const n = this.table[at];
      if (n === EMPTY) return at;
      if (n >= 0 && this.holds(n, id, uuid)) return at;
      at = (at + 1) & mask;
    }
  }

  private holds(n: number, id: string, uuid: boolean): boolean {
    if (!uuid) return this.strings.get(n) === id;
    if (this.strings.has(n)) return false;
    for (let w = 0; w < 4; w++) if (this.words.get(4 * n + w) !== this.parsed[w]) return false;
    return true;
  }

  private insert(n: number, hash: number): void {
    if (2 * (this.used + 1) > this.table.length) this.regrow();
    const mask = this.table.length - 1;
    let at = hash & mask;
    while (this.table[at] !== EMPTY) at = (at + 1) & mask;
    this.table[at] = n;
    this.used++;
    this.found++;
  }

  /** A fresh table of at least four times the found ids, without the forgotten ones. */
  private regrow(): void {
    const old = this.table;
    let capacity = MIN_CAPACITY;
    while (capacity < 4 * (this.found + 1)) capacity *= 2;
    this.table = new Int32Array(capacity).fill(EMPTY);
    this.used = 0;
    this.found = 0;
    const mask = capacity - 1;
    for (const n of old) {
      if (n < 0) continue;
      const s = this.strings.get(n);
      let at = (s === undefined ? this.hashWords(n) : hashString(s)) & mask;
      while (this.table[at] !== EMPTY) at = (at + 1) & mask;
      this.table[at] = n;
      this.used++;
      this.found++;
    }
  }

  private hashWords(n: number): number {
    return mixWords(this.words.get(4 * n), this.words.get(4 * n + 1), this.words.get(4 * n + 2), this.words.get(4 * n + 3));
  }
}

function mixWords(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Reads a lower-case uuid (8-4-4-4-12 hex digits) into four words; false for anything else. */
function parseUuid(id: string, into: Uint32Array): boolean {
  if (id.length !== UUID_LENGTH) return false;
  let word = 0;
  let digits = 0;
  for (let i = 0; i < UUID_LENGTH; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
      continue;
    }
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (v < 0) return false;
    word = (word << 4) | v;
    if (++digits % 8 === 0) into[digits / 8 - 1] = word >>> 0;
  }
  return true;
}

function formatUuid(words: ChunkedUint32, at: number): string {
  const hex = [0, 1, 2, 3].map((w) => words.get(at + w).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
