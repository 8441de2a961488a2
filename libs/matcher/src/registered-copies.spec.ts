import { FingerprintView, Rect, sliceFingerprint } from '@dramaguard/fingerprint';
import { EpisodeMatch, MatchSegment } from './clip-matcher';
import { overlappingEpisodes, RegisteredEpisode, registeredStretch, withoutRegisteredCopies } from './registered-copies';

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

function match(episode: string, segments: MatchSegment[], region: Rect = { x0: 0, y0: 0, x1: 1, y1: 1 }): EpisodeMatch {
  return { episode, score: Math.max(...segments.map((s) => s.score)), mirrored: false, region, segments };
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

  it('keeps both when the registered pictures differ and fill different areas of the clip (split screen, picture in picture)', () => {
    const views = registry([
      ['original', [original]],
      ['other', [randomView(40, 2)]],
    ]);
    const left = match('original', [segment(0, 20, 10, 0.9, 150)], { x0: 0, y0: 0, x1: 0.5, y1: 1 });
    const inset = match('other', [segment(5, 10, 0, 0.6, 20)], { x0: 0.55, y0: 0.6, x1: 0.95, y1: 0.9 });
    expect(withoutRegisteredCopies([left, inset], views, FPS, 8).map((m) => m.episode)).toEqual(['original', 'other']);
  });

  it('drops a weaker match of other pictures found in the same area at the same time: a region fitted to a chance likeness', () => {
    const views = registry([
      ['original', [original]],
      ['other', [randomView(40, 2)]],
    ]);
    const copy = match('original', [segment(0, 20, 10, 0.95, 150)], { x0: 0.15, y0: 0.15, x1: 0.85, y1: 0.85 });
    const likeness = match('other', [{ ...segment(2, 9.5, 0, 0.59, 30), speed: 0.75 }], { x0: 0.1, y0: 0.11, x1: 0.82, y1: 0.9 });
    expect(withoutRegisteredCopies([copy, likeness], views, FPS, 8).map((m) => m.episode)).toEqual(['original']);
  });

  describe('a copy whose line is confirmed in stretches (a still shot), with a gap of 10-18 s between two of its segments', () => {
    const views = registry([
      ['original', [original]],
      ['other', [randomView(80, 3)]],
    ]);
    const area = { x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.9 };
    const stretches = (secondRef: number) => match('original', [segment(0, 10, 10, 0.9, 80), segment(18, 20, secondRef, 0.85, 16)], area);
    const kept = (other: EpisodeMatch, copy = stretches(28)) => withoutRegisteredCopies([copy, other], views, FPS, 8).map((m) => m.episode);

    it('drops a likeness in the same area that lies mostly on a segment and runs on into the gap', () => {
      const likeness = match('other', [{ ...segment(5, 13, 0, 0.56, 53), speed: 0.83 }], area);
      expect(overlappingEpisodes([stretches(28), likeness]).sort()).toEqual(['original', 'other']);
      expect(kept(likeness)).toEqual(['original']);
    });

    it('keeps a picture shown within the gap: a cut-away to another episode', () => {
      expect(kept(match('other', [segment(10.5, 17.5, 0, 0.6, 50)], area)).sort()).toEqual(['original', 'other']);
      expect(kept(match('other', [segment(8, 17, 0, 0.6, 60)], area)).sort()).toEqual(['original', 'other']);
    });

    it('bridges no gap between segments of two lines', () => {
      const likeness = match('other', [{ ...segment(5, 13, 0, 0.56, 53), speed: 0.83 }], area);
      expect(kept(likeness, stretches(40)).sort()).toEqual(['original', 'other']);
    });
  });

  it("judges the area by each segment's own region: pictures that swap sides are both kept", () => {
    const views = registry([
      ['original', [original]],
      ['other', [randomView(400, 2)]],
    ]);
    const left = { x0: 0, y0: 0, x1: 0.5, y1: 1 };
    const right = { x0: 0.5, y0: 0, x1: 1, y1: 1 };
    // Side by side, then swapped at 30 s; each match's region is its best copy's, the left one for both.
    const a = match('original', [{ ...segment(0, 30, 0, 0.95, 200), region: left }, { ...segment(30, 60, 30, 0.9, 180), region: right }], left);
    const b = match('other', [{ ...segment(0, 30, 0, 0.8, 190), region: right }, { ...segment(30, 60, 30, 0.85, 200), region: left }], left);
    expect(withoutRegisteredCopies([a, b], views, FPS, 8).map((m) => [m.episode, m.segments.length])).toEqual([
      ['original', 2],
      ['other', 2],
    ]);
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

describe('registeredStretch', () => {
  const original = randomView(400, 1);
  const near = regraded(original, 15 * FPS, 5 * FPS, 12);

  /** Each match's episode as a shard carries it: only the stretch of its views the match can read. */
  function carried(matches: EpisodeMatch[], whole: Map<string, RegisteredEpisode>): Map<string, RegisteredEpisode> {
    return new Map(
      matches.map((m) => {
        const { views, group } = whole.get(m.episode)!;
        const frames = views[0].quality.length;
        const { first, end } = registeredStretch(m, FPS, frames);
        return [m.episode, { views: sliceFingerprint({ fps: FPS, frames, views }, first, end).views, group, first }];
      }),
    );
  }

  it("spans the match's segments and the seconds either side the rule searches, within the episode", () => {
    // The second segment's line reaches 25 + 10 * 1.2 = 37 s of the episode.
    const m = match('original', [segment(4, 10, 20, 0.9, 40), { ...segment(30, 40, 25, 0.8, 70), speed: 1.2 }]);
    expect(registeredStretch(m, FPS, 400)).toEqual({ first: 20 * FPS - 25, end: 37 * FPS + 26 });
    expect(registeredStretch(m, FPS, 300)).toEqual({ first: 20 * FPS - 25, end: 300 });
    expect(registeredStretch(match('original', [segment(0, 5, 1, 0.9, 30)]), FPS, 400).first).toBe(0);
    // A line placed past the episode's end (a regression's intercept can overshoot) leaves an empty stretch, within it.
    expect(registeredStretch(match('original', [segment(0, 5, 60, 0.9, 30)]), FPS, 400)).toEqual({ first: 400, end: 400 });
  });

  it('gives the rule the same answers as the whole fingerprints', () => {
    const whole = new Map<string, RegisteredEpisode>([
      ['original', { views: [original], group: 'a' }],
      ['regraded', { views: [near], group: 'b' }],
    ]);
    // In different areas of the clip, so only the pictures can tell the near-duplicate.
    const left = { x0: 0, y0: 0, x1: 0.5, y1: 1 };
    const right = { x0: 0.5, y0: 0, x1: 1, y1: 1 };
    const copy = match('original', [segment(0, 20, 10, 0.9, 150)], left);
    const slowCopy = match('original', [{ ...segment(0, 20, 11.25, 0.9, 150), speed: 0.75 }], left);
    const duplicate = match('regraded', [segment(5, 10, 0, 0.6, 20)], right);
    const slowDuplicate = match('regraded', [{ ...segment(5, 10, 1, 0.6, 20), speed: 0.75 }], right);
    for (const found of [
      [copy, duplicate],
      [slowCopy, slowDuplicate],
    ]) {
      expect(registeredStretch(found[0], FPS, 400).first).toBeGreaterThan(0);
      expect(withoutRegisteredCopies(found, carried(found, whole), FPS, 8).map((m) => m.episode)).toEqual(['original']);
      expect(withoutRegisteredCopies(found, whole, FPS, 8).map((m) => m.episode)).toEqual(['original']);
    }
  });
});
