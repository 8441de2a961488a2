import { Worker } from 'node:worker_threads';
import { encodeFingerprint, GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex, Reference } from '@dramaguard/hash-index';
import { EpisodeMatch, finishMatch, matchesOf, planMatch } from '@dramaguard/matcher';
import type { StoredFingerprint } from '@dramaguard/records';
import { fingerprintOf, renderClip, syntheticVideo } from '../../../fingerprint/test/synthetic-video';
import { MatchThread } from './match-thread.service';
import { indexedEpisode } from './stored-episode';
import { threadEntry } from './thread-entry';
import { VerifyEnvelope, VerifyResponse } from './verify-protocol';

const FPS = 8;
const W = 72;
const H = 128;

/** A clip's candidates verified by the match thread alone, and side by side with its verification threads. */
describe('MatchThread with verification threads (VerifyPool)', () => {
  const alone = new MatchThread();
  const pooled = new MatchThread(3);
  const episodes = [1, 2, 3].map((seed) => syntheticVideo(seed, 20));
  const rows: StoredFingerprint[] = episodes.map((video, k) => ({
    registrationId: `ep${k + 1}`,
    seq: String(k + 1),
    data: Buffer.from(encodeFingerprint(fingerprintOf(renderClip(video, 0, 20, FPS, W, H)))),
    shares: null,
    workId: `work-${k + 1}`,
    exclusions: [],
    audio: null,
    audioShares: null,
  }));
  const reference = (row: StoredFingerprint): Reference => {
    const { fingerprint, shares } = indexedEpisode(row);
    return { fingerprint, shares: shares ?? new Uint8Array(fingerprint.frames) };
  };
  const references = new Map(rows.map((r) => [r.registrationId, reference(r)]));
  // Three excerpts of three episodes, one mirrored and cropped, one sped up: candidates for every thread.
  const clip: GreyFrame[] = [
    ...renderClip(episodes[0], 2, 8, FPS, W, H, { mirror: true, window: { x0: 0.1, y0: 0.05, x1: 0.95, y1: 0.9 } }),
    ...renderClip(episodes[1], 4, 10, FPS, W, H, { speed: 1.2 }),
    ...renderClip(episodes[2], 1, 6, FPS, W, H),
  ];

  beforeAll(async () => {
    await Promise.all([alone, pooled].map((t) => t.request({ op: 'index', rows })));
  }, 60_000);

  afterAll(() => Promise.all([alone.onModuleDestroy(), pooled.onModuleDestroy()]));

  /** The frames pushed one by one (copied to the thread), or in one block of shared bytes as a shard reads a clip's. */
  async function matched(thread: MatchThread, frames: readonly GreyFrame[], inBlock = false): Promise<{ candidates: readonly string[]; matches: EpisodeMatch[] }> {
    const session = await thread.open('match');
    try {
      if (inBlock) {
        const bytes = session.blockBytes(frames.length * W * H);
        frames.forEach((f, i) => bytes.set(f.data, i * W * H));
        session.pushBlock({ width: W, height: H, frames: frames.length, data: bytes });
      } else {
        for (const frame of frames) session.push(frame);
      }
      const candidates = await session.plan({});
      return { candidates, matches: await session.finish(references) };
    } finally {
      await session.close();
    }
  }

  it("finds what the match thread alone finds, the clip's candidates verified side by side", async () => {
    const one = await matched(alone, clip);
    expect(one.candidates.length).toBeGreaterThanOrEqual(3);
    expect(one.matches.map((m) => m.episode).sort()).toEqual(['ep1', 'ep2', 'ep3']);
    expect(await matched(pooled, clip)).toEqual(one);
    expect(await matched(pooled, clip, true)).toEqual(one);
  }, 60_000);

  it('fails the match, without losing the thread, when a candidate cannot be verified', async () => {
    const session = await pooled.open('match');
    try {
      for (const frame of clip) session.push(frame);
      await session.plan({});
      const broken = new Map([...references].map(([e, r]) => [e, { ...r, fingerprint: { ...r.fingerprint, views: null } } as unknown as Reference]));
      await expect(session.finish(broken)).rejects.toThrow();
    } finally {
      await session.close();
    }
    expect((await matched(pooled, clip)).matches.map((m) => m.episode).sort()).toEqual(['ep1', 'ep2', 'ep3']);
  }, 60_000);

  it('verifies, in a verification thread alone, every candidate the shared counter hands it, as one thread would', async () => {
    const index = new HashIndex();
    index.add(rows.map((r) => indexedEpisode(r)));
    const plan = planMatch(index, clip);
    expect(plan.candidates.length).toBeGreaterThanOrEqual(3);
    const { file, options } = threadEntry('verify-thread', { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    const thread = new Worker(file, options);
    try {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const answer = new Promise<VerifyResponse>((resolve) => thread.once('message', resolve));
      const request: VerifyEnvelope = { op: 'verify', id: 7, plan, frames: clip, references, options: {}, counter };
      thread.postMessage(request);
      const response = await answer;
      if ('error' in response) throw new Error(response.error);
      expect(response.id).toBe(7);
      expect(Atomics.load(counter, 0)).toBeGreaterThan(plan.candidates.length);
      expect(matchesOf(plan, new Map(response.copies))).toEqual(finishMatch(plan, clip, (e) => references.get(e)));
    } finally {
      await thread.terminate();
    }
  }, 60_000);

  it('collects every thread of the pool when idle', async () => {
    await expect(pooled.request({ op: 'collect' })).resolves.toBeNull();
  });
});
