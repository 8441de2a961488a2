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

/**
 * Chromaprint items of a copy differ from the episode's in a few bits each
 * (5 % after a re-encode, 20–30 % under a music bed or a tempo correction),
 * so whole items rarely meet exactly. Each item is looked up by its four
 * bytes instead: one exact byte in four is a vote for the (episode, offset)
 * it came from, and a copy piles votes on one offset while chance spreads
 * them thin. Every second sounding item of an episode is indexed (the clip
 * probes all of its own), and repeats of the item before are skipped: a held
 * note adds nothing. Positions up to 2^15 items (67 minutes) are indexed.
 */
export class AudioIndex {
  private readonly slots = new Map<string, number>();
  private readonly names: (string | null)[] = [];
  private readonly postings: Uint32Array[] = Array.from({ length: 1024 }, () => new Uint32Array(16));
  private readonly lengths = new Uint32Array(1024);

  get episodeCount(): number {
    return this.slots.size;
  }

  has(episode: string): boolean {
    return this.slots.has(episode);
  }

  /** Adds (or replaces) an episode's print; items marked in `shares` (content other works share) are not indexed. */
  add(episode: string, print: AudioPrint, shares: Uint8Array | null = null): void {
    const old = this.slots.get(episode);
    if (old !== undefined) this.names[old] = null;
    const slot = this.names.length;
    if (slot >= 1 << 17) throw new RangeError('the audio index holds 131,072 episodes at most');
    this.names.push(episode);
    this.slots.set(episode, slot);
    let last = -1;
    const limit = Math.min(print.items.length, 1 << 15);
    for (let p = 0; p < limit; p += 2) {
      if (!print.voiced[p] || shares?.[p]) continue;
      const item = print.items[p];
      if (item === last) continue;
      last = item;
      for (let c = 0; c < 4; c++) this.post(c * 256 + ((item >>> (8 * c)) & 255), slot * 32768 + p);
    }
  }

  /** Resident bytes of the postings (what grows with the registry). */
  memoryBytes(): number {
    return this.postings.reduce((n, p) => n + p.byteLength, 0);
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

  private vote(print: AudioPrint): Map<number, number> {
    const votes = new Map<number, number>();
    const n = Math.min(print.items.length, 32768);
    for (let j = 0; j < n; j++) {
      if (!print.voiced[j]) continue;
      const item = print.items[j];
      for (let c = 0; c < 4; c++) {
        const key = c * 256 + ((item >>> (8 * c)) & 255);
        const list = this.postings[key];
        for (let i = 0, len = this.lengths[key]; i < len; i++) {
          const posting = list[i];
          const slot = Math.floor(posting / 32768);
          // slot * 65536 + (offset + 32768), offset = episode item - clip item
          const k = slot * 65536 + (posting % 32768) - j + 32768;
          votes.set(k, (votes.get(k) ?? 0) + 1);
        }
      }
    }
    return votes;
  }

  private post(key: number, posting: number): void {
    let list = this.postings[key];
    if (this.lengths[key] === list.length) {
      const grown = new Uint32Array(list.length * 2);
      grown.set(list);
      this.postings[key] = list = grown;
    }
    list[this.lengths[key]++] = posting;
  }
}
