import { MatchSession } from '../matching/match-thread.service';
import { EpisodeIndex } from './episode-index.service';
import { IndexMatcher } from './index-matcher.service';
import { ReferenceStore } from './reference-store.service';

describe('IndexMatcher', () => {
  const index = { sync: async () => undefined, seq: '7', seqsOf: (ids: readonly string[]) => new Map(ids.map((id) => [id, '1'])) } as unknown as EpisodeIndex;
  const session = { plan: async () => ['episode'], finish: async () => [] } as unknown as MatchSession;
  const probe = { frames: 0 } as never;

  it("fails only once the clip's frames are read, when reading the candidates' fingerprints fails first", async () => {
    const references = { lookup: () => Promise.reject(new Error('database down')) } as unknown as ReferenceStore;
    let framesRead = false;
    const pushFrames = () => new Promise<void>((resolve) => setTimeout(() => ((framesRead = true), resolve()), 50));
    const failed = new IndexMatcher(index, references).match(session, {}, { probe, shared: { tags: [], key: 'k' }, pushFrames }).catch((e: Error) => ({ failed: e.message, framesRead }));
    await expect(failed).resolves.toEqual({ failed: 'database down', framesRead: true });
  });

  it('fails with the read when reading the frames fails', async () => {
    const references = { lookup: async () => new Map() } as unknown as ReferenceStore;
    const pushFrames = () => Promise.reject(new Error('frames missing'));
    await expect(new IndexMatcher(index, references).match(session, {}, { probe, shared: { tags: [], key: 'k' }, pushFrames })).rejects.toThrow('frames missing');
  });

  it('answers for the index a shard proposed from, unsynced, when it verifies its proposals: a sync would claim registrations the kept plan never saw', async () => {
    const sync = jest.fn(async () => undefined);
    const synced = { ...index, sync, seq: '9' } as unknown as EpisodeIndex;
    const references = { lookup: async () => new Map() } as unknown as ReferenceStore;
    const matcher = new IndexMatcher(synced, references);
    const clip = { probe, shared: { tags: [], key: 'k' }, pushFrames: async () => undefined };
    expect((await matcher.match(session, {}, { ...clip, proposals: [], proposedAt: '5' })).seq).toBe('5');
    // Proposed by a worker whose index was ahead of this one's: the plan run again here holds only this index.
    expect((await matcher.match(session, {}, { ...clip, proposals: [], proposedAt: '12' })).seq).toBe('9');
    expect(sync).not.toHaveBeenCalled();
    expect((await matcher.match(session, {}, { ...clip, proposals: [], proposedAt: null })).seq).toBe('9');
    expect((await matcher.match(session, {}, clip)).seq).toBe('9');
    expect(sync).toHaveBeenCalledTimes(2);
  });
});
