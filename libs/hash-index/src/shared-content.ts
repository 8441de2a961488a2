/**
 * How widely a registered frame's content is shared with other registered
 * episodes, one byte per frame: the low seven bits count the other episodes of
 * the same work showing it (an intro, a recap), SHARED_ACROSS_HOLDERS marks
 * content that also appears in another rights holder's work (a platform
 * sting, licensed stock footage), and EXCLUDED marks a range its own holder
 * declared not theirs. It is the registry's document frequency: a frame's
 * evidence weight is 1 / (1 + count), and 0 for content beyond one holder.
 */
export const SHARED_ACROSS_HOLDERS = 0x80;
export const EXCLUDED = 0xff;
const COUNT_MASK = 0x7f;

export function frameWeight(share: number, ignoreShares = false): number {
  if (share === EXCLUDED) return 0;
  if (ignoreShares) return 1;
  if (share & SHARED_ACROSS_HOLDERS) return 0;
  return 1 / (1 + (share & COUNT_MASK));
}

/** Adds one sharing episode to the frames [first, last] (same work) or marks them shared across holders. */
export function markShared(shares: Uint8Array, first: number, last: number, acrossHolders: boolean): void {
  for (let f = Math.max(0, first); f <= Math.min(shares.length - 1, last); f++) {
    if (acrossHolders) shares[f] |= SHARED_ACROSS_HOLDERS;
    else if ((shares[f] & COUNT_MASK) < COUNT_MASK) shares[f]++;
  }
}

/** Marks the frames covering [start, end) seconds as excluded by their holder. */
export function markExcluded(shares: Uint8Array, start: number, end: number, fps: number): void {
  for (let f = Math.max(0, Math.floor(start * fps)); f < Math.min(shares.length, Math.ceil(end * fps)); f++) shares[f] = EXCLUDED;
}
