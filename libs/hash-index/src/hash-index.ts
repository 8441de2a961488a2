import { DEFAULT_KEY_FRAME_RULES, KeyFrameRules, selectKeyFrames } from './key-frames';
import { bucketBitsFor, ChainTables, LINKS } from './chain-tables';
import { EntryRecords } from './entry-records';
import { EpisodeSlots } from './episode-slots';
import { entryMeta, MAX_FRAME, MAX_HOLD, MAX_VIEWS } from './entry-meta';
import { BatchVisit, HashIndexOptions, IndexedEpisode, Reference, SearchCounters, SearchVisit } from './hash-index.types';
import { IndexSearcher } from './index-searcher';
import { copyEntryWords, PackInSteps } from './pack-in-steps';
import { CHECK_SLACK, NO_CHECK, PACKED_WORDS, PackedEntries, WORD_CHUNK_BITS, WORD_CHUNK_BYTES, WORD_CHUNK_MASK, wordChunks } from './packed-entries';
import { BATCH, GroupHits } from './search-group';
import { GroupKeeper, GroupQueue, groupBounds, keptGroups, SearchHelper, SharedTables } from './beside-search';
import { substringLayout, SubstringLayout } from './substrings';

/**
 * Layout switch: up to this many entries, 4 substrings of 16 bits; beyond, 3
 * of 21-22 bits, whose buckets stay small in a large index (substrings about
 * log2(entries) long keep buckets small; Norouzi et al.).
 */
export const LARGE_INDEX = 1 << 19;
/**
 * Entries a step of a pack in steps goes through (packStep) where a thread
 * answers searches between steps: 5.5 ms a step at the median and 35 ms at
 * most for 17 M entries on this project's machine, where a whole pack blocks
 * for seconds (docs/BENCHMARK.md, section 41).
 */
export const PACK_STEP = 1 << 18;
/** How long searchMany waits for a helper inside its search (searchBeside) before failing: a group takes it microseconds. */
const HELPER_WAIT_MS = 5_000;

/**
 * Multi-index hashing (Norouzi, Punjani, Fleet) over the 64-bit hashes of
 * registered key frames (see key-frames). A hash within Hamming distance r of
 * a query agrees with it to within floor(r/m) bits on at least one of m
 * substrings, so probing each substring table with every value at that
 * distance yields all neighbours; candidates are verified on the full 64 bits.
 *
 * Entries are appended, never moved: each table is a chained hash table whose
 * bucket heads are addressed by the substring's low bits, and whose chains run
 * through per-entry `next` links stored in fixed-size chunks. Adding an episode
 * therefore costs time in proportion to the episode, not to the index: when
 * chains grow long the tables double, and each later add moves a few of the
 * old buckets into the new tables (TableDoubling), so that no single add pays for
 * relinking the whole index. `pack` (or `startPack`, in steps between
 * searches) moves every entry so far out of the chains into tables laid out
 * by bucket (PackedEntries), whose lookups do not wait on one memory read
 * after another; entries added later go to chains again
 * (the tail), which a search walks first. A removed or replaced episode's
 * entries stay until dead entries reach half the live ones, then everything
 * is packed anew without them.
 */
export class HashIndex {
  private readonly rules: KeyFrameRules;
  private readonly retain: boolean;
  private readonly largeFrom: number;
  private readonly slots = new EpisodeSlots();
  private readonly references = new Map<string, Reference>();
  /** Entries [0, packed.count), laid out by bucket. */
  private packed = PackedEntries.empty();
  /**
   * The tail, entries from packed.count on (numbered from 0 here, in the chain tables' heads
   * and in the links): per entry, hash lo, hi, then meta (entryMeta; the share
   * byte as it was when the frame was indexed), then the next entry of its
   * chain in each substring table (-1 ends a chain).
   */
  private records: EntryRecords;
  private layout: SubstringLayout = substringLayout(4);
  private readonly chains: ChainTables;
  private dead = 0;
  /** A pack in steps (startPack) under way. */
  private pending: PackInSteps | null = null;
  /**
   * While staging (stage): the words of the packed entries' chunks, then of
   * those added since, in no chain and no table until the next pack.
   */
  private staged: Uint32Array[] | null = null;
  private stagedCount = 0;
  readonly counters: SearchCounters = { lookups: 0, walked: 0, read: 0, hits: 0 };
  /** Does the searching, over the tables above: usePacked hands it each new set. */
  private readonly searcher: IndexSearcher;
  private changes = 0;
  /** The packed tables as a thread beside this one searches them (searchBeside), and that thread. */
  private shared: SharedTables;
  private helper: SearchHelper | null = null;

