import { Rect, RegionHasher } from '@dramaguard/fingerprint';
import { watchingKernel } from '../../fingerprint/test/kernel-hashes';
import { renderFrame, syntheticVideo } from '../../fingerprint/test/synthetic-video';
import { ClipHasher, ClipHashes, RegionFrames } from './clip-hasher';
import { hashProbe, probeClip } from './query-probe';

const wholeClip = (clip: ClipHasher, rect: Rect, mirror: boolean): ClipHashes => clip.hashAllOf([{ rect, mirror }])[0];

describe('ClipHasher', () => {
  const video = syntheticVideo(4, 6);
  const frames = [0.5, 1.5, 2.5, 3.5].map((t) => renderFrame(video, t, 72, 128));
  const rect = { x0: 0.12, y0: 0.2, x1: 0.8, y1: 0.9 };

  it('hashes every frame over a region as a hasher of that frame alone does', () => {
    const clip = new ClipHasher(frames);
    clip.region({ x0: 0, y0: 0, x1: 1, y1: 1 }, false).hash(2);
    for (const mirror of [false, true]) {
      const all = wholeClip(clip, rect, mirror);
      frames.forEach((f, i) => {
        const own = new RegionHasher(f).hash([rect], true);
        expect([all.hashes[2 * i], all.hashes[2 * i + 1]]).toEqual(Array.from(mirror ? own.mirrored : own.hashes));
        expect(all.quality[i]).toBe(own.quality[0]);
      });
    }
  });

  it('hashes a region over the whole clip once', () => {
    const clip = new ClipHasher(frames);
    expect(wholeClip(clip, rect, true)).toBe(wholeClip(clip, { ...rect }, true));
    expect(wholeClip(clip, rect, true)).not.toBe(wholeClip(clip, rect, false));
  });

  it('hashes several regions in one pass as it hashes each alone', () => {
    const regions = [
      { rect, mirror: false },
      { rect: { x0: 0, y0: 0.1, x1: 1, y1: 0.95, angle: 2 }, mirror: true },
      { rect, mirror: false },
    ];
    const together = new ClipHasher(frames);
    const known = wholeClip(together, rect, true);
    const [first, turned, again] = together.hashAllOf(regions);
    expect(again).toBe(first);
    expect(together.hashAllOf([{ rect, mirror: true }])[0]).toBe(known);
    const alone = new ClipHasher(frames);
    expect(first).toEqual(wholeClip(alone, regions[0].rect, false));
    expect(turned).toEqual(wholeClip(alone, regions[1].rect, true));
  });
});

describe('ClipHasher.hashAllOf over spans', () => {
  const video = syntheticVideo(7, 6);
  const frames = Array.from({ length: 10 }, (_, f) => renderFrame(video, 0.5 * f, 72, 128));
  const rect = { x0: 0.1, y0: 0.05, x1: 0.85, y1: 0.9 };

  it("hashes a span's frames only, as over the whole clip, then the rest of them when the whole clip is asked for", () => {
    const whole = wholeClip(new ClipHasher(frames), rect, true);
    const clip = new ClipHasher(frames);
    watchingKernel((hashOne) => {
      const [span, inner] = clip.hashAllOf([
        { rect, mirror: true, first: 2, last: 6 },
        { rect: { ...rect }, mirror: true, first: 3, last: 4 },
      ]);
      expect(hashOne).toHaveBeenCalledTimes(5);
      expect([span.first, span.last, inner.first, inner.last]).toEqual([2, 6, 3, 4]);
      for (let f = 2; f <= 6; f++) {
        expect([span.hashes[2 * f], span.hashes[2 * f + 1], span.quality[f]]).toEqual([whole.hashes[2 * f], whole.hashes[2 * f + 1], whole.quality[f]]);
      }
      expect(wholeClip(clip, rect, true)).toEqual(whole);
      expect(hashOne).toHaveBeenCalledTimes(frames.length);
    });
  });
});

