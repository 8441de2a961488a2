/**
 * An index entry's meta word: its frame number (17 bits: 4.5 hours at 8 fps),
 * view (1 bit), hold (6 bits) and share byte, packed in one word next to its
 * 64-bit hash.
 */
const FRAME_BITS = 17;
export const MAX_FRAME = (1 << FRAME_BITS) - 1;
/** Views of an episode an entry can name. */
export const MAX_VIEWS = 2;
export const MAX_HOLD = 63;

/** The meta word of frame `frame` of `view` (0 or 1), held `hold` frames (at most MAX_HOLD), with its share byte. */
export function entryMeta(frame: number, view: number, hold: number, share: number): number {
  return (frame | (view << FRAME_BITS) | (hold << (FRAME_BITS + 1)) | (share << 24)) >>> 0;
}

export function metaFrame(meta: number): number {
  return meta & MAX_FRAME;
}

export function metaView(meta: number): number {
  return (meta >>> FRAME_BITS) & 1;
}

export function metaHold(meta: number): number {
  return (meta >>> (FRAME_BITS + 1)) & MAX_HOLD;
}

export function metaShare(meta: number): number {
  return meta >>> 24;
}
