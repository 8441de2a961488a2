import { HashIndex } from '@dramaguard/hash-index';
import { fingerprintOf, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { Candidate, stageOneSupport } from './candidates';
import { finishMatch, matchClip, planMatch } from './clip-matcher';
import { geometryVotes, likelyTags, searchCandidates, sharedGeometries, sparseRound } from './geometry-search';
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

  it('names the geometries its sparse round voted for, the copies\' own among them, best supported first', () => {
    const o = DEFAULT_MATCHER_OPTIONS;
    const votes = geometryVotes(sparseRound(index, { frames: clip }, o), o);
    const { candidates } = searchCandidates(index, { frames: clip }, o);
    const copies = likelyTags(candidates.filter((c) => c.episode !== 'ep1'), 1);
    expect(votes.length).toBeGreaterThan(0);
    for (const tag of copies) expect(votes.map((v) => v.tag)).toContain(tag);
    expect(votes.map((v) => v.support)).toEqual([...votes.map((v) => v.support)].sort((a, b) => b - a));
    expect(geometryVotes(sparseRound(index, { frames: clip.slice(0, o.geometryMinFrames - 1) }, o), o)).toEqual([]);
  });

  it('tries the shared geometries on the other frames too, and ignores tags the probe has not', () => {
    const o = DEFAULT_MATCHER_OPTIONS;
    const own = searchCandidates(index, { frames: clip }, o).probe;
    const H = own.hypotheses.length;
    const unused = [...Array(H).keys()].find((h) => !own.hashed[H + h]) as number;
    expect(unused).toBeDefined();
    const { probe } = searchCandidates(index, { frames: clip }, o, [2 * unused + 1, -1, 2 * H, 0.5]);
    expect(probe.hashed[H + unused]).toBe(1);
    expect([...probe.hashed].reduce((a, b) => a + b, 0)).toBeGreaterThan([...own.hashed].reduce((a, b) => a + b, 0));
  });
});

describe('a kept sparse round', () => {
  const o = DEFAULT_MATCHER_OPTIONS;
  const episodes = [201, 202].map((seed) => syntheticVideo(seed, 20));
  const clip = renderClip(episodes[0], 2, 19, FPS, W, H, { mirror: true });
  const indexOf = () => {
    const index = new HashIndex({ retainReferences: true });
    index.add([{ episode: 'ep1', fingerprint: fingerprintOf(renderClip(episodes[0], 0, 20, FPS, W, H)) }]);
    return index;
  };
  const lookups = <T>(index: HashIndex, run: () => T) => {
    const before = index.counters.lookups;
    const out = run();
    return { out, lookups: index.counters.lookups - before };
  };

  it('is continued, not looked up again, and gives the candidates of a fresh search', () => {
    const index = indexOf();
    const fresh = lookups(index, () => searchCandidates(index, { frames: clip }, o).candidates);
    const round = sparseRound(index, { frames: clip }, o);
    const continued = lookups(index, () => searchCandidates(index, { frames: clip }, o, [], round).candidates);
    expect(continued.out).toEqual(fresh.out);
    expect(fresh.out.map((c) => c.episode)).toContain('ep1');
    expect(continued.lookups).toBeLessThan(fresh.lookups);
  });

  it('is run again once the index has changed since', () => {
    const index = indexOf();
    const round = sparseRound(index, { frames: clip }, o);
    index.add([{ episode: 'ep2', fingerprint: fingerprintOf(renderClip(episodes[1], 0, 20, FPS, W, H)) }]);
    const fresh = lookups(index, () => searchCandidates(index, { frames: clip }, o).candidates);
    const stale = lookups(index, () => searchCandidates(index, { frames: clip }, o, [], round).candidates);
    expect(stale).toEqual(fresh);
  });
});

describe('sharedGeometries', () => {
  it('sums each geometry\'s support over the shards and keeps the best, ties to the lower tag', () => {
    const votes = [
      [{ tag: 7, support: 0.4 }, { tag: 3, support: 0.3 }],
      [{ tag: 3, support: 0.35 }, { tag: 9, support: 0.5 }],
      [],
      [{ tag: 12, support: 0.5 }],
    ];
    expect(sharedGeometries(votes, 3)).toEqual([3, 9, 12]);
    expect(sharedGeometries(votes, 1)).toEqual([3]);
    expect(sharedGeometries([], 3)).toEqual([]);
  });
});
