import { popcount32 } from '@dramaguard/fingerprint';
import { SearchCounters } from './hash-index.types';
import { checkOf, checkPasses, entryAt, foundEarlierPacked, PACKED_WORDS, PackedTables, WORD_CHUNK_BITS, WORD_CHUNK_MASK } from './packed-entries';
import { extractBits, SubstringLayout } from './substrings';

/**
 * Probes HashIndex.searchMany takes each step for together. 16 to 64 ran
 * alike in a model of a 15 M-entry shard's tables (docs/BENCHMARK.md, section 48).
 */
export const BATCH = 16;
/** Substring tables at most (the small layout's). */
const TABLES = 4;

/**
 * What a group's probes found in the packed tables: per (probe, table) pair,
 * its hits from hitStart[pair] to hitStart[pair + 1], each an entry number,
 * its meta word and its distance to the probe.
 */
export interface GroupHits {
  readonly hitStart: Int32Array;
  readonly hitEntry: Uint32Array;
  readonly hitMeta: Uint32Array;
  readonly hitDistance: Uint8Array;
}

/**
 * One group's scratch: per (probe, table) pair its key, check and bucket
 * bounds and where its passing entries start; per passing entry its position
 * in the table, entry number and words; per hit kept (keepHits) its entry,
 * meta and distance. Grown, never shrunk.
 */
export class SearchGroup implements GroupHits {
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
  readonly hitStart = new Int32Array(BATCH * TABLES + 1);
  hitEntry = new Uint32Array(256);
  hitMeta = new Uint32Array(256);
  hitDistance = new Uint8Array(256);
  /** A probe's keys and checks, table by table, as foundEarlierPacked reads them. */
  private readonly probeKeys: number[] = [0, 0, 0, 0];
  private readonly probeChecks: number[] = [0, 0, 0, 0];

  /**
   * Probes [k0, k1) of `probes` against the packed tables, each step for
   * every (probe, table) pair before the next: keys, checks and bucket bounds;
   * the positions whose checks pass (from firstRead[pair] on, in pair order);
   * their entry numbers; their words. The counters count what search would.
   */
  gather(probes: Uint32Array, k0: number, k1: number, packed: PackedTables, layout: SubstringLayout, slack: number, counters: SearchCounters): void {
    const { count, starts, widths } = layout;
    const { words, idBytes } = packed;
    const packedMask = (1 << packed.bucketBits) - 1;
    for (let k = k0, pt = 0; k < k1; k++) {
      const lo = probes[2 * k];
      const hi = probes[2 * k + 1];
      counters.lookups++;
      for (let t = 0; t < count; t++, pt++) {
        const key = extractBits(lo, hi, starts[t], widths[t]);
        this.keys[pt] = key;
        this.checks[pt] = checkOf(lo, hi, layout, t);
        const bucketStarts = packed.starts[t];
        this.from[pt] = bucketStarts[key & packedMask];
        this.to[pt] = bucketStarts[(key & packedMask) + 1];
      }
    }
    const pairs = (k1 - k0) * count;
    let n = 0;
    for (let pt = 0; pt < pairs; pt++) {
      const checks = packed.checks[pt % count];
      const probeCheck = this.checks[pt];
      const to = this.to[pt];
      this.firstRead[pt] = n;
      counters.walked += to - this.from[pt];
      for (let i = this.from[pt]; i < to; i++) {
        if (!checkPasses(checks[i], probeCheck, slack)) continue;
        n = this.reserve(n);
        this.at[n++] = i;
      }
    }
    this.firstRead[pairs] = n;
    counters.read += n;
    for (let pt = 0; pt < pairs; pt++) {
      const ids = packed.ids[pt % count];
      for (let x = this.firstRead[pt], end = this.firstRead[pt + 1]; x < end; x++) this.entries[x] = entryAt(ids, this.at[x], idBytes);
    }
    for (let x = 0; x < n; x++) {
      const entry = this.entries[x];
      const chunk = words[entry >>> WORD_CHUNK_BITS];
      const at = (entry & WORD_CHUNK_MASK) * PACKED_WORDS;
      this.lo[x] = chunk[at];
      this.hi[x] = chunk[at + 1];
      this.meta[x] = chunk[at + 2];
    }
  }

  /**
   * After gather: the entries read whose substring is the probe's, within
   * `radius` of it and not reached through an earlier table of the same probe
   * (foundEarlierPacked), pair by pair, in the order search reports them.
   */
  keepHits(probes: Uint32Array, k0: number, k1: number, radius: number, slack: number, layout: SubstringLayout): void {
    const { count, starts, widths } = layout;
    const keys = this.probeKeys;
    const probeChecks = this.probeChecks;
    let h = 0;
    for (let k = k0, pt = 0; k < k1; k++) {
      const lo = probes[2 * k];
      const hi = probes[2 * k + 1];
      for (let t = 0; t < count; t++) {
        keys[t] = this.keys[pt + t];
        probeChecks[t] = this.checks[pt + t];
      }
      for (let t = 0; t < count; t++, pt++) {
        this.hitStart[pt] = h;
        for (let x = this.firstRead[pt], end = this.firstRead[pt + 1]; x < end; x++) {
          const elo = this.lo[x];
          const ehi = this.hi[x];
          if (extractBits(elo, ehi, starts[t], widths[t]) !== keys[t]) continue;
          const d = popcount32(elo ^ lo) + popcount32(ehi ^ hi);
          if (d > radius || foundEarlierPacked(elo, ehi, keys, probeChecks, slack, t, 0, layout)) continue;
          if (h === this.hitEntry.length) this.growHits();
          this.hitEntry[h] = this.entries[x];
          this.hitMeta[h] = this.meta[x];
          this.hitDistance[h++] = d;
        }
      }
    }
    this.hitStart[(k1 - k0) * count] = h;
  }

  private growHits(): void {
    const grown = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(2 * a.length);
      b.set(a);
      return b;
    };
    this.hitEntry = grown(this.hitEntry, (n) => new Uint32Array(n));
    this.hitMeta = grown(this.hitMeta, (n) => new Uint32Array(n));
    this.hitDistance = grown(this.hitDistance, (n) => new Uint8Array(n));
  }

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
