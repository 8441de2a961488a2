import { Fingerprint } from '@dramaguard/fingerprint';
import { HashIndex, markShared } from '@dramaguard/hash-index';
import { fingerprintOf, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { matchClip } from './clip-matcher';
import { LEARNING_OPTIONS } from './matcher-options';
import { analyseSharing, EpisodeOwner } from './sharing-analysis';

const FPS = 8;
const W = 72;
const H = 128;

/**
 * A small series registered the way the registry does it: every episode opens
 * with the same 3 s intro, then replays the last 3 s of the previous episode,
 * then has 7 s of its own; each new episode is matched against the registry
 * (ignoring what is already known to be shared) and the sharing it reveals is
 * recorded on both sides before it is indexed.
 */
describe('matching with common content', () => {
  const intro = syntheticVideo(500, 3, 3);
  const own = Array.from({ length: 5 }, (_, k) => syntheticVideo(600 + k, 7, 2));
  const episodes = own.map((body, k) => [
    ...renderClip(intro, 0, 3, FPS, W, H),
    ...(k > 0 ? renderClip(own[k - 1], 4, 7, FPS, W, H) : []),
    ...renderClip(body, 0, 7, FPS, W, H),
  ]);
  const index = new HashIndex({ retainReferences: true });
  const owners = new Map<string, EpisodeOwner>();
  const shares = new Map<string, Uint8Array>();
  episodes.forEach((frames, k) => {
    const episode = `ep${k + 1}`;
    const owner = { holder: 'studio', group: 'series' };
    const found = matchClip(index, frames, LEARNING_OPTIONS);
    const analysis = analyseSharing(frames.length, owner, found, (e) => owners.get(e));
    for (const u of analysis.updates) {
      const s = shares.get(u.episode) as Uint8Array;
      for (const r of u.ranges) markShared(s, r.first, r.last, r.acrossHolders);
      index.add([{ episode: u.episode, fingerprint: index.reference(u.episode)?.fingerprint as Fingerprint, shares: s, group: 'series' }]);
    }
    owners.set(episode, owner);
    shares.set(episode, analysis.shares);
    index.add([{ episode, fingerprint: fingerprintOf(frames), shares: analysis.shares, group: 'series' }]);
  });

  it('learns that the intro is shared by every episode, on every episode', () => {
    // Frames 0-1 and 22-23 straddle cuts; the intro's inner frames are shared with the 4 other episodes.
    const counts = [...shares.values()].map((s) => Math.min(...s.slice(2, 22)));
    expect(counts).toEqual([4, 4, 4, 4, 4]);
  });

  it('attributes a clip of the intro alone to no episode', () => {
    expect(matchClip(index, renderClip(intro, 0, 3, FPS, W, H))).toEqual([]);
  });

  it('attributes an excerpt of episode 4 with its intro and recap to episode 4 only', () => {
    const excerpt = episodes[3].slice(0, 11 * FPS);
    const found = matchClip(index, excerpt);
    expect(found.map((m) => m.episode)).toEqual(['ep4']);
  });
});
