import { popcount32 } from '@dramaguard/fingerprint';
import { ChainTables, LINKS } from './chain-tables';
import { metaFrame, metaHold, metaShare, metaView } from './entry-meta';
import { EntryRecords, RECORD_CHUNK_BITS, RECORD_MASK } from './entry-records';
import { EpisodeSlots } from './episode-slots';
import { BatchVisit, SearchCounters, SearchVisit } from './hash-index.types';
import { checkOf, checkPasses, entryAt, foundEarlierPacked, PACKED_WORDS, PackedEntries, WORD_CHUNK_BITS, WORD_CHUNK_MASK } from './packed-entries';
import { GroupHits, SearchGroup } from './search-group';
import { extractBits, flipMasks, foundEarlier, SubstringLayout } from './substrings';

/**
 * A HashIndex's lookups, in its packed tables and its chained tail, reported
 * through its episode slots. It keeps the index's current tables in fields of
 * its own, so that its loops read them directly rather than through the
 * index; the index hands it new ones whenever it swaps them (use).
 */
export class IndexSearcher {
  /** The query's substrings, reused by every search: a search runs for every clip frame under every geometry. */
  private readonly probeKeys: number[] = [0, 0, 0, 0];
  private readonly probeChecks: number[] = [0, 0, 0, 0];
  /** searchGroup's scratch, reused by every group. */
  private readonly batch = new SearchGroup();

  constructor(
    private packed: PackedEntries,
    private records: EntryRecords,
    private layout: SubstringLayout,
    private readonly chains: ChainTables,
    private readonly slots: EpisodeSlots,
    private readonly counters: SearchCounters,
  ) {}

  /** Searches these tables from now on: `records` is the tail after `packed`, chained in `layout`. */
  use(packed: PackedEntries, records: EntryRecords, layout: SubstringLayout): void {
    this.packed = packed;
    this.records = records;
    this.layout = layout;
  }

  /** HashIndex.search, probing substrings within `sub` and reading the packed entries whose checks pass within `slack`. */
  search(lo: number, hi: number, radius: number, sub: number, slack: number, visit: SearchVisit): void {
    const { count, starts, widths } = this.layout;
    const keys = this.probeKeys;
    for (let t = 0; t < count; t++) keys[t] = extractBits(lo, hi, starts[t], widths[t]);
    const counters = this.counters;
    counters.lookups++;
    const packed = this.packed;
    const base = packed.count;
    const packedMask = (1 << packed.bucketBits) - 1;
    const { words, idBytes } = packed;
    const probeChecks = this.probeChecks;
    for (let t = 0; t < count; t++) probeChecks[t] = checkOf(lo, hi, this.layout, t);
    for (let t = 0; t < count; t++) {
      const masks = flipMasks(widths[t], sub);
      const bucketStarts = base ? packed.starts[t] : null;
      const ids = base ? packed.ids[t] : null;
      const checks = packed.checks[t];
      const probeCheck = probeChecks[t];
      for (let mi = 0; mi < masks.length; mi++) {
        const probe = (keys[t] ^ masks[mi]) >>> 0;
        this.walkChain(t, probe, lo, hi, radius, sub, visit);
        if (!bucketStarts || !ids) continue;
        const b = probe & packedMask;
        for (let i = bucketStarts[b], end = bucketStarts[b + 1]; i < end; i++) {
          counters.walked++;
          if (!checkPasses(checks[i], probeCheck, slack)) continue;
          counters.read++;
          const entry = entryAt(ids, i, idBytes);
          const chunk = words[entry >>> WORD_CHUNK_BITS];
          const at = (entry & WORD_CHUNK_MASK) * PACKED_WORDS;
          const elo = chunk[at];
          const ehi = chunk[at + 1];
          if (extractBits(elo, ehi, starts[t], widths[t]) !== probe) continue;
          const d = popcount32(elo ^ lo) + popcount32(ehi ^ hi);
          if (d > radius || foundEarlierPacked(elo, ehi, keys, probeChecks, slack, t, sub, this.layout)) continue;
          this.report(entry, chunk[at + 2], d, visit);
        }
      }
    }
  }

