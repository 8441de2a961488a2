import { Fingerprint, FULL_FRAME } from '@dramaguard/fingerprint';
import { EpisodeMatch } from '@dramaguard/matcher';
import { ShardAnswerEntity } from '@dramaguard/records';
import { carriedEpisodes, carriedRegistered } from './carried-episodes';

const frames = 720;
const fingerprint: Fingerprint = {
  fps: 8,
  frames,
  views: [FULL_FRAME, { x0: 0, y0: 0.1, x1: 1, y1: 0.9 }].map((region, k) => ({
    region,
    hashes: Uint32Array.from({ length: 2 * frames }, (_, i) => i * 7 + k),
    quality: Uint8Array.from({ length: frames }, (_, i) => i % 200),
  })),
};

function match(episode: string, refStart: number): EpisodeMatch {
  const segment = { clipStart: 0, clipEnd: 10, refStart, refEnd: refStart + 10, speed: 1, matchedFrames: 70, score: 0.9 };
  return { episode, score: 0.9, mirrored: false, region: FULL_FRAME, segments: [segment] };
}

function answer(registered: ShardAnswerEntity['registered']): ShardAnswerEntity {
  return { registered } as ShardAnswerEntity;
}

describe('carried episodes', () => {
  it("carry the stretch of each held episode the near-duplicate rule reads, with its work, and read back as the episode's frames", () => {
    const carried = carriedEpisodes([match('a', 40), match('not held', 0)], new Map([['a', { fingerprint, group: 'series a' }]]));
    expect(carried.map((c) => [c.episode, c.group, c.first])).toEqual([['a', 'series a', 40 * 8 - 25]]);

    expect(carriedRegistered([answer(carried)], ['b']).size).toBe(0);
    const back = carriedRegistered([answer(null), answer(carried)], ['a']).get('a')!;
    expect(back.group).toBe('series a');
    expect(back.first).toBe(295);
    expect(back.views).toHaveLength(2);
    // Frame 400 of the episode, of the second view, sits at 400 - first in the stretch.
    expect([back.views[1].hashes[2 * (400 - 295)], back.views[1].quality[400 - 295]]).toEqual([fingerprint.views[1].hashes[800], fingerprint.views[1].quality[400]]);
    expect(back.views[0].quality.length).toBe(50 * 8 + 26 - 295);
  });

  it('leave an episode whose stretch does not decode to be read', () => {
    const [good] = carriedEpisodes([match('a', 0)], new Map([['a', { fingerprint, group: 'g' }]]));
    const read = carriedRegistered([answer([good, { ...good, episode: 'b', data: Buffer.from('old').toString('base64') }])], ['a', 'b']);
    expect([...read.keys()]).toEqual(['a']);
  });
});
