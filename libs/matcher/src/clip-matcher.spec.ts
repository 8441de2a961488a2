import { fingerprintOf, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { matchClip } from './clip-matcher';
import { HashIndex } from './hash-index';

const FPS = 8;
const W = 72;
const H = 128;

describe('matchClip', () => {
  const episodes = [101, 102, 103].map((seed) => syntheticVideo(seed, 16));
  const index = new HashIndex({ retainReferences: true });
  index.add(episodes.map((video, k) => ({ episode: `ep${k + 1}`, fingerprint: fingerprintOf(renderClip(video, 0, 16, FPS, W, H)) })));

  it('finds each episode of a compilation, mirrored, cropped and sped up, with its time ranges', () => {
    // 0-5 s: episode 2 from 3 s, mirrored and cropped to 85%; 5-10 s: episode 3 from 6 s at 1.2x, brightened.
    const first = renderClip(episodes[1], 3, 8, FPS, W, H, { mirror: true, window: { x0: 0.1, y0: 0.05, x1: 0.95, y1: 0.9 } });
    const second = renderClip(episodes[2], 6, 12, FPS, W, H, { speed: 1.2, tone: (v) => v * 1.1 + 10 });
    const matches = matchClip(index, [...first, ...second]);
    expect(matches.map((m) => m.episode).sort()).toEqual(['ep2', 'ep3']);
    const ep2 = matches.find((m) => m.episode === 'ep2');
    const ep3 = matches.find((m) => m.episode === 'ep3');
    expect(ep2?.mirrored).toBe(true);
    const [s2] = ep2?.segments ?? [];
    expect(Math.abs(s2.clipStart - 0)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(s2.clipEnd - 5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(s2.refStart - 3)).toBeLessThanOrEqual(0.5);
    const [s3] = ep3?.segments ?? [];
    expect(Math.abs(s3.clipStart - 5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(s3.refStart - 6)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(s3.refEnd - 12)).toBeLessThanOrEqual(0.5);
    expect(s3.speed).toBeCloseTo(1.2, 1);
    for (const m of matches) expect(m.score).toBeGreaterThanOrEqual(0.5);
  });

  it('reports nothing for unrelated footage', () => {
    expect(matchClip(index, renderClip(syntheticVideo(999, 10), 0, 10, FPS, W, H))).toEqual([]);
  });
});
