/**
 * Probes HashIndex.searchMany takes each step for together. 16 to 64 ran
 * alike in a model of a 15 M-entry shard's tables (docs/BENCHMARK.md, section 48).
 */
export const BATCH = 16;
/** Substring tables at most (the small layout's). */
const TABLES = 4;

/**
 * One group's scratch: per (probe, table) pair its key, check and bucket
 * bounds and where its passing entries start; per passing entry its position
 * in the table, entry number and words. Grown, never shrunk.
 */
export class SearchGroup {
  readonly keys = new Int32Array(BATCH * TABLES);
  readonly checks = new Int32Array(BATCH * TABLES);
  readonly from = new Int32Array(BATCH * TABLES);
  readonly to = new Int32Array(BATCH * TABLES);
  readonly firstRead = new Int32Array(BATCH * TABLES + 1);
  at = new Int32Array(1024);
  entries = new Uint32Array(1024);
  lo = new Uint32Array(1024);
  hi = new Uint32Array(1024);
  meta = new Uint32Array(1024);

  /** Room for entry n: the arrays doubled when it is past their end (positions kept; the rest are written after). Returns n. */
  reserve(n: number): number {
    if (n < this.at.length) return n;
    const at = new Int32Array(2 * this.at.length);
    at.set(this.at);
    this.at = at;
    this.entries = new Uint32Array(2 * this.entries.length);
    this.lo = new Uint32Array(2 * this.lo.length);
    this.hi = new Uint32Array(2 * this.hi.length);
    this.meta = new Uint32Array(2 * this.meta.length);
    return n;
  }
}
