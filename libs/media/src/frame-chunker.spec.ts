import { FrameChunker } from './frame-chunker';

describe('FrameChunker', () => {
  it('reassembles frames split across chunks', () => {
    const c = new FrameChunker(4);
    expect(c.push(Buffer.from([1, 2, 3]))).toEqual([]);
    const frames = c.push(Buffer.from([4, 5, 6, 7, 8, 9]));
    expect(frames.map((f) => [...f])).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(c.leftover).toBe(1);
  });

  it('returns copies that later chunks cannot overwrite', () => {
    const c = new FrameChunker(2);
    const chunk = Buffer.from([1, 2]);
    const [frame] = c.push(chunk);
    chunk[0] = 99;
    expect([...frame]).toEqual([1, 2]);
  });

  it('cuts frames that start and end anywhere in the chunks', () => {
    const c = new FrameChunker(3);
    const bytes = Array.from({ length: 20 }, (_, i) => i + 1);
    const sizes = [1, 7, 2, 3, 5, 2];
    const frames: number[][] = [];
    let at = 0;
    for (const n of sizes) {
      frames.push(...c.push(Buffer.from(bytes.slice(at, at + n))).map((f) => [...f]));
      at += n;
    }
    expect(frames).toEqual([0, 1, 2, 3, 4, 5].map((k) => bytes.slice(3 * k, 3 * k + 3)));
    expect(c.leftover).toBe(2);
  });

  it('rejects a zero frame size', () => {
    expect(() => new FrameChunker(0)).toThrow(RangeError);
  });
});
