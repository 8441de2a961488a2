import { encodeFingerprint, GreyFrame } from '@dramaguard/fingerprint';
import type { ProposedLine, QueryProbe } from '@dramaguard/matcher';
import type { StoredFingerprint } from '@dramaguard/records';
import { fingerprintOf, renderClip, syntheticVideo } from '../../../fingerprint/test/synthetic-video';
import { MatchThread } from './match-thread.service';

const FPS = 8;
const W = 72;
const H = 128;

/**
 * With several shards a clip's stage one runs first on its own (candidates),
 * and its verification comes once every shard has proposed: only the
 * candidates within the budget are verified, from the stage one kept in the
 * thread, or from a new one when it is gone.
 */
describe('MatchThread: stage one kept for a verification within a budget', () => {
  const thread = new MatchThread();
  const episodes = [1, 2, 3].map((seed) => syntheticVideo(seed, 20));
  const row = (k: number): StoredFingerprint => ({
    registrationId: `ep${k + 1}`,
    seq: String(k + 1),
    data: Buffer.from(encodeFingerprint(fingerprintOf(renderClip(episodes[k], 0, 20, FPS, W, H)))),
    shares: null,
    workId: `work-${k + 1}`,
    exclusions: [],
    audio: null,
    audioShares: null,
  });
  // Episode 1 for 8 s, then episode 2 for 3 s: two candidates, the first better supported.
  const clip: GreyFrame[] = [...renderClip(episodes[0], 2, 10, FPS, W, H), ...renderClip(episodes[1], 4, 7, FPS, W, H)];

  beforeAll(async () => {
    await thread.request({ op: 'index', rows: [0, 1, 2].map(row) });
  }, 60_000);

  afterAll(() => thread.onModuleDestroy());

  async function probe(frames: readonly GreyFrame[] = clip) {
    const session = await thread.open('probe');
    try {
      for (const frame of frames) session.push(frame);
      return await session.probe();
    } finally {
      await session.close();
    }
  }

  async function plan(key: string, proposals?: readonly ProposedLine[], probed?: QueryProbe): Promise<string[]> {
    const session = await thread.open('match');
    try {
      for (const frame of clip) session.push(frame);
      return [...(await session.plan({}, probed ?? (await probe()), { tags: [], key }, proposals))].sort();
    } finally {
      await session.close();
    }
  }

  /** Lines of other shards, stronger than any here, over the clip time of `line`. */
  const crowding = (line: ProposedLine): ProposedLine[] => [0, 1, 2].map((k) => ({ support: 100 + k, first: line.first, last: line.last }));

  it("proposes a line per candidate, and verifies only those that too many stronger lines of any shard do not crowd", async () => {
    const lines = await thread.candidates('clip-a:1:0', await probe(), []);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const second = lines.find((l) => l.first >= 8 * FPS);
    expect(second).toBeDefined();
    expect(await plan('clip-a:1:0', [...lines, ...crowding(second!)])).toEqual(['ep1']);
  });

  it('verifies from the stage one kept when the shard proposed, not from the probe it is given then', async () => {
    const lines = await thread.candidates('clip-c:1:0', await probe(), []);
    const unrelated = await probe(renderClip(syntheticVideo(999, 12), 0, 11, FPS, W, H));
    expect(await plan('clip-c:1:0', lines, unrelated)).toEqual(['ep1', 'ep2']);
    // Taken by the plan above: this one plans from the probe it is given.
    expect(await plan('clip-c:1:0', lines, unrelated)).toEqual([]);
  });

  it('plans again, with the same candidates, when the kept stage one is gone', async () => {
    const lines = await thread.candidates('clip-b:1:0', await probe(), []);
    const all = await plan('clip-b:1:0', lines);
    expect(all).toEqual(['ep1', 'ep2']);
    // Taken by the plan above: these run stage one again.
    expect(await plan('clip-b:1:0', lines)).toEqual(all);
    expect(await plan('clip-b:1:0', [...lines, ...crowding(lines.find((l) => l.first < 8 * FPS)!)])).toEqual(['ep2']);
  });
});
