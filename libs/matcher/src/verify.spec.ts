import { FingerprintView, queryHypotheses } from '@dramaguard/fingerprint';
import { watchingKernel } from '../../fingerprint/test/kernel-hashes';
import { fingerprintOf, random, renderClip, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { Candidate } from './candidates';
import { ClipHasher, rectKey, RegionFrames } from './clip-hasher';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';
import { settleRegion } from './region-search';
import { motionAgreement, settleLine, VerifiedCopy, verifyOnRegion, verifySpan } from './verify';

const FPS = 8;

/** Hashes (two words a frame) of a video whose picture drifts: `flips` bits change from one frame to the next. */
function drifting(frames: number, flips: number, seed: number): Uint32Array {
  const rnd = random(seed);
  const out = new Uint32Array(2 * frames);
  out[0] = (rnd() * 2 ** 32) >>> 0;
  out[1] = (rnd() * 2 ** 32) >>> 0;
  for (let f = 1; f < frames; f++) {
    out[2 * f] = out[2 * f - 2];
    out[2 * f + 1] = out[2 * f - 1];
    for (let k = 0; k < flips; k++) {
      const bit = Math.floor(rnd() * 64);
      out[2 * f + (bit >> 5)] ^= 1 << (bit & 31);
    }
  }
  return out;
}

function view(hashes: Uint32Array): FingerprintView {
  return { region: { x0: 0, y0: 0, x1: 1, y1: 1 }, hashes, quality: new Uint8Array(hashes.length / 2).fill(40) };
}

describe('motionAgreement', () => {
  const registered = view(drifting(400, 2, 5));

  it('keeps every match of a copy that moves with its original', () => {
    // Clip frame f shows registered frame 40 + 1.2 f: a 1.2x speed-up, same motion.
    const clip = new Uint32Array(2 * 200);
    for (let f = 0; f < 200; f++) {
      const j = Math.round(40 + 1.2 * f);
      clip[2 * f] = registered.hashes[2 * j];
      clip[2 * f + 1] = registered.hashes[2 * j + 1];
    }
    expect(motionAgreement(clip, registered, 40, 1.2, 0, 199, FPS)).toBe(1);
  });

  it('keeps almost nothing of a still picture lined up against a moving stretch', () => {
    const still = new Uint32Array(2 * 200);
    for (let f = 0; f < 200; f++) {
      still[2 * f] = registered.hashes[80];
      still[2 * f + 1] = registered.hashes[81];
    }
    expect(motionAgreement(still, registered, 40, 1, 0, 199, FPS)).toBeLessThan(0.2);
  });

  it('does not judge a registered stretch that is itself still', () => {
    const stillRef = view(drifting(400, 0, 9));
    const clip = drifting(200, 0, 9);
    expect(motionAgreement(clip, stillRef, 0, 1, 0, 199, FPS)).toBe(1);
  });
});

describe('settleLine', () => {
  const o = DEFAULT_MATCHER_OPTIONS;
  // A still shot (registered frames 40-119 alike), then motion; the clip copies it from frame 40 at 1.0x.
  const moving = drifting(400, 3, 11);
  const hashes = moving.slice();
  for (let j = 41; j < 120; j++) {
    hashes[2 * j] = hashes[80];
    hashes[2 * j + 1] = hashes[81];
  }
  const registered = view(hashes);
  const clip = hashes.slice(80, 80 + 2 * 160);
  const quality = new Uint8Array(160).fill(40);
  const shares = new Uint8Array(400);
  /** Stage one's line through hits on the still part (clip frames 0-40), at the speed given. */
  const candidate = (speed: number): Candidate => ({
    episode: 'ep',
    view: 0,
    peak: { speed, offset: (60 - speed * 20) / FPS, support: 5, hits: [0, 1, 2] },
    hits: [0, 20, 40].map((q) => ({ q, r: 60, weight: 1, tag: 0, hold: 1 })),
  });
  const settle = (speed: number) => settleLine(candidate(speed), { q: clip, quality, ref: registered, shares, o, contraQuality: o.minQuality });

  it('tries a line at the slowest speed, which a still shot ties with every speed, at 1.0x too, and keeps the one matching more', () => {
    const line = settle(o.minSpeed);
    expect(line?.slope).toBeCloseTo(1, 2);
    expect(line?.runs.reduce((n, r) => n + r.matched, 0)).toBeGreaterThan(150);
  });

  it('keeps a line at any other speed as refitted', () => {
    const line = settle(0.8);
    expect(line?.slope).toBeCloseTo(0.8, 2);
  });
});

describe('settleRegion and verifyOnRegion', () => {
  const W = 72;
  const H = 128;
  const episode = syntheticVideo(101, 16);
  const ref = fingerprintOf(renderClip(episode, 0, 16, FPS, W, H)).views[0];
  const shares = new Uint8Array(ref.quality.length);
  const hypotheses = queryHypotheses({ active: null, inset: null, aspect: W / H });
  // Synthetic pictures hash at quality ~32; halving their contrast gives ~16.
  const o = { ...DEFAULT_MATCHER_OPTIONS, weakMinQuality: 24 };

  /** A stage-one candidate for a copy of the episode from 3 s, held by the unedited hypothesis. */
  function candidate(support: number): Candidate {
    const hits = [0, 8, 16].map((q) => ({ q, r: q + 3 * FPS, weight: 1, tag: 0, hold: 1 }));
    return { episode: 'ep', view: 0, peak: { speed: 1, offset: 3, support, hits: [0, 1, 2] }, hits };
  }

  function verifyCandidate(clip: ClipHasher, c: Candidate) {
    const region = settleRegion(clip, ref, c, hypotheses, o);
    return region && verifyOnRegion(clip.hashAllOf([region])[0], ref, shares, c, region, o);
  }

  function verify(contrast: number, support: number) {
    const frames = renderClip(episode, 3, 9, FPS, W, H, { tone: (v) => 128 + contrast * (v - 128) });
    return verifyCandidate(new ClipHasher(frames), candidate(support));
  }

  it("settles an unedited copy on its seed hypothesis's own rectangle, and moves for a cropped one", () => {
    const unedited = settleRegion(new ClipHasher(renderClip(episode, 3, 9, FPS, W, H)), ref, candidate(o.minSupport), hypotheses, o);
    expect(unedited?.rect).toBe(hypotheses[0].rect);
    const cropped = renderClip(episode, 3, 9, FPS, W, H, { window: { x0: 0.04, y0: 0.06, x1: 0.9, y1: 0.92 } });
    const moved = settleRegion(new ClipHasher(cropped), ref, candidate(o.minSupport), hypotheses, o);
    expect(moved?.rect).not.toEqual(hypotheses[0].rect);
  });

  it('verifies a well-supported copy of low-contrast pictures', () => {
    expect(verify(0.5, o.minSupport)?.runs.length).toBeGreaterThan(0);
  });

  it('verifies a weakly supported candidate on informative frames', () => {
    expect(verify(1, o.weakSupport)?.runs.length).toBeGreaterThan(0);
  });

  it('does not accept a weakly supported candidate on low-texture frames alone', () => {
    expect(verify(0.5, o.weakSupport)).toBeNull();
  });

  it('costs no rectangle twice while it settles a cropped copy, the one it started from included', () => {
    const frames = renderClip(episode, 3, 9, FPS, W, H, { window: { x0: 0.04, y0: 0.06, x1: 0.9, y1: 0.92 } });
    const clip = new ClipHasher(frames);
    const costed = jest.spyOn(clip, 'region');
    const region = settleRegion(clip, ref, candidate(o.minSupport), hypotheses, o);
    const asked = costed.mock.calls.map(([r, mirror]) => `${mirror}:${rectKey(r)}`);
    expect(region?.rect).not.toEqual(hypotheses[0].rect);
    expect(asked.length).toBeGreaterThan(12);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("hashes nothing again for a second candidate whose search steps through the first one's frames and rectangles", () => {
    const frames = renderClip(episode, 3, 9, FPS, W, H, { window: { x0: 0.04, y0: 0.06, x1: 0.9, y1: 0.92 } });
    const clip = new ClipHasher(frames);
    watchingKernel((hashed) => {
      const first = settleRegion(clip, ref, candidate(o.minSupport), hypotheses, o);
      const computed = hashed.mock.calls.length;
      expect(settleRegion(clip, ref, candidate(o.minSupport), hypotheses, o)).toEqual(first);
      expect(computed).toBeGreaterThan(0);
      expect(hashed).toHaveBeenCalledTimes(computed);
    });
  });

  it('never turns the rectangle of a search seeded upright', () => {
    const frames = renderClip(episode, 3, 9, FPS, W, H, { window: { x0: 0.04, y0: 0.06, x1: 0.9, y1: 0.92 } });
    const clip = new ClipHasher(frames);
    const costed = jest.spyOn(clip, 'region');
    const region = settleRegion(clip, ref, candidate(o.minSupport), hypotheses, o);
    expect(region?.rect).not.toEqual(hypotheses[0].rect);
    expect(costed.mock.calls.filter(([r]) => r.angle).length).toBe(0);
  });

  it('tries turns either way of a search seeded by a turned hypothesis', () => {
    const turned = hypotheses.findIndex((h) => h.rect.angle);
    const seed = hypotheses[turned].rect.angle as number;
    const c = candidate(o.minSupport);
    const clip = new ClipHasher(renderClip(episode, 3, 9, FPS, W, H));
    const costed = jest.spyOn(clip, 'region');
    settleRegion(clip, ref, { ...c, hits: c.hits.map((h) => ({ ...h, tag: 2 * turned })) }, hypotheses, o);
    const angles = new Set(costed.mock.calls.map(([r]) => r.angle ?? 0));
    expect(angles.has(seed - 2) && angles.has(seed + 2)).toBe(true);
  });

  it('scores the region search on 16 frames spread over the span of the candidate hits', () => {
    const clip = new ClipHasher(renderClip(episode, 3, 9, FPS, W, H));
    const asked = jest.spyOn(RegionFrames.prototype, 'hash');
    let frames: number[];
    try {
      settleRegion(clip, ref, candidate(o.minSupport), hypotheses, o);
      frames = [...new Set(asked.mock.calls.map(([f]) => f))].sort((a, b) => a - b);
    } finally {
      asked.mockRestore();
    }
    // The hits lie on clip frames 0-16, padded by a second: 25 frames, of which 16 are sampled.
    expect(frames).toHaveLength(16);
    expect(frames[frames.length - 1] - frames[0]).toBeGreaterThanOrEqual(20);
  });

  describe('on the span around the hits', () => {
    // 4 s of other footage, 6 s of the episode from 3 s, 10 s of other footage again.
    const copy = renderClip(episode, 3, 9, FPS, W, H);
    const frames = [...renderClip(syntheticVideo(998, 4), 0, 4, FPS, W, H), ...copy, ...renderClip(syntheticVideo(999, 10), 0, 10, FPS, W, H)];
    const start = 4 * FPS;
    /** A candidate whose hits lie on the given clip frames of the copy. */
    const onFrames = (qs: number[]): Candidate => ({
      episode: 'ep',
      view: 0,
      peak: { speed: 1, offset: 3 - start / FPS, support: o.minSupport, hits: qs.map((_, i) => i) },
      hits: qs.map((q) => ({ q, r: q - start + 3 * FPS, weight: 1, tag: 0, hold: 1 })),
    });
    function verifyBoth(c: Candidate) {
      const clip = new ClipHasher(frames);
      const region = settleRegion(clip, ref, c, hypotheses, o);
      if (!region) throw new Error('no region settled');
      const widen = jest.fn((first: number, last: number) => clip.hashAllOf([{ ...region, first, last }])[0]);
      const span = verifyOnRegion(clip.hashAllOf([{ ...region, ...verifySpan(c, frames.length, o) }])[0], ref, shares, c, region, o, widen);
      return { span: withoutFrames(span), widen, all: withoutFrames(verifyOnRegion(clip.hashAllOf([region])[0], ref, shares, c, region, o)) };
    }
    // Beyond the span the frames are not compared: the copy is judged on its runs and line.
    const withoutFrames = (v: VerifiedCopy | null) => v && { ...v, aligned: undefined };

    it('spans the hits and two run-ending gaps either side, within the clip', () => {
      expect(verifySpan(onFrames([40, 60]), frames.length, o)).toEqual({ first: 16, last: 84 });
      expect(verifySpan(onFrames([2, 150]), frames.length, o)).toEqual({ first: 0, last: frames.length - 1 });
    });

    it('verifies a copy its hits cover as the whole clip does, without widening its span', () => {
      const { span, widen, all } = verifyBoth(onFrames([start, start + 16, start + copy.length - 1]));
      expect(all?.runs).toHaveLength(1);
      expect(span).toEqual(all);
      expect(widen).not.toHaveBeenCalled();
    });

    it("settles again on a span grown past the edge a copy's run reaches", () => {
      const { span, widen, all } = verifyBoth(onFrames([start, start + 4, start + 8]));
      // The span (frames 8-64) grows by its length after its end, short of the clip's end (159): the run ends inside it.
      expect(widen.mock.calls).toEqual([[8, 121]]);
      expect(span).toEqual(all);
      expect(Math.abs((all?.runs[0].last ?? 0) + 1 - start - copy.length)).toBeLessThanOrEqual(FPS / 2);
    });
  });

  it('ends a weakly supported copy where low-texture frames of other footage follow it', () => {
    // 6 s of the episode, then 3 s of unrelated pictures at half contrast (quality under weakMinQuality).
    const copy = renderClip(episode, 3, 9, FPS, W, H);
    const other = renderClip(syntheticVideo(999, 4), 0, 3, FPS, W, H, { tone: (v) => 128 + 0.5 * (v - 128) });
    const v = verifyCandidate(new ClipHasher([...copy, ...other]), candidate(o.weakSupport));
    const last = Math.max(...(v?.runs ?? []).map((r) => r.last));
    expect(Math.abs(last + 1 - copy.length)).toBeLessThanOrEqual(FPS / 2);
  });
});
