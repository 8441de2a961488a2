import { AudioIndex } from './audio-index';
import { finishAudio, planAudio } from './audio-matcher';
import { AUDIO_ITEM_SECONDS, AudioPrint, AudioVariant } from './audio-print';
import { noisy, slice, syntheticPrint } from '../test/synthetic-prints';

const asIs = (print: AudioPrint): AudioVariant => ({ speed: 1, pitchChanged: false, print });

describe('audio matching', () => {
  const a = syntheticPrint(400, 1);
  const b = syntheticPrint(400, 2);
  const index = new AudioIndex();
  index.add('a', a);
  index.add('b', b);
  const lookup = (e: string) => ({ a: { print: a, shares: null }, b: { print: b, shares: null } })[e];

  it('finds a 10 s excerpt with a few bits changed per item, and where it sits in the episode', () => {
    const clip = [asIs(noisy(slice(a, 100, 181), 4, 9))];
    const [m] = finishAudio(clip, planAudio(index, clip), lookup);
    expect(m.episode).toBe('a');
    expect(m.score).toBeGreaterThan(0.9);
    expect(m.segments[0].refStart).toBeCloseTo(100 * AUDIO_ITEM_SECONDS, 0);
    expect(m.segments[0].clipStart).toBeCloseTo(0, 0);
  });

  it('finds nothing in an unrelated soundtrack', () => {
    const clip = [asIs(syntheticPrint(120, 3))];
    expect(finishAudio(clip, planAudio(index, clip), lookup)).toEqual([]);
  });

  it('compares no silent item: a silent excerpt finds nothing', () => {
    const quiet = slice(a, 100, 181);
    const clip = [asIs({ items: quiet.items, voiced: new Uint8Array(quiet.items.length) })];
    expect(planAudio(index, clip)).toEqual([]);
  });

  it('indexes nothing another work shares', () => {
    const shared = new AudioIndex();
    shared.add('a', a, new Uint8Array(a.items.length).fill(1));
    const clip = [asIs(slice(a, 100, 181))];
    expect(planAudio(shared, clip)).toEqual([]);
  });

  it('follows a line that drifts by a residual speed error', () => {
    // Every 40th item dropped: 2.5 % faster than the correction assumed.
    const kept = [...slice(a, 50, 250).items].filter((_, i) => i % 40 !== 39);
    const clip = [asIs({ items: Uint32Array.from(kept), voiced: new Uint8Array(kept.length).fill(1) })];
    const [m] = finishAudio(clip, planAudio(index, clip), lookup);
    expect(m.episode).toBe('a');
    const covered = m.segments.reduce((s, x) => s + x.clipEnd - x.clipStart, 0);
    expect(covered).toBeGreaterThan(0.8 * kept.length * AUDIO_ITEM_SECONDS);
  });

  it('reclaims the postings of an episode replaced again and again, and still finds each episode where it is', () => {
    const again = new AudioIndex();
    again.add('b', b);
    for (let i = 0; i < 300; i++) again.add('a', a);
    // Never reclaimed, the lists would hold b's postings and 300 copies of a's.
    const one = new AudioIndex();
    one.add('b', b);
    const unreclaimed = 301 * one.postingCount;
    expect(again.postingCount).toBeLessThan(unreclaimed / 6);
    for (const [episode, print] of [['a', a], ['b', b]] as const) {
      const clip = [asIs(slice(print, 100, 181))];
      const [c] = planAudio(again, clip);
      expect(c).toMatchObject({ episode, offset: 100 });
    }
  });

  it('finds an episode replaced more often than the episodes a search keeps, while its old postings wait to be reclaimed', () => {
    const big = new AudioIndex();
    // Enough live postings that 40 replacements of a stay below the reclaiming rule's share.
    for (let k = 0; k < 100; k++) big.add(`filler-${k}`, syntheticPrint(400, 100 + k));
    for (let i = 0; i < 40; i++) big.add('a', a);
    const one = new AudioIndex();
    one.add('a', a);
    expect(big.postingCount).toBeGreaterThan(130 * one.postingCount);
    const [c] = planAudio(big, [asIs(slice(a, 100, 181))]);
    expect(c).toMatchObject({ episode: 'a', offset: 100 });
  });

  it('replaces an episode added again', () => {
    const again = new AudioIndex();
    again.add('a', b);
    again.add('a', a);
    const clip = [asIs(slice(b, 100, 181))];
    expect(planAudio(again, clip)).toEqual([]);
    expect(again.episodeCount).toBe(1);
  });
});
