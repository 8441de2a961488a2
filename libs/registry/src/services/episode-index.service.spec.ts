import { parseConfig } from '@dramaguard/config';
import { encodeFingerprint, FULL_FRAME } from '@dramaguard/fingerprint';
import { FingerprintRepository, StoredFingerprint } from '../repositories';
import { EpisodeIndex } from './episode-index.service';

const config = parseConfig({ PATH: '/usr/bin' }, () => true);

function stored(registrationId: string, seq: number, data?: Buffer, more: Partial<StoredFingerprint> = {}): StoredFingerprint {
  const frames = 24;
  const fp = { fps: 8, frames, views: [{ region: FULL_FRAME, hashes: Uint32Array.from({ length: 2 * frames }, (_, i) => i * 2654435761), quality: new Uint8Array(frames).fill(90) }] };
  return { registrationId, seq: String(seq), data: data ?? encodeFingerprint(fp), shares: null, workId: 'w1', exclusions: [], ...more };
}

/** A fingerprints table in memory: `since` behaves like the SQL query. */
class FakeFingerprints {
  rows: StoredFingerprint[] = [];
  calls: string[] = [];

  async since(afterSeq: string, limit: number): Promise<StoredFingerprint[]> {
    this.calls.push(afterSeq);
    return this.rows.filter((r) => BigInt(r.seq) > BigInt(afterSeq)).slice(0, limit);
  }
}

describe('EpisodeIndex', () => {
  let table: FakeFingerprints;
  let index: EpisodeIndex;

  beforeEach(() => {
    table = new FakeFingerprints();
    index = new EpisodeIndex(config, table as unknown as FingerprintRepository);
  });

  it('indexes an episode\'s key frames with their learned share bytes, not its holder\'s exclusions, and its work', async () => {
    const shares = Buffer.alloc(24);
    shares[0] = 3;
    table.rows.push(stored('a', 1, undefined, { shares, workId: 'series', exclusions: [{ startSeconds: 1, endSeconds: 2 }] }));
    const idx = await index.current();
    const frames = new Map<number, number>();
    for (let f = 0; f < 24; f++) idx.search((f * 2 * 2654435761) >>> 0, ((2 * f + 1) * 2654435761) >>> 0, 0, (_e, _v, frame, _d, share) => frames.set(frame, share));
    expect(frames.get(0)).toBe(3);
    expect([...frames.keys()].filter((f) => f >= 8 && f < 16)).toEqual([]);
    expect(frames.size).toBeGreaterThan(2);
    expect(idx.group('a')).toBe('series');
    expect(index.seqsOf(['a', 'b'])).toEqual(new Map([['a', '1']]));
  });

  it('pulls only what was written since the last sync', async () => {
    table.rows.push(stored('a', 1), stored('b', 2));
    expect((await index.current()).episodeCount).toBe(2);
    table.rows.push(stored('c', 3));
    await index.sync();
    expect(index.episodeCount).toBe(3);
    expect(table.calls).toEqual(['0', '2']);
  });

  it('replaces an episode whose fingerprint was rewritten with a newer seq', async () => {
    table.rows.push(stored('a', 1));
    await index.sync();
    table.rows = [stored('a', 5)];
    await index.sync();
    expect(index.episodeCount).toBe(1);
    expect((await index.current()).has('a')).toBe(true);
  });

  it('runs concurrent syncs one after another', async () => {
    table.rows.push(stored('a', 1));
    await Promise.all([index.sync(), index.sync(), index.sync()]);
    expect(table.calls).toEqual(['0', '1', '1']);
  });

  it('skips a row it cannot decode and goes on with the rest', async () => {
    table.rows.push(stored('a', 1), stored('broken', 2, Buffer.from('old format')), stored('c', 3));
    const i = await index.current();
    expect([...i.episodes()].sort()).toEqual(['a', 'c']);
  });
});
