import { AUDIO_ITEM_SECONDS } from './audio-print';
import { voicedItems } from './voicing';

describe('voicedItems', () => {
  const rate = 4000;
  // 10 s: silence, then a -20 dBFS tone from 5 s on.
  const pcm = new Int16Array(10 * rate);
  for (let i = 5 * rate; i < pcm.length; i++) pcm[i] = Math.round(3277 * Math.sin(i / 3));
  const items = Math.floor(8 / AUDIO_ITEM_SECONDS);

  it('marks the items that hear the tone, not those of the silence before it', () => {
    const v = voicedItems(pcm, rate, items);
    expect(v[0]).toBe(0);
    expect(v[Math.floor(2 / AUDIO_ITEM_SECONDS)]).toBe(0);
    expect(v[Math.floor(5.5 / AUDIO_ITEM_SECONDS)]).toBe(1);
  });

  it('reads a speed-corrected variant at its own time: corrected for speed 0.5, an item at 2.2 s hears the clip from 4.4 s', () => {
    const at = Math.floor(2.2 / AUDIO_ITEM_SECONDS);
    expect(voicedItems(pcm, rate, items, 2)[at]).toBe(1);
    expect(voicedItems(pcm, rate, items, 1)[at]).toBe(0);
    expect(voicedItems(pcm, rate, items, 0.5)[Math.floor(1 / AUDIO_ITEM_SECONDS)]).toBe(0);
  });
});
