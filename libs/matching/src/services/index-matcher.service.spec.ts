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
});
