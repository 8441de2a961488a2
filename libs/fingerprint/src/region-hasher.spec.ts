import { random, renderFrame, syntheticVideo } from '../test/synthetic-video';
import { FULL_FRAME, GreyFrame, Rect } from './grey-frame';
import { hamming64 } from './hamming';
import { RegionHasher } from './region-hasher';

const centre = { x0: 0.15, y0: 0.15, x1: 0.85, y1: 0.85 };

function hashOf(frame: GreyFrame, region = centre): Uint32Array {
  return new RegionHasher(frame).hash([region], false).hashes;
}

describe('RegionHasher', () => {
  const video = syntheticVideo(11, 12);
  const original = renderFrame(video, 4.2, 144, 256);
  const h0 = hashOf(original);

  it.each([
    ['re-encoded (noise)', renderFrame(video, 4.2, 144, 256, { noise: 8, seed: 3 })],
    ['rescaled to a quarter of the pixels', renderFrame(video, 4.2, 72, 128)],
    ['brightened and contrast-stretched', renderFrame(video, 4.2, 144, 256, { tone: (v) => v * 1.15 + 15 })],
    ['gamma-shifted', renderFrame(video, 4.2, 144, 256, { tone: (v) => 255 * Math.pow(Math.max(0, v) / 255, 0.85) })],
  ])('hashes a frame and its %s version close', (_, edited) => {
    expect(hamming64(h0, 0, hashOf(edited), 0)).toBeLessThanOrEqual(8);
  });

  it('hashes unrelated frames far apart', () => {
    const distances = [21, 22, 23, 24, 25, 26].map((seed) => hamming64(h0, 0, hashOf(renderFrame(syntheticVideo(seed, 12), 4.2, 144, 256)), 0));
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(16);
  });

  it('gives a mirrored frame the mirror variant of the original hash', () => {
    const mirrored = renderFrame(video, 4.2, 144, 256, { mirror: true });
    const original = new RegionHasher(renderFrame(video, 4.2, 144, 256)).hash([centre], true);
    const flipped = hashOf(mirrored);
    expect(hamming64(original.mirrored, 0, flipped, 0)).toBeLessThanOrEqual(4);
    expect(hamming64(original.hashes, 0, flipped, 0)).toBeGreaterThan(12);
  });

  it('hashes the same picture content the same when it was cropped out of a larger frame', () => {
    // The copy shows the window [0.1, 0.9] x [0.05, 0.85] of the original, scaled back to full size;
    // the original's centre lies at ((0.15 - 0.1) / 0.8, (0.15 - 0.05) / 0.8, ...) of the copy.
    const copy = renderFrame(video, 4.2, 144, 256, { window: { x0: 0.1, y0: 0.05, x1: 0.9, y1: 0.85 } });
    const inCopy = { x0: 0.05 / 0.8, y0: 0.1 / 0.8, x1: 0.75 / 0.8, y1: 0.8 / 0.8 };
    expect(hamming64(h0, 0, hashOf(copy, inCopy), 0)).toBeLessThanOrEqual(6);
    expect(hamming64(h0, 0, hashOf(copy), 0)).toBeGreaterThan(hamming64(h0, 0, hashOf(copy, inCopy), 0));
  });

  it('rates a flat frame as uninformative and a detailed one as informative', () => {
    const flat: GreyFrame = { width: 144, height: 256, data: new Uint8Array(144 * 256).fill(16) };
    expect(new RegionHasher(flat).hash([FULL_FRAME], false).quality[0]).toBe(0);
    expect(new RegionHasher(original).hash([FULL_FRAME], false).quality[0]).toBeGreaterThan(20);
  });
});

