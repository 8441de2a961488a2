import { AudioPrint, AudioVariant } from './audio-print';

/** A place in the registry where a clip's soundtrack may start: its items line up with the episode's from `offset` on. */
export interface AudioCandidate {
  readonly episode: string;
  /** Which of the clip's speed corrections lines up. */
  readonly variant: number;
  /** Episode item minus clip item (of that variant). */
  readonly offset: number;
  readonly votes: number;
}

/** Each item is looked up by its two 16-bit halves. */
const HALF = 0xffff;
/**
 * Items indexed: one in four found every copy of the dev and audio sets that
 * one in two did, with half the postings; one in eight lost a 5 s excerpt.
 */
const INDEX_EVERY = 4;
/** Episodes whose votes exceed chance's by this many standard deviations get their offsets counted… */
const SURPRISE = 3;
/** …at most this many per speed correction. */
const SURPRISING_EPISODES = 32;
/** Replaced episodes' postings are dropped once there are this many and they outnumber the live ones' half. */
const RECLAIM_FROM = 4096;

/**
 * Chromaprint items of a copy differ from the episode's in a few bits each
 * (5 % after a re-encode, 20–30 % under a music bed or a tempo correction),
 * so whole items rarely meet exactly. Each item is looked up by its two
 * 16-bit halves instead, and each half of the clip's items also with every
 * one of its bits flipped (17 probes): a half within one bit of the
 * episode's is a vote for the (episode, offset) it came from, and a copy
 * piles votes on one offset while chance spreads them thin. A half of a copy
 * 20 % apart is within one bit 14 % of the time; the postings a probe reads
 * are 1/65,536 of the index's, so the search stays cheap as the shard grows.
 * Every fourth item of an episode (two a second) is indexed when it sounds,
 * and the clip probes all of its own, so any line meets an indexed item
 * twice a second; repeats of the item indexed before are skipped: a held
 * note adds nothing. Positions up to 2^15 items (67 minutes) are indexed.
 */
export class AudioIndex {
  private readonly slots = new Map<string, number>();
  private names: (string | null)[] = [];
  /** Per table (low half, high half) and key: postings packing slot · 2^15 + item position. */
  private readonly postings: (Uint32Array | undefined)[] = new Array(2 * 65536);
  private readonly lengths = new Uint32Array(2 * 65536);
  /** Postings per slot: what chance votes for an episode scale with. */
  private perSlot = new Uint32Array(1024);
  /** Postings in the lists, and how many of them belong to replaced episodes. */
  private total = 0;
  private dead = 0;

  get episodeCount(): number {
    return this.slots.size;
  }

  /** Postings held, a replaced episode's included until they are reclaimed. */
  get postingCount(): number {
    return this.total;
  }

  /**
   * Adds (or replaces) an episode's print; items marked in `shares` (content
   * other works share) are not indexed. An episode is replaced whenever its
   * share marks change, as registrations teach what a series shares.
   */
  add(episode: string, print: AudioPrint, shares: Uint8Array | null = null): void {
    const old = this.slots.get(episode);
    if (old !== undefined) {
      this.names[old] = null;
      this.dead += this.perSlot[old];
    }
    const slot = this.names.length;
    if (slot >= 1 << 17) throw new RangeError('the audio index holds 131,072 episodes at most');
    this.names.push(episode);
    this.slots.set(episode, slot);
    if (slot >= this.perSlot.length) this.perSlot = doubled(this.perSlot);
    let last = -1;
    const limit = Math.min(print.items.length, 1 << 15);
    for (let p = 0; p < limit; p += INDEX_EVERY) {
      if (!print.voiced[p] || shares?.[p]) continue;
      const item = print.items[p];
      if (item === last) continue;
      last = item;
      this.post(item & HALF, slot * 32768 + p);
      this.post(65536 + (item >>> 16), slot * 32768 + p);
      this.perSlot[slot] += 2;
    }
    if (this.dead >= RECLAIM_FROM && this.dead * 2 > this.total - this.dead) this.reclaim();
  }

  /** Drops replaced episodes' postings and numbers the live episodes' slots anew, so replacing neither grows the lists nor uses up slots. */
  private reclaim(): void {
    const renumbered = new Int32Array(this.names.length).fill(-1);
    const names: string[] = [];
    this.names.forEach((name, slot) => {
      if (name === null) return;
      renumbered[slot] = names.length;
      names.push(name);
    });
    const perSlot = new Uint32Array(Math.max(1024, names.length));
    for (let key = 0; key < this.postings.length; key++) {
      const list = this.postings[key];
      if (!list) continue;
      let kept = 0;
      for (let i = 0, len = this.lengths[key]; i < len; i++) {
        const slot = renumbered[Math.floor(list[i] / 32768)];
        if (slot < 0) continue;
        list[kept++] = slot * 32768 + (list[i] % 32768);
        perSlot[slot]++;
      }
      this.lengths[key] = kept;
    }
    this.names = names;
    this.slots.clear();
    names.forEach((name, slot) => this.slots.set(name, slot));
    this.perSlot = perSlot;
    this.total -= this.dead;
    this.dead = 0;
  }

