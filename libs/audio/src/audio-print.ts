/**
 * Chromaprint, as ffmpeg's `chromaprint` muxer writes it raw (algorithm 1, the
 * default of fpcalc): sound resampled to 11,025 Hz mono, one 32-bit item every
 * 1,365 samples, each item summing the next AUDIO_ITEM_SPAN_SECONDS of sound.
 */
export const AUDIO_ITEM_SECONDS = 1365 / 11025;
/**
 * How far an item's features reach: a 4,096-sample frame, then a 5-tap
 * smoothing of the chroma and classifiers up to 16 frames wide (2.72 s; the
 * segments' ends measured on the audio set agree).
 */
export const AUDIO_ITEM_SPAN_SECONDS = (4096 + 19 * 1365) / 11025;

/** A soundtrack's fingerprint: the items, and which of them hear sound rather than silence (1) or not (0). */
export interface AudioPrint {
  readonly items: Uint32Array;
  readonly voiced: Uint8Array;
}

/**
 * The clip's soundtrack as heard at one speed correction: `speed` is the
 * episode seconds per clip second the correction undoes, `pitchChanged` says
 * whether it undoes a resampling (speed and pitch together) rather than a
 * tempo change that kept the pitch.
 */
export interface AudioVariant {
  readonly speed: number;
  readonly pitchChanged: boolean;
  readonly print: AudioPrint;
}

/** Items from raw muxer output: native-endian uint32s, which is little-endian on every machine we run. */
export function itemsFromRaw(raw: Buffer): Uint32Array {
  const n = Math.floor(raw.byteLength / 4);
  const items = new Uint32Array(n);
  for (let i = 0; i < n; i++) items[i] = raw.readUInt32LE(i * 4);
  return items;
}
