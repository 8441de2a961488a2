import { alignedTimes, pairCount } from './aligned-times';

describe('alignedTimes', () => {
  it('spreads the pairs over the segment, away from its edges', () => {
    expect(alignedTimes({ clipStart: 0, clipEnd: 6, episodeStart: 4, speed: 1 })).toEqual([
      { clipSeconds: 0.75, episodeSeconds: 4.75 },
      { clipSeconds: 2.25, episodeSeconds: 6.25 },
      { clipSeconds: 3.75, episodeSeconds: 7.75 },
      { clipSeconds: 5.25, episodeSeconds: 9.25 },
    ]);
  });

  it('maps clip time to episode time through the speed', () => {
    const [first, , last] = alignedTimes({ clipStart: 10, clipEnd: 12, episodeStart: 100, speed: 1.5 });
    expect(first.clipSeconds).toBeCloseTo(10 + 1 / 3);
    expect(first.episodeSeconds).toBeCloseTo(100 + 0.5);
    expect(last.episodeSeconds).toBeCloseTo(100 + (5 / 3) * 1.5);
  });

  it('takes three to five pairs depending on the length', () => {
    expect([pairCount(1), pairCount(3), pairCount(7.9), pairCount(8), pairCount(600)]).toEqual([3, 4, 4, 5, 5]);
    expect(alignedTimes({ clipStart: 0, clipEnd: 60, episodeStart: 0, speed: 1 })).toHaveLength(5);
  });
});
