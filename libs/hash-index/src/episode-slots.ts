import { ChunkedUint32 } from './chunked-array';
import { IdTable } from './id-table';

/** Episode ids kept as strings for searches to report: those of the last clips' hits, not the whole index's. */
const NAMES_KEPT = 4096;

/**
 * Which episode owns which of a HashIndex's entries: each added episode gets
 * the next slot, and its entries run from the slot's first entry to the next
 * slot's. A removed or replaced episode's slot stays, dead, until the index
 * compacts.
 */
export class EpisodeSlots {
  /** Episode ids, numbered by slot; an id finds its live slot. */
  private ids = new IdTable();
  private names = new Map<number, string>();
  private groups: (string | undefined)[] = [];
  /**
   * One string per work, shared by its episodes' slots: each added episode
   * brings its own copy of its work's id (64 B in V8), and a series has 60-100
   * episodes.
   */
  private groupNames = new Map<string, string>();
  private first = new ChunkedUint32();
  private alive = new Uint8Array(64);

  /** Live episodes. */
  get size(): number {
    return this.ids.size;
  }

  get byteLength(): number {
    return this.first.byteLength + this.alive.byteLength + this.ids.byteLength;
  }

  /** A new live slot for the episode, whose entries start at `firstEntry`. */
  add(episode: string, group: string | undefined, firstEntry: number): number {
    const slot = this.ids.add(episode);
    this.groups.push(group === undefined ? undefined : this.groupName(group));
    this.first.push(firstEntry);
    if (slot >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[slot] = 1;
    return slot;
  }

  /** The episode's live slot, or -1. */
  find(episode: string): number {
    return this.ids.find(episode);
  }

  /** Marks the episode's slot dead; answers it, or -1 when the episode has none. */
  remove(episode: string): number {
    const slot = this.ids.find(episode);
    if (slot < 0) return -1;
    this.ids.forget(episode);
    this.alive[slot] = 0;
    return slot;
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  group(slot: number): string | undefined {
    return this.groups[slot];
  }

  /** The episode id of a slot, as a string shared by the hits of one search and the next few. */
  nameOf(slot: number): string {
    let name = this.names.get(slot);
    if (name === undefined) {
      if (this.names.size >= NAMES_KEPT) this.names.clear();
      name = this.ids.idAt(slot);
      this.names.set(slot, name);
    }
    return name;
  }

  firstEntry(slot: number): number {
    return this.first.get(slot);
  }

  /** The entry after the slot's last, of an index holding `entries`. */
  endEntry(slot: number, entries: number): number {
    return slot + 1 < this.first.length ? this.first.get(slot + 1) : entries;
  }

  /** The slot holding entry e: slots own consecutive entry ranges in slot order. */
  slotOf(e: number): number {
    let lo = 0;
    let hi = this.first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.first.get(mid) <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Drops the dead slots, renumbering the live ones in order. `copy` moves a
   * live slot's entries [first, end) and answers where they now start.
   */
  compact(entries: number, copy: (first: number, end: number) => number): void {
    const ids = new IdTable();
    const first = new ChunkedUint32();
    const groups: (string | undefined)[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!this.alive[slot]) continue;
      first.push(copy(this.first.get(slot), this.endEntry(slot, entries)));
      ids.add(this.ids.idAt(slot));
      groups.push(this.groups[slot]);
    }
    this.alive = new Uint8Array(Math.max(64, ids.length * 2));
    this.alive.fill(1, 0, ids.length);
    this.groupNames = new Map(groups.flatMap((g) => (g === undefined ? [] : [[g, g]])));
    this.groups = groups;
    this.first = first;
    this.ids = ids;
    this.names = new Map();
  }

  private groupName(group: string): string {
    const known = this.groupNames.get(group);
    if (known !== undefined) return known;
    this.groupNames.set(group, group);
    return group;
  }
}
