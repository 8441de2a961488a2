import { collectGarbage, collectYoung, youngCollected } from './collect-garbage';

const settle = (): Promise<void> => new Promise((res) => setTimeout(res, 50));

describe('collectGarbage', () => {
  it('collects what nothing refers to any more, in a process started without --expose-gc', () => {
    let garbage: number[][] | null = Array.from({ length: 200 }, (_, i) => Array.from({ length: 20_000 }, (_, j) => i + j + 0.5));
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200);
    garbage = null;
    collectGarbage();
    // About 32 MB of doubles were dropped; a scavenge alone would not have reached them in old space.
    expect(held - process.memoryUsage().heapUsed).toBeGreaterThan(16 * 1024 * 1024);
  });
});

describe('collectYoung', () => {
  it('frees the bytes of frames dropped young', async () => {
    collectGarbage();
    await settle();
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 200; i++) new Uint8Array(36_864)[0] = i;
    collectYoung();
    // The bytes are let go by a sweep after the collection.
    await settle();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('youngCollected', () => {
  async function* count(n: number, done: { closed: boolean }): AsyncGenerator<number> {
    try {
      for (let i = 0; i < n; i++) yield i;
    } finally {
      done.closed = true;
    }
  }

  it('passes every frame on, in order', async () => {
    const seen: number[] = [];
    for await (const i of youngCollected(count(10, { closed: false }), 3)) seen.push(i);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('closes the source when the reader stops early (a decoder is killed, not left running)', async () => {
    const done = { closed: false };
    for await (const i of youngCollected(count(10, done), 3)) if (i === 4) break;
    expect(done.closed).toBe(true);
  });
});