describe('RegionHasher, against the registrations already stored', () => {
  it('hashes a frame to the same bits as the code that fingerprinted them', () => {
    // Words written by the hasher before its loops were reordered for speed
    // (docs/BENCHMARK.md, section 17): a registered fingerprint is never
    // hashed again, so a change of even one bit here splits old and new.
    const frame = renderFrame(syntheticVideo(11, 12), 4.2, 144, 256);
    const regions = [centre, { x0: 0.1, y0: 0.05, x1: 0.93, y1: 0.9 }, { x0: -0.2, y0: 0.1, x1: 0.7, y1: 1.1 }, { x0: 0.12, y0: 0.2, x1: 0.8, y1: 0.75, angle: 3 }];
    const { hashes, mirrored, quality } = new RegionHasher(frame).hash(regions, true);
    expect([...hashes]).toEqual([0x55ed98b3, 0x407f5e40, 0x554d18aa, 0xe86e7e54, 0x51d6a669, 0x39e6c658, 0xc0359cc8, 0xdca4ddb5]);
    expect([...mirrored]).toEqual([0xb8cde6, 0x7d3b0f15, 0x184dff, 0xfd3b1b05, 0x483f33c, 0x6cbb932d, 0x9560c99d, 0x99f598f0]);
    expect([...quality]).toEqual([43, 39, 29, 45]);
  });

  it('hashes 1,134 regions of 18 frames as the TypeScript hasher did before the kernel', () => {
    // The digest of every word and quality, written by the TypeScript
    // resample, DCT and threshold the region kernel replaced (commit d006bd1):
    // upright, turned, overhanging, outside and tiny regions, three frame sizes.
    const rnd = random(41);
    const regions: Rect[] = Array.from({ length: 60 }, (_, i) => {
      const x0 = rnd() * 0.5 - 0.15;
      const y0 = rnd() * 0.5 - 0.15;
      const r = { x0, y0, x1: x0 + 0.3 + rnd() * 0.8, y1: y0 + 0.3 + rnd() * 0.8 };
      return i % 3 === 0 ? { ...r, angle: (rnd() - 0.5) * 8 } : r;
    });
    regions.push({ x0: 1.1, y0: 0.2, x1: 1.6, y1: 0.9 }, { x0: -0.7, y0: -0.6, x1: -0.2, y1: -0.1, angle: 2 }, { x0: 0.4, y0: 0.4, x1: 0.42, y1: 0.43 });
    let digest = 0x811c9dc5;
    const fold = (v: number): void => {
      for (let b = 0; b < 4; b++) digest = Math.imul(digest ^ ((v >>> (8 * b)) & 0xff), 0x01000193);
    };
    let count = 0;
    for (const seed of [3, 11, 29]) {
      for (const t of [1.3, 4.2]) {
        for (const [w, h] of [[144, 256], [72, 128], [256, 144]]) {
          const { hashes, mirrored, quality } = new RegionHasher(renderFrame(syntheticVideo(seed, 12), t, w, h)).hash(regions, true);
          hashes.forEach(fold);
          mirrored.forEach(fold);
          quality.forEach(fold);
          count += quality.length;
        }
      }
    }
    expect(count).toBe(1134);
    expect((digest >>> 0).toString(16)).toBe('849867e1');
  });

  it('hashes a reloaded frame, and one whose table was lent to other frames, as a new hasher does', () => {
    const frames = [3, 4, 5].map((t) => renderFrame(syntheticVideo(7, 12), t, 144, 256));
    const reused = new RegionHasher(frames[0]);
    reused.hash([centre], true);
    // More hashers than the kernel keeps tables for, each hashing once, take every slot in turn.
    for (let i = 0; i < 40; i++) new RegionHasher(frames[i % 3]).hash([centre], false);
    for (const frame of [frames[0], frames[2], renderFrame(syntheticVideo(7, 12), 6, 72, 128)]) {
      reused.load(frame);
      expect(reused.hash([centre, { ...centre, angle: 2 }], true)).toEqual(new RegionHasher(frame).hash([centre, { ...centre, angle: 2 }], true));
    }
  });

  it('refuses a frame whose data is shorter than its size', () => {
    expect(() => new RegionHasher({ width: 10, height: 10, data: new Uint8Array(99) })).toThrow(RangeError);
  });
});
