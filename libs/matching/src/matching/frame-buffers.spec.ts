import { FrameBuffers } from './frame-buffers';

describe('FrameBuffers', () => {
  it('allocates in whole grains and gives a returned buffer to the next clip that fits in it', () => {
    const buffers = new FrameBuffers(100);
    const first = buffers.take(150);
    expect(first.byteLength).toBe(200);
    buffers.give(first);
    expect(buffers.take(180)).toBe(first);
    expect(buffers.spareBytes).toBe(0);
  });

  it('hands out distinct buffers to clips read at once, and takes the smallest spare that fits', () => {
    const buffers = new FrameBuffers(100);
    const a = buffers.take(300);
    const b = buffers.take(50);
    expect(a).not.toBe(b);
    buffers.give(a);
    buffers.give(b);
    expect(buffers.take(80)).toBe(b);
    expect(buffers.take(80)).toBe(a);
  });

  it('drops the largest spare when none holds a longer clip, so spares do not pile up', () => {
    const buffers = new FrameBuffers(100);
    const small = buffers.take(100);
    const middle = buffers.take(200);
    buffers.give(small);
    buffers.give(middle);
    const large = buffers.take(500);
    expect(large.byteLength).toBe(500);
    expect(buffers.spareBytes).toBe(100);
    buffers.give(large);
    expect(buffers.take(100)).toBe(small);
  });
});
