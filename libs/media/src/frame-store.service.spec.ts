import { parseConfig } from '@dramaguard/config';
import { framesOf } from '@dramaguard/fingerprint';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrameStore } from './frame-store.service';
import { MediaStore } from './media-store.service';

describe('FrameStore', () => {
  let dir: string;
  let store: FrameStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dg-frames-'));
    store = new FrameStore(new MediaStore({ ...parseConfig({ PATH: '/usr/bin' }, () => true), mediaDir: dir }));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const frame = (value: number) => ({ width: 3, height: 2, data: new Uint8Array(6).fill(value) });

  it('reads back every frame written, in order, once the writer is closed', async () => {
    const writer = await store.writer('c1');
    for (let i = 0; i < 70; i++) writer.write(frame(i));
    expect(await store.exists('c1')).toBe(false);
    await writer.close();
    expect(await store.exists('c1')).toBe(true);
    const read = [];
    for await (const f of store.read('c1')) read.push(f);
    expect(read.map((f) => [f.width, f.height, f.data[0], f.data[5]])).toEqual(Array.from({ length: 70 }, (_, i) => [3, 2, i, i]));
    // Each frame owns its bytes: posted to the match thread, a view would carry the whole read buffer along.
    expect(read.every((f) => f.data.buffer.byteLength === 6)).toBe(true);
  });

  it('reads a window of the frames in one block: from a given frame, so many, cut short by the end of the file', async () => {
    const writer = await store.writer('w1');
    for (let i = 0; i < 70; i++) writer.write(frame(i));
    await writer.close();
    const firsts = async (first: number, count: number) => {
      const block = await store.readBlock('w1', first, count);
      expect(block.data.length).toBe(block.frames * 6);
      return framesOf(block).map((f) => [f.width, f.height, f.data[0], f.data[5]]);
    };
    expect(await firsts(30, 35)).toEqual(Array.from({ length: 35 }, (_, i) => [3, 2, 30 + i, 30 + i]));
    expect(await firsts(64, 40)).toEqual([64, 65, 66, 67, 68, 69].map((i) => [3, 2, i, i]));
    expect(await firsts(70, 5)).toEqual([]);
    await expect(store.readBlock('nothing', 0, 1)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads a block into the bytes it is given, which may be more than it needs', async () => {
    const writer = await store.writer('w2');
    for (let i = 0; i < 10; i++) writer.write(frame(i));
    await writer.close();
    const given = new Uint8Array(100).fill(255);
    const asked: number[] = [];
    const block = await store.readBlock('w2', 8, 4, (bytes) => (asked.push(bytes), given.subarray(0, bytes)));
    expect(asked).toEqual([24]);
    expect(block.data.buffer).toBe(given.buffer);
    expect(framesOf(block).map((f) => f.data[0])).toEqual([8, 9]);
    expect(given[12]).toBe(255);
  });

  it('keeps the sound and the probe beside the frames, and removes them with the frames', async () => {
    await store.record('s1', async (write) => write(frame(1)));
    expect(await store.readProbe('s1')).toBeNull();
    await store.writeProbe('s1', Buffer.from('probe'));
    await store.writeSound('s1', Buffer.from('sound'));
    expect((await store.readProbe('s1'))?.toString()).toBe('probe');
    expect((await store.readSound('s1'))?.toString()).toBe('sound');
    await store.remove('s1');
    expect(readdirSync(join(dir, 'frames'))).toEqual([]);
  });

  it('leaves nothing behind when a write is abandoned, and removes a file on request', async () => {
    const abandoned = await store.writer('c2');
    abandoned.write(frame(1));
    await abandoned.abort();
    expect(readdirSync(join(dir, 'frames'))).toEqual([]);
    const kept = await store.writer('c3');
    kept.write(frame(2));
    await kept.close();
    await store.remove('c3');
    expect(await store.exists('c3')).toBe(false);
  });

  it('records what a producer writes, and nothing when the producer fails', async () => {
    expect(await store.record('c4', async (write) => (write(frame(1)), write(frame(2)), 2))).toBe(2);
    expect(await store.exists('c4')).toBe(true);
    await expect(store.record('c5', async (write) => (write(frame(1)), Promise.reject(new Error('decoder died'))))).rejects.toThrow('decoder died');
    expect(readdirSync(join(dir, 'frames'))).toEqual(['c4.gray']);
  });

  it('reports a missing file as ENOENT', async () => {
    const reading = store.read('nothing')[Symbol.asyncIterator]().next();
    await expect(reading).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
