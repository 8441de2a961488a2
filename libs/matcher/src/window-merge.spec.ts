import { EpisodeMatch, MatchSegment } from './clip-matcher';
import { mergeWindowMatches } from './window-merge';

const segment = (clipStart: number, clipEnd: number, refStart: number, score = 0.9, matchedFrames = 40): MatchSegment => ({
  clipStart,
  clipEnd,
  refStart,
  refEnd: refStart + (clipEnd - clipStart),
  speed: 1,
  matchedFrames,
  score,
});

const match = (episode: string, segments: MatchSegment[]): EpisodeMatch => ({
  episode,
  score: Math.max(...segments.map((s) => s.score)),
  mirrored: false,
  region: { x0: 0, y0: 0, x1: 1, y1: 1 },
  segments,
});

describe('mergeWindowMatches', () => {
  it('moves each window\'s times to the video\'s axis', () => {
    const merged = mergeWindowMatches([
      { offsetSeconds: 0, matches: [match('a', [segment(10, 20, 0)])] },
      { offsetSeconds: 110, matches: [match('b', [segment(30, 40, 5)])] },
    ]);
    expect(merged.map((m) => [m.episode, m.segments.map((s) => [s.clipStart, s.clipEnd, s.refStart])])).toEqual([
      ['a', [[10, 20, 0]]],
      ['b', [[140, 150, 5]]],
    ]);
  });

  it('joins a copy seen by two overlapping windows into one segment', () => {
    const merged = mergeWindowMatches([
      { offsetSeconds: 0, matches: [match('a', [segment(100, 120, 50, 0.8, 160)])] },
      { offsetSeconds: 110, matches: [match('a', [segment(0, 25, 60, 0.9, 200)])] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0].segments).toEqual([{ clipStart: 100, clipEnd: 135, refStart: 50, refEnd: 85, speed: 1, matchedFrames: 200, score: 0.9 }]);
  });

  it('keeps the region of the window that matched more frames when it joins a copy', () => {
    const left = { x0: 0, y0: 0, x1: 0.5, y1: 1 };
    const near = { x0: 0.02, y0: 0, x1: 0.52, y1: 1 };
    const merged = mergeWindowMatches([
      { offsetSeconds: 0, matches: [match('a', [{ ...segment(100, 120, 50, 0.8, 160), region: near }])] },
      { offsetSeconds: 110, matches: [match('a', [{ ...segment(0, 25, 60, 0.9, 200), region: left }])] },
    ]);
    expect(merged[0].segments.map((s) => s.region)).toEqual([left]);
  });

  it('keeps apart two stretches of one episode that lie on different lines', () => {
    const merged = mergeWindowMatches([
      { offsetSeconds: 0, matches: [match('a', [segment(100, 120, 50)])] },
      { offsetSeconds: 110, matches: [match('a', [segment(0, 25, 300)])] },
    ]);
    expect(merged[0].segments.map((s) => s.refStart)).toEqual([50, 300]);
  });
});
