import { centreOf } from './fingerprint';
import { nestRect } from './grey-frame';
import { croppedCentre, queryHypotheses } from './hypotheses';

describe('query hypotheses', () => {
  it('maps the registered centre into a cropped copy', () => {
    // The copy kept 80% of each side, anchored bottom-right: it shows [0.2, 1] x [0.2, 1] of the original.
    const r = croppedCentre(0.8, 0.8, 1, 1);
    const original = centreOf({ x0: 0, y0: 0, x1: 1, y1: 1 });
    expect(0.2 + r.x0 * 0.8).toBeCloseTo(original.x0, 9);
    expect(0.2 + r.x1 * 0.8).toBeCloseTo(original.x1, 9);
    expect(0.2 + r.y0 * 0.8).toBeCloseTo(original.y0, 9);
  });

  it('tries the detected padding, the inset picture and turned variants, and drops the corner grid when an inset was found', () => {
    const active = { x0: 0.34, y0: 0, x1: 0.66, y1: 1 };
    const inset = { x0: 0.5, y0: 0.5, x1: 0.95, y1: 0.95 };
    const withInset = queryHypotheses({ active, inset, aspect: 16 / 9 });
    const without = queryHypotheses({ active, inset: null, aspect: 16 / 9 });
    expect(withInset.some((h) => h.kind === 'identity' && Math.abs(h.rect.x0 - centreOf(active).x0) < 1e-9)).toBe(true);
    expect(withInset.some((h) => h.kind === 'identity' && Math.abs(h.rect.x0 - centreOf(inset).x0) < 1e-9)).toBe(true);
    expect(withInset.some((h) => h.kind === 'rotation' && h.rect.angle)).toBe(true);
    expect(withInset.some((h) => h.kind === 'pip')).toBe(false);
    expect(without.some((h) => h.kind === 'pip')).toBe(true);
    expect(nestRect(active, { x0: 0, y0: 0, x1: 1, y1: 1 })).toEqual(active);
  });

  it('tries a centred portrait picture in a landscape frame when no padding was detected', () => {
    const found = queryHypotheses({ active: null, inset: null, aspect: 16 / 9 });
    const w = 9 / 16 / (16 / 9);
    expect(found.some((h) => h.kind === 'identity' && Math.abs(h.rect.x0 - ((1 - w) / 2 + 0.15 * w)) < 1e-9)).toBe(true);
  });
});