  /**
   * Probes [k0, k1) of HashIndex.searchMany, at substring radius 0 over
   * packed tables: their entries gathered step by step and the hits kept
   * (SearchGroup), then reported probe by probe.
   */
  searchGroup(probes: Uint32Array, k0: number, k1: number, radius: number, slack: number, visit: BatchVisit): void {
    this.reportGroup(probes, k0, k1, radius, this.keepGroup(probes, k0, k1, radius, slack), visit);
  }

  /** Probes [k0, k1) of a group searched in the packed tables: its hits, in this searcher's scratch until the next group. */
  keepGroup(probes: Uint32Array, k0: number, k1: number, radius: number, slack: number): GroupHits {
    const g = this.batch;
    g.gather(probes, k0, k1, this.packed, this.layout, slack, this.counters);
    g.keepHits(probes, k0, k1, radius, slack, this.layout);
    return g;
  }

  /** Reports a group as search reports it: per probe, per table, the tail's chain first, then the packed tables' hits. */
  reportGroup(probes: Uint32Array, k0: number, k1: number, radius: number, hits: GroupHits, visit: BatchVisit): void {
    const { count, starts, widths } = this.layout;
    const keys = this.probeKeys;
    const { hitStart, hitEntry, hitMeta, hitDistance } = hits;
    for (let k = k0, pt = 0; k < k1; k++) {
      const lo = probes[2 * k];
      const hi = probes[2 * k + 1];
      for (let t = 0; t < count; t++) keys[t] = extractBits(lo, hi, starts[t], widths[t]);
      const report: SearchVisit = (...hit) => visit(k, ...hit);
      for (let t = 0; t < count; t++, pt++) {
        this.walkChain(t, keys[t], lo, hi, radius, 0, report);
        for (let x = hitStart[pt], end = hitStart[pt + 1]; x < end; x++) this.report(hitEntry[x], hitMeta[x], hitDistance[x], report);
      }
    }
  }

  /** The tail's chain of table t for substring `probe` (newest first, an old bucket's after it while the tables double), reported as search does. */
  private walkChain(t: number, probe: number, lo: number, hi: number, radius: number, sub: number, visit: SearchVisit): void {
    const { starts, widths } = this.layout;
    const chains = this.chains;
    const keys = this.probeKeys;
    const counters = this.counters;
    const { chunks, stride } = this.records;
    const base = this.packed.count;
    const link = LINKS + t;
    // An old bucket not yet moved holds the probe's older entries: its chain follows the new one's, so entries still come newest first.
    let older = chains.doubling ? chains.doubling.olderChain(t, probe) : -1;
    for (let e = chains.heads[t][probe & ((1 << chains.bucketBits) - 1)]; ; ) {
      if (e < 0) {
        if (older < 0) break;
        e = older;
        older = -1;
      }
      counters.walked++;
      counters.read++;
      const chunk = chunks[e >>> RECORD_CHUNK_BITS];
      const at = (e & RECORD_MASK) * stride;
      const elo = chunk[at];
      const ehi = chunk[at + 1];
      const entry = base + e;
      e = chunk[at + link] | 0;
      if (extractBits(elo, ehi, starts[t], widths[t]) !== probe) continue;
      const d = popcount32(elo ^ lo) + popcount32(ehi ^ hi);
      if (d > radius || foundEarlier(elo, ehi, keys, t, sub, starts, widths)) continue;
      this.report(entry, chunk[at + 2], d, visit);
    }
  }

  private report(entry: number, meta: number, d: number, visit: SearchVisit): void {
    const slot = this.slots.slotOf(entry);
    if (!this.slots.isAlive(slot)) return;
    this.counters.hits++;
    visit(this.slots.nameOf(slot), metaView(meta), metaFrame(meta), d, metaShare(meta), metaHold(meta));
  }
}
