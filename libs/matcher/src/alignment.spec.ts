import { random } from '../../fingerprint/test/synthetic-video';
import { FrameHit, robustLine, voteAlignment } from './alignment';

const options = { fps: 8, minSpeed: 0.75, maxSpeed: 1.45, speedStep: 0.01, offsetBin: 0.25, tolerance: 0.5, maxPeaks: 3, minSupport: 2 };

describe('voteAlignment', () => {
  it('recovers the offset and speed ratio of a sped-up copy among chance hits', () => {
    const rnd = random(77);
    const hits: FrameHit[] = [];
    // Clip frame q shows registered frame 8 x 12.5 s + 1.2 q: a 1.2x speed-up starting 12.5 s in.
    for (let q = 0; q < 120; q++) if (rnd() < 0.4) hits.push({ q, r: Math.round(100 + 1.2 * q), weight: 0.5 + 0.5 * rnd() });
    for (let k = 0; k < 400; k++) hits.push({ q: Math.floor(rnd() * 120), r: Math.floor(rnd() * 800), weight: rnd() });
    const [best] = voteAlignment(hits, options);
    expect(best.speed).toBeCloseTo(1.2, 1);
    expect(Math.abs(best.offset - 12.5)).toBeLessThanOrEqual(0.5);
    expect(best.hits.length).toBeGreaterThanOrEqual(40);
  });

  it('lets one clip frame vote once per line however many registered frames it hits', () => {
    const still: FrameHit[] = [];
    for (let r = 0; r < 80; r++) still.push({ q: 0, r, weight: 1 });
    for (let q = 0; q < 10; q++) still.push({ q, r: 40 + q, weight: 1 });
    const [best] = voteAlignment(still, options);
    expect(Math.abs(best.offset - 5)).toBeLessThanOrEqual(0.5);
    expect(best.support).toBeLessThanOrEqual(10);
  });

  it("counts each clip frame's heaviest hit on a line, whichever of its hits comes first", () => {
    for (const weights of [
      [0.3, 0.9],
      [0.9, 0.3],
    ]) {
      const hits: FrameHit[] = [];
      for (let q = 0; q < 10; q++) for (const weight of weights) hits.push({ q, r: 40 + q, weight });
      const [best] = voteAlignment(hits, options);
      expect(best.support).toBeCloseTo(9, 9);
    }
  });

  it('finds two short stretches of one episode rather than one stretch at several speeds', () => {
    // Slow footage: each clip frame hits its registered frame and the three either side.
    // Clip 0-3 s shows registered 0-3 s (an intro), clip 3-6 s registered 7-10 s (a recap, re-encoded: weaker hits).
    const hits: FrameHit[] = [];
    for (let q = 0; q < 48; q++) {
      const r = q < 24 ? q : 56 + (q - 24);
      const strength = q < 24 ? 1 : 0.7;
      for (let d = -3; d <= 3; d++) hits.push({ q, r: r + d, weight: strength * (1 - Math.abs(d) / 8) });
    }
    const peaks = voteAlignment(hits, { ...options, maxPeaks: 2 });
    // Registered second at which a peak's line puts clip frame q.
    const at = (p: { offset: number; speed: number }, q: number) => p.offset + (p.speed * q) / 8;
    expect(peaks).toHaveLength(2);
    expect(peaks.filter((p) => Math.abs(at(p, 12) - 1.5) <= 0.5)).toHaveLength(1);
    expect(peaks.filter((p) => Math.abs(at(p, 36) - 8.5) <= 0.5)).toHaveLength(1);
  });
});

describe('robustLine', () => {
  it('fits the line through the inliers and ignores outliers', () => {
    const pts = Array.from({ length: 50 }, (_, q) => ({ q, r: 30 + 1.15 * q + (q % 7 === 0 ? 40 : 0) }));
    const line = robustLine(pts, { a: 31, b: 1.1 }, 4, 0.7, 1.5);
    expect(line).not.toBeNull();
    expect(line?.b).toBeCloseTo(1.15, 3);
    expect(line?.a).toBeCloseTo(30, 2);
  });

  it('gives up when the slope leaves the allowed range', () => {
    const pts = Array.from({ length: 20 }, (_, q) => ({ q, r: 3 * q }));
    expect(robustLine(pts, { a: 0, b: 3 }, 4, 0.7, 1.5)).toBeNull();
  });
});
