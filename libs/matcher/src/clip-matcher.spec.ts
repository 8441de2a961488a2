import { Rect } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { watchingKernel } from '../../fingerprint/test/kernel-hashes';
import { fingerprintOf, padFrame, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { ClipHasher } from './clip-hasher';
import { finishMatch, matchClip, matchesOf, NextCandidate, planMatch, verifyCandidates } from './clip-matcher';
import { fullProbe } from './query-probe';
import { matchEdits } from './match-edits';

const FPS = 8;
const W = 72;
const H = 128;

function expectNear(actual: Rect | undefined, expected: Rect, within: number): void {
  for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs((actual?.[k] ?? NaN) - expected[k])).toBeLessThanOrEqual(within);
}

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
    // The window kept, in the episode's own (unflipped) frame, filling the clip frame.
    expectNear(ep2?.geometry?.episodeRect, { x0: 0.1, y0: 0.05, x1: 0.95, y1: 0.9 }, 0.04);
    expectNear(ep2?.geometry?.clipRect, { x0: 0, y0: 0, x1: 1, y1: 1 }, 0.02);
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
    // Each segment carries the region it was verified under: here each episode's one copy, the match's own.
    for (const m of matches) for (const s of m.segments) expect(s.region).toEqual(m.region);
  });

  it('places a pillarboxed copy between its bars, the whole episode shown', () => {
    // Episode 1 from 2 s, at full height in the middle of a landscape frame with black bars.
    const inside = { x0: 0.342, y0: 0, x1: 0.658, y1: 1 };
    const frames = renderClip(episodes[0], 2, 8, FPS, W, H).map((f) => padFrame(f, 228, 72, inside, () => 0));
    const [m] = matchClip(index, frames);
    expect(m?.episode).toBe('ep1');
    expectNear(m.geometry?.clipRect, inside, 0.03);
    expectNear(m.geometry?.episodeRect, { x0: 0, y0: 0, x1: 1, y1: 1 }, 0.04);
    expect(matchEdits(m)).toMatchObject({ framing: 'pillarbox', mirrored: false, crop: null, pictureInPicture: null });
  });

  it('reports nothing for unrelated footage', () => {
    expect(matchClip(index, renderClip(syntheticVideo(999, 10), 0, 10, FPS, W, H))).toEqual([]);
  });

  it('gives the matches of one thread verifying every candidate, whichever threads verify which', () => {
    const clip = [
      ...renderClip(episodes[1], 3, 8, FPS, W, H, { mirror: true, window: { x0: 0.1, y0: 0.05, x1: 0.95, y1: 0.9 } }),
      ...renderClip(episodes[2], 6, 12, FPS, W, H, { speed: 1.2 }),
      ...renderClip(episodes[1], 3, 6, FPS, W, H),
    ];
    const plan = planMatch(index, clip);
    expect(plan.candidates.length).toBeGreaterThanOrEqual(3);
    const lookup = (e: string) => index.reference(e);
    const alone = finishMatch(plan, clip, lookup);
    expect(alone.map((m) => m.episode).sort()).toEqual(['ep2', 'ep3']);
    // Two threads: one takes the odd candidates from the last, the other the even ones; their copies read as one thread's.
    const taking = (indices: number[]): NextCandidate => () => indices.shift() ?? -1;
    const all = plan.candidates.map((_, i) => i);
    const copies = verifyCandidates(plan, clip, lookup, taking(all.filter((i) => i % 2 === 1).reverse()));
    for (const [i, copy] of verifyCandidates(plan, clip, lookup, taking(all.filter((i) => i % 2 === 0)))) copies.set(i, copy);
    expect(matchesOf(plan, copies)).toEqual(alone);
  });

  it("verifies an unedited copy on the hashes stage one made, hashing none of the clip's frames again, with the same result", () => {
    const clip = renderClip(episodes[0], 2, 9, FPS, W, H);
    const lookup = (e: string) => index.reference(e);
    // The kernel's hashes made while the whole clip is hashed over the settled regions (the search's own are not counted).
    watchingKernel((hashOne) => {
      const hashAllOf = ClipHasher.prototype.hashAllOf;
      let wholeClip = 0;
      const whole = jest.spyOn(ClipHasher.prototype, 'hashAllOf').mockImplementation(function (this: ClipHasher, regions) {
        const before = hashOne.mock.calls.length;
        const out = hashAllOf.call(this, regions);
        wholeClip += hashOne.mock.calls.length - before;
        return out;
      });
      try {
        const fromFrames = finishMatch(planMatch(index, clip), clip, lookup);
        const probed = planMatch(index, fullProbe(clip));
        wholeClip = 0;
        const fromProbe = finishMatch(probed, clip, lookup);
        expect(fromProbe.map((m) => m.episode)).toEqual(['ep1']);
        expect(fromProbe).toEqual(fromFrames);
        expect(whole).toHaveBeenCalled();
        expect(wholeClip).toBe(0);
      } finally {
        whole.mockRestore();
      }
    });
  });
});
