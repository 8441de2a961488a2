import { EntryRecords } from './entry-records';
import { extractBits, SubstringLayout } from './substrings';

/**
 * A HashIndex's tables being doubled bucket by bucket: the old, smaller
 * tables, and how far their buckets have moved into the new ones. The add
 * that crosses a doubling only allocates the new tables; each later add moves
 * old buckets in proportion to the entries it appends (`pace`), so that no
 * single add relinks the whole index. Until its old bucket has moved, a
 * probe's older entries are found by walking the old chain after the new one.
 */
export class TableDoubling {
  private moved = 0;
  private readonly mask: number;

  constructor(
    /** Old bucket heads, one array per substring table. */
    readonly heads: Int32Array[],
    /** The old tables' bucket bits. */
    readonly bits: number,
    /** Old buckets to move per entry appended. */
    private readonly pace: number,
  ) {
    this.mask = (1 << bits) - 1;
  }

  /** True once every old bucket has moved. */
  get done(): boolean {
    return this.moved === 1 << this.bits;
  }

  /** The head of the old chain still holding a probe's older entries in table t, or -1 once that bucket has moved. */
  olderChain(t: number, probe: number): number {
    return (probe & this.mask) >= this.moved ? this.heads[t][probe & this.mask] : -1;
  }

  /** Old buckets an add of `appended` entries moves. */
  bucketsFor(appended: number): number {
    return Math.ceil(appended * this.pace);
  }

  /**
   * Relinks the entries of the next `count` old buckets into the new tables
   * (`heads`, of `bits` bucket bits), whose links are word `links + t` of a
   * record. A new bucket may already hold entries added since the doubling
   * began, all newer than the old ones: the moved entries go after them, in
   * the order they had, so that every chain runs newest first as a full
   * rebuild leaves it. Answers the link words written or followed.
   */
  move(count: number, heads: Int32Array[], bits: number, records: EntryRecords, layout: SubstringLayout, links: number): number {
    if (count <= 0 || this.done) return 0;
    const oldSize = 1 << this.bits;
    const end = Math.min(oldSize, this.moved + count);
    const newMask = (1 << bits) - 1;
    const tails = new Int32Array(1 << (bits - this.bits));
    let steps = 0;
    for (let t = 0; t < layout.count; t++) {
      const link = links + t;
      for (let b = this.moved; b < end; b++) {
        for (let k = 0; k < tails.length; k++) {
          let tail = heads[t][b + k * oldSize];
          while (tail >= 0 && (records.get(tail, link) | 0) >= 0) {
            tail = records.get(tail, link) | 0;
            steps++;
          }
          tails[k] = tail;
        }
        for (let e = this.heads[t][b]; e >= 0; ) {
          const next = records.get(e, link) | 0;
          const nb = extractBits(records.get(e, 0), records.get(e, 1), layout.starts[t], layout.widths[t]) & newMask;
          const k = nb >>> this.bits;
          if (tails[k] < 0) heads[t][nb] = e;
          else records.set(tails[k], link, e);
          records.set(e, link, -1);
          tails[k] = e;
          steps++;
          e = next;
        }
      }
    }
    this.moved = end;
    return steps;
  }
}