  /** Resident bytes of the postings (what grows with the registry). */
  memoryBytes(): number {
    let n = this.lengths.byteLength;
    for (const p of this.postings) n += p?.byteLength ?? 0;
    return n;
  }

  /**
   * The best (episode, offset) of each speed correction, by votes summed over
   * three neighbouring offsets (a residual speed error drifts the line), for
   * those with at least `minVotes`; best first, at most `limit`.
   */
  candidates(variants: readonly AudioVariant[], minVotes: number, limit: number, exclude?: string): AudioCandidate[] {
    const best = new Map<number, AudioCandidate>();
    variants.forEach((variant, v) => {
      const votes = this.vote(variant.print);
      for (const [key, n] of votes) {
        const sum = n + (votes.get(key - 1) ?? 0) + (votes.get(key + 1) ?? 0);
        if (sum < minVotes) continue;
        const slot = Math.floor(key / 65536);
        const episode = this.names[slot];
        if (!episode || episode === exclude) continue;
        const group = slot * 32 + v;
        const seen = best.get(group);
        if (!seen || seen.votes < sum) best.set(group, { episode, variant: v, offset: (key % 65536) - 32768, votes: sum });
      }
    });
    return [...best.values()].sort((a, b) => b.votes - a.votes).slice(0, limit);
  }

  /**
   * Offset votes in two passes, so that the cost of a vote stays that of a
   * typed-array increment: first per episode only, then per (episode, offset)
   * for the episodes that drew clearly more votes than their postings make
   * chance give them.
   */
  private vote(print: AudioPrint): Map<number, number> {
    const counts = new Uint32Array(this.names.length);
    let probes = 0;
    this.probe(print, (posting) => {
      counts[Math.floor(posting / 32768)]++;
    }, () => probes++);
    const chosen = new Uint8Array(this.names.length);
    for (const slot of this.surprising(counts, probes)) chosen[slot] = 1;
    const votes = new Map<number, number>();
    this.probe(print, (posting, j) => {
      const slot = Math.floor(posting / 32768);
      if (!chosen[slot]) return;
      // slot * 65536 + (offset + 32768), offset = episode item - clip item
      const k = slot * 65536 + (posting % 32768) - j + 32768;
      votes.set(k, (votes.get(k) ?? 0) + 1);
    });
    return votes;
  }

  /** The episodes whose votes most exceed chance's (a posting meets a probe of its table once in 65,536): at most SURPRISING_EPISODES. */
  private surprising(counts: Uint32Array, probes: number): number[] {
    const scored: { slot: number; z: number }[] = [];
    for (let slot = 0; slot < counts.length; slot++) {
      // A replaced episode's postings stay until reclaimed: they must not take the live episodes' places.
      if (!counts[slot] || this.names[slot] === null) continue;
      const expected = (this.perSlot[slot] / 2) * (probes / 65536);
      const z = (counts[slot] - expected) / Math.sqrt(expected + 1);
      if (z >= SURPRISE) scored.push({ slot, z });
    }
    return scored.sort((a, b) => b.z - a.z).slice(0, SURPRISING_EPISODES).map((s) => s.slot);
  }

  /** Every posting each voiced item of the print meets, in both tables, with each half as is and with each of its bits flipped. */
  private probe(print: AudioPrint, visit: (posting: number, item: number) => void, probed?: () => void): void {
    const n = Math.min(print.items.length, 32768);
    for (let j = 0; j < n; j++) {
      if (!print.voiced[j]) continue;
      const item = print.items[j];
      for (let table = 0; table < 2; table++) {
        const half = table ? item >>> 16 : item & HALF;
        for (let flip = -1; flip < 16; flip++) {
          probed?.();
          const key = table * 65536 + (flip < 0 ? half : half ^ (1 << flip));
          const list = this.postings[key];
          if (!list) continue;
          for (let i = 0, len = this.lengths[key]; i < len; i++) visit(list[i], j);
        }
      }
    }
  }

  private post(key: number, posting: number): void {
    let list = this.postings[key];
    if (!list) this.postings[key] = list = new Uint32Array(4);
    else if (this.lengths[key] === list.length) this.postings[key] = list = doubled(list);
    list[this.lengths[key]++] = posting;
    this.total++;
  }
}

function doubled(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(a.length * 2);
  grown.set(a);
  return grown;
}
