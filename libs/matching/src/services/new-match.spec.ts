import { EpisodeMatch } from '@dramaguard/matcher';
import { toNewMatch } from './new-match';

describe('toNewMatch', () => {
  it('stores the share-weighted matched-frame count of a segment as a whole number', () => {
    const match: EpisodeMatch = {
      episode: 'r1',
      score: 0.97,
      mirrored: false,
      region: { x0: 0, y0: 0, x1: 1, y1: 1 },
      segments: [{ clipStart: 0, clipEnd: 12, refStart: 0, refEnd: 12, speed: 1, matchedFrames: 44.285714, score: 0.97 }],
    };
    const stored = toNewMatch(match, { verdict: 'case_opened', licenceId: null, policy: null });
    expect(stored.segments[0]).toMatchObject({ clipStart: 0, episodeEnd: 12, matchedFrames: 44 });
    expect(Number.isInteger(stored.segments[0].matchedFrames)).toBe(true);
  });
});
