import { AUDIO_ITEM_SECONDS, AUDIO_ITEM_SPAN_SECONDS } from './audio-print';

/**
 * Below this level an item hears silence, room tone or hiss: Chromaprint still
 * writes items for it, and those of any two quiet stretches look alike, so they
 * are neither indexed nor compared.
 */
export const SILENCE_DBFS = -45;

/**
 * Which items hear sound: the RMS level of the 16-bit mono PCM over each
 * item's span. `scale` maps item time to PCM time; a clip heard at a speed
 * correction s has its items at s times the clip's own time, so scale = 1 / s.
 */
export function voicedItems(pcm: Int16Array, sampleRate: number, itemCount: number, scale = 1, silenceDbfs = SILENCE_DBFS): Uint8Array {
  const energy = new Float64Array(pcm.length + 1);
  for (let i = 0; i < pcm.length; i++) energy[i + 1] = energy[i] + (pcm[i] / 32768) ** 2;
  const floor = 10 ** (silenceDbfs / 10);
  const voiced = new Uint8Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const from = Math.min(pcm.length, Math.floor(i * AUDIO_ITEM_SECONDS * scale * sampleRate));
    const to = Math.min(pcm.length, Math.ceil((i * AUDIO_ITEM_SECONDS + AUDIO_ITEM_SPAN_SECONDS) * scale * sampleRate));
    if (to > from && (energy[to] - energy[from]) / (to - from) >= floor) voiced[i] = 1;
  }
  return voiced;
}
