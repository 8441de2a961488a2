import { EntryRecords } from './entry-records';
import { extractBits, SubstringLayout } from './substrings';
import { TableDoubling } from './table-doubling';

/** Words of an entry record before its chain links: hash lo, hash hi, meta. */
export const LINKS = 3;
/** Entries per bucket and table before the tables double. */
const LOAD = 4;
const MIN_BUCKET_BITS = 10;

/** Bucket bits for tables of `entries` entries in `layout`: LOAD entries a bucket, within the shortest substring. */
export function bucketBitsFor(entries: number, layout: SubstringLayout): number {
  const maxBits = Math.min(...layout.widths);
  let bits = MIN_BUCKET_BITS;
  while (bits < maxBits && entries > LOAD << bits) bits++;
  return bits;
}

/**
 * The bucket heads of a HashIndex's chained tail, one table per substring,
 * whose chains run through the records' link words. When chains grow long the
 * tables double, and each later add moves a few of the old buckets into the
 * new tables (TableDoubling), so that no single add pays for relinking the
 * whole tail.
 */
export class ChainTables {
  bucketBits = MIN_BUCKET_BITS;
  heads: Int32Array[] = [];
  /** The old, smaller tables while a doubling is under way; `heads` and `bucketBits` are already the new ones. */
  doubling: TableDoubling | null = null;
  /** Link words written or followed, for HashIndex.linkWork. */
  steps = 0;

  constructor(layout: SubstringLayout) {
    this.reset(layout);
  }

  get byteLength(): number {
    let n = 0;
    for (const h of [...this.heads, ...(this.doubling?.heads ?? [])]) n += h.byteLength;
    return n;
  }

  /** Puts record e, of hash (lo, hi), at the head of its bucket's chain in every table. */
  link(records: EntryRecords, layout: SubstringLayout, e: number, lo: number, hi: number): void {
    const { count, starts, widths } = layout;
    const bucketMask = (1 << this.bucketBits) - 1;
    for (let t = 0; t < count; t++) {
      const b = extractBits(lo, hi, starts[t], widths[t]) & bucketMask;
      records.set(e, LINKS + t, this.heads[t][b]);
      this.heads[t][b] = e;
    }
    this.steps += count;
  }

  /**
   * Moves old buckets in proportion to the entries just appended, then doubles
   * the tables once chains grow past LOAD entries per bucket. A doubling
   * is paced to end by the time the tail has grown half-way to the next one. An
   * add of a quarter of the tail or more (an index built in one go, as a work's
   * family index is) relinks the tail at once instead: that costs at most a few
   * times the add itself, and leaves no old tables behind for searches to walk.
   */
  grow(records: EntryRecords, layout: SubstringLayout, appended: number): void {
    const entries = records.length;
    if (this.doubling) this.moveBuckets(this.doubling, records, layout, appended);
    const bits = bucketBitsFor(entries, layout);
    if (bits <= this.bucketBits) return;
    if (this.doubling || bits > this.bucketBits + 1 || 4 * appended >= entries) return this.relink(records, layout);
    const room = (LOAD << bits) - entries;
    this.doubling = new TableDoubling(this.heads, this.bucketBits, (1 << this.bucketBits) / Math.max(1, room / 2));
    this.bucketBits = bits;
    this.reset(layout);
  }

  /** Relinks every record into fresh tables sized for them. */
  relink(records: EntryRecords, layout: SubstringLayout): void {
    const entries = records.length;
    this.bucketBits = bucketBitsFor(entries, layout);
    this.doubling = null;
    this.reset(layout);
    for (let e = 0; e < entries; e++) this.link(records, layout, e, records.get(e, 0), records.get(e, 1));
  }

  /** The old buckets' share of `appended` entries moved into the new tables; the doubling ends once none is left. */
  private moveBuckets(doubling: TableDoubling, records: EntryRecords, layout: SubstringLayout, appended: number): void {
    this.steps += doubling.move(doubling.bucketsFor(appended), this.heads, this.bucketBits, records, layout, LINKS);
    if (doubling.done) this.doubling = null;
  }

  private reset(layout: SubstringLayout): void {
    this.heads = layout.widths.map(() => new Int32Array(1 << this.bucketBits).fill(-1));
  }
}
