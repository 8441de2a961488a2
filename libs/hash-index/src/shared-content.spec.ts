import { EXCLUDED, frameWeight, markExcluded, markShared, SHARED_ACROSS_HOLDERS } from './shared-content';

describe('shared content', () => {
  it('weighs a frame by the number of episodes of its work sharing it, and content beyond one holder at 0', () => {
    const shares = new Uint8Array(10);
    markShared(shares, 2, 5, false);
    markShared(shares, 4, 8, false);
    markShared(shares, 8, 20, true);
    expect(Array.from(shares.slice(0, 10), (s) => frameWeight(s))).toEqual([1, 1, 0.5, 0.5, 1 / 3, 1 / 3, 0.5, 0.5, 0, 0]);
    expect(shares[9]).toBe(SHARED_ACROSS_HOLDERS);
  });

  it('excludes the frames of a declared range', () => {
    const shares = new Uint8Array(40);
    markExcluded(shares, 1, 2.5, 8);
    expect(shares.findIndex((s) => s === EXCLUDED)).toBe(8);
    expect(shares.filter((s) => s === EXCLUDED)).toHaveLength(12);
    expect(frameWeight(EXCLUDED)).toBe(0);
  });
});
