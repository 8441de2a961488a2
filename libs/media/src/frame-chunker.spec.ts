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

  it('rejects a zero frame size', () => {
    expect(() => new FrameChunker(0)).toThrow(RangeError);
  });
});
