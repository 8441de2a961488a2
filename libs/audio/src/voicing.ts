import { AUDIO_ITEM_SECONDS, AUDIO_ITEM_SPAN_SECONDS } from './audio-print';

/**
 * Below this level an item hears silence, room tone or hiss: Chromaprint still
 * writes items for it, and those of any two quiet stretches look alike, so they
 * are neither indexed nor compared.
 */
export const SILENCE_DBFS = -45;

/** Levels are summed per 10 ms block: an hour of sound then needs 360,000 sums, not one per sample. */
const BLOCKS_PER_SECOND = 100;

/**
 * Which items hear sound: the RMS level of the 16-bit mono PCM over each
 * item's span. `scale` maps item time to PCM time; a clip heard at a speed
 * correction s has its items at s times the clip's own time, so scale = 1 / s.
 */
export function voicedItems(pcm: Int16Array, sampleRate: number, itemCount: number, scale = 1, silenceDbfs = SILENCE_DBFS): Uint8Array {
  const perBlock = Math.max(1, Math.round(sampleRate / BLOCKS_PER_SECOND));
  const blocks = Math.ceil(pcm.length / perBlock);
  const energy = new Float64Array(blocks + 1);
  for (let b = 0; b < blocks; b++) {
    let sum = 0;
    for (let i = b * perBlock, end = Math.min(pcm.length, i + perBlock); i < end; i++) sum += (pcm[i] / 32768) ** 2;
    energy[b + 1] = energy[b] + sum;
  }
  const floor = 10 ** (silenceDbfs / 10);
  const voiced = new Uint8Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const from = Math.min(blocks, Math.floor((i * AUDIO_ITEM_SECONDS * scale * sampleRate) / perBlock));
    const to = Math.min(blocks, Math.ceil(((i * AUDIO_ITEM_SECONDS + AUDIO_ITEM_SPAN_SECONDS) * scale * sampleRate) / perBlock));
    const samples = Math.min(pcm.length, to * perBlock) - from * perBlock;
    if (samples > 0 && (energy[to] - energy[from]) / samples >= floor) voiced[i] = 1;
  }
  return voiced;
}
