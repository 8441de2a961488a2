import { parseConfig } from '@dramaguard/config';
import { encodeFingerprint, FULL_FRAME, GreyFrame } from '@dramaguard/fingerprint';
import { MatchThread } from '../matching/match-thread.service';
import { FingerprintRepository, StoredFingerprint } from '@dramaguard/records';
import { EpisodeIndex } from './episode-index.service';

const config = parseConfig({ PATH: '/usr/bin' }, () => true);

type Row = StoredFingerprint & { shard?: number };

function stored(registrationId: string, seq: number, data?: Buffer, more: Partial<Row> = {}): Row {
  const frames = 24;
  const fp = { fps: 8, frames, views: [{ region: FULL_FRAME, hashes: Uint32Array.from({ length: 2 * frames }, (_, i) => i * 2654435761), quality: new Uint8Array(frames).fill(90) }] };
  return { registrationId, seq: String(seq), data: data ?? encodeFingerprint(fp), shares: null, workId: 'w1', exclusions: [], audio: null, audioShares: null, ...more };
}

/** A fingerprints table in memory: `since` behaves like the SQL query. */
class FakeFingerprints {
  rows: Row[] = [];
  calls: string[] = [];

  async since(afterSeq: string, limit: number, shards: readonly number[]): Promise<{ rows: StoredFingerprint[]; scanned: number; scannedTo: string | null }> {
    this.calls.push(afterSeq);
    const scan = this.rows.filter((r) => BigInt(r.seq) > BigInt(afterSeq)).slice(0, limit);
    return { rows: scan.filter((r) => shards.includes(r.shard ?? 0)), scanned: scan.length, scannedTo: scan.length ? scan[scan.length - 1].seq : null };
  }
}

