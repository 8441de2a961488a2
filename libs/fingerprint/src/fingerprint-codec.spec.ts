import { renderClip, syntheticVideo } from '../test/synthetic-video';
import { fingerprintFrames } from './fingerprint';
import { decodeFingerprint, encodeFingerprint } from './fingerprint-codec';
import { padFrame } from '../test/synthetic-video';

describe('fingerprint codec', () => {
  const letterboxed = renderClip(syntheticVideo(8, 3), 0, 3, 8, 72, 128).map((p) => padFrame(p, 72, 128, { x0: 0, y0: 0.1, x1: 1, y1: 0.9 }, () => 0));
  const fp = fingerprintFrames(letterboxed, 8);

  it('stores 9 bytes per frame and view and reads back the same fingerprint', () => {
    expect(fp.views).toHaveLength(2);
    const bytes = encodeFingerprint(fp);
    expect(bytes.length).toBe(10 + 2 * (16 + 9 * fp.frames));
    const back = decodeFingerprint(bytes);
    expect(back.fps).toBe(8);
    expect(back.frames).toBe(fp.frames);
    back.views.forEach((v, k) => {
      expect(Array.from(v.hashes)).toEqual(Array.from(fp.views[k].hashes));
      expect(Array.from(v.quality)).toEqual(Array.from(fp.views[k].quality));
      expect(v.region.y0).toBeCloseTo(fp.views[k].region.y0, 5);
    });
  });

  it('refuses bytes that are not a fingerprint or were cut short', () => {
    expect(() => decodeFingerprint(Buffer.from('not a fingerprint at all'))).toThrow('not a DramaGuard fingerprint');
    expect(() => decodeFingerprint(encodeFingerprint(fp).subarray(0, 100))).toThrow('does not match');
  });
});
