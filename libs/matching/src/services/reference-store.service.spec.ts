import { encodeFingerprint, FULL_FRAME } from '@dramaguard/fingerprint';
import { EXCLUDED } from '@dramaguard/hash-index';
import { FingerprintRepository, StoredFingerprint } from '@dramaguard/records';
import { ReferenceStore } from './reference-store.service';

function stored(registrationId: string, seq: string, more: Partial<StoredFingerprint> = {}): StoredFingerprint {
  const frames = 16;
  const fp = { fps: 8, frames, views: [{ region: FULL_FRAME, hashes: new Uint32Array(2 * frames).fill(7), quality: new Uint8Array(frames).fill(90) }] };
  return { registrationId, seq, data: encodeFingerprint(fp), shares: null, workId: 'w', exclusions: [], audio: null, audioShares: null, ...more };
}

/** The fingerprints table as the store reads it: by registration ids, counting the reads. */
class FakeFingerprints {
  rows = new Map<string, StoredFingerprint>();
  reads: string[][] = [];

  async ofRegistrations(ids: readonly string[]): Promise<StoredFingerprint[]> {
    this.reads.push([...ids]);
    return ids.flatMap((id) => this.rows.get(id) ?? []);
  }
}

describe('ReferenceStore', () => {
  let table: FakeFingerprints;
  let store: ReferenceStore;

  beforeEach(() => {
    table = new FakeFingerprints();
    store = new ReferenceStore(table as unknown as FingerprintRepository);
  });

  it('reads a candidate once, then serves it from the cache while the index holds the same row', async () => {
    table.rows.set('a', stored('a', '5', { exclusions: [{ startSeconds: 1, endSeconds: 1.5 }] }));
    const first = await store.lookup(new Map([['a', '5']]));
    const again = await store.lookup(new Map([['a', '5']]));
    expect(table.reads).toEqual([['a']]);
    expect(again.get('a')).toBe(first.get('a'));
    expect(Array.from(first.get('a')?.shares.slice(7, 13) ?? [])).toEqual([0, EXCLUDED, EXCLUDED, EXCLUDED, EXCLUDED, 0]);
  });

  it('reads a row again once the index holds a newer seq of it', async () => {
    table.rows.set('a', stored('a', '5'));
    await store.lookup(new Map([['a', '5']]));
    table.rows.set('a', stored('a', '9', { shares: Buffer.alloc(16, 2) }));
    const updated = await store.lookup(new Map([['a', '9']]));
    expect(table.reads).toEqual([['a'], ['a']]);
    expect(updated.get('a')?.shares[0]).toBe(2);
  });

  it("answers the episodes' works beside their fingerprints, from the cache once read", async () => {
    table.rows.set('a', stored('a', '5', { workId: 'series a' }));
    const [first, again] = [await store.registered(new Map([['a', '5']])), await store.registered(new Map([['a', '5'], ['gone', '2']]))];
    expect(table.reads).toEqual([['a'], ['gone']]);
    expect([...again].map(([id, r]) => [id, r.group, r.fingerprint.frames])).toEqual([['a', 'series a', 16]]);
    expect(again.get('a')?.fingerprint).toBe(first.get('a')?.fingerprint);
  });

  it('leaves out what is not registered or cannot be decoded', async () => {
    table.rows.set('broken', { ...stored('broken', '3'), data: Buffer.from('old format') });
    const found = await store.lookup(new Map([['broken', '3'], ['gone', '4']]));
    expect(found.size).toBe(0);
  });
});