  constructor(options: HashIndexOptions = {}) {
    this.rules = { ...DEFAULT_KEY_FRAME_RULES, ...options.keyFrames };
    this.retain = options.retainReferences ?? false;
    this.largeFrom = options.largeFrom ?? LARGE_INDEX;
    this.records = new EntryRecords(LINKS + this.layout.count);
    this.chains = new ChainTables(this.layout);
    this.searcher = new IndexSearcher(this.packed, this.records, this.layout, this.chains, this.slots, this.counters);
    this.shared = { packed: this.packed, layout: this.layout };
  }

  /**
   * A thread that searches the packed tables beside this one during
   * searchMany (SearchHelper), or null for none: the groups of probes are
   * then taken by whichever thread is free, and reported here in order.
   */
  searchBeside(helper: SearchHelper | null): void {
    this.helper = helper;
  }

  get episodeCount(): number {
    return this.slots.size;
  }

  /** Indexed key frames, live or not yet reclaimed. */
  get entryCount(): number {
    return this.packed.count + this.stagedCount + this.records.length;
  }

  /** Entries added since the index was last packed: chained, or staged. */
  get unpackedCount(): number {
    return this.stagedCount + this.records.length;
  }

  /** Counts the adds and removals: a search kept from an earlier version may have missed what changed since. */
  get version(): number {
    return this.changes;
  }

  /** True in the layout of three long substrings (beyond largeFrom entries), whose chains grow with the index. */
  get isLarge(): boolean {
    return this.layout.count === 3;
  }

  has(episode: string): boolean {
    return this.slots.find(episode) >= 0;
  }

  group(episode: string): string | undefined {
    const slot = this.slots.find(episode);
    return slot < 0 ? undefined : this.slots.group(slot);
  }

  /** The full fingerprint and share bytes of an episode, when the index retains them. */
  reference(episode: string): Reference | undefined {
    return this.references.get(episode);
  }

  /** Adds episodes (replacing any already indexed under the same key). */
  add(batch: readonly IndexedEpisode[]): void {
    this.changes++;
    const before = this.records.length;
    for (const b of batch) {
      this.remove(b.episode);
      if (b.shares && b.shares.length !== b.fingerprint.frames) throw new RangeError(`episode ${b.episode}: ${b.shares.length} share bytes for ${b.fingerprint.frames} frames`);
      if (b.fingerprint.frames === 0) continue;
      this.slots.add(b.episode, b.group, this.entryCount);
      if (this.retain) this.references.set(b.episode, { fingerprint: b.fingerprint, shares: b.shares ?? new Uint8Array(b.fingerprint.frames) });
      if (b.fingerprint.views.length > MAX_VIEWS) throw new RangeError(`episode ${b.episode}: ${b.fingerprint.views.length} views, at most ${MAX_VIEWS} are indexed`);
      b.fingerprint.views.forEach((v, view) => {
        const keys = selectKeyFrames(v, b.shares, this.rules);
        keys.frames.forEach((f, k) => {
          if (f > MAX_FRAME) return;
          const hold = Math.min(MAX_HOLD, keys.holds[k]);
          this.append(v.hashes[2 * f], v.hashes[2 * f + 1], entryMeta(f, view, hold, b.shares?.[f] ?? 0));
        });
      });
    }
    if (!this.staged) this.grow(this.records.length - before);
  }

  remove(episode: string): void {
    const slot = this.slots.remove(episode);
    if (slot < 0) return;
    this.changes++;
    this.references.delete(episode);
    this.dead += this.slots.endEntry(slot, this.entryCount) - this.slots.firstEntry(slot);
    if (!this.staged && this.dead > 1024 && this.dead * 2 > this.entryCount) this.reclaim();
  }

  /**
   * From now until the next pack, adds write their entries' words where the
   * pack will read them, in no chain, and the index cannot be searched: for a
   * shard loading at boot, which answers nothing before it has packed.
   * Loaded through the chains, a shard held their records (24 bytes a key
   * frame) and the packed words and tables (24) at once; staged, 36 at most,
   * while the pack copies the staged words (PackInSteps says why). Anything
   * chained before is packed first.
   */
  stage(): void {
    if (this.staged) return;
    if (this.records.length || this.pending) this.pack();
    this.staged = [...this.packed.words];
  }

  /**
   * Lays every entry out by bucket (PackedEntries), leaving the chains empty:
   * for a shard once it has loaded, and whenever its chains have grown long
   * again. Costs time in proportion to the whole index (about 4 s for 15 M
   * entries), so the caller chooses when; adds never pack.
   */
  pack(): void {
    this.pending = this.packFrom();
    while (!this.packStep(Infinity));
  }

