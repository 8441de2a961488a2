import { AudioMatch } from './audio-matcher';
import { AUDIO_ITEM_SECONDS, AUDIO_ITEM_SPAN_SECONDS } from './audio-print';
import { audioSharing, markAudioShared } from './audio-sharing';

describe('audio sharing', () => {
  // The new episode's seconds 2–12 are the registered episode's 20–30 (a segment ends a span after its last item).
  const match: AudioMatch = {
    episode: 'old',
    score: 0.9,
    speed: 1,
    pitchChanged: false,
    segments: [{ clipStart: 2, clipEnd: 12, refStart: 20, refEnd: 30, speed: 1, ber: 0.1, score: 0.9 }],
  };

  it('answers the shared items on both sides', () => {
    const { own, updates } = audioSharing([match]);
    expect(own).toEqual([{ first: Math.floor(2 / AUDIO_ITEM_SECONDS), last: Math.ceil((12 - AUDIO_ITEM_SPAN_SECONDS) / AUDIO_ITEM_SECONDS) }]);
    expect(updates).toEqual([{ episode: 'old', ranges: [{ first: Math.floor(20 / AUDIO_ITEM_SECONDS), last: Math.ceil((30 - AUDIO_ITEM_SPAN_SECONDS) / AUDIO_ITEM_SECONDS) }] }]);
  });

  it('marks ranges in share bytes, keeping what was marked and staying inside the soundtrack', () => {
    const before = Uint8Array.from([1, 0, 0, 0, 0, 0]);
    expect([...markAudioShared(6, before, [{ first: 3, last: 9 }])]).toEqual([1, 0, 0, 1, 1, 1]);
    expect([...markAudioShared(4, null, [{ first: 1, last: 2 }])]).toEqual([0, 1, 1, 0]);
    expect([...before]).toEqual([1, 0, 0, 0, 0, 0]);
  });
});
