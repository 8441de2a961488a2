import { FingerprintView } from '@dramaguard/fingerprint';
import { EpisodeMatch, MatchSegment } from './clip-matcher';
import { overlappingEpisodes, RegisteredEpisode, withoutRegisteredCopies } from './registered-copies';

const FPS = 8;

/** Each episode in a work of its own unless `group` says otherwise. */
function registry(entries: [string, FingerprintView[]][], group?: string): Map<string, RegisteredEpisode> {
  return new Map(entries.map(([id, views]) => [id, { views, group: group ?? `work of ${id}` }]));
}

function randomView(frames: number, seed: number): FingerprintView {
  let s = seed;
  const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  const hashes = new Uint32Array(2 * frames).map(() => next());
  return { region: { x0: 0, y0: 0, x1: 1, y1: 1 }, hashes, quality: new Uint8Array(frames).fill(60) };
}

/** `from`'s frames [start, start + length) with `bits` bits flipped in each: the same shot, re-graded. */
function regraded(from: FingerprintView, start: number, length: number, bits: number): FingerprintView {
  const hashes = new Uint32Array(2 * length);
  for (let k = 0; k < length; k++) {
    hashes[2 * k] = (from.hashes[2 * (start + k)] ^ ((1 << bits) - 1)) >>> 0;
    hashes[2 * k + 1] = from.hashes[2 * (start + k) + 1];
  }
  return { region: from.region, hashes, quality: new Uint8Array(length).fill(60) };
}

function segment(clipStart: number, clipEnd: number, refStart: number, score: number, matchedFrames: number): MatchSegment {
  return { clipStart, clipEnd, refStart, refEnd: refStart + clipEnd - clipStart, speed: 1, matchedFrames, score };
}

function match(episode: string, segments: MatchSegment[]): EpisodeMatch {
  return { episode, score: Math.max(...segments.map((s) => s.score)), mirrored: false, region: { x0: 0, y0: 0, x1: 1, y1: 1 }, segments };
}

describe('withoutRegisteredCopies', () => {
  const original = randomView(400, 1);
  // The clip copies the original's seconds 10-30 at clip 0-20; the near-duplicate holds its seconds 15-20 re-graded.
  const copied = match('original', [segment(0, 20, 10, 0.9, 150)]);
  const nearDuplicate = match('regraded', [segment(5, 10, 0, 0.6, 20)]);

  it('drops a weaker match whose registered pictures are a re-grade of the stronger one it overlaps', () => {
    const views = registry([
      ['original', [original]],
      ['regraded', [regraded(original, 15 * FPS, 5 * FPS, 12)]],
    ]);
    expect(overlappingEpisodes([copied, nearDuplicate]).sort()).toEqual(['original', 'regraded']);
    expect(withoutRegisteredCopies([copied, nearDuplicate], views, FPS, 8).map((m) => m.episode)).toEqual(['original']);
  });

  it('finds the re-grade when the two lines, misjudged in speed on a still scene, disagree by a second', () => {
    const views = registry([
      ['original', [original]],
      ['regraded', [regraded(original, 15 * FPS, 5 * FPS, 12)]],
    ]);
    // The clip shows the original's seconds 15-20 at clip 5-10; both lines claim 0.75x, each anchored elsewhere.
    const slowCopy = match('original', [{ ...segment(0, 20, 11.25, 0.9, 150), speed: 0.75 }]);
    const slowDuplicate = match('regraded', [{ ...segment(5, 10, 1, 0.6, 20), speed: 0.75 }]);
    expect(withoutRegisteredCopies([slowCopy, slowDuplicate], views, FPS, 8).map((m) => m.episode)).toEqual(['original']);
  });

  it('leaves episodes of one work to sibling attribution: a recap and the episode it replays are both kept', () => {
    const views = registry(
      [
        ['original', [original]],
        ['regraded', [regraded(original, 15 * FPS, 5 * FPS, 12)]],
      ],
      'one series',
    );
    expect(withoutRegisteredCopies([copied, nearDuplicate], views, FPS, 8).map((m) => m.episode)).toEqual(['original', 'regraded']);
  });

  it('keeps both when the registered pictures differ (split screen, picture in picture)', () => {
    const views = registry([
      ['original', [original]],
      ['regraded', [randomView(40, 2)]],
    ]);
    expect(withoutRegisteredCopies([copied, nearDuplicate], views, FPS, 8).map((m) => m.episode)).toEqual(['original', 'regraded']);
  });

  it('keeps the stronger of two: a near-duplicate is never what removes the copy it resembles', () => {
    const views = registry([
      ['original', [original]],
      ['regraded', [regraded(original, 15 * FPS, 5 * FPS, 12)]],
    ]);
    const strongDuplicate = match('regraded', [segment(5, 10, 0, 0.95, 40)]);
    const result = withoutRegisteredCopies([copied, strongDuplicate], views, FPS, 8);
    // The duplicate does not cover 80 % of the original's 20 s, so the original stays; the duplicate, stronger, is not covered by anything stronger.
    expect(result.map((m) => m.episode).sort()).toEqual(['original', 'regraded']);
  });

  it('keeps matches at other clip times, and a match keeps its other segments', () => {
    const elsewhere = match('regraded', [segment(5, 10, 0, 0.6, 20), segment(30, 40, 0, 0.7, 60)]);
    const views = registry([
      ['original', [original]],
      ['regraded', [regraded(original, 15 * FPS, 5 * FPS, 12)]],
    ]);
    const result = withoutRegisteredCopies([copied, elsewhere], views, FPS, 8);
    expect(result.find((m) => m.episode === 'regraded')).toMatchObject({ score: 0.7, segments: [{ clipStart: 30 }] });
    expect(overlappingEpisodes([match('a', [segment(0, 5, 0, 0.9, 30)]), match('b', [segment(10, 15, 0, 0.9, 30)])])).toEqual([]);
  });
});