  /**
   * Begins a pack done in steps (packStep) between searches and adds, which
   * meanwhile go on as before: a pack of a shard that is serving would
   * otherwise block its searches for seconds (4-14 s at 15 M entries).
   * Entries added after it began stay chained. A whole pack, or a reclaim,
   * before it is done takes its place. A staging index, which nothing
   * searches, packs at once.
   */
  startPack(): void {
    if (this.staged) return this.pack();
    this.pending ??= this.packFrom();
  }

  /** A pack of every entry there is now, in the layout their count calls for. */
  private packFrom(): PackInSteps {
    const count = this.entryCount;
    const layout = substringLayout(count > this.largeFrom ? 3 : 4);
    return new PackInSteps(this.packed, this.records, count, layout, bucketBitsFor(count, layout), this.staged);
  }

  /** Copies or builds up to `budget` entries' worth of the pack begun; true once none is under way (the index then packed). */
  packStep(budget: number): boolean {
    const pending = this.pending;
    if (!pending) return true;
    const packed = pending.step(budget);
    if (!packed) return false;
    const later = new EntryRecords(LINKS + pending.layout.count);
    for (let e = pending.tail; e < this.records.length; e++) {
      const to = later.append();
      for (let w = 0; w < LINKS; w++) later.set(to, w, this.records.get(e, w));
    }
    this.usePacked(packed, pending.layout, later);
    return true;
  }

  /**
   * Link words written or followed to place entries in the tables, by adds,
   * doublings and rebuilds, since the index was made: the work of adding,
   * counted rather than timed (for the specs).
   */
  get linkWork(): number {
    return this.chains.steps;
  }

  /** Bytes held by the index's arrays (not counting retained references). */
  memoryBytes(): number {
    let n = this.packed.byteLength + this.records.byteLength + this.slots.byteLength + (this.pending?.byteLength ?? 0);
    if (this.staged) n += (this.staged.length - this.packed.words.length) * WORD_CHUNK_BYTES;
    return n + this.chains.byteLength;
  }

  /**
   * Calls `visit` for every indexed frame within `radius` of the hash (lo, hi),
   * with the episode, the view of it that matched, the frame number, the
   * frame's share byte and its hold (see key-frames). A frame is reported once per call. With the default
   * `substringRadius` the result is exact; a smaller one probes far fewer
   * buckets and still finds every frame within `substringRadius` x m + m - 1
   * bits, and most beyond. Such a search of the large layout's packed tables
   * also skips the entries whose check bits differ from the hash's in more
   * than CHECK_SLACK (PackedEntries): most of a bucket's chance entries are
   * then never read, while every frame within 2 bits is still found. The
   * words of a 15 M-entry shard are too large for any cache, so each entry
   * read is a miss: a 60 s clip's lookups took 26 ms instead of 37.5 in one
   * such index (docs/BENCHMARK.md, section 46).
   */
  search(
    lo: number,
    hi: number,
    radius: number,
    visit: SearchVisit,
    substringRadius = radius,
  ): void {
    if (this.staged) throw new Error('the index is staging entries (stage) and cannot be searched before its next pack');
    const sub = Math.min(substringRadius, Math.floor(radius / this.layout.count));
    this.searcher.search(lo, hi, radius, sub, this.slackOf(sub, radius), visit);
  }

  /**
   * `search` of `n` probes at once, the k-th at words 2k, 2k + 1 of `probes`:
   * `visit` is called with k before what `search` would report, in the same
   * order, probe after probe. In the large layout's packed tables at
   * substring radius 0 a probe walks one bucket a table, and each entry it
   * reads is a cache miss in a large shard; one probe after another, each
   * read waits for the one before (the bucket's bounds, its checks, its entry
   * numbers, their words). Here a group of probes takes each of those steps
   * together, so the processor has the group's misses under way at once.
   * Anything else is searched probe by probe.
   */
  searchMany(probes: Uint32Array, n: number, radius: number, visit: BatchVisit, substringRadius = radius): void {
    const { count } = this.layout;
    const sub = Math.min(substringRadius, Math.floor(radius / count));
    if (this.staged || sub > 0 || !this.packed.count) {
      for (let k = 0; k < n; k++) this.search(probes[2 * k], probes[2 * k + 1], radius, (...hit) => visit(k, ...hit), substringRadius);
      return;
    }
    const slack = this.slackOf(0, radius);
    if (this.helper && n > BATCH) return this.searchShared(this.helper, probes, n, radius, slack, visit);
    for (let k0 = 0; k0 < n; k0 += BATCH) this.searcher.searchGroup(probes, k0, Math.min(n, k0 + BATCH), radius, slack, visit);
  }