describe('EpisodeIndex, with its match thread', () => {
  const thread = new MatchThread();
  let table: FakeFingerprints;
  let index: EpisodeIndex;

  // The thread compiles its TypeScript sources on first use.
  beforeAll(() => thread.request({ op: 'has', episode: 'warm-up' }), 60_000);
  afterAll(() => thread.onModuleDestroy());

  beforeEach(() => {
    table = new FakeFingerprints();
    index = new EpisodeIndex(config, table as unknown as FingerprintRepository, thread);
  });

  it('pulls only what was written since the last sync, and tells which seq it holds of each episode', async () => {
    table.rows.push(stored('a', 1), stored('b', 2));
    await index.sync();
    expect(index.episodeCount).toBeGreaterThanOrEqual(2);
    table.rows.push(stored('c', 3));
    expect(await index.has('c')).toBe(true);
    expect(table.calls).toEqual(['0', '2']);
    expect(index.seqsOf(['a', 'c', 'unknown'])).toEqual(new Map([['a', '1'], ['c', '3']]));
  });

  it('replaces an episode whose fingerprint was rewritten with a newer seq', async () => {
    table.rows.push(stored('r', 10));
    await index.sync();
    table.rows = [stored('r', 15)];
    await index.sync();
    expect(index.seqsOf(['r'])).toEqual(new Map([['r', '15']]));
    expect(await index.has('r')).toBe(true);
  });

  it('stages what it loads at boot, packs it and warms its thread up before it is ready, and chains what it indexes after', async () => {
    table.rows.push(stored('p1', 41), stored('p2', 42));
    const asked = jest.spyOn(thread, 'request');
    await index.onApplicationBootstrap();
    index.onModuleDestroy();
    const ops = asked.mock.calls.map(([r]) => r.op);
    expect(ops[0]).toBe('stage');
    expect(ops.filter((op) => op !== 'index')).toEqual(['stage', 'pack', 'warm-up', 'collect']);
    expect(asked.mock.calls.map(([r]) => r).find((r) => r.op === 'pack')).toEqual({ op: 'pack', inSteps: false });
    asked.mockRestore();
    expect(index.isLoaded).toBe(true);
    const booted = await thread.request({ op: 'index', rows: [] });
    expect(booted.entries).toBeGreaterThan(0);
    expect(booted.unpacked).toBe(0);
    table.rows.push(stored('p3', 43));
    expect(await index.has('p3')).toBe(true);
    expect(await index.has('p1')).toBe(true);
    const after = await thread.request({ op: 'index', rows: [] });
    expect(after.unpacked).toBeGreaterThan(0);
    expect(after.entries).toBe(booted.entries + after.unpacked);
    // As the timer packs a serving shard: in steps, the thread answering in between.
    expect(await thread.request({ op: 'pack', inSteps: true })).toBe(0);
    const repacked = await thread.request({ op: 'index', rows: [] });
    expect(repacked).toMatchObject({ unpacked: 0, entries: after.entries });
    expect(await index.has('p3')).toBe(true);
  });

  it('runs concurrent syncs one after another', async () => {
    table.rows.push(stored('s', 20));
    await Promise.all([index.sync(), index.sync(), index.sync()]);
    expect(table.calls).toEqual(['0', '20', '20']);
  });

  it('skips a row it cannot decode and goes on with the rest', async () => {
    table.rows.push(stored('x', 31), stored('broken', 32, Buffer.from('old format')), stored('y', 33));
    await index.sync();
    expect([await index.has('x'), await index.has('broken'), await index.has('y')]).toEqual([true, false, true]);
  });

  it('matches a session\'s frames against what it indexed, in the thread', async () => {
    const frames: GreyFrame[] = Array.from({ length: 40 }, (_, f) => ({
      width: 72,
      height: 128,
      data: Uint8Array.from({ length: 72 * 128 }, (_, i) => (((i % 72) * (f + 3) + Math.floor(i / 72) * 7 * ((f % 5) + 1)) & 0xff)),
    }));
    const episode = await thread.open('build');
    frames.forEach(episode.push);
    const { frames: count, encoded } = await episode.fingerprint();
    await episode.close();
    expect(count).toBe(40);
    table.rows.push(stored('z', 40, Buffer.from(encoded)));
    await index.sync();
    const clip = await thread.open('match');
    frames.forEach(clip.push);
    const candidates = await clip.plan({});
    await clip.close();
    expect(candidates).toContain('z');
  });

  it('indexes the shards its worker serves only, and nothing when it serves none', async () => {
    const sharded = (serves: number[]) => parseConfig({ PATH: '/usr/bin', SHARDS: '2', WORKER_SHARDS: serves.length ? serves.join(',') : 'none' }, () => true);
    table.rows.push(stored('on-0', 50, undefined, { shard: 0 }), stored('on-1', 51, undefined, { shard: 1 }));
    const one = new EpisodeIndex(sharded([1]), table as unknown as FingerprintRepository, thread);
    await one.sync();
    expect([...one.seqsOf(['on-0', 'on-1']).keys()]).toEqual(['on-1']);
    const none = new EpisodeIndex(sharded([]), table as unknown as FingerprintRepository, thread);
    table.calls = [];
    await none.sync();
    expect(table.calls).toEqual([]);
  });

  it('once its timer finds an eighth of the index and 65,536 key frames chained, packs again in steps, one pack at a time', async () => {
    const timed = new EpisodeIndex(parseConfig({ PATH: '/usr/bin', INDEX_SYNC_INTERVAL_MS: '100' }, () => true), table as unknown as FingerprintRepository, thread);
    table.rows.push(stored('t0', 60));
    await timed.onApplicationBootstrap();
    const request = thread.request.bind(thread);
    // A pack answered a second late, as a large shard's is: the timer ticks ten times meanwhile.
    const asked = jest.spyOn(thread, 'request').mockImplementation(async (r) => {
      if (r.op === 'pack') await new Promise((done) => setTimeout(done, 1000));
      return request(r);
    });
    try {
      // 70 episodes of 4,000 frames, a key frame every 4: 70,000 chained.
      for (let i = 1; i <= 70; i++) table.rows.push(stored(`t${i}`, 60 + i, encodeFingerprint(longFingerprint(4000))));
      const packs = (): unknown[] => asked.mock.calls.map(([r]) => r).filter((r) => r.op === 'pack');
      expect(await timed.has('t70')).toBe(true);
      expect((await thread.request({ op: 'index', rows: [] })).unpacked).toBeGreaterThanOrEqual(70_000);
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await thread.request({ op: 'index', rows: [] })).unpacked > 0) await new Promise((r) => setTimeout(r, 100));
      expect((await thread.request({ op: 'index', rows: [] })).unpacked).toBe(0);
      expect(packs()).toEqual([{ op: 'pack', inSteps: true }]);
      expect(await timed.has('t1')).toBe(true);
    } finally {
      timed.onModuleDestroy();
      asked.mockRestore();
    }
  });
});

function longFingerprint(frames: number) {
  return { fps: 8, frames, views: [{ region: FULL_FRAME, hashes: Uint32Array.from({ length: 2 * frames }, (_, i) => Math.imul(i + 7, 2654435761) >>> 0), quality: new Uint8Array(frames).fill(90) }] };
}