describe('ClipHasher.region', () => {
  const video = syntheticVideo(6, 6);
  const frames = Array.from({ length: 20 }, (_, f) => renderFrame(video, 0.25 + 0.25 * f, 72, 128));
  const rect = { x0: 0.1, y0: 0.05, x1: 0.85, y1: 0.9 };
  const own = (f: number, r: Rect, mirror: boolean) => {
    const h = new RegionHasher(frames[f]).hash([r], true);
    return { words: Array.from(mirror ? h.mirrored : h.hashes), quality: h.quality[0] };
  };
  const asked = (region: RegionFrames, f: number) => {
    const quality = region.hash(f);
    return { words: [region.lo, region.hi], quality };
  };

  it('hashes each frame over a region once for every search that asks for it, as a hasher of that frame alone does', () => {
    const expected = [false, true].map((mirror) => frames.map((_, f) => own(f, rect, mirror)));
    const clip = new ClipHasher(frames);
    watchingKernel((computed) => {
      // Twenty frames out of order, asked twice: more than a region's first slots hold.
      const order = frames.map((_, f) => (7 * f) % frames.length);
      for (const mirror of [false, true]) {
        for (const f of [...order, ...order.reverse()]) expect(asked(clip.region(rect, mirror), f)).toEqual(expected[mirror ? 1 : 0][f]);
      }
      expect(clip.region({ ...rect }, true)).toBe(clip.region(rect, true));
      expect(computed).toHaveBeenCalledTimes(2 * frames.length);
    });
  });

  it("takes a hypothesis's hashes from stage one's probe where it hashed them, and hashes the other frames", () => {
    const probe = probeClip(frames);
    const h = probe.hypotheses.length - 1;
    hashProbe(probe, { frames }, [0, 3, 4], [h]);
    const clip = new ClipHasher(frames, probe);
    watchingKernel((hashOne) => {
      const hypothesis = { ...probe.hypotheses[h].rect };
      const region = clip.region(hypothesis, true);
      for (const f of [0, 1, 3, 4, 5]) expect(asked(region, f)).toEqual(own(f, hypothesis, true));
      expect(hashOne.mock.calls.filter(([, mirror]) => mirror)).toHaveLength(2);
    });
  });
});

describe('ClipHasher.hashAllOf with stage one\'s probe', () => {
  const video = syntheticVideo(5, 6);
  const frames = [0.5, 1.5, 2.5, 3.5, 4.5].map((t) => renderFrame(video, t, 72, 128));
  const every = frames.map((_, f) => f);
  const hashing = <T>(run: () => T): { out: T; hashed: number } => watchingKernel((hashOne) => ({ out: run(), hashed: hashOne.mock.calls.length }));

  it("takes a hypothesis's hashes over every frame from the probe, as hashing the frames gives them, plain and mirrored, hashing nothing", () => {
    const probe = probeClip(frames);
    hashProbe(probe, { frames }, every, probe.hypotheses.map((_, h) => h));
    const turned = probe.hypotheses.findIndex((h) => h.rect.angle);
    for (const h of [0, probe.hypotheses.length - 1, turned]) {
      for (const mirror of [false, true]) {
        const { rect } = probe.hypotheses[h];
        const expected = wholeClip(new ClipHasher(frames), rect, mirror);
        // A rectangle of the same coordinates is the hypothesis's, whichever object it is.
        expect(hashing(() => wholeClip(new ClipHasher(frames, probe), { ...rect }, mirror))).toEqual({ out: expected, hashed: 0 });
      }
    }
  });

  it('hashes the frames while one frame of the hypothesis is not in the probe, or the probe is of another clip', () => {
    const probe = probeClip(frames);
    hashProbe(probe, { frames }, every.slice(1), [0]);
    const { rect } = probe.hypotheses[0];
    expect(hashing(() => wholeClip(new ClipHasher(frames, probe), rect, false)).hashed).toBe(frames.length);
    hashProbe(probe, { frames }, [0], [0]);
    expect(hashing(() => wholeClip(new ClipHasher(frames, probe), rect, true)).hashed).toBe(0);
    expect(hashing(() => wholeClip(new ClipHasher(frames.slice(1), probe), rect, true)).hashed).toBe(frames.length - 1);
  });
});
