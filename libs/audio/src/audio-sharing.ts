import { AudioMatch } from './audio-matcher';
import { AUDIO_ITEM_SECONDS, AUDIO_ITEM_SPAN_SECONDS } from './audio-print';

/** Items first..last (inclusive) of one soundtrack. */
export interface ItemRange {
  readonly first: number;
  readonly last: number;
}

/**
 * What a new episode's soundtrack shares with registered ones (its matches
 * against the registry at speed 1): the stretches on its own side, and on
 * each registered episode's. Shared sound is common content, as shared
 * pictures are (docs/FINGERPRINT.md, section 7): a series' theme, a platform
 * sting, stock music. It is neither indexed nor compared afterwards, so it
 * never makes a match on its own; the picture still can.
 */
export function audioSharing(matches: readonly AudioMatch[]): { own: ItemRange[]; updates: { episode: string; ranges: ItemRange[] }[] } {
  const own: ItemRange[] = [];
  const updates = matches.map((m) => ({
    episode: m.episode,
    ranges: m.segments.map((s) => {
      own.push(itemsOf(s.clipStart, s.clipEnd));
      return itemsOf(s.refStart, s.refEnd);
    }),
  }));
  return { own, updates };
}

/** A segment's stretch ends a span after its last item starts (audio-verify's times). */
function itemsOf(start: number, end: number): ItemRange {
  return { first: Math.max(0, Math.floor(start / AUDIO_ITEM_SECONDS)), last: Math.max(0, Math.ceil((end - AUDIO_ITEM_SPAN_SECONDS) / AUDIO_ITEM_SECONDS)) };
}

/** Marks the ranges in a soundtrack's share bytes (1: shared), creating them when the soundtrack had none. */
export function markAudioShared(items: number, shares: Uint8Array | null, ranges: readonly ItemRange[]): Uint8Array {
  const out = shares ? Uint8Array.from(shares) : new Uint8Array(items);
  for (const r of ranges) out.fill(1, Math.min(r.first, items), Math.min(r.last + 1, items));
  return out;
}
