import { scaledGeometry } from './frame-geometry';

describe('scaledGeometry', () => {
  it('puts the long side at 256 and keeps the aspect ratio', () => {
    expect(scaledGeometry(540, 960)).toEqual({ width: 144, height: 256 });
    expect(scaledGeometry(1920, 1080)).toEqual({ width: 256, height: 144 });
    expect(scaledGeometry(500, 500)).toEqual({ width: 256, height: 256 });
  });

  it('rounds both sides to even numbers', () => {
    const g = scaledGeometry(1000, 333);
    expect(g.width).toBe(256);
    expect(g.height % 2).toBe(0);
    expect(g.height).toBe(86);
  });

  it('scales small videos up so both sides of a match see the same size', () => {
    expect(scaledGeometry(90, 160)).toEqual({ width: 144, height: 256 });
  });

  it('never collapses a very thin picture to zero', () => {
    expect(scaledGeometry(4000, 2)).toEqual({ width: 256, height: 2 });
  });

  it('rejects empty sizes', () => {
    expect(() => scaledGeometry(0, 100)).toThrow(RangeError);
  });
});
