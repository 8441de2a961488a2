import { voteAlignment } from './alignment';
import { alignmentOptions, downweightRepeats, supportBound, TaggedHit } from './candidates';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';

const hit = (q: number, r: number, weight: number, hold = 1): TaggedHit => ({ q, r, weight, tag: 0, hold });

describe('supportBound', () => {
  it('sums each clip frame best hit once', () => {
    expect(supportBound([hit(0, 5, 0.5), hit(0, 9, 0.8), hit(3, 8, 0.25)])).toBeCloseTo(1.05);
    expect(supportBound([])).toBe(0);
  });

  it('is never below the support of a line voted on the same hits', () => {
    let s = 7;
    const rnd = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 50; trial++) {
      const hits = Array.from({ length: 40 }, () => hit(Math.floor(rnd() * 30), Math.floor(rnd() * 60), rnd(), 1 + Math.floor(rnd() * 3)));
      const [peak] = voteAlignment(downweightRepeats(hits), alignmentOptions(DEFAULT_MATCHER_OPTIONS, 1, 0));
      expect(peak.support).toBeLessThanOrEqual(supportBound(hits) + 1e-9);
    }
  });
});