  /**
   * searchMany's groups taken by this thread and the helper alike, each
   * group's hits kept until every group is searched, then reported group
   * after group: what searchMany reports alone, in the same order. A helper
   * busy elsewhere takes none, and this thread searches them all.
   */
  private searchShared(helper: SearchHelper, probes: Uint32Array, n: number, radius: number, slack: number, visit: BatchVisit): void {
    const groups = Math.ceil(n / BATCH);
    const queue = GroupQueue.create(groups);
    helper.offer(this.shared, { probes: probes.slice(0, 2 * n), n, radius, slack, state: queue.state });
    const mine = new GroupKeeper();
    for (let g = queue.take(); g >= 0; g = queue.take()) {
      const { k0, k1 } = groupBounds(g, n);
      mine.add(g, this.searcher.keepGroup(probes, k0, k1, radius, slack), (k1 - k0) * this.layout.count);
    }
    queue.waitIdle(HELPER_WAIT_MS);
    const hits: (GroupHits | undefined)[] = new Array(groups);
    for (const [g, h] of keptGroups(mine.kept())) hits[g] = h;
    for (const answer of helper.collect()) {
      for (const [g, h] of keptGroups(answer)) hits[g] = h;
      this.counters.lookups += answer.lookups;
      this.counters.walked += answer.walked;
      this.counters.read += answer.read;
    }
    for (let g = 0; g < groups; g++) {
      const h = hits[g];
      if (!h) throw new Error(`group ${g} of a shared search was taken but never answered`);
      const { k0, k1 } = groupBounds(g, n);
      this.searcher.reportGroup(probes, k0, k1, radius, h, visit);
    }
  }

  /** How many check bits a packed entry may differ by and still be read: checks apply only to the large layout's searches below the exact substring radius. */
  private slackOf(sub: number, radius: number): number {
    return this.isLarge && sub < Math.floor(radius / this.layout.count) ? CHECK_SLACK : NO_CHECK;
  }

  private append(lo: number, hi: number, meta: number): void {
    if (this.staged) return this.stageEntry(this.staged, lo, hi, meta);
    const e = this.records.append();
    this.records.set(e, 0, lo);
    this.records.set(e, 1, hi);
    this.records.set(e, 2, meta);
    this.chains.link(this.records, this.layout, e, lo, hi);
  }

  private stageEntry(staged: Uint32Array[], lo: number, hi: number, meta: number): void {
    const e = this.packed.count + this.stagedCount++;
    if (e >>> WORD_CHUNK_BITS === staged.length) this.staged = staged = wordChunks(e + 1, staged);
    const chunk = staged[e >>> WORD_CHUNK_BITS];
    const at = (e & WORD_CHUNK_MASK) * PACKED_WORDS;
    chunk[at] = lo;
    chunk[at + 1] = hi;
    chunk[at + 2] = meta;
  }

  /** Crossing largeFrom packs everything in the large layout, once in an index's life; otherwise the tail's tables grow (ChainTables.grow). */
  private grow(appended: number): void {
    if (this.entryCount > this.largeFrom !== this.isLarge) return this.pack();
    this.chains.grow(this.records, this.layout, appended);
  }

  /** Packs the live entries only, dropping removed episodes' ones and renumbering slots in order. */
  private reclaim(): void {
    const count = this.entryCount - this.dead;
    const words = wordChunks(count);
    let to = 0;
    this.slots.compact(this.entryCount, (first, end) => {
      const at = to;
      for (let e = first; e < end; e++) copyEntryWords(this.packed, this.records, e, words, to++);
      return at;
    });
    this.dead = 0;
    const layout = substringLayout(count > this.largeFrom ? 3 : 4);
    this.usePacked(PackedEntries.build(words, count, layout, bucketBitsFor(count, layout)), layout, new EntryRecords(LINKS + layout.count));
  }

  /** Searches `packed` from now on, in `layout`, with `later` (entries after it, numbered from 0) chained anew; any pack under way is dropped. */
  private usePacked(packed: PackedEntries, layout: SubstringLayout, later: EntryRecords): void {
    this.pending = null;
    this.staged = null;
    this.stagedCount = 0;
    this.layout = layout;
    this.packed = packed;
    this.chains.steps += packed.count * layout.count;
    this.records = later;
    this.chains.relink(later, layout);
    this.searcher.use(packed, later, layout);
    this.shared = { packed, layout };
    this.helper?.forget();
  }
}
