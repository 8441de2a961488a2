import { fingerprintOf, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { Candidate, stageOneSupport } from './candidates';
import { finishMatch, matchClip, planMatch } from './clip-matcher';
import { likelyTags, searchCandidates } from './geometry-search';
import { HashIndex } from './hash-index';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';
import { fullProbe } from './query-probe';

const FPS = 8;
const W = 72;
const H = 128;

function candidate(hits: Array<[tag: number, weight: number]>): Candidate {
  return { episode: 'e', view: 0, peak: { speed: 1, offset: 0, support: 1, hits: [] }, hits: hits.map(([tag, weight], q) => ({ q, r: q, weight, tag, hold: 1 })) };
}

describe('likelyTags', () => {
  it('keeps the geometries that gave each line most of its support', () => {
    const a = candidate([[4, 0.9], [4, 0.8], [7, 0.5], [9, 0.2], [9, 0.2], [11, 0.1]]);
    const b = candidate([[20, 1], [4, 0.3]]);
    expect(likelyTags([a, b], 2)).toEqual([4, 7, 20]);
    expect(likelyTags([a], 3)).toEqual([4, 7, 9]);
  });

  it('breaks ties by the lower tag so a choice never depends on hit order', () => {
    expect(likelyTags([candidate([[6, 0.5], [2, 0.5]])], 1)).toEqual([2]);
  });
});

describe('stageOneSupport', () => {
  it('asks a vote over a fraction of the frames for that fraction of the support', () => {
    const full = stageOneSupport(DEFAULT_MATCHER_OPTIONS);
    expect(stageOneSupport(DEFAULT_MATCHER_OPTIONS, 1 / 4)).toBeCloseTo(full / 4);
    expect(stageOneSupport({ ...DEFAULT_MATCHER_OPTIONS, weakSupport: 0.2 })).toBeCloseTo(0.2);
  });
});

describe('searchCandidates', () => {
  const episodes = [101, 102, 103].map((seed) => syntheticVideo(seed, 24));
  const index = new HashIndex({ retainReferences: true });
  index.add(episodes.map((video, k) => ({ episode: `ep${k + 1}`, fingerprint: fingerprintOf(renderClip(video, 0, 24, FPS, W, H)) })));
  // 17 s, past geometryMinFrames: episode 2 from 3 s, mirrored and cropped; then episode 3 from 6 s at 1.2x.
  const clip = [
    ...renderClip(episodes[1], 3, 12, FPS, W, H, { mirror: true, window: { x0: 0.1, y0: 0.05, x1: 0.95, y1: 0.9 } }),
    ...renderClip(episodes[2], 6, 15.6, FPS, W, H, { speed: 1.2 }),
  ];

  it('hashes every hypothesis on the sparse frames only, the likely ones on the others', () => {
    const o = DEFAULT_MATCHER_OPTIONS;
    expect(clip.length).toBeGreaterThanOrEqual(o.geometryMinFrames);
    const { probe, candidates } = searchCandidates(index, { frames: clip }, o);
    const H = probe.hypotheses.length;
    const hashedOn = (f: number): number => probe.hashed.subarray(f * H, (f + 1) * H).reduce((a, b) => a + b, 0);
    expect(hashedOn(0)).toBe(H);
    expect(hashedOn(1)).toBeLessThan(H / 2);
    expect(new Set(candidates.slice(0, 2).map((c) => c.episode))).toEqual(new Set(['ep2', 'ep3']));
  });

  it('finds the same copies as trying every geometry on every frame', () => {
    const summary = (options = {}) => matchClip(index, clip, options).map((m) => [m.episode, m.mirrored, m.segments.length]).sort();
    expect(summary()).toEqual(summary({ geometryMinFrames: Infinity }));
    expect(summary().map(([episode]) => episode)).toEqual(['ep2', 'ep3']);
  });

  it('plans from the full probe exactly as from the frames: the same hashes asked for, the same candidates and matches', () => {
    const fromFrames = planMatch(index, clip);
    const fromProbe = planMatch(index, fullProbe(clip));
    expect(fromProbe.candidates).toEqual(fromFrames.candidates);
    expect(fromProbe.probe).toEqual(fromFrames.probe);
    expect(fromFrames.candidates.length).toBeGreaterThan(0);
    const matches = (plan: typeof fromFrames) => finishMatch(plan, clip, (e) => index.reference(e));
    expect(matches(fromProbe)).toEqual(matches(fromFrames));
  });
});
