import { fingerprintOf, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { familyIndex, matchAmong } from './family-match';

const FPS = 8;
const W = 72;
const H = 128;

describe('matchAmong', () => {
  const [one, two] = [201, 202].map((seed) => syntheticVideo(seed, 16));
  const members = [
    { episode: 'ep1', group: 'series', fingerprint: fingerprintOf(renderClip(one, 0, 16, FPS, W, H)) },
    // Episode 2 opens with a recap: the last 4 s of episode 1.
    { episode: 'ep2', group: 'series', fingerprint: fingerprintOf([...renderClip(one, 12, 16, FPS, W, H), ...renderClip(two, 0, 12, FPS, W, H)]) },
  ];
  const family = familyIndex(members);

  it('leaves a recap in an excerpt of the earlier episode to that episode', () => {
    const excerpt = renderClip(one, 8, 16, FPS, W, H);
    expect(matchAmong(family, ['ep2'], excerpt)).toEqual([]);
    expect(matchAmong(family, ['ep1'], excerpt).map((m) => m.episode)).toEqual(['ep1']);
  });

  it('finds the asked episode where it explains the clip', () => {
    const excerpt = renderClip(two, 2, 10, FPS, W, H);
    const [m] = matchAmong(family, ['ep2'], excerpt);
    expect(m.episode).toBe('ep2');
    expect(Math.abs(m.segments[0].refStart - 6)).toBeLessThanOrEqual(0.5);
  });
});
