import type { EpisodeMatch } from '@dramaguard/matcher';
import { AudioMatch } from './audio-matcher';
import { AUDIO_ITEM_SECONDS, AudioPrint } from './audio-print';
import { AUDIO_ONLY_MIN_SCORE, fuseMatches } from './fusion';
import { syntheticPrint } from '../test/synthetic-prints';

const episode = syntheticPrint(400, 1);
/** The clip plays episode seconds 10–20 from its own second 0. */
const line = { clipStart: 0, clipEnd: 10, refStart: 10, refEnd: 20, speed: 1, matchedFrames: 50 };
const picture = (score: number): EpisodeMatch => ({ episode: 'e', score, mirrored: true, region: { x0: 0, y0: 0.2, x1: 1, y1: 0.8 }, segments: [{ ...line, score }] });
const heard = (score: number, at = line): AudioMatch => ({ episode: 'e', score, speed: 1, pitchChanged: false, segments: [{ ...at, ber: 0.1, score }] });
const clipOf = (print: AudioPrint) => [{ speed: 1, pitchChanged: false, print }];
const sounds = (clip: AudioPrint | null) => ({ clip: () => (clip ? clipOf(clip) : null), episode: (e: string) => (e === 'e' ? { print: episode, shares: null } : undefined) });
const from = Math.round(10 / AUDIO_ITEM_SECONDS);
const excerpt: AudioPrint = { items: episode.items.slice(from, from + 90), voiced: episode.voiced.slice(from, from + 90) };

describe('fuseMatches', () => {
  it('combines both signals on the same line, segment by segment', () => {
    const [m] = fuseMatches([picture(0.6)], [heard(0.8)], sounds(excerpt));
    expect(m.signals).toEqual(['picture', 'audio']);
    expect(m.score).toBeCloseTo(1 - 0.4 * 0.2, 5);
    expect(m.segments[0].signals).toEqual(['picture', 'audio']);
    expect(m.audio).toMatchObject({ agreement: 'agrees', score: 0.8 });
    expect(m.mirrored).toBe(true);
  });

  it('checks the soundtrack along a line only the picture found: the clip plays the episode’s sound there', () => {
    const [m] = fuseMatches([picture(0.6)], [], sounds(excerpt));
    expect(m.signals).toEqual(['picture', 'audio']);
    expect(m.audio?.agreement).toBe('agrees');
    expect(m.segments[0].signals).toEqual(['picture', 'audio']);
    expect(m.score).toBe(0.6);
  });

  it('lowers a weak picture match whose line the soundtrack contradicts, and drops it below the bar', () => {
    expect(fuseMatches([picture(0.6)], [], sounds(syntheticPrint(90, 5)))).toEqual([]);
    expect(fuseMatches([picture(0.7)], [], sounds(syntheticPrint(90, 5)))[0]).toMatchObject({ score: 0.7 * 0.8, audio: { agreement: 'contradicts' } });
    const [kept] = fuseMatches([picture(0.95)], [], sounds(syntheticPrint(90, 5)));
    expect(kept).toMatchObject({ score: 0.95, signals: ['picture'], audio: { agreement: 'contradicts' } });
  });

  it('says nothing against the picture where one side is silent, or there is no soundtrack', () => {
    expect(fuseMatches([picture(0.6)], [], sounds(syntheticPrint(90, 5, 0)))[0]).toMatchObject({ score: 0.6, audio: { agreement: 'silent' } });
    expect(fuseMatches([picture(0.6)], [], sounds(null))[0]).toMatchObject({ score: 0.6, audio: null, signals: ['picture'] });
  });

  it('reports the soundtrack alone as audio-only evidence above its own bar', () => {
    const [m] = fuseMatches([], [heard(0.7)], sounds(excerpt));
    expect(m).toMatchObject({ episode: 'e', signals: ['audio'], mirrored: false, region: { x0: 0, y0: 0, x1: 1, y1: 1 } });
    expect(m.segments[0]).toMatchObject({ signals: ['audio'], matchedFrames: 0 });
    expect(fuseMatches([], [heard(AUDIO_ONLY_MIN_SCORE - 0.05)], sounds(excerpt))).toEqual([]);
  });

  it('adds the stretches only the sound found as audio-only segments', () => {
    const later = { clipStart: 12, clipEnd: 20, refStart: 22, refEnd: 30, speed: 1, matchedFrames: 0 };
    const a: AudioMatch = { ...heard(0.8), segments: [{ ...line, ber: 0.1, score: 0.8 }, { ...later, ber: 0.1, score: 0.7 }] };
    const [m] = fuseMatches([picture(0.6)], [a], sounds(excerpt));
    expect(m.segments.map((s) => s.signals)).toEqual([['picture', 'audio'], ['audio']]);
  });

  it('decodes the clip soundtrack once, and only when a picture match must be checked along its line', () => {
    let asked = 0;
    const counted = { ...sounds(excerpt), clip: () => (asked++, clipOf(excerpt)) };
    fuseMatches([], [heard(0.7)], counted);
    fuseMatches([picture(0.6)], [heard(0.8)], counted);
    expect(asked).toBe(0);
    fuseMatches([picture(0.6), { ...picture(0.7), episode: 'f' }], [], counted);
    expect(asked).toBe(1);
  });
});
