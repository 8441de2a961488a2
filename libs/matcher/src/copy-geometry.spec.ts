import { centreOf, croppedCentre, FULL_FRAME, nestRect, Rect } from '@dramaguard/fingerprint';
import { copyGeometry } from './copy-geometry';

function expectRect(actual: Rect, expected: Rect): void {
  for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(actual[k]).toBeCloseTo(expected[k], 6);
}

describe('copyGeometry', () => {
  it('maps an unedited copy frame to frame', () => {
    const g = copyGeometry(centreOf(FULL_FRAME), false, FULL_FRAME, FULL_FRAME);
    expectRect(g.episodeRect, FULL_FRAME);
    expectRect(g.clipRect, FULL_FRAME);
    expect(g.rotationDegrees).toBe(0);
  });

  it('finds the window a cropped copy kept, filling the clip frame', () => {
    // Kept 80% of each side, anchored bottom-right: [0.2, 1] x [0.2, 1] of the episode.
    const g = copyGeometry(croppedCentre(0.8, 0.8, 1, 1), false, FULL_FRAME, FULL_FRAME);
    expectRect(g.episodeRect, { x0: 0.2, y0: 0.2, x1: 1, y1: 1 });
    expectRect(g.clipRect, FULL_FRAME);
  });

  it('finds the same window of a mirrored copy in the episode frame, not in the flipped one', () => {
    // The clip shows [0.2, 1] of the episode flipped: the registered centre [0.15, 0.85] lands at [0.1875, 1.0625].
    const g = copyGeometry({ x0: 0.1875, y0: 0.15, x1: 1.0625, y1: 0.85 }, true, FULL_FRAME, FULL_FRAME);
    expectRect(g.episodeRect, { x0: 0.2, y0: 0, x1: 1, y1: 1 });
    expectRect(g.clipRect, FULL_FRAME);
  });

  it('places a pillarboxed copy between its bars', () => {
    const active = { x0: 0.34, y0: 0, x1: 0.66, y1: 1 };
    const g = copyGeometry(centreOf(active), false, FULL_FRAME, active);
    expectRect(g.clipRect, active);
    expectRect(g.episodeRect, FULL_FRAME);
  });

  it('keeps a crop inside bars within the bars', () => {
    const active = { x0: 0.34, y0: 0, x1: 0.66, y1: 1 };
    const region = nestRect(active, croppedCentre(0.8, 0.8, 0.5, 0.5));
    const g = copyGeometry(region, false, FULL_FRAME, active);
    expectRect(g.clipRect, active);
    expectRect(g.episodeRect, { x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.9 });
    // Unbounded, the episode's frame would seem to spill over the bars.
    expect(copyGeometry(region, false, FULL_FRAME, FULL_FRAME).clipRect.x0).toBeCloseTo(active.x0 - 0.04, 6);
  });

  it('reports the picture of a letterboxed episode whose copy dropped the bars', () => {
    const picture = { x0: 0, y0: 0.125, x1: 1, y1: 0.875 };
    const g = copyGeometry(centreOf(FULL_FRAME), false, picture, FULL_FRAME);
    expectRect(g.episodeRect, picture);
    expectRect(g.clipRect, FULL_FRAME);
    expectRect(g.episodePicture, picture);
  });

  it('carries the angle of a turned region', () => {
    expect(copyGeometry({ ...centreOf(FULL_FRAME), angle: -3.5 }, false, FULL_FRAME, FULL_FRAME).rotationDegrees).toBe(-3.5);
  });
});
