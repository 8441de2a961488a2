import { padFrame, renderClip, syntheticVideo } from '../test/synthetic-video';
import { centreOf, FingerprintBuilder, fingerprintFrames, sliceFingerprint } from './fingerprint';
import { FULL_FRAME } from './grey-frame';
import { RegionHasher } from './region-hasher';

describe('FingerprintBuilder', () => {
  const plain = renderClip(syntheticVideo(5, 3), 0, 3, 8, 72, 128);
  const letterboxed = plain.map((p) => padFrame(p, 72, 128, { x0: 0, y0: 0.1, x1: 1, y1: 0.9 }, () => 0));

  it('hashes the whole frame as frames arrive, exactly as hashing each frame on its own', () => {
    const fp = fingerprintFrames(plain, 8);
    expect(fp.views).toHaveLength(1);
    plain.forEach((f, i) => {
      const h = new RegionHasher(f).hash([centreOf(FULL_FRAME)], false);
      expect([fp.views[0].hashes[2 * i], fp.views[0].hashes[2 * i + 1], fp.views[0].quality[i]]).toEqual([h.hashes[0], h.hashes[1], h.quality[0]]);
    });
  });

  it('finds the picture inside flat bars after the first pass, and hashes it on the second', () => {
    const b = new FingerprintBuilder(8);
    letterboxed.forEach((f) => b.push(f));
    const region = b.secondRegion();
    expect(region).not.toBeNull();
    letterboxed.forEach((f) => b.pushSecond(f));
    const fp = b.finish();
    expect(fp.views.map((v) => v.region)).toEqual([FULL_FRAME, region]);
    const h = new RegionHasher(letterboxed[3]).hash([centreOf(region!)], false);
    expect([fp.views[1].hashes[6], fp.views[1].hashes[7]]).toEqual([h.hashes[0], h.hashes[1]]);
  });

  it('refuses a second pass it did not ask for, or one that missed frames', () => {
    const plainBuilder = new FingerprintBuilder(8);
    plain.forEach((f) => plainBuilder.push(f));
    expect(plainBuilder.secondRegion()).toBeNull();
    expect(() => plainBuilder.pushSecond(plain[0])).toThrow('no second view');
    const b = new FingerprintBuilder(8);
    letterboxed.forEach((f) => b.push(f));
    b.secondRegion();
    b.pushSecond(letterboxed[0]);
    expect(() => b.finish()).toThrow(`the second pass saw 1 of ${letterboxed.length} frames`);
  });

  it('grows past its first thousand frames', () => {
    const many = Array.from({ length: 1500 }, (_, i) => plain[i % plain.length]);
    expect(fingerprintFrames(many, 8).views[0].quality).toHaveLength(1500);
  });
});

describe('sliceFingerprint', () => {
  const letterboxed = renderClip(syntheticVideo(5, 3), 0, 3, 8, 72, 128).map((p) => padFrame(p, 72, 128, { x0: 0, y0: 0.1, x1: 1, y1: 0.9 }, () => 0));
  const fp = fingerprintFrames(letterboxed, 8);

  it('keeps the frames asked for in every view, with their regions', () => {
    const part = sliceFingerprint(fp, 5, 12);
    expect(part.frames).toBe(7);
    expect(part.views).toHaveLength(2);
    part.views.forEach((v, k) => {
      expect(v.region).toEqual(fp.views[k].region);
      expect(Array.from(v.hashes)).toEqual(Array.from(fp.views[k].hashes.subarray(10, 24)));
      expect(Array.from(v.quality)).toEqual(Array.from(fp.views[k].quality.subarray(5, 12)));
    });
  });

  it('refuses frames outside the fingerprint', () => {
    expect(() => sliceFingerprint(fp, -1, 4)).toThrow(RangeError);
    expect(() => sliceFingerprint(fp, 3, fp.frames + 1)).toThrow(RangeError);
    expect(sliceFingerprint(fp, fp.frames, fp.frames).frames).toBe(0);
  });
});
