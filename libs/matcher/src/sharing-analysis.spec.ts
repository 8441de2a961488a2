import { SHARED_ACROSS_HOLDERS } from '@dramaguard/hash-index';
import { EpisodeMatch } from './clip-matcher';
import { analyseSharing } from './sharing-analysis';

function match(episode: string, clipStart: number, clipEnd: number, refStart: number): EpisodeMatch {
  const refEnd = refStart + (clipEnd - clipStart);
  return { episode, score: 0.9, mirrored: false, region: { x0: 0, y0: 0, x1: 1, y1: 1 }, segments: [{ clipStart, clipEnd, refStart, refEnd, speed: 1, matchedFrames: 20, score: 0.9 }] };
}

const owners: Record<string, { holder: string; group: string }> = {
  ep1: { holder: 'studio', group: 'series' },
  other: { holder: 'rival', group: 'their-series' },
};

describe('analyseSharing', () => {
  it('counts an intro shared within the series on both sides', () => {
    const a = analyseSharing(800, { holder: 'studio', group: 'series' }, [match('ep1', 0, 3, 0)], (e) => owners[e]);
    expect(a.conflicts).toEqual([]);
    expect(Array.from(a.shares.slice(0, 26))).toEqual([...Array(24).fill(1), 0, 0]);
    expect(a.updates).toEqual([{ episode: 'ep1', ranges: [{ first: 0, last: 23, acrossHolders: false }] }]);
  });

  it('marks a short sting shared with another holder as common on both sides, without a conflict', () => {
    const a = analyseSharing(800, { holder: 'studio', group: 'series' }, [match('other', 0, 4, 10)], (e) => owners[e]);
    expect(a.conflicts).toEqual([]);
    expect(a.shares[0]).toBe(SHARED_ACROSS_HOLDERS);
    expect(a.updates[0].ranges).toEqual([{ first: 80, last: 111, acrossHolders: true }]);
  });

  it('reports a long copy of another holder\'s episode as a conflict and marks nothing for it', () => {
    const long = match('other', 0, 60, 0);
    const a = analyseSharing(800, { holder: 'studio', group: 'series' }, [long], (e) => owners[e]);
    expect(a.conflicts).toEqual([long]);
    expect(a.updates).toEqual([]);
    expect(a.shares.every((s) => s === 0)).toBe(true);
  });

  it('reports a whole episode of another holder inside a much longer upload as a conflict', () => {
    // 60 s copied into a 20-minute upload is 5% of it, but far beyond a sting.
    const inside = match('other', 300, 360, 0);
    const a = analyseSharing(8 * 1200, { holder: 'studio', group: 'series' }, [inside], (e) => owners[e]);
    expect(a.conflicts).toEqual([inside]);
    expect(a.updates).toEqual([]);
  });

  it('reports a short upload that is mostly another holder\'s content as a conflict', () => {
    const most = match('other', 0, 5, 20);
    const a = analyseSharing(8 * 6, { holder: 'studio', group: 'series' }, [most], (e) => owners[e]);
    expect(a.conflicts).toEqual([most]);
  });
});
