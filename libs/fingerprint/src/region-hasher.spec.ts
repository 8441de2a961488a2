import { renderFrame, syntheticVideo } from '../test/synthetic-video';
import { HASH_FREQS, HASH_GRID, lowFrequencyDct } from './dct-hash';
import { FULL_FRAME, GreyFrame } from './grey-frame';
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

describe('lowFrequencyDct', () => {
  it('equals the textbook 2-D DCT-II on the lowest non-DC frequencies', () => {
    const n = HASH_GRID;
    const grid = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 0.37) * 50 + (i % 7) * 3);
    const fast = lowFrequencyDct(grid);
    const basis = (f: number, x: number): number => Math.sqrt(2 / n) * Math.cos((Math.PI / (2 * n)) * (f + 1) * (2 * x + 1));
    for (let fy = 0; fy < HASH_FREQS; fy++) {
      for (let fx = 0; fx < HASH_FREQS; fx++) {
        let s = 0;
        for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) s += basis(fy, y) * basis(fx, x) * grid[y * n + x];
        expect(fast[fy * HASH_FREQS + fx]).toBeCloseTo(s, 6);
      }
    }
  });
});
