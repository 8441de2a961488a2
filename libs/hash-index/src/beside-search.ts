import { SearchCounters } from './hash-index.types';
import { PackedTables } from './packed-entries';
import { BATCH, GroupHits, SearchGroup } from './search-group';
import { SubstringLayout } from './substrings';

/** An index's packed tables and their layout, as a thread beside its own searches them: one object per pack, so that it is posted once. */
export interface SharedTables {
  readonly packed: PackedTables;
  readonly layout: SubstringLayout;
}

/** A searchMany's groups, offered to a thread beside the index's own: both take groups from `state` (GroupQueue). */
export interface OfferedSearch {
  readonly probes: Uint32Array;
  readonly n: number;
  readonly radius: number;
  readonly slack: number;
  readonly state: Int32Array;
}

/**
 * Groups and their hits, one group after another in a few arrays (posted
 * between threads, where each array is a copy of its own): group
 * groups[i]'s hitStart is hitStart[pairAt[i] .. pairAt[i + 1]), offsets into
 * the hit arrays.
 */
export interface KeptGroups {
  readonly groups: Int32Array;
  readonly pairAt: Int32Array;
  readonly hitStart: Int32Array;
  readonly hitEntry: Uint32Array;
  readonly hitMeta: Uint32Array;
  readonly hitDistance: Uint8Array;
}

/** The groups a thread beside took, with their hits, and what its gathering counted. */
export interface OfferedHits extends KeptGroups {
  readonly lookups: number;
  readonly walked: number;
  readonly read: number;
}

/** Each group kept, with its hits as SearchGroup keeps them (views, not copies). */
export function keptGroups(hits: KeptGroups): [number, GroupHits][] {
  const { groups, pairAt, hitStart, hitEntry, hitMeta, hitDistance } = hits;
  return [...groups].map((g, i) => [g, { hitStart: hitStart.subarray(pairAt[i], pairAt[i + 1]), hitEntry, hitMeta, hitDistance }]);
}

/**
 * A thread's groups' hits, copied out of its SearchGroup's scratch group by
 * group into one set of arrays (KeptGroups): the helper's answer, and the
 * index's own groups until every group is searched.
 */
export class GroupKeeper {
  readonly groups: number[] = [];
  private readonly pairAt: number[] = [0];
  private readonly hitStart: number[] = [];
  private readonly entries: number[] = [];
  private readonly metas: number[] = [];
  private readonly distances: number[] = [];

  add(g: number, hits: GroupHits, pairs: number): void {
    const base = this.entries.length;
    for (let p = 0; p <= pairs; p++) this.hitStart.push(base + hits.hitStart[p] - hits.hitStart[0]);
    for (let x = hits.hitStart[0]; x < hits.hitStart[pairs]; x++) {
      this.entries.push(hits.hitEntry[x]);
      this.metas.push(hits.hitMeta[x]);
      this.distances.push(hits.hitDistance[x]);
    }
    this.groups.push(g);
    this.pairAt.push(this.hitStart.length);
  }

  kept(): KeptGroups {
    return {
      groups: Int32Array.from(this.groups),
      pairAt: Int32Array.from(this.pairAt),
      hitStart: Int32Array.from(this.hitStart),
      hitEntry: Uint32Array.from(this.entries),
      hitMeta: Uint32Array.from(this.metas),
      hitDistance: Uint8Array.from(this.distances),
    };
  }
}

/**
 * Another thread searching the packed tables during HashIndex.searchMany
 * (searchBeside). A shard's stage one is one thread's lookups while the
 * other core waits for its verification (docs/BENCHMARK.md, section 68):
 * the groups of probes are shared out instead, and reported in order by the
 * index's own thread. `offer` must not wait for the other thread; `collect`
 * is called once no group is being searched, and answers what it took.
 */
export interface SearchHelper {
  offer(tables: SharedTables, search: OfferedSearch): void;
  collect(): OfferedHits[];
  /** The tables last offered are replaced: the other thread need not keep them. */
  forget(): void;
}

const NEXT = 0;
const ACTIVE = 1;

/**
 * The groups of one search, taken one at a time by every thread searching
 * it. A thread enters before it takes any and leaves once it has answered for
 * those it took: a thread that finds every group taken and none entered knows
 * that whatever was taken has been answered, and a thread that enters later
 * finds none left.
 */
export class GroupQueue {
  constructor(
    readonly state: Int32Array,
    private readonly groups: number,
  ) {}

  static create(groups: number): GroupQueue {
    return new GroupQueue(new Int32Array(new SharedArrayBuffer(8)), groups);
  }

  take(): number {
    const g = Atomics.add(this.state, NEXT, 1);
    return g < this.groups ? g : -1;
  }

  enter(): void {
    Atomics.add(this.state, ACTIVE, 1);
  }

  leave(): void {
    Atomics.sub(this.state, ACTIVE, 1);
    Atomics.notify(this.state, ACTIVE);
  }

  /** Waits until no thread is inside the search; throws after `timeoutMs` (a thread that died inside it). */
  waitIdle(timeoutMs: number): void {
    const until = Date.now() + timeoutMs;
    for (let active = Atomics.load(this.state, ACTIVE); active !== 0; active = Atomics.load(this.state, ACTIVE)) {
      const left = until - Date.now();
      if (left <= 0 || Atomics.wait(this.state, ACTIVE, active, left) === 'timed-out') throw new Error(`a search helper thread did not answer within ${timeoutMs} ms`);
    }
  }
}

/** The groups of probes [0, n) in `BATCH`es: the probes of group g. */
export function groupBounds(g: number, n: number): { k0: number; k1: number } {
  return { k0: g * BATCH, k1: Math.min(n, (g + 1) * BATCH) };
}

/**
 * What the thread beside an index does with what it is offered: it keeps the
 * tables last posted, and searches the groups of an offered search it can
 * still take, answering before it leaves.
 */
export class BesideSearcher {
  private tables: SharedTables | null = null;
  private readonly group = new SearchGroup();

  use(tables: SharedTables | null): void {
    this.tables = tables;
  }

  /** Takes at most `most` groups: fewer leave more to the index's own thread (a helper with other work waiting). */
  search(offered: OfferedSearch, answer: (hits: OfferedHits) => void, most = Infinity): void {
    const tables = this.tables;
    if (!tables) return;
    const { probes, n, radius, slack } = offered;
    const queue = new GroupQueue(offered.state, Math.ceil(n / BATCH));
    queue.enter();
    try {
      const counters: SearchCounters = { lookups: 0, walked: 0, read: 0, hits: 0 };
      const taken = new GroupKeeper();
      const next = (): number => (taken.groups.length < most ? queue.take() : -1);
      for (let g = next(); g >= 0; g = next()) {
        const { k0, k1 } = groupBounds(g, n);
        this.group.gather(probes, k0, k1, tables.packed, tables.layout, slack, counters);
        this.group.keepHits(probes, k0, k1, radius, slack, tables.layout);
        taken.add(g, this.group, (k1 - k0) * tables.layout.count);
      }
      if (taken.groups.length) answer({ ...taken.kept(), lookups: counters.lookups, walked: counters.walked, read: counters.read });
    } finally {
      queue.leave();
    }
  }
}
